package dashboards

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/fazhi/fazhi/warehouse/readmodel"
)

// option is a chart option as the browser receives it.
type option struct {
	XAxis []struct {
		Type string
		Data []string
	} `json:"xAxis"`
	YAxis []struct {
		Type string
		Name string
		Data []string
	} `json:"yAxis"`
	Series []struct {
		Name       string
		Type       string
		Stack      string
		YAxisIndex int `json:"yAxisIndex"`
		Data       []json.RawMessage
	}
	Toolbox struct {
		Feature map[string]any
	}
	VisualMap []map[string]any `json:"visualMap"`
}

func decodeOption(t *testing.T, cv chartView) option {
	t.Helper()
	b, err := json.Marshal(cv.Option)
	if err != nil {
		t.Fatal(err)
	}
	var o option
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatalf("chart %s option: %v\n%s", cv.ID, err, b)
	}
	for _, f := range []string{"saveAsImage", "dataView"} {
		if _, ok := o.Toolbox.Feature[f]; !ok {
			t.Errorf("chart %s: toolbox lacks %s", cv.ID, f)
		}
	}
	// Every series has one provenance list, as long as its data.
	if len(cv.Provenance) != len(o.Series) {
		t.Errorf("chart %s: %d provenance lists for %d series", cv.ID, len(cv.Provenance), len(o.Series))
	}
	for i := range min(len(cv.Provenance), len(o.Series)) {
		if len(cv.Provenance[i]) != len(o.Series[i].Data) {
			t.Errorf("chart %s series %d: %d provenance cells for %d data", cv.ID, i, len(cv.Provenance[i]), len(o.Series[i].Data))
		}
	}
	if !strings.Contains(cv.CSV, "format=csv") || !strings.Contains(cv.CSV, "chart="+cv.ID) {
		t.Errorf("chart %s: CSV link %q does not name it", cv.ID, cv.CSV)
	}
	return o
}

// item reads a data item: {name, value} or a bare value ("-" is no value).
func item(t *testing.T, raw json.RawMessage) (string, any) {
	t.Helper()
	var it struct {
		Name  string
		Value any
	}
	if err := json.Unmarshal(raw, &it); err == nil && it.Value != nil {
		return it.Name, it.Value
	}
	var v any
	json.Unmarshal(raw, &v)
	return "", v
}

func seriesTypes(o option) string {
	var ts []string
	for _, s := range o.Series {
		ts = append(ts, s.Type)
	}
	return strings.Join(ts, ",")
}

var testCatalog = map[string]readmodel.Indicator{
	"mediation.cases_accepted": {Code: "mediation.cases_accepted", NameZH: "受理调解案件", Unit: "件"},
	"mediation.cases_resolved": {Code: "mediation.cases_resolved", NameZH: "调解成功", Unit: "件"},
	"mediation.success_rate":   {Code: "mediation.success_rate", NameZH: "调解成功率", Unit: "%"},
	"publicity.events":         {Code: "publicity.events", NameZH: "普法活动", Unit: "次"},
}

func cell(key, name string, year int, ind string, v float64) readmodel.Cell {
	return readmodel.Cell{JurisdictionKey: key, JurisdictionCode: key, JurisdictionName: name, Year: year, Indicator: ind, Figure: readmodel.Figure{Value: v}, Source: readmodel.Source{FactID: key + "-" + ind, ReportID: "r" + key, Quote: name + "的句子"}}
}

