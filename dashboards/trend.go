package dashboards

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

// trendChartID is fixed so that pages are deterministic and tests can find the chart.
const trendChartID = "trend-chart"

const (
	// trendMaxJurisdictions is the most lines one trend chart draws.
	trendMaxJurisdictions = 8
	// trendChoices is how many jurisdictions the selector offers.
	trendChoices = 60
	// trendDefault is how many lines a page opened without a choice draws.
	trendDefault = 3
)

// jurisdictionKey is a division code, or report:<id> for a report whose
// jurisdiction is unresolved.
var jurisdictionKey = regexp.MustCompile(`^([0-9]{6,12}|report:[0-9a-f]{16})$`)

type trendQuery struct {
	Indicator string
	Keys      []string
	Scope     scopeQuery
}

// trendParams are the parameters the trend page reads.
var trendParams = []string{"indicator", "j", "year", "level", "parent", "format", "chart"}

// parseTrendQuery reads ?indicator=CODE&j=KEY&j=KEY...&parent=&level=;
// a malformed key is dropped with a notice, a repeated one kept once, at
// most trendMaxJurisdictions.
func parseTrendQuery(q url.Values, n *notices) trendQuery {
	t := trendQuery{Indicator: q.Get("indicator"), Scope: parseScope(q, n, false)}
	if t.Indicator == "" {
		t.Indicator = defaultIndicator
	}
	if t.Scope.Year != 0 {
		n.add("趋势页显示所有年份，参数“year”已忽略。")
		t.Scope.Year = 0
	}
	seen := map[string]bool{}
	for _, k := range q["j"] {
		switch {
		case !jurisdictionKey.MatchString(k):
			n.add("辖区“" + k + "”无法识别（应为区划代码），已忽略。")
		case seen[k]:
		case len(t.Keys) == trendMaxJurisdictions:
			n.add("一次最多比较" + strconv.Itoa(trendMaxJurisdictions) + "个辖区，“" + k + "”未显示。")
		default:
			seen[k] = true
			t.Keys = append(t.Keys, k)
		}
	}
	unknownParams(q, n, trendParams...)
	return t
}

type trendPage struct {
	Title      string
	Nav        string
	Notices    notices
	Indicators []indicatorGroup
	Indicator  readmodel.Indicator
	Choices    []trendChoice
	Scope      scopeView
	Rows       []trendRow
	Charts     []chartView
}

type trendChoice struct {
	readmodel.JurisdictionChoice
	Selected bool
}

// trendRow is one jurisdiction-year of the table, with the change from the
// previous year that has a value.
type trendRow struct {
	readmodel.Cell
	Display  string
	Badges   []badge
	Change   string
	PrevYear int // the year compared with, when not the year before
	Up, Down bool
	// Compared is the year compared with (0 for a first year); Delta and
	// Pct are the change as numbers (Pct empty for rates and from 0).
	Compared int
	Delta    float64
	Pct      string
}

func (h *Handler) trend(c *gin.Context, s *readmodel.Snapshot) {
	var n notices
	q := parseTrendQuery(c.Request.URL.Query(), &n)
	l := lookupsOf(s)
	ind, ok := catalogByCode(l.catalog)[q.Indicator]
	if !ok {
		h.fail(c, http.StatusNotFound, "没有这个指标："+q.Indicator+"。", fmt.Errorf("trend %q: %w", q.Indicator, warehouse.ErrNotFound))
		return
	}
	areas, parent := areaSelects(s, q.Scope.Parent, &n)
	q.Scope.Parent = parent
	choices := s.TrendChoices(ind.Code, q.Scope.scope(), trendChoices)
	if len(q.Keys) == 0 {
		for i := 0; i < len(choices) && i < trendDefault; i++ {
			q.Keys = append(q.Keys, choices[i].Key)
		}
	}
	var cells []readmodel.Cell
	if len(q.Keys) > 0 {
		var err error
		if cells, err = s.TrendCells(ind.Code, q.Keys); err != nil {
			h.fail(c, http.StatusInternalServerError, "读取数据失败。", err)
			return
		}
	}
	page := buildTrend(ind, cells, c.Request.URL.Query())
	page.Notices, page.Indicators = n, groupIndicators(l.catalog)
	page.Scope = scopeView{Parent: parent, Areas: areas, Levels: levelOptions(q.Scope, "全部层级", false)}
	selected := map[string]bool{}
	for _, k := range q.Keys {
		selected[k] = true
	}
	for _, ch := range choices {
		page.Choices = append(page.Choices, trendChoice{JurisdictionChoice: ch, Selected: selected[ch.Key]})
	}
	if wantsCSV(c) {
		h.serveChartCSV(c, "trend", page.Charts)
		return
	}
	h.render(c, http.StatusOK, "trend.html", page)
}

