package dashboards

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

// defaultIndicator is shown when the page is opened without a choice: the
// first of the three the dashboards lead with.
const defaultIndicator = "mediation.cases_accepted"

// maxCompareRows is the most jurisdictions one compare page ranks: a chart
// of more bars is unreadable, and a national "all jurisdictions" page would
// otherwise render hundreds of thousands of rows. The peer-group selectors
// narrow the comparison; /api/compare returns every row.
const maxCompareRows = 100

// compareChartID is fixed so that pages are deterministic and tests can find the chart.
const compareChartID = "compare-chart"

// levelChoices are the jurisdiction levels offered in the level selector.
var levelChoices = []string{"街道", "镇", "乡", "区", "县", "市"}

type comparePage struct {
	Title      string
	Nav        string
	Notices    notices
	Indicators []indicatorGroup
	Indicator  readmodel.Indicator
	Scope      scopeView
	// Default says which year and level the page chose, when it chose them.
	Default string
	// Order says which way the ranking goes (越高越好 …).
	Order string
	Rows  []compareRowView
	// Unranked lists the values a ranking may not hold, with the reason.
	Unranked []compareRowView
	// Total and UnrankedTotal count all ranked and listed-apart rows when
	// the page shows only the first maxCompareRows of them.
	Total, UnrankedTotal int
	MinCases             int
	Charts               []chartView
	// Conflicts lists the jurisdiction-years left out because their reports
	// disagree and nobody chose which counts.
	Conflicts []conflictView
	// CSV downloads the whole ranking and the values beside it.
	CSV string
}

// conflictView is a jurisdiction-year whose reports state different values.
type conflictView struct {
	readmodel.CompareConflict
	Reports []conflictReport
}

type conflictReport struct {
	ReportID, Display string
}

func conflictsView(cs []readmodel.CompareConflict, ind readmodel.Indicator) []conflictView {
	var out []conflictView
	for _, c := range cs {
		v := conflictView{CompareConflict: c}
		for i, id := range c.ReportIDs {
			if i < len(c.Values) {
				v.Reports = append(v.Reports, conflictReport{ReportID: id, Display: displayValue(c.Values[i], ind.Unit, "")})
			}
		}
		out = append(out, v)
	}
	return out
}

type indicatorGroup struct {
	Category string
	Label    string
	Items    []readmodel.Indicator
}

// compareRowView is a ranked row or a value listed apart, as the page shows it.
type compareRowView struct {
	readmodel.CompareRow
	// Rank is the row's place (0 for a value listed apart), Tied how many share it.
	Rank, Tied int
	// Reason says in words why a value is listed apart; Unresolved marks 未定位.
	Reason     string
	Unresolved bool
	Display    string
	Badges     []badge
	// Counts is "367/374" for a rate whose counts are stated.
	Counts string
	// Low and High bound the Wilson 95% interval of a rate with counts.
	Low, High float64
	HasCI     bool
}

var categoryLabels = map[string]string{
	"mediation": "调解", "litigation": "行政诉讼", "publicity": "普法宣传", "study": "学法",
	"reconsideration": "行政复议", "petition": "信访", "arbitration": "劳动仲裁", "disclosure": "政务公开",
	"enforcement": "行政执法", "legality": "合法性审查", "counsel": "法律顾问与援助",
	"supervision": "监督", "services": "政务服务",
}

// categoryOrder puts the three the dashboards lead with first.
var categoryOrder = []string{"mediation", "litigation", "publicity", "study", "reconsideration", "petition",
	"arbitration", "disclosure", "enforcement", "legality", "counsel", "supervision", "services"}

// compareParams are the parameters the compare page reads.
var compareParams = []string{"indicator", "year", "level", "parent", "format"}

type compareQuery struct {
	Indicator string
	Scope     scopeQuery
	CSV       bool
}

// parseCompareQuery reads the page's parameters; values it does not know
// leave their default and a notice.
func parseCompareQuery(q url.Values, n *notices) compareQuery {
	cq := compareQuery{Indicator: q.Get("indicator"), Scope: parseScope(q, n, true), CSV: q.Get("format") == "csv"}
	if cq.Indicator == "" {
		cq.Indicator = defaultIndicator
	}
	if f := q.Get("format"); f != "" && f != "csv" {
		n.add("格式“" + f + "”无法识别（只有 format=csv），已显示网页。")
	}
	unknownParams(q, n, compareParams...)
	return cq
}

func (h *Handler) compare(c *gin.Context, s *readmodel.Snapshot) {
	var n notices
	q := parseCompareQuery(c.Request.URL.Query(), &n)
	ind, err := s.Indicator(q.Indicator)
	if errors.Is(err, warehouse.ErrNotFound) {
		h.fail(c, http.StatusNotFound, "没有这个指标："+q.Indicator+"。", err)
		return
	}
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取指标失败。", err)
		return
	}
	page, err := h.comparePage(s, q, ind, &n)
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取数据失败。", err)
		return
	}
	if q.CSV {
		h.serveChartCSV(c, "compare", page.Charts)
		return
	}
	h.render(c, http.StatusOK, "compare.html", page)
}