func TestOverviewCharts(t *testing.T) {
	at := time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)
	o := readmodel.Overview{Reports: 12345, Jurisdictions: 40, Years: 3, FirstYear: 2022, LastYear: 2024, Facts: 250000,
		Coverage: []readmodel.CoverageArea{
			{Code: "33", Name: "浙江省", Reports: 9, Jurisdictions: 3, Recent: []readmodel.ReportSummary{{ReportID: "a", Title: "古城街道2024年报告", JurisdictionName: "古城街道", Year: 2024, IngestedAt: at}}},
			{Code: "11", Name: "北京市", Reports: 3, Jurisdictions: 1},
			{Code: "3310", Name: "台州市", Parent: "33", Reports: 9, Jurisdictions: 3},
		},
		Flagged: []readmodel.FlaggedSummary{{Indicator: "mediation.success_rate", Flagged: 2, Values: 30,
			Examples: []readmodel.Cell{{JurisdictionName: "古城街道", Figure: readmodel.Figure{Value: 98.2, Flags: []string{"rate_mismatch"}}, Source: readmodel.Source{Quote: "调解成功率达98.2%", FactID: "f", ReportID: "a"}}}}},
	}
	page := buildOverview(o, testCatalog, []int{2024, 2023, 2022}, 2024, url.Values{})
	if got := page.Stats[0].Value + " " + page.Stats[3].Value; got != "1.23万份 25万个" {
		t.Errorf("overview stats = %q; want 1.23万份 25万个 (万 for large numbers)", got)
	}
	if len(page.Provinces) != 2 || len(page.Provinces[0].Cities) != 1 || page.Provinces[0].Cities[0].Name != "台州市" {
		t.Errorf("provinces = %+v; want 浙江省 with 台州市, then 北京市", page.Provinces)
	}
	if len(page.Charts) != 2 {
		t.Fatalf("overview has %d charts; want coverage and flags", len(page.Charts))
	}
	cov := decodeOption(t, page.Charts[0])
	if page.Charts[0].ID != overviewCoverageID || strings.Join(cov.XAxis[0].Data, ",") != "浙江省,北京市" || seriesTypes(cov) != "bar" {
		t.Errorf("coverage chart = %+v; want bars for 浙江省, 北京市", cov)
	}
	if p := page.Charts[0].Provenance[0][0]; len(p.Facts) != 1 || p.Facts[0].ReportID != "a" || p.Facts[0].Quote != "古城街道2024年报告" {
		t.Errorf("coverage provenance = %+v; want the latest report", p)
	}
	flags := decodeOption(t, page.Charts[1])
	name, v := item(t, flags.Series[0].Data[0])
	if name != "调解成功率" || v != 2.0 || flags.YAxis[0].Data[0] != "调解成功率" {
		t.Errorf("flags chart first bar = %q %v; want 调解成功率 2", name, v)
	}
	f := page.Charts[1].Provenance[0][0].Facts[0]
	if f.Display != "古城街道 98.2%" || len(f.Badges) != 1 || !f.Badges[0].Warn {
		t.Errorf("flags provenance = %+v; want the example with its flag badge", f)
	}
	if len(page.Charts[0].csvRows) != 3 || page.Charts[0].csvRows[1][2] != "浙江省" {
		t.Errorf("coverage CSV rows = %v; want provinces and their cities", page.Charts[0].csvRows)
	}
}

