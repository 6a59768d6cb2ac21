package dashboards

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/fazhi/fazhi/warehouse"
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

// parseTrendQuery reads ?indicator=CODE&j=KEY&j=KEY...&parent=&level=;
// malformed keys are dropped, repeated ones kept once, at most
// trendMaxJurisdictions.
func parseTrendQuery(q url.Values) trendQuery {
	t := trendQuery{Indicator: q.Get("indicator"), Scope: parseScopeQuery(q)}
	if t.Indicator == "" {
		t.Indicator = defaultIndicator
	}
	seen := map[string]bool{}
	for _, k := range q["j"] {
		if jurisdictionKey.MatchString(k) && !seen[k] && len(t.Keys) < trendMaxJurisdictions {
			seen[k] = true
			t.Keys = append(t.Keys, k)
		}
	}
	return t
}

type trendPage struct {
	Title      string
	Nav        string
	Indicators []indicatorGroup
	Indicator  warehouse.Indicator
	Choices    []trendChoice
	Areas      []areaChoice
	Scope      scopeQuery
	Levels     []string
	Rows       []trendRow
	Charts     []chartView
}

type trendChoice struct {
	warehouse.JurisdictionChoice
	Selected bool
}

// trendRow is one jurisdiction-year of the table, with the change from the
// previous year that has a value.
type trendRow struct {
	warehouse.Cell
	Display  string
	Badges   []badge
	Change   string
	PrevYear int // the year compared with, when not the year before
	Up, Down bool
}

func (h *Handler) trend(c *gin.Context) {
	ctx := c.Request.Context()
	q := parseTrendQuery(c.Request.URL.Query())
	l, err := h.lookups(c)
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取指标、年份或地区失败", err)
		return
	}
	cat, areas := l.catalog, l.areas
	ind, ok := catalogByCode(cat)[q.Indicator]
	if !ok {
		h.fail(c, http.StatusNotFound, "没有这个指标:"+q.Indicator, fmt.Errorf("trend %q: %w", q.Indicator, warehouse.ErrNotFound))
		return
	}
	choices, err := h.db.TrendChoices(ctx, ind.Code, q.Scope.scope(), trendChoices)
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取辖区失败", err)
		return
	}
	if len(q.Keys) == 0 {
		for i := 0; i < len(choices) && i < trendDefault; i++ {
			q.Keys = append(q.Keys, choices[i].Key)
		}
	}
	var cells []warehouse.Cell
	if len(q.Keys) > 0 {
		if cells, err = h.db.TrendCells(ctx, ind.Code, q.Keys); err != nil {
			h.fail(c, http.StatusInternalServerError, "读取数据失败", err)
			return
		}
	}
	page := buildTrend(ind, cells, c.Request.URL.Query())
	page.Indicators, page.Areas, page.Scope, page.Levels = groupIndicators(cat), areaChoices(areas), q.Scope, levelChoices
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
func buildTrend(ind warehouse.Indicator, cells []warehouse.Cell, q url.Values) trendPage {
	page := trendPage{Title: "趋势 · " + ind.NameZH, Nav: "trend", Indicator: ind}
	var prev *warehouse.Cell
	for i := range cells {
		cl := cells[i]
		r := trendRow{Cell: cl, Display: displayValue(cl.Value, ind.Unit, cl.ApproxKind),
			Badges: valueBadges(cl.ApproxKind, cl.Partial, cl.Scope, cl.Derived, cl.Corrected, cl.Flags)}
		if prev != nil && prev.JurisdictionKey == cl.JurisdictionKey {
			r.Change = changeText(prev.Value, cl.Value, ind.Unit, prev.Approx || cl.Approx)
			r.Up, r.Down = cl.Value > prev.Value, cl.Value < prev.Value
			if cl.Year-prev.Year > 1 {
				r.PrevYear = prev.Year
			}
		}
		page.Rows = append(page.Rows, r)
		prev = &cells[i]
	}
	if len(cells) > 0 {
		page.Charts = []chartView{trendChart(ind, cells, q)}
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
			s += "(" + sign + trimFloat(d/a*100, 1) + "%)"
		}
	}
	if approx {
		s = "约" + s
	}
	return s
}

// trendChart draws one line per jurisdiction over the years; a year without
// a value is a gap. Clicking a point shows its sentence.
func trendChart(ind warehouse.Indicator, cells []warehouse.Cell, q url.Values) chartView {
	yearSet := map[int]bool{}
	var keys []string
	byKey := map[string][]warehouse.Cell{}
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
		charts.WithTitleOpts(opts.Title{Title: ind.NameZH + " · 逐年变化", Subtitle: "单位:" + ind.Unit + " · 点击数据点查看报告原文"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "45"}),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "6%", Top: "90", Bottom: "20", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: "年份"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: ind.Unit}),
		chartToolbox(ind.Code+"-trend"),
	)
	line.SetXAxis(labels)
	var prov [][]provenanceCell
	var rows [][]string
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
			rows = append(rows, cellCSVRow(c, ind))
		}
		name := seriesName(cs[len(cs)-1])
		line.AddSeries(name, data, charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 9}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top", Formatter: "{b}"}))
		prov = append(prov, p)
	}
	line.Validate()
	return chartView{ID: trendChartID, Title: "逐年变化", Height: 420, Option: line.JSON(), Provenance: prov,
		CSV: csvLink("/trend", q, trendChartID), csvHeader: cellCSVHeader, csvRows: rows}
}

// seriesName names a jurisdiction in a legend; an unresolved one says so.
func seriesName(c warehouse.Cell) string {
	if c.JurisdictionCode == "" {
		return c.JurisdictionName + "(未定位)"
	}
	return c.JurisdictionName
}
