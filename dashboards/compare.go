package dashboards

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/fazhi/fazhi/warehouse"
)

// defaultIndicator is shown when the page is opened without a choice: the
// first of the three the dashboards lead with.
const defaultIndicator = "mediation.cases_accepted"

// compareChartID is fixed so that pages are deterministic and tests can find the chart.
const compareChartID = "compare-chart"

// levelChoices are the jurisdiction levels offered in the level selector.
var levelChoices = []string{"街道", "镇", "乡", "区", "县", "市"}

type comparePage struct {
	Title      string
	Indicators []indicatorGroup
	Indicator  warehouse.Indicator
	Years      []int
	Year       int
	Levels     []string
	Level      string
	Rows       []compareRowView
	Chart      map[string]any
	Provenance [][]provenanceCell
	ChartID    string
	Height     int
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
	Indicator string
	Year      int
	Level     string
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
	return cq
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
	rows, err := h.db.Compare(ctx, warehouse.CompareFilter{Indicator: ind.Code, Year: q.Year, Level: q.Level})
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取数据失败", err)
		return
	}
	page := comparePage{
		Title: "对比 · " + ind.NameZH, Indicators: groupIndicators(inds), Indicator: ind,
		Years: years, Year: q.Year, Levels: levelChoices, Level: q.Level,
		ChartID: compareChartID, Height: chartHeight(len(rows)),
	}
	cells := make([]provenanceCell, len(rows))
	for i, r := range rows {
		v := compareRowView{CompareRow: r, Display: displayValue(r.Value, ind.Unit, r.Approx),
			Badges: valueBadges(r.Approx, r.Partial, r.Scope, r.Derived, r.Corrected, r.Flags)}
		page.Rows = append(page.Rows, v)
		cells[i] = provenanceCell{
			Title: fmt.Sprintf("%s %d年 · %s", r.JurisdictionName, r.Year, ind.NameZH),
			Facts: []factView{{FactID: r.FactID, ReportID: r.ReportID, Value: r.Value, Display: v.Display,
				Scope: r.Scope, Quote: r.Quote, Badges: v.Badges}},
		}
	}
	if len(rows) > 0 {
		page.Chart = compareChart(ind, rows, q.Year == 0).JSON()
		page.Provenance = [][]provenanceCell{cells}
	}
	h.render(c, http.StatusOK, "compare.html", page)
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

// compareChart ranks jurisdictions by their headline value, largest on top.
// Each bar is labelled with its value as shown in the table (≥ for
// approximate values); partial values (a sub-body's figure) are drawn paler.
func compareChart(ind warehouse.Indicator, rows []warehouse.CompareRow, withYear bool) *charts.Bar {
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: compareChartID}),
		charts.WithTitleOpts(opts.Title{Title: ind.NameZH, Subtitle: "单位:" + ind.Unit + " · 每个辖区取当年的总体数值"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "12%", Top: "70", Bottom: "20", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: ind.Unit}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(true), Right: "2%", Feature: &opts.ToolBoxFeature{
			SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Title: "保存为图片", Name: ind.Code},
			DataView:    &opts.ToolBoxFeatureDataView{Show: opts.Bool(true), Title: "数据视图", Lang: []string{"数据视图", "关闭", "刷新"}},
		}}),
	)
	names := make([]string, len(rows))
	data := make([]opts.BarData, len(rows))
	for i, r := range rows {
		names[i] = r.JurisdictionName
		if withYear {
			names[i] += " " + strconv.Itoa(r.Year)
		}
		d := opts.BarData{
			Name:  names[i],
			Value: r.Value,
			Label: &opts.Label{Show: opts.Bool(true), Position: "right", Formatter: displayValue(r.Value, ind.Unit, r.Approx)},
		}
		if r.Partial {
			d.ItemStyle = &opts.ItemStyle{Color: "#9fb8d8"}
		}
		data[i] = d
	}
	bar.SetGlobalOptions(charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names, Inverse: opts.Bool(true)}))
	bar.AddSeries(ind.NameZH, data, charts.WithItemStyleOpts(opts.ItemStyle{Color: "#1f5fa8"}))
	return bar
}