// buildTrend builds the table and the line chart of cells (by jurisdiction,
// then year).
func buildTrend(ind readmodel.Indicator, cells []readmodel.Cell, q url.Values) trendPage {
	page := trendPage{Title: "趋势 · " + ind.NameZH, Nav: "trend", Indicator: ind}
	var prev *readmodel.Cell
	for i := range cells {
		cl := cells[i]
		cl.Quote = publishedText(cl.Quote)
		r := trendRow{Cell: cl, Display: displayValue(cl.Value, ind.Unit, cl.ApproxKind),
			Badges: valueBadges(cl.Partial, cl.Scope, cl.Derived, cl.Corrected, cl.Flags)}
		if prev != nil && prev.JurisdictionKey == cl.JurisdictionKey {
			r.Change = changeText(prev.Value, cl.Value, ind.Unit, prev.Approx || cl.Approx)
			r.Up, r.Down = cl.Value > prev.Value, cl.Value < prev.Value
			if cl.Year-prev.Year > 1 {
				r.PrevYear = prev.Year
			}
			r.Compared, r.Delta = prev.Year, cl.Value-prev.Value
			if ind.Unit != "%" && prev.Value != 0 {
				r.Pct = strconv.FormatFloat(math.Round(r.Delta/prev.Value*1000)/10, 'f', -1, 64)
			}
		}
		page.Rows = append(page.Rows, r)
		prev = &cells[i]
	}
	if len(cells) > 0 {
		page.Charts = []chartView{trendChart(ind, cells, page.Rows, q)}
	}
	return page
}

// changeText is the change from a to b: points for rates, the unit and the
// relative change for counts; "约" when either value is approximate.
func changeText(a, b float64, unit string, approx bool) string {
	d := b - a
	sign := ""
	if d > 0 {
		sign = "+"
	}
	var s string
	if unit == "%" {
		s = sign + trimFloat(d, 2) + "个百分点"
	} else {
		s = sign + formatNumber(d, unit)
		if a != 0 {
			s += "（" + sign + trimFloat(d/a*100, 1) + "%）"
		}
	}
	if approx {
		s = "约" + s
	}
	return s
}

// trendCSVColumns follow the cell columns in the trend CSV: the change
// from the previous year that has a value, as the table shows it.
var trendCSVColumns = []string{"比较的年份", "变化", "变化率（%）", "变化含约数"}

// trendChart draws one line per jurisdiction over the years; a year without
// a value is a gap. Clicking a point shows its sentence.
func trendChart(ind readmodel.Indicator, cells []readmodel.Cell, rows []trendRow, q url.Values) chartView {
	yearSet := map[int]bool{}
	var keys []string
	byKey := map[string][]readmodel.Cell{}
	for _, c := range cells {
		yearSet[c.Year] = true
		if _, ok := byKey[c.JurisdictionKey]; !ok {
			keys = append(keys, c.JurisdictionKey)
		}
		byKey[c.JurisdictionKey] = append(byKey[c.JurisdictionKey], c)
	}
	var years []int
	for y := range yearSet {
		years = append(years, y)
	}
	sort.Ints(years)
	labels := make([]string, len(years))
	col := map[int]int{}
	for i, y := range years {
		labels[i] = strconv.Itoa(y)
		col[y] = i
	}
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: trendChartID}),
		charts.WithTitleOpts(opts.Title{Title: ind.NameZH + " · 逐年变化", Subtitle: "单位：" + ind.Unit + " · 点击数据点查看报告原文"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "45"}),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "6%", Top: "90", Bottom: "20", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: "年份"}),
		charts.WithYAxisOpts(valueYAxis(ind.Unit)),
		chartToolbox(ind.Code+"-trend"),
	)
	line.SetXAxis(labels)
	var prov [][]provenanceCell
	for _, k := range keys {
		cs := byKey[k]
		data := make([]opts.LineData, len(years))
		p := make([]provenanceCell, len(years))
		for i := range data {
			data[i] = opts.LineData{Value: "-"}
		}
		for _, c := range cs {
			i := col[c.Year]
			// The item's name is its value as shown in the table (≥ for
			// approximate values): the label prints it.
			data[i] = opts.LineData{Name: displayValue(c.Value, ind.Unit, c.ApproxKind), Value: c.Value}
			p[i] = cellProvenance(c, ind)
		}
		name := seriesName(cs[len(cs)-1])
		line.AddSeries(name, data, charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 9}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top", Formatter: "{b}"}))
		prov = append(prov, p)
	}
	// The CSV holds what the table shows: each value and its change from
	// the previous year that has one.
	var csvRows [][]string
	for _, r := range rows {
		yoy := []string{"", "", "", ""}
		if r.Compared != 0 {
			yoy = []string{strconv.Itoa(r.Compared), strconv.FormatFloat(r.Delta, 'f', -1, 64), r.Pct, yesNo(strings.HasPrefix(r.Change, "约"))}
		}
		// A trend ranks nothing: its values have no reason to give (minCases 0).
		csvRows = append(csvRows, append(cellCSVRow(r.Cell, ind, 0), yoy...))
	}
	return chartView{ID: trendChartID, Title: "逐年变化", Height: 420, Option: optionMap(line), Provenance: prov,
		CSV: csvLink("/trend", q, trendChartID), csvHeader: append(slices.Clone(cellCSVHeader), trendCSVColumns...), csvRows: csvRows}
}

// seriesName names a jurisdiction in a legend; an unresolved one says so.
func seriesName(c readmodel.Cell) string {
	if c.JurisdictionCode == "" {
		return c.JurisdictionName + "（未定位）"
	}
	return c.JurisdictionName
}
