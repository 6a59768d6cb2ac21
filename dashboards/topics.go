package dashboards

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/fazhi/fazhi/warehouse/readmodel"
	"github.com/gin-gonic/gin"
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// The topic pages (调解 mediation, 诉讼 litigation, 普法 publicity) share one
// shape: for one year, the jurisdictions with the largest value of a ranking
// indicator, side by side, in one or two charts and a table; and the totals
// of their counts over the years.

// seriesSpec is one series of a topic chart.
type seriesSpec struct {
	Code  string
	Line  bool // a line (rates) rather than a bar
	Axis  int  // 0: left axis, 1: right axis
	Stack string
	Color string
}

// topicChartSpec is one chart of a topic page.
type topicChartSpec struct {
	ID       string
	Title    string
	Subtitle string
	Series   []seriesSpec
	// Axes names the left and, if any series uses it, right axis.
	Axes [2]string
}

// topic is a topic page.
type topic struct {
	Nav   string
	Path  string
	Title string
	// Indicators are the table's columns, RankBy orders the jurisdictions.
	Indicators []string
	RankBy     string
	Charts     []topicChartSpec
	// Years is the over-the-years chart (totals in scope); its series are
	// counts.
	Years topicChartSpec
}

// topics are the three topic pages.
var topics = map[string]topic{
	"mediation": {
		Nav: "mediation", Path: "/mediation", Title: "调解",
		Indicators: []string{"mediation.cases_accepted", "mediation.cases_resolved", "mediation.success_rate",
			"mediation.disputes_screened", "mediation.organizations", "mediation.mediators"},
		RankBy: "mediation.cases_accepted",
		Charts: []topicChartSpec{{
			ID: "mediation-chart", Title: "受理与调解成功", Subtitle: "柱：案件数（件） · 线：调解成功率（%，右轴）",
			Series: []seriesSpec{
				{Code: "mediation.cases_accepted", Color: "#1f5fa8"},
				{Code: "mediation.cases_resolved", Color: "#5fa03c"},
				{Code: "mediation.success_rate", Line: true, Axis: 1, Color: "#d0731a"},
			},
			Axes: [2]string{"件", "%"},
		}},
		Years: topicChartSpec{ID: "mediation-years", Title: "历年合计", Subtitle: "范围内有报告的各辖区之和 · 各年辖区不同，合计不宜直接比较（点击柱条可见辖区数）",
			Series: []seriesSpec{{Code: "mediation.cases_accepted", Color: "#1f5fa8"}, {Code: "mediation.cases_resolved", Color: "#5fa03c"}},
			Axes:   [2]string{"件"}},
	},
	"litigation": {
		Nav: "litigation", Path: "/litigation", Title: "行政诉讼与复议",
		Indicators: []string{"litigation.cases", "litigation.won", "litigation.lost", "litigation.withdrawn", "litigation.pending",
			"litigation.loss_rate", "litigation.appearance_rate", "reconsideration.received", "reconsideration.upheld",
			"reconsideration.corrected", "reconsideration.settled"},
		RankBy: "litigation.cases",
		Charts: []topicChartSpec{{
			ID: "litigation-chart", Title: "行政诉讼结果", Subtitle: "柱：胜诉/败诉/撤诉/在审（件，堆叠） · 线：败诉率、负责人出庭应诉率（%，右轴）",
			Series: []seriesSpec{
				{Code: "litigation.won", Stack: "outcome", Color: "#5fa03c"},
				{Code: "litigation.lost", Stack: "outcome", Color: "#c0392b"},
				{Code: "litigation.withdrawn", Stack: "outcome", Color: "#8e9aaf"},
				{Code: "litigation.pending", Stack: "outcome", Color: "#e0b040"},
				{Code: "litigation.loss_rate", Line: true, Axis: 1, Color: "#7b1f1f"},
				{Code: "litigation.appearance_rate", Line: true, Axis: 1, Color: "#1f5fa8"},
			},
			Axes: [2]string{"件", "%"},
		}, {
			ID: "reconsideration-chart", Title: "行政复议", Subtitle: "受理数与结果（件，结果堆叠）",
			Series: []seriesSpec{
				{Code: "reconsideration.received", Stack: "received", Color: "#1f5fa8"},
				{Code: "reconsideration.upheld", Stack: "outcome", Color: "#5fa03c"},
				{Code: "reconsideration.corrected", Stack: "outcome", Color: "#c0392b"},
				{Code: "reconsideration.settled", Stack: "outcome", Color: "#8e9aaf"},
			},
			Axes: [2]string{"件"},
		}},
		Years: topicChartSpec{ID: "litigation-years", Title: "历年合计", Subtitle: "范围内有报告的各辖区之和 · 各年辖区不同，合计不宜直接比较（点击柱条可见辖区数）",
			Series: []seriesSpec{{Code: "litigation.cases", Color: "#1f5fa8"}, {Code: "litigation.lost", Color: "#c0392b"},
				{Code: "reconsideration.received", Color: "#8e9aaf"}},
			Axes: [2]string{"件"}},
	},
	"publicity": {
		Nav: "publicity", Path: "/publicity", Title: "普法宣传",
		Indicators: []string{"publicity.events", "publicity.lectures", "publicity.materials", "publicity.audience",
			"publicity.online_posts", "publicity.consultations"},
		RankBy: "publicity.events",
		Charts: []topicChartSpec{{
			ID: "publicity-chart", Title: "普法活动", Subtitle: "柱：活动、讲座（次） · 线：宣传资料（份）、受众（人次，右轴）",
			Series: []seriesSpec{
				{Code: "publicity.events", Color: "#1f5fa8"},
				{Code: "publicity.lectures", Color: "#5fa03c"},
				{Code: "publicity.materials", Line: true, Axis: 1, Color: "#d0731a"},
				{Code: "publicity.audience", Line: true, Axis: 1, Color: "#7b1f1f"},
			},
			Axes: [2]string{"次", "份/人次"},
		}},
		Years: topicChartSpec{ID: "publicity-years", Title: "历年合计", Subtitle: "范围内有报告的各辖区之和 · 各年辖区不同，不宜直接比较 · 柱：次 · 线：份/人次（右轴）",
			Series: []seriesSpec{
				{Code: "publicity.events", Color: "#1f5fa8"},
				{Code: "publicity.lectures", Color: "#5fa03c"},
				{Code: "publicity.materials", Line: true, Axis: 1, Color: "#d0731a"},
				{Code: "publicity.audience", Line: true, Axis: 1, Color: "#7b1f1f"},
			},
			Axes: [2]string{"次", "份/人次"}},
	},
}

