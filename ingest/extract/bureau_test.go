package extract

import "testing"

func TestBureauTitle(t *testing.T) {
	for _, tc := range []struct {
		title string
		want  bool
	}{
		{"国家税务总局临溪市滨江区税务局2023年法治税务建设情况报告", true},
		{"某县自然资源局关于2022年法治政府建设工作情况的报告", true},
		{"县市场监督管理局2024年度法治政府建设工作报告", true},
		{"县司法局2024年法治政府建设工作报告", false}, // the reconsideration office's house
		{"县人民政府关于2023年法治政府建设情况的报告", false},
		{"城关镇2023年法治政府建设年度报告", false},
		{"关于2023年法治政府建设情况的报告", false},
		{"", false},
	} {
		if got := bureauTitle(tc.title); got != tc.want {
			t.Errorf("bureauTitle(%q) = %v; want %v", tc.title, got, tc.want)
		}
	}
}
