package dashboards

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/fazhi/fazhi/warehouse/readmodel"
	"github.com/gin-gonic/gin"
)

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		v    float64
		unit string
		want string
	}{
		{374, "件", "374件"},
		{0, "件", "0件"},
		{10000, "份", "1万份"},
		{15020000, "元", "1502万元"},
		{3013830000, "元", "30.14亿元"},
		{98.2, "%", "98.2%"},
		{100, "%", "100%"},
		{97.126, "%", "97.13%"},
		{12345, "人次", "1.23万人次"},
	}
	for _, tc := range cases {
		if got := formatNumber(tc.v, tc.unit); got != tc.want {
			t.Errorf("formatNumber(%v, %q) = %q; want %q", tc.v, tc.unit, got, tc.want)
		}
	}
	for kind, want := range map[string]string{readmodel.ApproxAtLeast: "≥1万份", readmodel.ApproxAbout: "≈1万份",
		readmodel.ApproxAtMost: "≤1万份", "": "1万份"} {
		if got := displayValue(10000, "份", kind); got != want {
			t.Errorf("displayValue(%q) = %q; want %s", kind, got, want)
		}
	}
	if got := displayValue(10000, "份", readmodel.ApproxAtLeast); got != "≥1万份" {
		t.Errorf("displayValue(approx) = %q; want ≥1万份", got)
	}
}

func TestCompareChartOptions(t *testing.T) {
	ind := readmodel.Indicator{Code: "mediation.cases_accepted", NameZH: "受理调解案件", Unit: "件", Kind: "count"}
	rows := []compareRowView{
		{CompareRow: readmodel.CompareRow{JurisdictionName: "古城街道", Year: 2024,
			Figure: readmodel.Figure{Value: 2119},
			Source: readmodel.Source{FactID: "f1", Quote: "受理2119件"}}, Display: "2119件", Rank: 1, Tied: 1},
		{CompareRow: readmodel.CompareRow{JurisdictionName: "桥头镇", Year: 2019,
			Figure: readmodel.Figure{Value: 1000, Approx: true, ApproxKind: readmodel.ApproxAtLeast}}, Display: "≥1000件", Rank: 2, Tied: 1},
	}
	cv := compareChart(ind, rows, nil, nil, scopeQuery{Latest: true}, "/?format=csv")
	option, prov := cv.Option, cv.Provenance
	b, err := json.Marshal(option)
	if err != nil {
		t.Fatal(err)
	}
	var opt struct {
		YAxis []struct {
			Type string
			Data []string
		} `json:"yAxis"`
		Series []struct {
			Type string
			Data []struct {
				Name      string
				Value     float64
				Label     struct{ Formatter string }
				ItemStyle *struct{ Color string } `json:"itemStyle"`
			}
		}
		Toolbox struct {
			Feature map[string]any
		}
	}
	if err := json.Unmarshal(b, &opt); err != nil {
		t.Fatalf("chart option JSON: %v\n%s", err, b)
	}
	if len(opt.YAxis) != 1 || opt.YAxis[0].Type != "category" || strings.Join(opt.YAxis[0].Data, ",") != "1 古城街道 2024年,2 桥头镇 2019年" {
		t.Errorf("yAxis = %+v; want the two jurisdictions with ranks and years, ranked", opt.YAxis)
	}
	if len(opt.Series) != 1 || opt.Series[0].Type != "bar" || len(opt.Series[0].Data) != 2 {
		t.Fatalf("series = %+v; want one bar series with 2 items (no error bars for counts)", opt.Series)
	}
	d := opt.Series[0].Data
	if d[0].Label.Formatter != "2119件" || d[1].Label.Formatter != "≥1000件" {
		t.Errorf("labels = %q, %q; want 2119件 and ≥1000件", d[0].Label.Formatter, d[1].Label.Formatter)
	}
	if d[1].Name != "2 桥头镇 2019年：≥1000件" {
		t.Errorf("second bar's name = %q; want rank, name, year and value for the tooltip", d[1].Name)
	}
	for _, f := range []string{"saveAsImage", "dataView"} {
		if _, ok := opt.Toolbox.Feature[f]; !ok {
			t.Errorf("toolbox lacks %s", f)
		}
	}
	if len(prov) != 1 || len(prov[0]) != 2 || prov[0][0].Facts[0].FactID != "f1" || prov[0][0].Facts[0].Quote != "受理2119件" {
		t.Errorf("provenance = %+v; want each bar's fact and quote", prov)
	}
}

