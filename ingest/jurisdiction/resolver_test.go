package jurisdiction

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/ingest/goldeval"
)

const reportsDir = "../../datasets/reports"

func mustResolver(t testing.TB) *Resolver {
	t.Helper()
	tab, err := divisions.Load()
	if err != nil {
		t.Fatalf("divisions.Load() error: %v", err)
	}
	return NewResolver(tab)
}

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

// TestResolveSamples checks the five sample reports against their metadata,
// with no title given (as when a report's title is lost) and with the first
// line given as the title.
func TestResolveSamples(t *testing.T) {
	r := mustResolver(t)
	for _, s := range mustSamples(t) {
		first, _, _ := strings.Cut(strings.TrimSpace(s.text), "\n")
		for _, title := range []string{"", first} {
			got := r.Resolve(title, s.text, "")
			if got.Code != s.DivisionCode || got.Name != s.Jurisdiction || got.Level != s.Level || !slices.Equal(got.Path, s.Path) {
				t.Errorf("Resolve(%q, %s) = %s %s %s %v; want %s %s %s %v (evidence: %s)",
					clip(title, 20), s.File, got.Name, got.Level, got.Code, got.Path,
					s.Jurisdiction, s.Level, s.DivisionCode, s.Path, got.Evidence)
			}
			if got.Evidence == "" {
				t.Errorf("Resolve(%s): empty evidence", s.File)
			}
		}
	}
}