func TestTrendChartAndChanges(t *testing.T) {
	ind := testCatalog["mediation.cases_accepted"]
	a1 := cell("331082001", "古城街道", 2021, ind.Code, 300)
	a2 := cell("331082001", "古城街道", 2022, ind.Code, 374)
	a3 := cell("331082001", "古城街道", 2024, ind.Code, 10000)
	a3.Approx, a3.ApproxKind = true, readmodel.ApproxAtLeast
	b1 := cell("report:0123456789abcdef", "桥头镇", 2022, ind.Code, 100)
	b1.JurisdictionCode = ""
	page := buildTrend(ind, []readmodel.Cell{a1, a2, a3, b1}, url.Values{"indicator": {ind.Code}})
	var changes []string
	for _, r := range page.Rows {
		changes = append(changes, r.Change)
	}
	if got, want := strings.Join(changes, "|"), "|+74件（+24.7%）|约+9626件（+2573.8%）|"; got != want {
		t.Errorf("trend changes = %q; want %q", got, want)
	}
	if page.Rows[2].PrevYear != 2022 || page.Rows[1].PrevYear != 0 || !page.Rows[1].Up {
		t.Errorf("trend rows = %+v; want 2024 compared with 2022 (a gap), 2022 up", page.Rows)
	}
	o := decodeOption(t, page.Charts[0])
	if seriesTypes(o) != "line,line" || strings.Join(o.XAxis[0].Data, ",") != "2021,2022,2024" {
		t.Fatalf("trend chart = %s over %v; want two lines over 2021,2022,2024", seriesTypes(o), o.XAxis[0].Data)
	}
	if o.Series[1].Name != "桥头镇（未定位）" {
		t.Errorf("second line is %q; want the unresolved 桥头镇 marked", o.Series[1].Name)
	}
	name, v := item(t, o.Series[0].Data[2])
	if name != "≥1万件" || v != 10000.0 {
		t.Errorf("2024 point = %q %v; want ≥1万件 10000", name, v)
	}
	if _, v := item(t, o.Series[1].Data[0]); v != "-" {
		t.Errorf("桥头镇 2021 = %v; want a gap (-)", v)
	}
	if p := page.Charts[0].Provenance[1][1]; len(p.Facts) != 1 || p.Facts[0].Quote != "桥头镇的句子" || p.Title != "桥头镇 2022年 · 受理调解案件" {
		t.Errorf("provenance of 桥头镇 2022 = %+v", p)
	}
}

func TestChangeText(t *testing.T) {
	cases := []struct {
		a, b   float64
		unit   string
		approx bool
		want   string
	}{
		{100, 150, "件", false, "+50件（+50%）"},
		{150, 100, "件", false, "-50件（-33.3%）"},
		{0, 5, "次", false, "+5次"},
		{97.5, 98.2, "%", false, "+0.7个百分点"},
		{20000, 50000, "份", true, "约+3万份（+150%）"},
		{7, 7, "件", false, "0件（0%）"},
	}
	for _, tc := range cases {
		if got := changeText(tc.a, tc.b, tc.unit, tc.approx); got != tc.want {
			t.Errorf("changeText(%v, %v, %q, %v) = %q; want %q", tc.a, tc.b, tc.unit, tc.approx, got, tc.want)
		}
	}
}