func TestRateChartHasErrorBars(t *testing.T) {
	ind := readmodel.Indicator{Code: "mediation.success_rate", NameZH: "调解成功率", Unit: "%", Kind: "rate"}
	low, high := wilson(3, 3)
	rows := []compareRowView{{CompareRow: readmodel.CompareRow{JurisdictionName: "甲镇", Year: 2023, Figure: readmodel.Figure{Value: 100}},
		Display: "100%", Counts: "3/3", Low: low, High: high, HasCI: true, Rank: 1, Tied: 1}}
	cv := compareChart(ind, rows, nil, nil, scopeQuery{Year: 2023}, "")
	option, prov := cv.Option, cv.Provenance
	series := option["series"].([]any)
	if len(series) != 2 || len(prov) != 2 {
		t.Fatalf("rate chart: %d series, %d provenance rows; want the bars and an error-bar series", len(series), len(prov))
	}
	eb := series[1].(map[string]any)
	if eb["type"] != "custom" || eb["fazhi"] != "errorbar" {
		t.Errorf("second series = %v; want the custom error-bar series", eb)
	}
	if got := option["xAxis"].([]any)[0].(map[string]any)["max"]; got != float64(100) {
		t.Errorf("rate axis max = %v; want 100", got)
	}
}

func TestWilson(t *testing.T) {
	cases := []struct {
		k, n, low, high float64
	}{
		{3, 3, 43.85, 100},
		{367, 374, 96.19, 99.09},
		{0, 10, 0, 27.75},
		{5, 10, 23.66, 76.34},
	}
	for _, tc := range cases {
		low, high := wilson(tc.k, tc.n)
		if math.Abs(low-tc.low) > 0.01 || math.Abs(high-tc.high) > 0.01 {
			t.Errorf("wilson(%v, %v) = %.2f..%.2f; want %.2f..%.2f", tc.k, tc.n, low, high, tc.low, tc.high)
		}
	}
}

func TestParseScope(t *testing.T) {
	cases := []struct {
		query   string
		latest  bool
		want    scopeQuery
		notices int
	}{
		{"", false, scopeQuery{}, 0},
		{"year=2023&parent=33&level=镇", false, scopeQuery{Year: 2023, Parent: "33", Level: "镇"}, 0},
		{"year=latest&level=all&parent=331082", true, scopeQuery{Latest: true, AllLevels: true, Parent: "331082"}, 0},
		{"year=latest", false, scopeQuery{}, 1},
		{"year=1800&level=村&parent=3", false, scopeQuery{}, 3},
		{"parent=33x", false, scopeQuery{}, 1},
	}
	for _, tc := range cases {
		q, _ := url.ParseQuery(tc.query)
		var n notices
		if got := parseScope(q, &n, tc.latest); got != tc.want || len(n) != tc.notices {
			t.Errorf("parseScope(%q) = %+v with notices %q; want %+v with %d", tc.query, got, n, tc.want, tc.notices)
		}
	}
	var n notices
	unknownParams(url.Values{"province": {"33"}, "indicator": {"x"}, "zz": {"1"}}, &n, "indicator")
	if len(n) != 2 || !strings.Contains(n[0], "parent=33") || !strings.Contains(n[1], "zz") {
		t.Errorf("unknownParams = %q; want one notice naming parent for province, one for zz", n)
	}
}

// A report can contain anything; nothing it says may run as script.
func TestComparePageEscapesReportText(t *testing.T) {
	h := New(nil, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{})
	evil := `</script><script>alert(1)</script><img src=x onerror=alert(2)>`
	ind := readmodel.Indicator{Code: "mediation.cases_accepted", NameZH: "受理" + evil, Unit: "件"}
	rows := []compareRowView{{CompareRow: readmodel.CompareRow{JurisdictionName: evil, Year: 2024,
		Figure: readmodel.Figure{Value: 1, Scope: evil},
		Source: readmodel.Source{Quote: evil, ReportID: `"><script>alert(3)</script>`}}, Display: "1件", Badges: valueBadges(true, evil, false, false, []string{evil}),
		Rank: 1, Tied: 1, Reason: evil}}
	page := comparePage{Title: evil, Indicator: ind, Rows: rows, Unranked: rows, Notices: notices{evil}, Default: evil, Order: evil,
		Charts: []chartView{compareChart(ind, rows, rows, nil, scopeQuery{}, evil)}, CSV: evil,
		Scope: scopeView{Parent: evil, Areas: []areaSelect{{Label: evil, Up: evil, Options: []selectOption{{Value: evil, Label: evil}}}}}}
	var buf bytes.Buffer
	if err := h.pages.ExecuteTemplate(&buf, "compare.html", page); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, bad := range []string{"<script>alert", "<img src=x", `"><script>`} {
		if strings.Contains(html, bad) {
			t.Errorf("page contains %q unescaped", bad)
		}
	}
	// The only scripts are ours: the ECharts and fazhi.js assets and the chart call.
	if n := len(regexp.MustCompile(`<script`).FindAllString(html, -1)); n != 3 {
		t.Errorf("page has %d <script> tags; want 3", n)
	}
}