// limitChoices are the numbers of jurisdictions a topic page can show.
var limitChoices = []int{10, 20, 30, 50}

const defaultLimit = 20

type topicPage struct {
	Title   string
	Nav     string
	Path    string
	Notices notices
	Query   scopeQuery
	Scope   scopeView
	// Default says which year and level the page chose, when it chose them.
	Default string
	Limits  []int
	Limit   int
	Columns []readmodel.Indicator
	Rows    []topicRow
	// Ranked counts the rows ranked by the first column; the others follow.
	Ranked   int
	MinCases int
	// Small: a rate shown rests on fewer than MinCases cases.
	Small  bool
	Charts []chartView
}

// topicRow is one jurisdiction of the table: one cell per column, nil
// where the report does not state it.
type topicRow struct {
	Name       string
	Code       string
	Unresolved bool
	// Ranked: the first column's value is rankable (warehouse's rule);
	// NotRanked says why not.
	Ranked    bool
	NotRanked string
	Cells     []*topicCell
}

type topicCell struct {
	readmodel.Cell
	Display string
	Badges  []badge
}

// topicParams are the parameters the topic pages read.
var topicParams = []string{"year", "level", "parent", "n", "format", "chart"}

func parseLimit(q url.Values, n *notices) int {
	v := q.Get("n")
	if v == "" {
		return defaultLimit
	}
	k, err := strconv.Atoi(v)
	if err == nil && slices.Contains(limitChoices, k) {
		return k
	}
	n.add("辖区数“" + v + "”无法识别（可选10、20、30、50），已显示前" + strconv.Itoa(defaultLimit) + "个。")
	return defaultLimit
}

