package dashboards

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/fazhi/fazhi/warehouse/readmodel"
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// templateFuncs are the pages' template functions; when writes a time in
// the pages' time zone.
func templateFuncs(when func(time.Time) string) template.FuncMap {
	return template.FuncMap{
		"number":      formatNumber,
		"flagLabel":   flagLabel,
		"flagTitle":   flagTitle,
		"approxTitle": func(kind string) string { return approxMarks[kind].Title },
		"published":   publishedText,
		"when":        when,
		"inc":         func(i int) int { return i + 1 },
		"add":         func(a, b int) int { return a + b },
		// percent renders a probability (0–1) as a whole percentage.
		"percent": func(p float64) string { return strconv.Itoa(int(math.Round(100*p))) + "%" },
	}
}

// flagNames are the data-quality flags in the words of a legal affairs office.
var flagNames = map[string][2]string{
	"rate_mismatch":      {"比率存疑", "报告所述比率与其给出的两个数字相差超过0.5个百分点"},
	"part_exceeds_whole": {"部分大于总数", "例如调解成功数大于受理数"},
	"partial_year":       {"非全年", "数字不是报告年度全年的：只覆盖年内一段时间（如截至10月30日），或是多年累计（如自2018年以来累计）"},
	"ceiling":            {"100%", "报告称比率为100%"},
	"duplicate_mention":  {"重复提及", "报告中同一数字出现不止一次"},
}

func flagLabel(flag string) string {
	if n, ok := flagNames[flag]; ok {
		return n[0]
	}
	return flag
}

// flagWords lists flags in words, joined the Chinese way (CSV files).
func flagWords(flags []string) string {
	words := make([]string, len(flags))
	for i, f := range flags {
		words[i] = flagLabel(f)
	}
	return strings.Join(words, "、")
}

func flagTitle(flag string) string {
	if n, ok := flagNames[flag]; ok {
		return n[1]
	}
	return "数据质量提示"
}

// formatNumber writes a value the Chinese way: 万 and 亿 for large numbers,
// at most two decimals, no thousands separators; rates keep their decimals.
func formatNumber(v float64, unit string) string {
	abs := math.Abs(v)
	var s string
	switch {
	case unit == "%":
		s = trimFloat(v, 2) + "%"
		return s
	case abs >= 1e8:
		s = trimFloat(v/1e8, 2) + "亿"
	case abs >= 1e4:
		s = trimFloat(v/1e4, 2) + "万"
	default:
		s = trimFloat(v, 2)
	}
	return s + unit
}