func TestResolve(t *testing.T) {
	r := mustResolver(t)
	const body = "\n2023年，在上级党委政府的坚强领导下，我街道坚持以习近平新时代中国特色社会主义思想为指导，全面推进法治政府建设。我街道全年共受理行政复议案件3件。"
	for _, tc := range []struct {
		name, title, text, url string
		wantName, wantLevel    string
		wantCode               string
		wantCandidates         int // when wantCode is ""
	}{
		{
			name:     "same town name in many counties, no clue",
			title:    "桥头镇2023年法治政府建设情况报告",
			text:     "2023年，桥头镇坚持依法行政。我镇全年受理行政复议案件3件，桥头镇调委会调解纠纷12宗。",
			wantName: "桥头镇", wantLevel: "镇", wantCandidates: 18,
		},
		{
			name:     "county named in the text",
			title:    "古城街道2024年度法治政府建设情况报告",
			text:     body + "街道调委会调解成功率位列临海市各镇街调委会第一。",
			wantName: "古城街道", wantLevel: "街道", wantCode: "331082001",
		},
		{
			name:     "county named in short form",
			title:    "古城街道2024年度法治政府建设情况报告",
			text:     body + "调解成功率位列临海各镇街第一。",
			wantName: "古城街道", wantLevel: "街道", wantCode: "331082001",
		},
		{
			name:     "short form inside a street name is no clue",
			title:    "古城街道2024年度法治政府建设情况报告",
			text:     body + "在石景山路沿线开展普法宣传。",
			wantName: "古城街道", wantLevel: "街道", wantCandidates: 21,
		},
		{
			name:     "two-character short form that is a common word is no clue",
			title:    "古城街道2024年度法治政府建设情况报告",
			text:     body + "发挥党建灯塔引领作用，推进依法行政。",
			wantName: "古城街道", wantLevel: "街道", wantCandidates: 21,
		},
		{
			name:     "page title with the site's name",
			title:    "古城街道2024年度法治政府建设情况报告_临海市人民政府",
			text:     body,
			wantName: "古城街道", wantLevel: "街道", wantCode: "331082001",
		},
		{
			name:     "opening line naming the parent district is not the title",
			text:     "贯彻落实钟山区依法治区工作部署\n" + body + "我街道推进依法行政。\n六盘水市钟山区人民政府荷城街道办事处\n2022年12月1日",
			wantName: "荷城街道", wantLevel: "街道", wantCode: "520201014",
		},
		{
			name:     "a site's name as the title is not the jurisdiction",
			title:    "临海市人民政府",
			text:     "我镇坚持依法行政。桥头镇全年办理信访案件25宗，我镇在东莞市率先完成改革，桥头镇调委会调解纠纷30宗。",
			wantName: "桥头镇", wantLevel: "镇", wantCode: "441900107",
		},
		{
			name:     "two-character county name in the title",
			title:    "萧县人民政府2023年法治政府建设年度报告",
			text:     "2023年，我县坚持依法行政。",
			wantName: "萧县", wantLevel: "县", wantCode: "341322",
		},
		{
			name:     "a name too common to look for in text, given by the title",
			title:    "城区人民政府2022年法治政府建设年度报告",
			text:     "2022年，我区在阳泉市委市政府领导下坚持依法行政。",
			wantName: "城区", wantLevel: "区", wantCode: "140302",
		},
		{
			name:     "district named in full",
			title:    "古城街道2024年度法治政府建设情况报告",
			text:     body + "按照石景山区委区政府部署开展普法宣传。",
			wantName: "古城街道", wantLevel: "街道", wantCode: "110107004",
		},
		{
			name:     "province alone does not settle it",
			title:    "古城街道2024年度法治政府建设情况报告",
			text:     body + "深入学习《北京市全面依法治市规划(2021-2025年)》。",
			wantName: "古城街道", wantLevel: "街道", wantCandidates: 21,
		},
		{
			name:     "two candidate counties named equally",
			title:    "古城街道2024年度法治政府建设情况报告",
			text:     body + "赴石景山区、临海市学习调解工作经验。",
			wantName: "古城街道", wantLevel: "街道", wantCandidates: 21,
		},
		{
			name:     "parents written before the name in the text",
			title:    "古城街道2024年度法治政府建设情况报告",
			text:     body + "赴石景山区学习调解经验。临海市古城街道办事处现有在编人员56人。",
			wantName: "古城街道", wantLevel: "街道", wantCode: "331082001",
		},
		{
			name:     "signature names the parents, no title",
			text:     body + "荷城街道将继续推进依法行政。\n六盘水市钟山区人民政府荷城街道办事处\n2022年12月1日\n",
			wantName: "荷城街道", wantLevel: "街道", wantCode: "520201014",
		},
		{
			name:     "signature names a town in short form",
			text:     "我镇坚持依法行政，全年办理信访案件25宗。我镇推进法治建设。\n东莞市司法局桥头分局\n2019年12月2日\n- 相关新闻",
			wantName: "桥头镇", wantLevel: "镇", wantCode: "441900107",
		},
		{
			name:     "self-reference and the city named in the text",
			text:     "我镇坚持依法行政。桥头镇全年办理信访案件25宗，我镇在东莞市率先完成改革，桥头镇调委会调解纠纷30宗。",
			wantName: "桥头镇", wantLevel: "镇", wantCode: "441900107",
		},
		{
			name:     "district resolved by the towns it names",
			title:    "朝阳区人民政府2022年法治政府建设年度报告",
			text:     "2022年，我区坚持依法行政。富锋街道、永春镇、乐山镇建成公共法律服务工作站。",
			wantName: "朝阳区", wantLevel: "区", wantCode: "220104",
		},
		{
			name:     "district with no clue",
			title:    "朝阳区人民政府2022年法治政府建设年度报告",
			text:     "2022年，我区坚持依法行政，全区共办理行政复议案件30件。",
			wantName: "朝阳区", wantLevel: "区", wantCandidates: 2,
		},
		{
			name:     "title writes the parents",
			title:    "北京市朝阳区垡头街道2023年法治政府建设情况报告",
			text:     body,
			wantName: "垡头街道", wantLevel: "街道", wantCode: "110105019",
		},
		{
			name:     "title written in the text only",
			text:     "当前位置：首页 > 政务公开\n临海市古城街道2024年度法治政府建设情况报告\n" + body,
			wantName: "古城街道", wantLevel: "街道", wantCode: "331082001",
		},
		{
			name:     "unique name needs no clue",
			title:    "垡头街道2023年度法治政府建设情况报告",
			text:     body,
			wantName: "垡头街道", wantLevel: "街道", wantCode: "110105019",
		},
		{
			name:     "county named in the URL",
			title:    "古城街道2024年度法治政府建设情况报告",
			text:     body,
			url:      "http://www.example.gov.cn/%E4%B8%B4%E6%B5%B7%E5%B8%82/art/2025/1/8/art_1.html",
			wantName: "古城街道", wantLevel: "街道", wantCode: "331082001",
		},
		{
			name:     "name not in the division table",
			title:    "甲乙丙镇人民政府2023年法治政府建设情况报告",
			text:     "我镇坚持依法行政。",
			wantName: "甲乙丙镇", wantLevel: "镇",
		},
		{
			name:  "no name anywhere",
			title: "区司法局2023年度法治政府建设情况报告",
			text:  "2023年，全区坚持依法行政，共办理行政复议案件30件。",
		},
		{
			name: "empty report",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := r.Resolve(tc.title, tc.text, tc.url)
			if got.Name != tc.wantName || got.Level != tc.wantLevel || got.Code != tc.wantCode || len(got.Candidates) != tc.wantCandidates {
				t.Errorf("Resolve(%q, …) = name %q level %q code %q, %d candidates; want %q %q %q, %d candidates (evidence: %s)",
					tc.title, got.Name, got.Level, got.Code, len(got.Candidates), tc.wantName, tc.wantLevel, tc.wantCode, tc.wantCandidates, got.Evidence)
			}
			checkInvariants(t, r, got)
		})
	}
}

