package dashboards

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/fazhi/fazhi/warehouse"
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
	Indicators []indicatorGroup
	Indicator  warehouse.Indicator
	Years      []int
	Year       int
	Levels     []string
	Level      string
	// Peer group: the province, city and county selectors and their choices.
	Provinces, Cities, Counties []warehouse.Division
	Province, City, County      string
	Rows                        []compareRowView
	// Small lists the rates left out of the ranking: fewer than MinCases cases behind them.
	Small []compareRowView
	// Unsure lists the values left out of the ranking because the extractor
	// read them with a confidence below the cut and nobody confirmed them.
	Unsure      []compareRowView
	UnsureTotal int
	// Conflicts lists the jurisdiction-years left out because their reports
	// disagree and nobody chose which counts.
	Conflicts []conflictView
	// Total and SmallTotal count all ranked and left-out rows when the page
	// shows only the first maxCompareRows of them.
	Total, SmallTotal int
	MinCases          int
	Chart             map[string]any
	Provenance        [][]provenanceCell
	ChartID           string
	Height            int
}

// conflictView is a jurisdiction-year whose reports state different values.
type conflictView struct {
	warehouse.CompareConflict
	Reports []conflictReport
}

type conflictReport struct {
	ReportID, Display string
}

func conflictsView(cs []warehouse.CompareConflict, ind warehouse.Indicator) []conflictView {
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
	Items    []warehouse.Indicator
}

type compareRowView struct {
	warehouse.CompareRow
	Display string
	Badges  []badge
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

type compareQuery struct {
	Indicator              string
	Year                   int
	Level                  string
	Province, City, County string
}

// parent is the deepest peer group chosen.
func (q compareQuery) parent() string {
	for _, c := range []string{q.County, q.City, q.Province} {
		if c != "" {
			return c
		}
	}
	return ""
}

// parseCompareQuery reads the page's selectors; unknown values fall back to
// the defaults rather than failing, since they come from links and forms.
func parseCompareQuery(q url.Values) compareQuery {
	cq := compareQuery{Indicator: q.Get("indicator")}
	if cq.Indicator == "" {
		cq.Indicator = defaultIndicator
	}
	if y, err := strconv.Atoi(q.Get("year")); err == nil && y > 1990 && y < 2100 {
		cq.Year = y
	}
	for _, l := range levelChoices {
		if q.Get("level") == l {
			cq.Level = l
		}
	}
	// A lower level only counts inside the higher one chosen.
	cq.Province = divisionParam(q.Get("province"), "")
	cq.City = divisionParam(q.Get("city"), cq.Province)
	cq.County = divisionParam(q.Get("county"), cq.City)
	return cq
}

// divisionParam accepts a division code inside within (or any when within
// is "" and the code is a province, i.e. two digits).
func divisionParam(code, within string) string {
	if code == "" || strings.Trim(code, "0123456789") != "" || len(code) > 12 {
		return ""
	}
	if within == "" {
		if len(code) != 2 {
			return ""
		}
		return code
	}
	if !strings.HasPrefix(code, within) || code == within {
		return ""
	}
	return code
}

func (h *Handler) compare(c *gin.Context) {
	ctx := c.Request.Context()
	q := parseCompareQuery(c.Request.URL.Query())
	ind, err := h.db.Indicator(ctx, q.Indicator)
	if errors.Is(err, warehouse.ErrNotFound) {
		h.fail(c, http.StatusNotFound, "没有这个指标:"+q.Indicator, err)
		return
	}
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取指标失败", err)
		return
	}
	inds, err := h.db.Indicators(ctx)
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取指标失败", err)
		return
	}
	years, err := h.db.Years(ctx)
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取年份失败", err)
		return
	}
	minCases := h.minCases()
	ranking, err := h.db.CompareRanked(ctx, warehouse.CompareFilter{Indicator: ind.Code, Year: q.Year, Level: q.Level, Parent: q.parent()},
		minCases, maxCompareRows)
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取数据失败", err)
		return
	}
	page := comparePage{
		Title: "对比 · " + ind.NameZH, Nav: "compare", Indicators: groupIndicators(inds), Indicator: ind,
		Years: years, Year: q.Year, Levels: levelChoices, Level: q.Level,
		Province: q.Province, City: q.City, County: q.County,
		MinCases: minCases, ChartID: compareChartID,
	}
	if err := h.peerChoices(ctx, &page); err != nil {
		h.fail(c, http.StatusInternalServerError, "读取辖区失败", err)
		return
	}
	ranked := make([]compareRowView, len(ranking.Ranked))
	for i, r := range ranking.Ranked {
		ranked[i] = compareView(r, ind)
	}
	for _, r := range ranking.Small {
		page.Small = append(page.Small, compareView(r, ind))
	}
	for _, r := range ranking.Unsure {
		page.Unsure = append(page.Unsure, compareView(r, ind))
	}
	page.UnsureTotal = ranking.UnsureTotal
	page.Total, page.SmallTotal = ranking.Total, ranking.SmallTotal
	page.Conflicts = conflictsView(ranking.Conflicts, ind)
	page.Rows = ranked
	page.Height = chartHeight(len(ranked))
	if len(ranked) > 0 {
		page.Chart, page.Provenance = compareChart(ind, ranked, q.Year == 0)
	}
	h.render(c, http.StatusOK, "compare.html", page)
}