// comparePage reads and builds the compare page of ind for q; for a CSV
// download it holds every row, else the first maxCompareRows.
func (h *Handler) comparePage(s *readmodel.Snapshot, q compareQuery, ind readmodel.Indicator, n *notices) (comparePage, error) {
	page := comparePage{Title: "对比 · " + ind.NameZH, Nav: "compare", Indicator: ind, MinCases: h.minCases()}
	areas, parent := areaSelects(s, q.Scope.Parent, n)
	sq := q.Scope
	sq.Parent = parent
	chosen := sq
	d := s.ComparisonDefault(readmodel.ComparisonQuery{Indicator: ind.Code, Parent: parent, Year: sq.Year,
		Level: sq.Level, AllLevels: sq.AllLevels})
	sq.Level = d.Level
	if !sq.Latest { // each jurisdiction's latest year still keeps to one level unless all are chosen
		sq.Year = d.Year
	}
	page.Default = defaultText(chosen, sq)
	years := s.Years()
	page.Indicators = groupIndicators(s.Catalog())
	page.Scope = scopeView{Parent: parent, Areas: areas,
		Years:  yearOptions(years, chosen, "默认（全辖区全年数值足够的最近一年）", true),
		Levels: levelOptions(chosen, "默认（全辖区全年数值最多的层级）", true)}
	limit := maxCompareRows
	if q.CSV {
		limit = math.MaxInt
	}
	f := readmodel.CompareFilter{Indicator: ind.Code, Year: sq.Year, Level: sq.Level, Parent: parent}
	ranking, err := s.CompareRanked(f, page.MinCases, limit)
	if err != nil {
		return page, err
	}
	for _, r := range ranking.Ranked {
		v := compareView(r.CompareRow, ind)
		v.Rank, v.Tied = r.Rank, r.Tied
		page.Rows = append(page.Rows, v)
	}
	for _, r := range ranking.Unranked {
		v := compareView(r.CompareRow, ind)
		v.Reason, v.Unresolved = unrankedText(r.Reason, r.Figure, r.Counts, ind, page.MinCases), r.Reason == readmodel.UnrankedUnresolved
		if r.Reason == readmodel.UnrankedMismatch {
			v.Counts = "" // the reason says both the rate and the counts
		}
		page.Unranked = append(page.Unranked, v)
	}
	page.Total, page.UnrankedTotal, page.Notices = ranking.Total, ranking.UnrankedTotal, *n
	page.Conflicts = conflictsView(ranking.Conflicts, ind)
	page.Order = orderText(ind)
	query := sq.values()
	query.Set("indicator", ind.Code)
	if chosen.Latest {
		query.Set("year", yearLatest)
	}
	page.CSV = linkWith("/", query, "format", "csv")
	page.Charts = []chartView{compareChart(ind, page.Rows, page.Unranked, page.Conflicts, sq, page.CSV)}
	return page, nil
}

// defaultText says which year and level the page chose for the reader.
func defaultText(chosen, shown scopeQuery) string {
	var parts []string
	if chosen.Year == 0 && !chosen.Latest && shown.Year != 0 {
		parts = append(parts, strconv.Itoa(shown.Year)+"年（全辖区全年数值足够的最近一年）")
	}
	if chosen.Level == "" && !chosen.AllLevels && shown.Level != "" {
		parts = append(parts, shown.Level+"（全辖区全年数值最多的层级）")
	}
	switch {
	case len(parts) == 0:
		return ""
	case shown.Latest:
		return "默认显示" + strings.Join(parts, "的") + "：排名只比较同一层级的辖区（各辖区取最新年份，年份可能不同）。"
	}
	return "默认显示" + strings.Join(parts, "的") + "：排名只比较同一年、同一层级的辖区。"
}

// orderText says which way the ranking goes.
func orderText(ind readmodel.Indicator) string {
	switch ind.Better() {
	case readmodel.BetterLower:
		return "从低到高排列（" + ind.NameZH + "越低越好）"
	case readmodel.BetterHigher:
		return "从高到低排列（" + ind.NameZH + "越高越好）"
	}
	return "从大到小排列（数量多少本身不代表好坏）"
}