// checkInvariants checks what every Result promises.
func checkInvariants(t *testing.T, r *Resolver, got Result) {
	t.Helper()
	if got.Evidence == "" {
		t.Errorf("Resolve: empty evidence in %+v", got)
	}
	if got.Path == nil {
		t.Errorf("Resolve: nil Path in %+v", got)
	}
	if got.Code != "" {
		if len(got.Candidates) != 0 {
			t.Errorf("Resolve: code %s with candidates %v", got.Code, got.Candidates)
		}
		if len(got.Path) == 0 || got.Path[len(got.Path)-1] != got.Name && got.Path[len(got.Path)-1]+"办事处" != got.Name {
			t.Errorf("Resolve: path %v does not end with %s", got.Path, got.Name)
		}
		if _, ok := r.t.Get(got.Code); !ok {
			t.Errorf("Resolve: unknown code %s", got.Code)
		}
	} else if len(got.Path) != 0 {
		t.Errorf("Resolve: path %v without a code", got.Path)
	}
	for _, c := range got.Candidates {
		if d, ok := r.t.Get(c.Code); !ok || len(c.Path) == 0 || c.Path[len(c.Path)-1] != d.Name {
			t.Errorf("Resolve: bad candidate %+v", c)
		}
	}
	if got.Name == "" && (got.Code != "" || got.Level != "") {
		t.Errorf("Resolve: code or level without a name: %+v", got)
	}
}