func TestTopicChart(t *testing.T) {
	tp := topics["mediation"]
	rate := cell("331082001", "古城街道", 2024, "mediation.success_rate", 98.2)
	rate.Derived = true
	cells := []readmodel.Cell{
		cell("331082001", "古城街道", 2024, "mediation.cases_accepted", 2119),
		rate,
		cell("110105019", "垡头街道", 2024, "mediation.cases_accepted", 374),
		cell("110105019", "垡头街道", 2024, "mediation.cases_resolved", 367),
	}
	totals := []readmodel.YearTotal{{Year: 2023, Indicator: "mediation.cases_accepted", Total: 500, Jurisdictions: 2,
		Largest: []readmodel.Cell{cell("331082001", "古城街道", 2023, "mediation.cases_accepted", 400)}}}
	page := buildTopic(tp, testCatalog, scopeQuery{Year: 2024}, cells, totals, url.Values{}, 10)
	if len(page.Charts) != 2 || page.Charts[0].ID != "mediation-chart" || page.Charts[1].ID != "mediation-years" {
		t.Fatalf("mediation charts = %d; want the chart and the years chart", len(page.Charts))
	}
	o := decodeOption(t, page.Charts[0])
	if seriesTypes(o) != "bar,bar,line" || o.Series[2].YAxisIndex != 1 || len(o.YAxis) != 2 || o.YAxis[1].Name != "%" {
		t.Errorf("mediation chart = %s, line on axis %d, y axes %+v; want bars, bars, a rate line on the right axis",
			seriesTypes(o), o.Series[2].YAxisIndex, o.YAxis)
	}
	if strings.Join(o.XAxis[0].Data, ",") != "古城街道,垡头街道" {
		t.Errorf("jurisdictions = %v; want the ranked order", o.XAxis[0].Data)
	}
	if _, v := item(t, o.Series[1].Data[0]); v != "-" {
		t.Errorf("古城街道 resolved = %v; want a gap: the report does not state it", v)
	}
	p := page.Charts[0].Provenance[2][0]
	if len(p.Facts) != 1 || p.Facts[0].Display != "98.2%" || p.Facts[0].Badges[0].Label != "推算" {
		t.Errorf("rate provenance = %+v; want 98.2%% with the 推算 badge", p)
	}
	if len(page.Rows) != 2 || page.Rows[0].Cells[1] != nil || page.Rows[1].Cells[1].Display != "367件" {
		t.Errorf("table rows = %+v; want 古城街道 without resolved, 垡头街道 with 367件", page.Rows)
	}
	y := decodeOption(t, page.Charts[1])
	if seriesTypes(y) != "bar,bar" || strings.Join(y.XAxis[0].Data, ",") != "2023" {
		t.Errorf("years chart = %s over %v", seriesTypes(y), y.XAxis[0].Data)
	}
	if f := page.Charts[1].Provenance[0][0].Facts; len(f) != 1 || f[0].Display != "古城街道 400件" {
		t.Errorf("years provenance = %+v; want the largest values summed", f)
	}
	// Litigation stacks its outcomes and puts both rates on the right axis.
	lit := topics["litigation"]
	lo := decodeOption(t, topicChart(lit.Path, lit.Charts[0], testCatalog, byJurisdiction([]readmodel.Cell{
		cell("331082001", "古城街道", 2024, "litigation.won", 1)}), "litigation.cases", url.Values{}, 10))
	if seriesTypes(lo) != "bar,bar,bar,bar,line,line" || lo.Series[0].Stack != "outcome" || lo.Series[3].Stack != "outcome" {
		t.Errorf("litigation chart = %s stacks %q %q; want 4 stacked bars and 2 lines", seriesTypes(lo), lo.Series[0].Stack, lo.Series[3].Stack)
	}
}

func TestHeatmapChart(t *testing.T) {
	inds := []readmodel.Indicator{testCatalog["mediation.cases_accepted"], testCatalog["publicity.events"]}
	part := cell("2", "乙镇", 2024, "mediation.cases_accepted", 50)
	part.Partial, part.Scope = true, "调解室"
	hm := readmodel.Heatmap{Total: 3,
		Jurisdictions: []readmodel.JurisdictionChoice{{Key: "1", Code: "1", Name: "甲镇"}, {Key: "2", Code: "2", Name: "乙镇"}},
		Cells:         []readmodel.Cell{cell("1", "甲镇", 2024, "mediation.cases_accepted", 100), cell("1", "甲镇", 2024, "publicity.events", 3), part},
	}
	for _, values := range []bool{false, true} {
		page := buildHeatmap(hm, inds, scopeQuery{Year: 2024}, values, url.Values{}, 10)
		o := decodeOption(t, page.Charts[0])
		if seriesTypes(o) != "heatmap" || strings.Join(o.XAxis[0].Data, ",") != "受理调解案件,普法活动" || strings.Join(o.YAxis[0].Data, ",") != "甲镇,乙镇" {
			t.Fatalf("heatmap = %s %v × %v", seriesTypes(o), o.XAxis[0].Data, o.YAxis[0].Data)
		}
		var got []string
		for _, raw := range o.Series[0].Data {
			_, v := item(t, raw)
			b, _ := json.Marshal(v)
			got = append(got, string(b))
		}
		want, mapType := "[0,0,2],[1,0,2],[0,1,1]", "piecewise"
		if values {
			want, mapType = "[0,0,100],[1,0,100],[0,1,0]", "continuous"
		}
		if strings.Join(got, ",") != want || o.VisualMap[0]["type"] != mapType {
			t.Errorf("heatmap(values=%v) cells = %s, visualMap %v; want %s, %s", values, strings.Join(got, ","), o.VisualMap[0]["type"], want, mapType)
		}
		if p := page.Charts[0].Provenance[0][2]; p.Facts[0].Scope != "调解室" || p.Facts[0].Badges[0].Label != "部分" {
			t.Errorf("partial cell provenance = %+v; want its scope and the 部分 badge", p)
		}
		if !strings.Contains(page.ModeURLs[1], "mode=values") || !strings.Contains(page.ModeURLs[0], "year=2024") {
			t.Errorf("mode links = %v", page.ModeURLs)
		}
	}
}