// topicHandler serves one topic page.
func (h *Handler) topicHandler(name string) readHandler {
	tp := topics[name]
	return func(c *gin.Context, s *readmodel.Snapshot) {
		var n notices
		q := c.Request.URL.Query()
		sq, limit := parseScope(q, &n, false), parseLimit(q, &n)
		unknownParams(q, &n, topicParams...)
		page, err := h.topicPage(s, tp, sq, limit, q, &n)
		if err != nil {
			h.fail(c, http.StatusInternalServerError, "读取数据失败。", err)
			return
		}
		if wantsCSV(c) {
			h.serveChartCSV(c, tp.Nav, page.Charts)
			return
		}
		h.render(c, http.StatusOK, "topic.html", page)
	}
}

// topicPage reads and builds a topic page.
func (h *Handler) topicPage(s *readmodel.Snapshot, tp topic, sq scopeQuery, limit int, q url.Values, n *notices) (topicPage, error) {
	l := lookupsOf(s)
	areas, parent := areaSelects(s, sq.Parent, n)
	sq.Parent = parent
	chosen := sq
	d := s.ComparisonDefault(readmodel.ComparisonQuery{Indicator: tp.RankBy, Parent: parent, Year: sq.Year,
		Level: sq.Level, AllLevels: sq.AllLevels})
	sq.Year, sq.Level = d.Year, d.Level
	if sq.Year == 0 {
		sq.Year = latestYear(l.years)
	}
	var cells []readmodel.Cell
	var err error
	if sq.Year != 0 {
		cells, err = s.TopicCells(readmodel.TopicFilter{Indicators: tp.Indicators, RankBy: tp.RankBy,
			Year: sq.Year, Scope: sq.scope(), Limit: limit, MinCases: h.minCases()})
		if err != nil {
			return topicPage{}, err
		}
	}
	// Yearly totals only within one level: a district's figure already
	// contains its towns', so a sum over mixed levels counts twice.
	var totals []readmodel.YearTotal
	if sq.Level != "" {
		if totals, err = s.TopicYears(seriesCodes(tp.Years.Series), sq.scope()); err != nil {
			return topicPage{}, err
		}
	}
	page := buildTopic(tp, catalogByCode(l.catalog), sq, cells, totals, q, h.minCases())
	page.Notices, page.Query, page.Limits, page.Limit = *n, sq, limitChoices, limit
	page.Default = defaultText(chosen, sq)
	page.Scope = scopeView{Parent: parent, Areas: areas,
		Years:  yearOptions(l.years, chosen, "默认（全辖区全年数值足够的最近一年）", false),
		Levels: levelOptions(chosen, "默认（全辖区全年数值最多的层级）", true)}
	return page, nil
}

func seriesCodes(ss []seriesSpec) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Code
	}
	return out
}

// jurisdictionColumn is a jurisdiction of a topic chart, in rank order.
type jurisdictionColumn struct {
	Key, Name, Code string
	Cells           map[string]readmodel.Cell
}

// byJurisdiction groups ranked cells by jurisdiction, keeping the rank order.
func byJurisdiction(cells []readmodel.Cell) []jurisdictionColumn {
	var out []jurisdictionColumn
	idx := map[string]int{}
	for _, c := range cells {
		i, ok := idx[c.JurisdictionKey]
		if !ok {
			i = len(out)
			idx[c.JurisdictionKey] = i
			out = append(out, jurisdictionColumn{Key: c.JurisdictionKey, Name: c.JurisdictionName, Code: c.JurisdictionCode,
				Cells: map[string]readmodel.Cell{}})
		}
		out[i].Cells[c.Indicator] = c
	}
	return out
}