func TestShortName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"临海市", "临海"},
		{"六盘水市", "六盘水"},
		{"北京市", "北京"},
		{"贵州省", "贵州"},
		{"广西壮族自治区", "广西"},
		{"新疆维吾尔自治区", "新疆"},
		{"黔东南苗族侗族自治州", "黔东南"},
		{"双江拉祜族佤族布朗族傣族自治县", "双江"},
		{"浦东新区", "浦东"},
		{"神农架林区", "神农架"},
		{"锡林郭勒盟", "锡林郭勒"},
		{"荷城街道", "荷城"},
		{"桥头镇", "桥头"},
		{"沛县", ""},
		{"城区", ""},
	} {
		if got := shortName(tc.in); got != tc.want {
			t.Errorf("shortName(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestScan(t *testing.T) {
	r := mustResolver(t)
	for _, tc := range []struct {
		in       string
		minRunes int
		want     []string
	}{
		{"六盘水市钟山区人民政府荷城街道办事处", 3, []string{"六盘水市", "钟山区", "荷城街道"}},
		{"中共北京市朝阳区委垡头街道工作委员会", 3, []string{"北京市", "朝阳区", "垡头街道"}},
		{"全区各乡镇街道、城区和新区", 2, nil},
		{"青岛市南区人民政府", 3, []string{"青岛市", "市南区"}},
		{"萧县人民政府", 2, []string{"萧县"}},
		{"萧县人民政府", 3, nil},
		{"", 2, nil},
	} {
		var got []string
		for _, m := range r.ix.scan(tc.in, tc.minRunes, nil) {
			got = append(got, m.name)
			if tc.in[m.start:m.end] != m.name {
				t.Errorf("scan(%q): mention %+v does not match its span", tc.in, m)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("scan(%q, %d) = %v; want %v", tc.in, tc.minRunes, got, tc.want)
		}
	}
}

func TestSignatureLines(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"two bodies and a date", "正文。\n中共北京市朝阳区委垡头街道工作委员会\n北京市朝阳区人民政府垡头街道办事处\n2023年12月30日\n",
			[]string{"北京市朝阳区人民政府垡头街道办事处", "中共北京市朝阳区委垡头街道工作委员会"}},
		{"web furniture after it", "正文。\n东莞市司法局桥头分局\n2019年12月2日\n- 相关新闻\n打印 关闭\n", []string{"东莞市司法局桥头分局"}},
		{"site footer", "正文。\n桥头镇人民政府\n2019年12月2日\n主办：东莞市人民政府办公室 电话：0769-1234567\n", []string{"桥头镇人民政府"}},
		{"no signature", "一、基本情况\n全区共办理案件30件，同比增长5%。\n", nil},
	} {
		if got := signatureLines(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("signatureLines(%s) = %q; want %q", tc.name, got, tc.want)
		}
	}
}

func TestTitleLines(t *testing.T) {
	in := "进入老年模式\n古城街道2024年度法治政府建设情况报告\n一、2024年推进法治政府建设的主要举措\n街道高度重视法治建设，成立领导小组。\n2023年XX区法治政府建设情况报告\n"
	want := []string{"古城街道2024年度法治政府建设情况报告", "2023年XX区法治政府建设情况报告"}
	if got := titleLines(in); !slices.Equal(got, want) {
		t.Errorf("titleLines(…) = %q; want %q", got, want)
	}
}

func FuzzResolve(f *testing.F) {
	r := mustResolver(f)
	for _, s := range mustSamples(f) {
		// The opening and the end hold the title and the signature; whole
		// reports make the fuzzer's inputs needlessly large.
		f.Add("", s.text[:min(len(s.text), 1500)]+"\n"+s.text[max(0, len(s.text)-600):], "")
	}
	f.Add("古城街道2024年度法治政府建设情况报告", "位列临海各镇街第一", "http://a/%E4%B8%B4")
	f.Add("", "我镇\n东莞市司法局桥头分局\n2019年12月2日", "%zz")
	f.Add("关于", "法治", "")
	f.Add("\xff\xfe镇", "我\xff镇街道区", "")
	f.Fuzz(func(t *testing.T, title, text, url string) {
		got := r.Resolve(title, text, url)
		if got.Code != "" && (len(got.Path) == 0 || len(got.Candidates) != 0) {
			t.Errorf("Resolve: code %s with path %v and %d candidates", got.Code, got.Path, len(got.Candidates))
		}
		if got.Evidence == "" {
			t.Errorf("Resolve: empty evidence")
		}
	})
}

func BenchmarkResolve(b *testing.B) {
	r := mustResolver(b)
	samples := mustSamples(b)
	for _, s := range samples {
		b.Run(s.File[:3], func(b *testing.B) {
			b.SetBytes(int64(len(s.text)))
			for b.Loop() {
				r.Resolve("", s.text, "")
			}
		})
	}
}

func BenchmarkNewResolver(b *testing.B) {
	tab, err := divisions.Load()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		NewResolver(tab)
	}
}