func TestColumnRanks(t *testing.T) {
	cells := []readmodel.Cell{
		{Indicator: "x", Figure: readmodel.Figure{Value: 5}, Source: readmodel.Source{FactID: "a"}},
		{Indicator: "x", Figure: readmodel.Figure{Value: 1}, Source: readmodel.Source{FactID: "b"}},
		{Indicator: "x", Figure: readmodel.Figure{Value: 5}, Source: readmodel.Source{FactID: "c"}},
		{Indicator: "x", Figure: readmodel.Figure{Value: 9}, Source: readmodel.Source{FactID: "d"}},
		{Indicator: "y", Figure: readmodel.Figure{Value: 3}, Source: readmodel.Source{FactID: "e"}},
		// Kept out by the ranking rule: neither ranked nor counted.
		{Indicator: "x", Unranked: readmodel.UnrankedPartial, Figure: readmodel.Figure{Value: 100}, Source: readmodel.Source{FactID: "p"}},
		{Indicator: "y", Unranked: readmodel.UnrankedUnsure, Figure: readmodel.Figure{Value: 0}, Source: readmodel.Source{FactID: "u"}},
	}
	got := columnRanks(cells)
	want := map[string]float64{"b": 0, "a": 100.0 / 3, "c": 100.0 / 3, "d": 100, "e": 100}
	for _, id := range []string{"p", "u"} {
		if r, ok := got[id]; ok {
			t.Errorf("columnRanks()[%s] = %v; want no rank for a value the ranking rule keeps out", id, r)
		}
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("columnRanks()[%s] = %v; want %v", id, got[id], w)
		}
	}
}

func TestParseQueries(t *testing.T) {
	cases := []struct {
		query   string
		want    string
		notices int
	}{
		{"", "mediation.cases_accepted [] {0  }", 0},
		{"indicator=publicity.events&j=331082001&j=331082001&j=report:0123456789abcdef&j=../x&parent=33&level=镇",
			"publicity.events [331082001 report:0123456789abcdef] {0 33 镇}", 1},
		// Nothing unknown is ignored silently: year (the trend shows every
		// year), a bad parent, a bad level, an unknown parameter.
		{"year=2023&parent=3&level=<b>&province=33", "mediation.cases_accepted [] {0  }", 4},
		{"j=1&j=110101001&j=110101002&j=110101003&j=110101004&j=110101005&j=110101006&j=110101007&j=110101008&j=110101009",
			"mediation.cases_accepted [110101001 110101002 110101003 110101004 110101005 110101006 110101007 110101008] {0  }", 2},
	}
	for _, tc := range cases {
		q, _ := url.ParseQuery(tc.query)
		var n notices
		tq := parseTrendQuery(q, &n)
		if s := tq.Indicator + " [" + strings.Join(tq.Keys, " ") + "] {" + itoa(tq.Scope.Year) + " " + tq.Scope.Parent + " " + tq.Scope.Level + "}"; s != tc.want || len(n) != tc.notices {
			t.Errorf("parseTrendQuery(%q) = %s with notices %q; want %s with %d", tc.query, s, n, tc.want, tc.notices)
		}
	}
	for in, want := range map[string]int{"": 20, "n=10": 10, "n=50": 50, "n=7": 20, "n=x": 20} {
		q, _ := url.ParseQuery(in)
		var n notices
		if got := parseLimit(q, &n); got != want || (len(n) > 0) != (in == "n=7" || in == "n=x") {
			t.Errorf("parseLimit(%q) = %d, notices %q; want %d, a notice for an unknown value", in, got, n, want)
		}
	}
}

