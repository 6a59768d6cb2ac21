package dashboards

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"

	"github.com/fazhi/fazhi/warehouse/readmodel"
	"github.com/gin-gonic/gin"
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// heatmapChartID is fixed so that pages are deterministic and tests can find the chart.
const heatmapChartID = "heatmap-chart"

// heatmapLimit is the most jurisdictions (rows) one heatmap shows; the
// others are on the next pages (?from=N), or narrow the area.
const heatmapLimit = 40

type heatmapPage struct {
	Title   string
	Nav     string
	Notices notices
	Query   scopeQuery
	Scope   scopeView
	// Values: colour by value rather than by whether the report states it.
	Values bool
	Total  int
	Shown  int
	// From is the first row's position (0-based); Prev and Next link the
	// neighbouring pages ("" at either end).
	From       int
	Prev, Next string
	ModeURLs   [2]string
	Charts     []chartView
}

// heatmapParams are the parameters the heatmap reads.
var heatmapParams = []string{"year", "level", "parent", "mode", "from", "format", "chart"}

// parseHeatmapQuery reads the heatmap's own parameters: mode and from.
func parseHeatmapQuery(q url.Values, n *notices) (values bool, from int) {
	switch m := q.Get("mode"); m {
	case "", "coverage":
	case "values":
		values = true
	default:
		n.add("显示方式“" + m + "”无法识别（可选 coverage、values），已显示“是否写明”。")
	}
	if f := q.Get("from"); f != "" {
		v, err := strconv.Atoi(f)
		if err != nil || v < 0 {
			n.add("起始位置“" + f + "”无法识别，已从第一个辖区开始。")
		} else {
			from = v
		}
	}
	unknownParams(q, n, heatmapParams...)
	return values, from
}

func (h *Handler) heatmap(c *gin.Context, s *readmodel.Snapshot) {
	q := c.Request.URL.Query()
	var n notices
	sq := parseScope(q, &n, false)
	values, from := parseHeatmapQuery(q, &n)
	l := lookupsOf(s)
	areas, parent := areaSelects(s, sq.Parent, &n)
	sq.Parent = parent
	chosen := sq
	if sq.Year == 0 {
		sq.Year = latestYear(l.years)
	}
	var hm readmodel.Heatmap
	if sq.Year != 0 {
		var err error
		if hm, err = s.Heatmap(readmodel.HeatmapFilter{Year: sq.Year, Scope: sq.scope(), Offset: from, Limit: heatmapLimit, MinCases: h.minCases()}); err != nil {
			h.fail(c, http.StatusInternalServerError, "读取数据失败。", err)
			return
		}
	}
	page := buildHeatmap(hm, orderedCatalog(l.catalog), sq, values, q, h.minCases())
	page.Notices = n
	page.Scope = scopeView{Parent: parent, Areas: areas, Years: yearOptions(l.years, chosen, "最近一年", false),
		Levels: levelOptions(chosen, "全部层级", false)}
	page.From, page.Next = from, pageLink(q, from+heatmapLimit, hm.Total)
	if from > 0 {
		// The page before, or the last one when from is past the end.
		page.Prev = pageLink(q, max(min(from, hm.Total)-heatmapLimit, 0), hm.Total)
	}
	if wantsCSV(c) {
		h.serveChartCSV(c, "heatmap", page.Charts)
		return
	}
	h.render(c, http.StatusOK, "heatmap.html", page)
}

// pageLink is the heatmap's URL with its rows from from on; "" when there
// are none there.
func pageLink(q url.Values, from, total int) string {
	if from < 0 || from >= total {
		return ""
	}
	return linkWith("/heatmap", q, "from", strconv.Itoa(from))
}

// orderedCatalog puts the catalog in the dashboards' category order.
func orderedCatalog(cat []readmodel.Indicator) []readmodel.Indicator {
	var out []readmodel.Indicator
	for _, g := range groupIndicators(cat) {
		out = append(out, g.Items...)
	}
	return out
}

func buildHeatmap(hm readmodel.Heatmap, inds []readmodel.Indicator, sq scopeQuery, values bool, q url.Values, minCases int) heatmapPage {
	page := heatmapPage{Title: "热力图", Nav: "heatmap", Query: sq, Values: values, Total: hm.Total, Shown: len(hm.Jurisdictions)}
	if sq.Year != 0 {
		page.Title += " · " + strconv.Itoa(sq.Year) + "年"
	}
	base := sq.values()
	base.Set("mode", "coverage")
	page.ModeURLs[0] = "/heatmap?" + base.Encode()
	base.Set("mode", "values")
	page.ModeURLs[1] = "/heatmap?" + base.Encode()
	if len(hm.Cells) > 0 {
		page.Charts = []chartView{heatmapChart(hm, inds, values, q, minCases)}
	}
	return page
}