func TestPagesLoadNothingFromOutside(t *testing.T) {
	for _, dir := range []string{"templates", "assets"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Name() == "echarts.min.js" || e.Name() == "echarts.LICENSE" {
				continue
			}
			b, err := os.ReadFile(dir + "/" + e.Name())
			if err != nil {
				t.Fatal(err)
			}
			if m := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:)?//`).Find(b); m != nil {
				t.Errorf("%s/%s refers to an outside address: %s", dir, e.Name(), m)
			}
		}
	}
}

// The embedded ECharts must be the version the lockfile pins.
func TestEmbeddedEChartsMatchesLockfile(t *testing.T) {
	lock, err := os.ReadFile("package-lock.json")
	if err != nil {
		t.Fatal(err)
	}
	var l struct {
		Packages map[string]struct{ Version string } `json:"packages"`
	}
	if err := json.Unmarshal(lock, &l); err != nil {
		t.Fatal(err)
	}
	v := l.Packages["node_modules/echarts"].Version
	if v == "" {
		t.Fatal("package-lock.json pins no echarts")
	}
	js, err := assets.ReadFile("assets/echarts.min.js")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(js, []byte(`.version="`+v+`"`)) {
		t.Errorf("assets/echarts.min.js is not ECharts %s (the lockfile's version): run make assets", v)
	}
}

// A page that fails to render is a whole 500, never a truncated page with
// status 200 that the page cache would keep.
func TestRenderFailureIsA500(t *testing.T) {
	h := New(nil, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{})
	w := httptest.NewRecorder()
	c, _ := gin.CreateTestContext(w)
	h.render(c, http.StatusOK, "compare.html", struct{ Title string }{"缺字段"})
	if w.Code != http.StatusInternalServerError || strings.Contains(w.Body.String(), "<html") {
		t.Errorf("render of a broken page = %d %q; want 500 without partial HTML", w.Code, w.Body.String())
	}
}

func TestPublishedText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"2023年,垡头街道工委办事处在区委、区政府的领导下", "2023年，垡头街道工委办事处在区委、区政府的领导下"},
		{"《法治政府建设实施纲要(2021—2025年)》", "《法治政府建设实施纲要（2021—2025年）》"},
		{"共1,876件,调解成功率98.2%,较上年", "共1,876件，调解成功率98.2%，较上年"},
		{"时间:09:40;地点:会议室", "时间：09:40；地点：会议室"},
		{"培训(村(社区)法律顾问)", "培训（村（社区）法律顾问）"},
		{"(一)坚持党建引领", "（一）坚持党建引领"},
		{"see (Smith, 2020): ok", "see (Smith, 2020): ok"},
		{"是否完成?是!", "是否完成？是！"},
		{"", ""},
	}
	for _, tc := range cases {
		got := publishedText(tc.in)
		if got != tc.want {
			t.Errorf("publishedText(%q) = %q; want %q", tc.in, got, tc.want)
		}
		if len([]rune(got)) != len([]rune(tc.in)) {
			t.Errorf("publishedText(%q) changed the number of runes: the facts' spans would move", tc.in)
		}
	}
}

func TestRateText(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	cases := []struct {
		v    float64
		n, d *float64
		want string
	}{
		{87.5, f(7), f(8), "87.5%（7/8）"},
		{100, f(7), f(8), "报告写100%，按7/8计算为87.5%"},
		{98.2, nil, nil, "98.2%"},
		{98.2, f(367), f(374), "98.2%（367/374）"},
	}
	for _, tc := range cases {
		if got := rateText(tc.v, "%", "", tc.n, tc.d); got != tc.want {
			t.Errorf("rateText(%v) = %q; want %q", tc.v, got, tc.want)
		}
	}
}

// Times are stored in UTC and written in the pages' zone.
func TestWhen(t *testing.T) {
	at := time.Date(2026, 12, 1, 10, 45, 47, 0, time.UTC)
	h := New(nil, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{})
	if got := h.when(at); got != "2026年12月1日 18:45（北京时间）" {
		t.Errorf("when(%v) = %q; want 2026年12月1日 18:45（北京时间）", at, got)
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no zone database")
	}
	h = New(nil, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{Location: berlin})
	if got := h.when(at); got != "2026年12月1日 11:45（Europe/Berlin）" {
		t.Errorf("when(%v) in Berlin = %q", at, got)
	}
}