// trimFloat formats v with at most prec decimals and no trailing zeros.
func trimFloat(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// displayValue is how a headline value is shown: approximate values (written
// with 余 多 约 超 ...) carry "≥", because the reports use these words for
// lower bounds far more than for estimates.
func displayValue(v float64, unit, approxKind string) string {
	s := formatNumber(v, unit)
	if m, ok := approxMarks[approxKind]; ok {
		s = m.Label + s
	}
	return s
}

// approxMarks are the signs before an approximate number, by the way it
// leans (readmodel.ApproxAtLeast …), with what they mean.
var approxMarks = map[string]badge{
	readmodel.ApproxAtLeast: {Label: "≥", Title: "报告写作“余、多、超过、以上”等：实际数不少于此"},
	readmodel.ApproxAbout:   {Label: "≈", Title: "报告写作“约、左右、上下”等：这是估计数"},
	readmodel.ApproxAtMost:  {Label: "≤", Title: "报告写作“近、将近、接近”：实际数略少于此"},
}

// approxText says in words how a value is approximate (CSV files).
func approxText(approxKind string) string {
	switch approxKind {
	case readmodel.ApproxAtLeast:
		return "不少于"
	case readmodel.ApproxAbout:
		return "约"
	case readmodel.ApproxAtMost:
		return "不到"
	}
	return "否"
}

// badge is a small label beside a value: how it was stated or computed, and
// what a reader should know about it.
type badge struct {
	Label string `json:"label"`
	Title string `json:"title"`
	Warn  bool   `json:"warn"`
}

// valueBadges are the badges of a headline value, the same in tables, chart
// panels and report pages. How a value is approximate is not among them:
// its sign (≥ ≈ ≤) stands in the number, once.
func valueBadges(partial bool, scope string, derived, corrected bool, flags []string) []badge {
	var out []badge
	if partial {
		out = append(out, badge{Label: "部分", Title: "报告只给出了下属机构的数字：" + publishedText(scope)})
	}
	if derived {
		out = append(out, badge{Label: "推算", Title: "由报告中的两个数字推算，报告本身未写出"})
	}
	if corrected {
		out = append(out, badge{Label: "✎ 已更正", Title: "分析人员更正过这个数字"})
	}
	for _, f := range flags {
		out = append(out, badge{Label: flagLabel(f), Title: flagTitle(f), Warn: true})
	}
	return out
}

// rateText writes a rate with the counts behind it: "87.5%（7/8）"; when
// the rate the report states disagrees with them by more than half a
// point, both in words: "报告写100%，按7/8计算为87.5%".
func rateText(v float64, unit, approxKind string, n, d *float64) string {
	s := displayValue(v, unit, approxKind)
	if n == nil || d == nil || *d <= 0 {
		return s
	}
	counts := trimFloat(*n, 0) + "/" + trimFloat(*d, 0)
	if computed := 100 * *n / *d; math.Abs(computed-v) > 0.5 {
		return "报告写" + s + "，按" + counts + "计算为" + formatNumber(computed, "%")
	}
	return s + "（" + counts + "）"
}

// factView is one fact as the facts panel shows it (see assets/fazhi.js).
type factView struct {
	FactID   string  `json:"fact_id"`
	ReportID string  `json:"report_id"`
	Value    float64 `json:"value"`
	Display  string  `json:"display"`
	Scope    string  `json:"scope"`
	Quote    string  `json:"quote"`
	Badges   []badge `json:"badges"`
}

// provenanceCell is what clicking one bar or point shows.
type provenanceCell struct {
	Title string     `json:"title"`
	Facts []factView `json:"facts"`
}

func itoa(n int) string { return strconv.Itoa(n) }

// Helpers of the overview, trend, topic and heatmap pages.

// cellView is a headline cell as the facts panel shows it.
func cellView(c readmodel.Cell, unit string) factView {
	return factView{FactID: c.FactID, ReportID: c.ReportID, Value: c.Value,
		Display: rateText(c.Value, unit, c.ApproxKind, c.Numerator, c.Denominator), Scope: publishedText(c.Scope), Quote: publishedText(c.Quote),
		Badges: valueBadges(c.Partial, c.Scope, c.Derived, c.Corrected, c.Flags)}
}

// cellProvenance is what clicking the bar or point of one cell shows.
func cellProvenance(c readmodel.Cell, ind readmodel.Indicator) provenanceCell {
	return provenanceCell{Title: fmt.Sprintf("%s %d年 · %s", c.JurisdictionName, c.Year, ind.NameZH),
		Facts: []factView{cellView(c, ind.Unit)}}
}

// valueYAxis and valueXAxis are value axes of a unit: counts tick at whole
// numbers (never 0.2件); assets/fazhi.js writes the ticks with 万 and 亿,
// as the labels are.
func valueYAxis(unit string) opts.YAxis {
	a := opts.YAxis{Type: "value", Name: unit}
	if unit != "%" {
		a.MinInterval = 1
	}
	return a
}

func valueXAxis(unit string) opts.XAxis {
	a := opts.XAxis{Type: "value", Name: unit}
	if unit != "%" {
		a.MinInterval = 1
	}
	return a
}

// chartToolbox is every chart's toolbox: save as PNG and the data view.
func chartToolbox(name string) charts.GlobalOpts {
	return charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(true), Right: "2%", Feature: &opts.ToolBoxFeature{
		SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Title: "保存为图片", Name: name, Type: "png"},
		DataView:    &opts.ToolBoxFeatureDataView{Show: opts.Bool(true), Title: "数据视图", Lang: []string{"数据视图", "关闭", "刷新"}},
	}})
}

// chartView is one chart of a page: the option built in Go, what clicking
// each bar or point shows, and its data as CSV.
type chartView struct {
	ID         string
	Title      string
	Height     int
	Option     map[string]any
	Provenance [][]provenanceCell
	// CSV is the link that downloads the chart's data.
	CSV string
	// csvHeader and csvRows are the chart's data for that link.
	csvHeader []string
	csvRows   [][]string
}

// catalogByCode indexes the indicator catalog.
func catalogByCode(inds []readmodel.Indicator) map[string]readmodel.Indicator {
	m := make(map[string]readmodel.Indicator, len(inds))
	for _, i := range inds {
		m[i.Code] = i
	}
	return m
}

// indicatorOf returns the catalog entry of code, or one named by the code
// when the catalog lacks it.
func indicatorOf(cat map[string]readmodel.Indicator, code string) readmodel.Indicator {
	if i, ok := cat[code]; ok {
		return i
	}
	return readmodel.Indicator{Code: code, NameZH: code}
}

// latestYear is the newest of years (newest first), or 0.
func latestYear(years []int) int {
	if len(years) == 0 {
		return 0
	}
	return years[0]
}

// smallBadge marks a rate that rests on fewer than minCases cases.
func smallBadge(minCases int) badge {
	return badge{Label: "样本少", Title: "比率所依据的案件少于" + strconv.Itoa(minCases) + "件，波动大，不宜与其他辖区比较", Warn: true}
}
