package outline

import "testing"

func TestIsHeading(t *testing.T) {
	cases := []struct {
		line string
		want bool
	}{
		{"一、基本工作情况", true},
		{"二是狠抓责任落实。", true},
		{"(一)高要求部署依法治镇工作", true},
		{"（二）深入贯彻落实", true},
		{"【三】法治宣传", true},
		{"1.优化公共服务", true},
		{"12、完善制度", true},
		{"３．全角数字", true},
		{"2022年在法治政府建设中", false},
		{"一年来,我街道", false},
		{"东莞市司法局桥头分局", false},
		{"", false},
	}
	for _, tc := range cases {
		if got := IsHeading(tc.line); got != tc.want {
			t.Errorf("IsHeading(%q) = %v; want %v", tc.line, got, tc.want)
		}
	}
}