// unrankedText says in words why a value is listed beside the ranking.
func unrankedText(reason string, f readmodel.Figure, counts readmodel.Counts, ind readmodel.Indicator, minCases int) string {
	switch reason {
	case readmodel.UnrankedUnresolved:
		return "未定位：报告中的线索不足以确定是哪一个同名辖区"
	case readmodel.UnrankedPartial:
		return "只是下属机构的数字（" + publishedText(f.Scope) + "），不是全辖区的"
	case readmodel.UnrankedPartYear:
		return "只覆盖年内一段时间（非全年）"
	case readmodel.UnrankedMismatch:
		return rateText(f.Value, ind.Unit, f.ApproxKind, counts.Numerator, counts.Denominator) + "，两者不符"
	case readmodel.UnrankedSmall:
		return "案件少于" + strconv.Itoa(minCases) + "件，比率波动太大"
	case readmodel.UnrankedUnsure:
		return "待核实：系统读取这个数字的把握不足，经人工核实前不参与排名"
	}
	return reason
}

// compareView is a row as the page shows it: the value written the Chinese
// way, its badges, and for a rate with counts the counts and their Wilson
// 95% interval.
func compareView(r readmodel.CompareRow, ind readmodel.Indicator) compareRowView {
	r.Quote, r.Scope = publishedText(r.Quote), publishedText(r.Scope)
	v := compareRowView{CompareRow: r, Display: displayValue(r.Value, ind.Unit, r.ApproxKind),
		Badges: valueBadges(r.Partial, r.Scope, r.Derived, r.Corrected, r.Flags)}
	if r.Numerator != nil && r.Denominator != nil && *r.Denominator > 0 {
		v.Counts = trimFloat(*r.Numerator, 0) + "/" + trimFloat(*r.Denominator, 0)
		if *r.Numerator <= *r.Denominator {
			v.Low, v.High = wilson(*r.Numerator, *r.Denominator)
			v.HasCI = true
		}
	}
	return v
}

func groupIndicators(inds []readmodel.Indicator) []indicatorGroup {
	by := map[string][]readmodel.Indicator{}
	for _, i := range inds {
		by[i.Category] = append(by[i.Category], i)
	}
	var out []indicatorGroup
	for _, cat := range categoryOrder {
		if items := by[cat]; len(items) > 0 {
			out = append(out, indicatorGroup{Category: cat, Label: categoryLabels[cat], Items: items})
			delete(by, cat)
		}
	}
	for _, cat := range slices.Sorted(maps.Keys(by)) { // categories added to the catalog later
		out = append(out, indicatorGroup{Category: cat, Label: cat, Items: by[cat]})
	}
	return out
}

// chartHeight gives each bar room for its label.
func chartHeight(n int) int {
	return max(240, 80+n*36)
}

// compareChart draws the ranking, best on top, and returns it with the
// provenance of every bar and the CSV of the ranking and of the values
// beside it. Each bar is labelled with its rank and its value as the table
// shows it (≥ for approximate values, counts beside a rate). Rates with
// counts get their Wilson 95% interval as an error bar (a custom series
// that assets/fazhi.js draws).
func compareChart(ind readmodel.Indicator, rows, unranked []compareRowView, conflicts []conflictView, sq scopeQuery, csv string) chartView {
	bar := charts.NewBar()
	sub := "单位：" + ind.Unit
	if sq.Year != 0 {
		sub += " · " + strconv.Itoa(sq.Year) + "年"
	}
	if sq.Level != "" {
		sub += " · " + sq.Level
	}
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: compareChartID}),
		charts.WithTitleOpts(opts.Title{Title: ind.NameZH, Subtitle: sub + " · " + orderText(ind)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "14%", Top: "70", Bottom: "20", ContainLabel: opts.Bool(true)}),
		chartToolbox(ind.Code),
	)
	xAxis := valueXAxis(ind.Unit)
	if ind.Kind == "rate" {
		xAxis.Max = 100
	}
	bar.SetGlobalOptions(charts.WithXAxisOpts(xAxis))
	names := make([]string, len(rows))
	data := make([]opts.BarData, len(rows))
	cells := make([]provenanceCell, len(rows))
	var errorBars [][3]float64
	for i, r := range rows {
		names[i] = strconv.Itoa(r.Rank) + " " + r.JurisdictionName
		if sq.Latest {
			names[i] += " " + strconv.Itoa(r.Year) + "年"
		}
		label := r.Display
		if r.Counts != "" {
			label += "（" + r.Counts + "）"
		}
		d := opts.BarData{
			Name:  names[i] + "：" + label,
			Value: r.Value,
			Label: &opts.Label{Show: opts.Bool(true), Position: "right", Formatter: label},
		}
		if ind.Kind == "rate" && r.Value >= 20 { // keep the label clear of the error bar's whiskers
			d.Label.Position, d.Label.Color = "insideLeft", "#fff"
		}
		data[i] = d
		if r.HasCI {
			errorBars = append(errorBars, [3]float64{r.Low, r.High, float64(i)})
		}
		cells[i] = provenanceCell{
			Title: fmt.Sprintf("%s %d年 · %s", r.JurisdictionName, r.Year, ind.NameZH),
			Facts: []factView{{FactID: r.FactID, ReportID: r.ReportID, Value: r.Value, Display: label,
				Scope: r.Scope, Quote: r.Quote, Badges: r.Badges}},
		}
	}
	bar.SetGlobalOptions(charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names, Inverse: opts.Bool(true)}))
	bar.AddSeries(ind.NameZH, data, charts.WithItemStyleOpts(opts.ItemStyle{Color: "#1f5fa8"}))
	option := optionMap(bar)
	provenance := [][]provenanceCell{cells}
	if len(errorBars) > 0 {
		series, _ := option["series"].([]any)
		option["series"] = append(series, map[string]any{
			"type": "custom", "name": "95%置信区间（Wilson）", "fazhi": "errorbar", "data": errorBars,
			"z": 3, "tooltip": map[string]any{"show": false},
		})
		provenance = append(provenance, nil)
	}
	var csvRows [][]string
	for _, r := range rows {
		csvRows = append(csvRows, compareCSVRow(r, ind))
	}
	for _, r := range unranked {
		csvRows = append(csvRows, compareCSVRow(r, ind))
	}
	csvRows = append(csvRows, conflictCSVRows(conflicts, ind)...)
	return chartView{ID: compareChartID, Title: ind.NameZH, Height: chartHeight(len(rows)), Option: option,
		Provenance: provenance, CSV: csv, csvHeader: compareCSVHeader, csvRows: csvRows}
}