// buildTopic builds a topic page's table and charts.
func buildTopic(tp topic, cat map[string]readmodel.Indicator, sq scopeQuery, cells []readmodel.Cell, totals []readmodel.YearTotal, q url.Values, minCases int) topicPage {
	page := topicPage{Title: tp.Title, Nav: tp.Nav, Path: tp.Path, Query: sq, MinCases: minCases}
	if sq.Year != 0 {
		page.Title += " · " + strconv.Itoa(sq.Year) + "年"
	}
	for _, code := range tp.Indicators {
		page.Columns = append(page.Columns, indicatorOf(cat, code))
	}
	cols := byJurisdiction(cells)
	for _, j := range cols {
		row := topicRow{Name: j.Name, Code: j.Code, Unresolved: j.Code == ""}
		for _, ind := range page.Columns {
			c, ok := j.Cells[ind.Code]
			if !ok {
				row.Cells = append(row.Cells, nil)
				continue
			}
			tc := &topicCell{Cell: c, Display: rateText(c.Value, ind.Unit, c.ApproxKind, c.Numerator, c.Denominator),
				Badges: valueBadges(c.Partial, c.Scope, c.Derived, c.Corrected, c.Flags)}
			tc.Quote, tc.Scope = publishedText(c.Quote), publishedText(c.Scope)
			if c.Unranked == readmodel.UnrankedSmall {
				tc.Badges = append(tc.Badges, smallBadge(minCases))
				page.Small = true
			}
			if ind.Code == tp.RankBy {
				row.Ranked = c.Unranked == ""
				if !row.Ranked {
					row.NotRanked = unrankedText(c.Unranked, c.Figure, c.Counts, ind, minCases)
				}
			}
			row.Cells = append(row.Cells, tc)
		}
		if row.Ranked {
			page.Ranked++
		} else if row.NotRanked == "" {
			row.NotRanked = "报告未写明“" + indicatorOf(cat, tp.RankBy).NameZH + "”"
		}
		page.Rows = append(page.Rows, row)
	}
	if len(cols) > 0 {
		for _, spec := range tp.Charts {
			page.Charts = append(page.Charts, topicChart(tp.Path, spec, cat, cols, tp.RankBy, q, minCases))
		}
	}
	if len(totals) > 0 {
		page.Charts = append(page.Charts, yearsChart(tp.Path, tp.Years, cat, totals, q))
	}
	return page
}

// newComboChart starts a chart with bars and lines over a category axis,
// with a second value axis when a series needs it.
func newComboChart(spec topicChartSpec, categories []string, rotate bool) *charts.Bar {
	bar := charts.NewBar()
	xAxis := opts.XAxis{Type: "category"}
	if rotate {
		xAxis.AxisLabel = &opts.AxisLabel{Interval: "0", Rotate: 35}
	}
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: spec.ID}),
		charts.WithTitleOpts(opts.Title{Title: spec.Title, Subtitle: spec.Subtitle}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "50"}),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "4%", Top: "95", Bottom: "20", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(xAxis),
		charts.WithYAxisOpts(valueYAxis(spec.Axes[0])),
		chartToolbox(spec.ID),
	)
	for _, s := range spec.Series {
		if s.Axis == 1 {
			a := valueYAxis(spec.Axes[1])
			a.SplitLine = &opts.SplitLine{Show: opts.Bool(false)}
			bar.ExtendYAxis(a)
			break
		}
	}
	bar.SetXAxis(categories)
	return bar
}

// addSeries adds one series of values (nil: no value, drawn as a gap) to
// the chart, as a bar or an overlapping line.
func addSeries(bar *charts.Bar, s seriesSpec, name string, values []*float64, labels []string) {
	if s.Line {
		data := make([]opts.LineData, len(values))
		for i, v := range values {
			data[i] = opts.LineData{Value: "-"}
			if v != nil {
				data[i] = opts.LineData{Name: labels[i], Value: *v}
			}
		}
		line := charts.NewLine()
		line.AddSeries(name, data, charts.WithLineChartOpts(opts.LineChart{YAxisIndex: s.Axis, Symbol: "circle", SymbolSize: 8}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: s.Color}), charts.WithLineStyleOpts(opts.LineStyle{Color: s.Color}))
		bar.Overlap(line)
		return
	}
	data := make([]opts.BarData, len(values))
	for i, v := range values {
		data[i] = opts.BarData{Value: "-"}
		if v != nil {
			data[i] = opts.BarData{Name: labels[i], Value: *v}
		}
	}
	bar.AddSeries(name, data, charts.WithBarChartOpts(opts.BarChart{Stack: s.Stack, YAxisIndex: s.Axis}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: s.Color}))
}