// compareView is a row as the page shows it: the value written the Chinese
// way, its badges, and for a rate with counts the counts and their Wilson
// 95% interval.
func compareView(r warehouse.CompareRow, ind warehouse.Indicator) compareRowView {
	v := compareRowView{CompareRow: r, Display: displayValue(r.Value, ind.Unit, r.ApproxKind),
		Badges: valueBadges(r.ApproxKind, r.Partial, r.Scope, r.Derived, r.Corrected, r.Flags)}
	if r.Numerator != nil && r.Denominator != nil && *r.Denominator > 0 {
		v.Counts = trimFloat(*r.Numerator, 0) + "/" + trimFloat(*r.Denominator, 0)
		if *r.Numerator <= *r.Denominator {
			v.Low, v.High = wilson(*r.Numerator, *r.Denominator)
			v.HasCI = true
		}
	}
	return v
}

func groupIndicators(inds []warehouse.Indicator) []indicatorGroup {
	by := map[string][]warehouse.Indicator{}
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
	for cat, items := range by { // categories added to the catalog later
		out = append(out, indicatorGroup{Category: cat, Label: cat, Items: items})
	}
	return out
}

// chartHeight gives each bar room for its label.
func chartHeight(n int) int {
	return max(240, 80+n*36)
}

// compareChart ranks jurisdictions by their headline value, largest on top,
// and returns the ECharts option with the provenance of every bar. Each bar
// is labelled with its value as the table shows it (≥ for approximate
// values, counts beside a rate); partial values (a sub-body's figure) are
// drawn paler. Rates with counts get their Wilson 95% interval as an error
// bar (a custom series that assets/fazhi.js draws).
func compareChart(ind warehouse.Indicator, rows []compareRowView, withYear bool) (map[string]any, [][]provenanceCell) {
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: compareChartID}),
		charts.WithTitleOpts(opts.Title{Title: ind.NameZH, Subtitle: "单位:" + ind.Unit + " · 每个辖区取当年的总体数值"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "14%", Top: "70", Bottom: "20", ContainLabel: opts.Bool(true)}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(true), Right: "2%", Feature: &opts.ToolBoxFeature{
			SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Title: "保存为图片", Name: ind.Code},
			DataView:    &opts.ToolBoxFeatureDataView{Show: opts.Bool(true), Title: "数据视图", Lang: []string{"数据视图", "关闭", "刷新"}},
		}}),
	)
	xAxis := opts.XAxis{Type: "value", Name: ind.Unit}
	if ind.Kind == "rate" {
		xAxis.Max = 100
	}
	bar.SetGlobalOptions(charts.WithXAxisOpts(xAxis))
	names := make([]string, len(rows))
	data := make([]opts.BarData, len(rows))
	cells := make([]provenanceCell, len(rows))
	var errorBars [][3]float64
	for i, r := range rows {
		names[i] = r.JurisdictionName
		if withYear {
			names[i] += " " + strconv.Itoa(r.Year)
		}
		label := r.Display
		if r.Counts != "" {
			label += " (" + r.Counts + ")"
		}
		d := opts.BarData{
			Name:  names[i],
			Value: r.Value,
			Label: &opts.Label{Show: opts.Bool(true), Position: "right", Formatter: label},
		}
		if ind.Kind == "rate" && r.Value >= 20 { // keep the label clear of the error bar's whiskers
			d.Label.Position, d.Label.Color = "insideLeft", "#fff"
		}
		if r.Partial {
			d.ItemStyle = &opts.ItemStyle{Color: "#9fb8d8"}
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
			"type": "custom", "name": "95%置信区间(Wilson)", "fazhi": "errorbar", "data": errorBars,
			"z": 3, "tooltip": map[string]any{"show": false},
		})
		provenance = append(provenance, nil)
	}
	return option, provenance
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

// peerChoices fills the province, city and county selectors: the divisions
// that hold reports, below each level chosen.
func (h *Handler) peerChoices(ctx context.Context, page *comparePage) error {
	var err error
	if page.Provinces, err = h.db.PeerGroups(ctx, ""); err != nil {
		return err
	}
	if page.Province != "" {
		if page.Cities, err = h.db.PeerGroups(ctx, page.Province); err != nil {
			return err
		}
	}
	if page.City != "" {
		if page.Counties, err = h.db.PeerGroups(ctx, page.City); err != nil {
			return err
		}
	}
	return nil
}