func TestWriteCSVHasBOM(t *testing.T) {
	var buf bytes.Buffer
	if err := writeCSV(&buf, []string{"辖区", "原文", "同比"}, [][]string{{"古城街道", `他说"受理2119件",`, "-12.5"}, {"=HYPERLINK(\"x\")", "@cmd", "+3"}}); err != nil {
		t.Fatal(err)
	}
	want := "\ufeff辖区,原文,同比\n古城街道,\"他说\"\"受理2119件\"\",\",-12.5\n\"'=HYPERLINK(\"\"x\"\")\",'@cmd,+3\n"
	if buf.String() != want {
		t.Errorf("writeCSV = %q; want %q", buf.String(), want)
	}
	if got := csvLink("/trend", url.Values{"j": {"1", "2"}, "format": {"html"}}, "trend-chart"); got != "/trend?chart=trend-chart&format=csv&j=1&j=2" {
		t.Errorf("csvLink = %q", got)
	}
}

func TestPageCacheFollowsTheVersion(t *testing.T) {
	pc := newPageCache()
	if _, ok := pc.get(1, "/a"); ok {
		t.Fatal("empty cache hit")
	}
	pc.put(1, "/a", cachedPage{body: []byte("A")})
	if p, ok := pc.get(1, "/a"); !ok || string(p.body) != "A" {
		t.Errorf("get(v1) = %q, %v; want A", p.body, ok)
	}
	if _, ok := pc.get(2, "/a"); ok {
		t.Error("get(v2) hit a page of v1; want a miss once the data changed")
	}
	pc.put(1, "/b", cachedPage{body: []byte("B")}) // computed before the change
	if _, ok := pc.get(2, "/b"); ok {
		t.Error("a page computed under v1 was stored after the data changed to v2")
	}
	for i := range pageCacheEntries + 1 {
		pc.put(2, "/p"+itoa(i), cachedPage{})
	}
	if n := len(pc.pages); n > pageCacheEntries {
		t.Errorf("cache holds %d pages; want at most %d", n, pageCacheEntries)
	}
	big := cachedPage{body: make([]byte, pageCacheBytes/10)}
	for i := range 20 {
		pc.put(2, "/big"+itoa(i), big)
	}
	if pc.bytes > pageCacheBytes || len(pc.pages) == 0 {
		t.Errorf("cache holds %d bytes in %d pages; want some, at most %d bytes", pc.bytes, len(pc.pages), pageCacheBytes)
	}
	pc.put(2, "/huge", cachedPage{body: make([]byte, pageCacheBytes/4)})
	if _, ok := pc.get(2, "/huge"); ok {
		t.Error("a page of a quarter of the budget was cached; want pages that large computed each time")
	}
}