// The compare page's CSV, byte for byte: a byte-order mark, the ranking
// with its ranks and ties, the values beside it with the reason in words,
// flags in words, formulas neutralised.
func TestCompareCSVBytes(t *testing.T) {
	ind := readmodel.Indicator{Code: "mediation.success_rate", NameZH: "调解成功率", Unit: "%", Kind: "rate"}
	n, d := 700.0, 800.0
	ranked := compareView(readmodel.CompareRow{JurisdictionCode: "331082002", JurisdictionName: "大洋街道", Year: 2024,
		Figure: readmodel.Figure{Value: 98.75},
		Source: readmodel.Source{Quote: "调解成功率98.75%", ReportID: "r1", FactID: "r1-1"}}, ind)
	ranked.Rank, ranked.Tied = 1, 1
	row := readmodel.CompareRow{JurisdictionCode: "331082003", JurisdictionName: "=江南街道", Year: 2024,
		Figure: readmodel.Figure{Value: 100, Flags: []string{"rate_mismatch", "ceiling"}},
		Source: readmodel.Source{Quote: "调解成功率100%,较上年", ReportID: "r2", FactID: "r2-1"},
		Counts: readmodel.Counts{Numerator: &n, Denominator: &d}}
	apart := compareView(row, ind)
	apart.Reason = unrankedText(readmodel.UnrankedMismatch, row.Figure, row.Counts, ind, 10)
	conflict := conflictView{CompareConflict: readmodel.CompareConflict{JurisdictionCode: "331082004", JurisdictionName: "海门街道",
		Year: 2024, Values: []float64{90, 95.5}, ReportIDs: []string{"r3", "r4"}}}
	cv := compareChart(ind, []compareRowView{ranked}, []compareRowView{apart}, []conflictView{conflict}, scopeQuery{Year: 2024}, "")
	var buf bytes.Buffer
	if err := writeCSV(&buf, cv.csvHeader, cv.csvRows); err != nil {
		t.Fatal(err)
	}
	want := "\ufeff排名,并列数,辖区,区划代码,年份,指标代码,指标,数值,单位,约数,部分,推算,已更正,数据提示,分子,分母,未参与排名的原因,原文,报告编号,事实编号\n" +
		"1,1,大洋街道,331082002,2024,mediation.success_rate,调解成功率,98.75,%,否,否,否,否,,,,,调解成功率98.75%,r1,r1-1\n" +
		",,'=江南街道,331082003,2024,mediation.success_rate,调解成功率,100,%,否,否,否,否,比率存疑、100%,700,800," +
		"报告写100%，按700/800计算为87.5%，两者不符,调解成功率100%，较上年,r2,r2-1\n" +
		",,海门街道,331082004,2024,mediation.success_rate,调解成功率,90,%,,,,,,,,同一年度有多份报告，数字不一致（待核实，有人选定以哪一份为准后参与排名）,,r3,\n" +
		",,海门街道,331082004,2024,mediation.success_rate,调解成功率,95.5,%,,,,,,,,同一年度有多份报告，数字不一致（待核实，有人选定以哪一份为准后参与排名）,,r4,\n"
	if got := buf.String(); got != want {
		t.Errorf("compare CSV =\n%q\nwant\n%q", got, want)
	}
}

func TestDefaultText(t *testing.T) {
	cases := []struct {
		chosen, shown scopeQuery
		want          string
	}{
		{scopeQuery{}, scopeQuery{Year: 2024, Level: "街道"}, "默认显示2024年（全辖区全年数值足够的最近一年）的街道（全辖区全年数值最多的层级）：排名只比较同一年、同一层级的辖区。"},
		{scopeQuery{Year: 2023}, scopeQuery{Year: 2023, Level: "镇"}, "默认显示镇（全辖区全年数值最多的层级）：排名只比较同一年、同一层级的辖区。"},
		{scopeQuery{Latest: true}, scopeQuery{Latest: true, Level: "镇"}, "默认显示镇（全辖区全年数值最多的层级）：排名只比较同一层级的辖区（各辖区取最新年份，年份可能不同）。"},
		{scopeQuery{Year: 2023, AllLevels: true}, scopeQuery{Year: 2023, AllLevels: true}, ""},
	}
	for _, tc := range cases {
		if got := defaultText(tc.chosen, tc.shown); got != tc.want {
			t.Errorf("defaultText(%+v, %+v) = %q; want %q", tc.chosen, tc.shown, got, tc.want)
		}
	}
}