// heatmapChart draws jurisdictions (rows) × indicators (columns). In
// coverage mode a cell says whether the report states the indicator for
// the whole jurisdiction or only for a sub-body; in values mode its colour
// is the value's rank among the rows (units differ between columns, so
// values are compared within a column only). Clicking a cell shows its
// sentence.
func heatmapChart(hm readmodel.Heatmap, inds []readmodel.Indicator, values bool, q url.Values, minCases int) chartView {
	col := map[string]int{}
	xs := make([]string, len(inds))
	for i, ind := range inds {
		col[ind.Code] = i
		xs[i] = ind.NameZH
	}
	row := map[string]int{}
	ys := make([]string, len(hm.Jurisdictions))
	for i, j := range hm.Jurisdictions {
		row[j.Key] = i
		ys[i] = j.Name
		if j.Code == "" {
			ys[i] += "（未定位）"
		}
	}
	ranks := columnRanks(hm.Cells)
	hmChart := charts.NewHeatMap()
	hmChart.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: heatmapChartID}),
		charts.WithTitleOpts(opts.Title{Title: heatmapTitle(values), Subtitle: "行：辖区 · 列：指标 · 点击格子查看报告原文"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "2%", Top: "80", Bottom: "70", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: xs, SplitArea: &opts.SplitArea{Show: opts.Bool(true)},
			AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: 60, FontSize: 11}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: ys, Inverse: opts.Bool(true), SplitArea: &opts.SplitArea{Show: opts.Bool(true)},
			AxisLabel: &opts.AxisLabel{Interval: "0"}}),
		chartToolbox("heatmap"),
	)
	byCode := map[string]readmodel.Indicator{}
	for _, ind := range inds {
		byCode[ind.Code] = ind
	}
	var data []opts.HeatMapData
	var prov []provenanceCell
	var rows [][]string
	for _, c := range hm.Cells {
		x, ok := col[c.Indicator]
		y, ok2 := row[c.JurisdictionKey]
		if !ok || !ok2 {
			continue
		}
		ind := byCode[c.Indicator]
		v := 2.0
		if c.Partial {
			v = 1
		}
		if values {
			if c.Unranked != "" {
				continue // the ranking rule keeps it out (部分, 非全年, 未定位, 待核实…): not coloured by rank
			}
			v = ranks[c.FactID]
		}
		data = append(data, opts.HeatMapData{Name: ys[y] + " · " + ind.NameZH + "：" + displayValue(c.Value, ind.Unit, c.ApproxKind),
			Value: [3]any{x, y, v}})
		prov = append(prov, cellProvenance(c, ind))
		rows = append(rows, cellCSVRow(c, ind, minCases))
	}
	hmChart.AddSeries(heatmapTitle(values), data)
	hmChart.Validate()
	option := hmChart.JSON()
	option["visualMap"] = heatmapVisualMap(values)
	return chartView{ID: heatmapChartID, Title: heatmapTitle(values), Height: 330 + 28*len(ys), Option: option,
		Provenance: [][]provenanceCell{prov}, CSV: csvLink("/heatmap", q, heatmapChartID), csvHeader: cellCSVHeader, csvRows: rows}
}

func heatmapTitle(values bool) string {
	if values {
		return "各辖区数值高低（按列比较）"
	}
	return "各辖区报告写明了哪些指标"
}

// heatmapVisualMap colours the cells: two pieces for coverage, a
// continuous scale of within-column rank for values.
func heatmapVisualMap(values bool) []map[string]any {
	if values {
		return []map[string]any{{"type": "continuous", "min": 0, "max": 100, "calculable": false, "orient": "horizontal",
			"left": "center", "bottom": 0, "text": []string{"列内最高", "列内最低"},
			"inRange": map[string]any{"color": []string{"#e8f0f9", "#1f5fa8"}}}}
	}
	return []map[string]any{{"type": "piecewise", "orient": "horizontal", "left": "center", "bottom": 0,
		"pieces": []map[string]any{
			{"value": 2, "label": "写明（全辖区）", "color": "#1f5fa8"},
			{"value": 1, "label": "仅下属机构数字（部分）", "color": "#9fb8d8"},
		}}}
}

// columnRanks gives each cell (by fact ID) its value's rank within its
// indicator, 0 (smallest) to 100 (largest); a column of one value is 100.
// Values the ranking rule keeps out (Cell.Unranked) are not ranked.
func columnRanks(cells []readmodel.Cell) map[string]float64 {
	by := map[string][]readmodel.Cell{}
	for _, c := range cells {
		if c.Unranked == "" {
			by[c.Indicator] = append(by[c.Indicator], c)
		}
	}
	out := make(map[string]float64, len(cells))
	for _, cs := range by {
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].Value < cs[j].Value })
		for _, c := range cs {
			if len(cs) == 1 {
				out[c.FactID] = 100
				continue
			}
			// Equal values share the rank of the first of them.
			first := sort.Search(len(cs), func(k int) bool { return cs[k].Value >= c.Value })
			out[c.FactID] = float64(first) * 100 / float64(len(cs)-1)
		}
	}
	return out
}
