package reportyear

import (
	"github.com/fazhi/fazhi/ingest/layout"
	"github.com/fazhi/fazhi/ingest/textnorm"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fazhi/fazhi/ingest/goldeval"
)

const reportsDir = "../../datasets/reports"

// sample is a bundled sample report with its metadata from reports.jsonl.
type sample struct {
	goldeval.Report
	text string
}

func mustSamples(t testing.TB) []sample {
	t.Helper()
	f, err := os.Open(filepath.Join(reportsDir, "reports.jsonl"))
	if err != nil {
		t.Fatalf("open samples: %v", err)
	}
	defer f.Close()
	reps, err := goldeval.ReadReports(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) == 0 {
		t.Fatal("no samples in reports.jsonl")
	}
	out := make([]sample, len(reps))
	for i, r := range reps {
		b, err := os.ReadFile(filepath.Join(reportsDir, r.File))
		if err != nil {
			t.Fatalf("read sample: %v", err)
		}
		out[i] = sample{Report: r, text: string(b)}
	}
	return out
}

func TestDetectSamples(t *testing.T) {
	for _, s := range mustSamples(t) {
		first, _, _ := strings.Cut(strings.TrimSpace(s.text), "\n")
		for _, title := range []string{"", first} {
			got, ev, ok := Detect(layout.Read(textnorm.Normalize(s.text), title))
			if got != s.Year || !ok {
				t.Errorf("Detect(%q, %s) = %d, %v; want %d, true (evidence: %s)", clip(title, 20), s.File, got, ok, s.Year, ev)
			}
		}
	}
}

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		name, title, text string
		want              int // 0: not ok
	}{
		{
			name:  "title with 年度",
			title: "古城街道2024年度法治政府建设情况报告",
			text:  "街道坚持依法行政，全年受理行政复议案件3件。",
			want:  2024,
		},
		{
			name: "announcement sentence",
			text: "为全面推进依法行政，结合街道实际，现就2022年法治政府建设工作开展情况报告如下：\n一、基本情况\n街道高度重视。",
			want: 2022,
		},
		{
			name: "今年 dated by a signature late in the year",
			text: "今年以来，我镇共办理信访案件25宗。今年，我镇推进扫黑除恶。\n东莞市司法局桥头分局\n2019年12月2日\n",
			want: 2019,
		},
		{
			name: "今年 dated by a signature early next year",
			text: "今年以来，我镇共办理信访案件25宗。\n某某镇人民政府\n2024年1月15日\n",
			want: 2023,
		},
		{
			name: "figures of last year signed in January",
			text: "2023年，我区共办理行政复议案件30件。2023年以来，全区调解纠纷1200件。\n某某区人民政府\n2024年1月8日",
			want: 2023,
		},
		{
			name: "signature date in Chinese numerals",
			text: "今年以来，我镇共办理信访案件25宗。\n某某镇人民政府\n二〇二一年十二月二十日\n",
			want: 2021,
		},
		{
			name: "the year's own plan in 《》",
			text: "调解员莫某2018年获“全国调解先进个人”称号。一是狠抓责任落实，制定了《桥头镇2019年依法治镇工作实施方案》。",
			want: 2019,
		},
		{
			name: "next year's plan section is ignored",
			text: strings.Repeat("2023年，街道全年受理案件3件。", 1) + strings.Repeat("街道持续推进依法行政工作。", 8) +
				"\n三、下一步工作计划\n2024年，街道将继续推进。2024年重点抓好普法。2024年度完成规划。2024年街道开展培训。",
			want: 2023,
		},
		{
			name:  "title naming next year's plan too",
			title: "某某区2023年法治政府建设工作情况及2024年工作安排",
			text:  "全区坚持依法行政。",
			want:  2023,
		},
		{
			name: "plan year in a heading",
			text: "2024年，古城街道全面推进法治政府建设。\n二、2025年度推进法治政府建设的主要安排\n2025年工作计划如下。",
			want: 2024,
		},
		{
			name: "years of laws",
			text: "2024年，我区深入学习新修订的《行政复议法》(2023年修订)、《行政许可法》(2023年修正)、《优化营商环境条例》(2023年版)，《某某条例》2023年1月1日起施行。",
			want: 2024,
		},
		{
			name: "ranges in the names of plans",
			text: "深入学习《法治政府建设实施纲要(2021—2025年)》和《北京市全面依法治市规划(2021—2025年)》。",
			want: 0,
		},
		{
			name: "ranges of years",
			text: "公布2017年至2019年政府工作报告和2017年至2019年财政预算，完成2020——2023年、2020——2023年文件公开。",
			want: 0,
		},
		{
			name: "history and comparison",
			text: "驻所调解室于2018年成立，自2018年以来累计调解纠纷800宗。2020年，调解纠纷120宗，较2018年增长5%。",
			want: 2020,
		},
		{
			name: "last year's report reviewed",
			text: "2023年，街道工委听取并审议了2022年度法治政府建设工作报告。2023年街道开展普法活动30场。",
			want: 2023,
		},
		{
			name:  "Chinese numeral title",
			title: "二〇二三年度法治政府建设情况报告",
			text:  "全区坚持依法行政。",
			want:  2023,
		},
		{
			name:  "spaces around the digits, as in text from PDF",
			title: "古城街道 2024 年度法治政府建设情况报告",
			text:  "街道坚持依法行政。",
			want:  2024,
		},
		{
			name: "full-width digits",
			text: "２０２２年度法治政府建设情况报告\n街道坚持依法行政。",
			want: 2022,
		},
		{
			name: "publication date and 今年",
			text: "发布单位:\n  • 日期:2025-01-08 09:40\n今年，街道共办理案件3件。今年以来调解纠纷12件。",
			want: 2024,
		},
		{
			name: "two years weigh the same",
			text: "2021年办理案件3件。2022年办理案件5件。",
			want: 0,
		},
		{
			name: "part of a longer number",
			text: "对各部门20192020年行政处罚案件进行评查。",
			want: 0,
		},
		{
			name: "no year",
			text: "街道坚持依法行政，全年受理行政复议案件3件。",
			want: 0,
		},
		{name: "empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ev, ok := Detect(layout.Read(textnorm.Normalize(tc.text), tc.title))
			if got != tc.want || ok != (tc.want != 0) {
				t.Errorf("Detect(%q, %q) = %d, %v; want %d, %v (evidence: %s)", clip(tc.title, 20), clip(tc.text, 30), got, ok, tc.want, tc.want != 0, ev)
			}
			if ev == "" {
				t.Errorf("Detect(%q, %q): empty evidence", clip(tc.title, 20), clip(tc.text, 30))
			}
		})
	}
}

func FuzzDetect(f *testing.F) {
	for _, s := range mustSamples(f) {
		f.Add("", s.text[:min(len(s.text), 1500)]+"\n"+s.text[max(0, len(s.text)-600):])
	}
	f.Add("二〇二三年度法治政府建设情况报告", "今年\n二〇二三年十二月")
	f.Add("", "2021—2025年\n2024年1月")
	f.Add("年", "年年\n年")
	f.Add("\xff2023年", "日期:2025-1")
	f.Fuzz(func(t *testing.T, title, text string) {
		y, ev, ok := Detect(layout.Read(text, title))
		if ok && (y < 1948 || y > 2099) {
			t.Errorf("Detect = %d, true; want a year in 1948–2099", y)
		}
		if !ok && y != 0 {
			t.Errorf("Detect = %d, false; want 0 when not ok", y)
		}
		if ev == "" {
			t.Errorf("Detect: empty evidence")
		}
	})
}

func BenchmarkDetect(b *testing.B) {
	for _, s := range mustSamples(b) {
		b.Run(s.File[:3], func(b *testing.B) {
			b.SetBytes(int64(len(s.text)))
			for b.Loop() {
				Detect(layout.Read(s.text, ""))
			}
		})
	}
}