// compareCSVHeader and compareCSVRow are the compare page's CSV: the
// ranking, then the values beside it with the reason.
var compareCSVHeader = []string{"排名", "并列数", "辖区", "区划代码", "年份", "指标代码", "指标", "数值", "单位", "约数", "部分", "推算",
	"已更正", "数据提示", "分子", "分母", "未参与排名的原因", "原文", "报告编号", "事实编号"}

func compareCSVRow(r compareRowView, ind readmodel.Indicator) []string {
	rank, tied := "", ""
	if r.Rank > 0 {
		rank, tied = strconv.Itoa(r.Rank), strconv.Itoa(r.Tied)
	}
	num, den := "", ""
	if r.Numerator != nil && r.Denominator != nil {
		num, den = strconv.FormatFloat(*r.Numerator, 'f', -1, 64), strconv.FormatFloat(*r.Denominator, 'f', -1, 64)
	}
	partial := "否"
	if r.Partial {
		partial = "是：" + r.Scope
	}
	return []string{rank, tied, r.JurisdictionName, r.JurisdictionCode, strconv.Itoa(r.Year), ind.Code, ind.NameZH,
		strconv.FormatFloat(r.Value, 'f', -1, 64), ind.Unit, approxText(r.ApproxKind), partial, yesNo(r.Derived),
		yesNo(r.Corrected), flagWords(r.Flags), num, den, r.Reason, r.Quote, r.ReportID, r.FactID}
}

// conflictCSVRows are the compare CSV's rows of the jurisdiction-years
// whose reports disagree: one row a report, with its value, unranked.
func conflictCSVRows(conflicts []conflictView, ind readmodel.Indicator) [][]string {
	var out [][]string
	for _, c := range conflicts {
		for i, id := range c.ReportIDs {
			if i >= len(c.Values) {
				break
			}
			out = append(out, []string{"", "", c.JurisdictionName, c.JurisdictionCode, strconv.Itoa(c.Year), ind.Code, ind.NameZH,
				strconv.FormatFloat(c.Values[i], 'f', -1, 64), ind.Unit, "", "", "", "", "", "", "",
				"同一年度有多份报告，数字不一致（待核实，有人选定以哪一份为准后参与排名）", "", id, ""})
		}
	}
	return out
}

// optionMap turns a go-echarts chart into a plain option map that pages may
// extend; it is embedded through html/template, which escapes it.
func optionMap(c interface {
	Validate()
	JSON() map[string]any
}) map[string]any {
	c.Validate()
	b, err := json.Marshal(c.JSON())
	if err != nil {
		panic(err) // option structs always marshal
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		panic(err)
	}
	return m
}

// wilson returns the Wilson score 95% interval, in percent, of k successes
// out of n: honest about small denominators, where 3 of 3 is not "100%".
func wilson(k, n float64) (low, high float64) {
	const z = 1.959963984540054
	p := k / n
	den := 1 + z*z/n
	centre := (p + z*z/(2*n)) / den
	half := z * math.Sqrt(p*(1-p)/n+z*z/(4*n*n)) / den
	return 100 * math.Max(0, centre-half), 100 * math.Min(1, centre+half)
}

// minCases is the smallest denominator a rate needs to be ranked.
func (h *Handler) minCases() int {
	if h.cfg.MinCases > 0 {
		return h.cfg.MinCases
	}
	return 10
}