// Report text reaches the new pages' charts, tables and panels; none of it
// may run as script.
func TestNewPagesEscapeReportText(t *testing.T) {
	h := New(nil, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{})
	evil := `</script><script>alert(1)</script><img src=x onerror=alert(2)>`
	c := cell("331082001", evil, 2024, "mediation.cases_accepted", 1)
	c.Quote, c.Scope, c.ReportID = evil, evil, `"><script>alert(3)</script>`
	cat := map[string]readmodel.Indicator{"mediation.cases_accepted": {Code: "mediation.cases_accepted", NameZH: evil, Unit: "件"}}
	topic := buildTopic(topics["mediation"], cat, scopeQuery{Year: 2024}, []readmodel.Cell{c},
		[]readmodel.YearTotal{{Year: 2024, Indicator: "mediation.cases_accepted", Total: 1, Largest: []readmodel.Cell{c}}}, url.Values{"x": {evil}}, 10)
	topic.Scope.Areas = []areaSelect{{Label: evil, Up: evil, Options: []selectOption{{Value: evil, Label: evil}}}}
	topic.Notices = notices{evil}
	trend := buildTrend(cat["mediation.cases_accepted"], []readmodel.Cell{c}, url.Values{})
	trend.Choices = []trendChoice{{JurisdictionChoice: readmodel.JurisdictionChoice{Key: "331082001", Name: evil}}}
	heat := buildHeatmap(readmodel.Heatmap{Total: 1, Jurisdictions: []readmodel.JurisdictionChoice{{Key: "331082001", Name: evil}},
		Cells: []readmodel.Cell{c}}, []readmodel.Indicator{cat["mediation.cases_accepted"]}, scopeQuery{Year: 2024}, false, url.Values{}, 10)
	over := buildOverview(readmodel.Overview{Reports: 1, Coverage: []readmodel.CoverageArea{{Code: "33", Name: evil,
		Recent: []readmodel.ReportSummary{{ReportID: evil, Title: evil}}}}, Latest: []readmodel.ReportSummary{{ReportID: evil, Title: evil}},
		Flagged: []readmodel.FlaggedSummary{{Indicator: "mediation.cases_accepted", Flagged: 1, Examples: []readmodel.Cell{c}}}},
		cat, []int{2024}, 2024, url.Values{})
	for name, page := range map[string]any{"topic.html": topic, "trend.html": trend, "heatmap.html": heat, "overview.html": over} {
		var buf bytes.Buffer
		if err := h.pages.ExecuteTemplate(&buf, name, page); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		html := buf.String()
		for _, bad := range []string{"<script>alert", "<img src=x", `"><script>`} {
			if strings.Contains(html, bad) {
				t.Errorf("%s contains %q unescaped", name, bad)
			}
		}
		// Our scripts only: ECharts, fazhi.js and one call per chart.
		if n, want := len(regexp.MustCompile(`<script`).FindAllString(html, -1)), 2+strings.Count(html, "fazhi.chart("); n != want {
			t.Errorf("%s has %d <script> tags; want %d", name, n, want)
		}
		if !strings.Contains(html, `class="active"`) {
			t.Errorf("%s marks no navigation link as the current page", name)
		}
	}
}

func TestHeatmapPageLinks(t *testing.T) {
	q := url.Values{"year": {"2023"}, "parent": {"44"}, "from": {"40"}}
	if got := pageLink(q, 80, 100); got != "/heatmap?from=80&parent=44&year=2023" {
		t.Errorf("next page link = %q", got)
	}
	if got := pageLink(q, 0, 100); got != "/heatmap?from=0&parent=44&year=2023" {
		t.Errorf("previous page link = %q", got)
	}
	for _, from := range []int{-40, 100, 140} {
		if got := pageLink(q, from, 100); got != "" {
			t.Errorf("pageLink(from %d of 100) = %q; want none", from, got)
		}
	}
}

// A value CSV row says whether the extractor was unsure of the value, its
// counts, and why the ranking rule keeps it out, in words.
func TestCellCSVRowMarks(t *testing.T) {
	ind := readmodel.Indicator{Code: "mediation.success_rate", NameZH: "调解成功率", Unit: "%", Kind: "rate"}
	n, d := 7.0, 8.0
	c := readmodel.Cell{JurisdictionName: "古城街道", JurisdictionCode: "110107004", Year: 2024, Indicator: ind.Code, Unranked: readmodel.UnrankedSmall, Figure: readmodel.Figure{Value: 87.5, Unsure: true}, Source: readmodel.Source{Quote: "调解成功7件,受理8件", ReportID: "r", FactID: "f"}, Counts: readmodel.Counts{Numerator: &n, Denominator: &d}}
	row := cellCSVRow(c, ind, 10)
	got := map[string]string{}
	for i, h := range cellCSVHeader {
		got[h] = row[i]
	}
	want := map[string]string{"待核实": "是", "分子": "7", "分母": "8", "未参与排名的原因": "案件少于10件，比率波动太大", "原文": "调解成功7件，受理8件"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("CSV column %s = %q; want %q", k, got[k], v)
		}
	}
	if len(row) != len(cellCSVHeader) {
		t.Errorf("a row has %d columns, the header %d", len(row), len(cellCSVHeader))
	}
}