// topicChart draws spec's series for the ranked jurisdictions; clicking a
// bar or point shows the sentence of that value.
func topicChart(path string, spec topicChartSpec, cat map[string]readmodel.Indicator, cols []jurisdictionColumn, rankBy string, q url.Values, minCases int) chartView {
	names := make([]string, len(cols))
	for i, j := range cols {
		names[i] = j.Name
		if c, ok := j.Cells[rankBy]; !ok || c.Unranked != "" {
			names[i] += "（" + notRankedMark[c.Unranked] + "）"
		}
	}
	bar := newComboChart(spec, names, len(cols) > 8)
	var prov [][]provenanceCell
	var rows [][]string
	// Bars first, then lines: Overlap appends the line series after the
	// bars, and the provenance must follow the series order.
	for _, line := range []bool{false, true} {
		for _, s := range spec.Series {
			if s.Line != line {
				continue
			}
			ind := indicatorOf(cat, s.Code)
			values := make([]*float64, len(cols))
			labels := make([]string, len(cols))
			p := make([]provenanceCell, len(cols))
			for i, j := range cols {
				if c, ok := j.Cells[s.Code]; ok {
					v := c.Value
					values[i], labels[i], p[i] = &v, j.Name+" "+rateText(c.Value, ind.Unit, c.ApproxKind, c.Numerator, c.Denominator), cellProvenance(c, ind)
					rows = append(rows, cellCSVRow(c, ind, minCases))
				}
			}
			addSeries(bar, s, ind.NameZH, values, labels)
			prov = append(prov, p)
		}
	}
	bar.Validate()
	return chartView{ID: spec.ID, Title: spec.Title, Height: 430, Option: optionMap(bar), Provenance: prov,
		CSV: csvLink(path, q, spec.ID), csvHeader: cellCSVHeader, csvRows: rows}
}

// notRankedMark marks, in a topic chart, a jurisdiction the ranking does
// not hold, by the reason of its first column's value ("": it has none).
var notRankedMark = map[string]string{
	"":                           "未排序",
	readmodel.UnrankedUnresolved: "未定位",
	readmodel.UnrankedPartial:    "部分",
	readmodel.UnrankedPartYear:   "非全年",
	readmodel.UnrankedMismatch:   "未排序",
	readmodel.UnrankedSmall:      "未排序",
	readmodel.UnrankedUnsure:     "待核实",
}

// yearsChart draws the totals in scope per year; clicking a bar or point
// lists the largest values summed, with their sentences.
func yearsChart(path string, spec topicChartSpec, cat map[string]readmodel.Indicator, totals []readmodel.YearTotal, q url.Values) chartView {
	yearIdx := map[int]int{}
	var labels []string
	for _, t := range totals {
		if _, ok := yearIdx[t.Year]; !ok {
			yearIdx[t.Year] = len(labels)
			labels = append(labels, strconv.Itoa(t.Year))
		}
	}
	byCode := map[string][]readmodel.YearTotal{}
	for _, t := range totals {
		byCode[t.Indicator] = append(byCode[t.Indicator], t)
	}
	bar := newComboChart(spec, labels, false)
	var prov [][]provenanceCell
	var rows [][]string
	for _, line := range []bool{false, true} {
		for _, s := range spec.Series {
			if s.Line != line {
				continue
			}
			ind := indicatorOf(cat, s.Code)
			values := make([]*float64, len(labels))
			names := make([]string, len(labels))
			p := make([]provenanceCell, len(labels))
			for _, t := range byCode[s.Code] {
				i := yearIdx[t.Year]
				v := t.Total
				values[i], names[i] = &v, labels[i]+"年 "+displayValue(t.Total, ind.Unit, t.ApproxKind)
				cell := provenanceCell{Title: labels[i] + "年 · " + ind.NameZH + " 合计 " + displayValue(t.Total, ind.Unit, t.ApproxKind) +
					"（" + strconv.Itoa(t.Jurisdictions) + "个辖区，以下为最大的几个）"}
				for _, c := range t.Largest {
					v := cellView(c, ind.Unit)
					v.Display = c.JurisdictionName + " " + v.Display
					cell.Facts = append(cell.Facts, v)
				}
				p[i] = cell
				rows = append(rows, []string{labels[i], s.Code, ind.NameZH, strconv.FormatFloat(t.Total, 'f', -1, 64), ind.Unit,
					approxText(t.ApproxKind), strconv.Itoa(t.Jurisdictions)})
			}
			addSeries(bar, s, ind.NameZH, values, names)
			prov = append(prov, p)
		}
	}
	bar.Validate()
	return chartView{ID: spec.ID, Title: spec.Title, Height: 360, Option: optionMap(bar), Provenance: prov,
		CSV: csvLink(path, q, spec.ID), csvHeader: []string{"年份", "指标代码", "指标", "合计", "单位", "含约数", "辖区数"}, csvRows: rows}
}
