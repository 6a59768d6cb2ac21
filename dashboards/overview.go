package dashboards

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/fazhi/fazhi/warehouse/readmodel"
	"github.com/gin-gonic/gin"
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Fixed chart IDs of the overview page.
const (
	overviewCoverageID = "overview-coverage"
	overviewFlagsID    = "overview-flags"
)

type overviewPage struct {
	Title    string
	Nav      string
	Notices  notices
	Overview readmodel.Overview
	Years    []int
	Year     int
	// Stats are the headline counts, formatted the Chinese way.
	Stats     []stat
	Provinces []provinceView
	Flagged   []flaggedView
	Charts    []chartView
}

type stat struct {
	Label string
	Value string
	Note  string
}

type provinceView struct {
	readmodel.CoverageArea
	Cities []readmodel.CoverageArea
}

type flaggedView struct {
	readmodel.FlaggedSummary
	Indicator readmodel.Indicator
}

func (h *Handler) overview(c *gin.Context, s *readmodel.Snapshot) {
	var n notices
	q := c.Request.URL.Query()
	year := parseScope(q, &n, false).Year
	if q.Get("parent") != "" || q.Get("level") != "" {
		n.add("总览显示全国的所有层级，参数“parent”和“level”已忽略。")
	}
	unknownParams(q, &n, "year", "parent", "level", "format", "chart")
	o := s.Overview(year)
	l := lookupsOf(s)
	if year != 0 && !slices.Contains(l.years, year) {
		n.add("没有" + strconv.Itoa(year) + "年的报告。")
	}
	cat, years := l.catalog, l.years
	if year == 0 {
		year = o.LastYear
	}
	page := buildOverview(o, catalogByCode(cat), years, year, c.Request.URL.Query())
	page.Notices = n
	if wantsCSV(c) {
		h.serveChartCSV(c, "overview", page.Charts)
		return
	}
	h.render(c, http.StatusOK, "overview.html", page)
}

// buildOverview turns the warehouse's overview into the page: counts,
// coverage by province (chart and table) and flagged indicators (chart and
// table) of year.
func buildOverview(o readmodel.Overview, cat map[string]readmodel.Indicator, years []int, year int, q map[string][]string) overviewPage {
	page := overviewPage{Title: "总览", Nav: "overview", Overview: o, Years: years, Year: year}
	yearsNote := ""
	if o.Years > 0 {
		yearsNote = strconv.Itoa(o.FirstYear) + "–" + strconv.Itoa(o.LastYear) + "年"
	}
	page.Stats = []stat{
		{Label: "报告", Value: formatNumber(float64(o.Reports), "份"), Note: unresolvedNote(o.Unresolved)},
		{Label: "辖区", Value: formatNumber(float64(o.Jurisdictions), "个")},
		{Label: "年份", Value: formatNumber(float64(o.Years), "个"), Note: yearsNote},
		{Label: "提取的数字", Value: formatNumber(float64(o.Facts), "个"), Note: "每个都带原文句子"},
	}
	byProvince := map[string]int{}
	for _, a := range o.Coverage {
		if a.Parent == "" {
			byProvince[a.Code] = len(page.Provinces)
			page.Provinces = append(page.Provinces, provinceView{CoverageArea: a})
		}
	}
	for _, a := range o.Coverage {
		if i, ok := byProvince[a.Parent]; ok && a.Parent != "" {
			page.Provinces[i].Cities = append(page.Provinces[i].Cities, a)
		}
	}
	for _, f := range o.Flagged {
		page.Flagged = append(page.Flagged, flaggedView{FlaggedSummary: f, Indicator: indicatorOf(cat, f.Indicator)})
	}
	if len(page.Provinces) > 0 {
		page.Charts = append(page.Charts, coverageChart(page.Provinces, q))
	}
	if len(page.Flagged) > 0 {
		page.Charts = append(page.Charts, flaggedChart(page.Flagged, year, q))
	}
	return page
}

func unresolvedNote(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n) + "份未能定位辖区"
}

// coverageChart draws the reports per province; clicking a bar lists the
// province's latest reports.
func coverageChart(provinces []provinceView, q map[string][]string) chartView {
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: overviewCoverageID}),
		charts.WithTitleOpts(opts.Title{Title: "各省报告数", Subtitle: "点击柱条查看该省最新的报告"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "4%", Top: "70", Bottom: "20", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: 30}}),
		charts.WithYAxisOpts(valueYAxis("份")),
		chartToolbox("各省报告数"),
	)
	names := make([]string, len(provinces))
	data := make([]opts.BarData, len(provinces))
	cells := make([]provenanceCell, len(provinces))
	var rows [][]string
	for i, p := range provinces {
		names[i] = p.Name
		data[i] = opts.BarData{Name: p.Name, Value: p.Reports}
		cell := provenanceCell{Title: p.Name + " · 最新报告（共" + strconv.Itoa(p.Reports) + "份）"}
		for _, r := range p.Recent {
			cell.Facts = append(cell.Facts, factView{ReportID: r.ReportID, Display: r.JurisdictionName + " " + yearText(r.Year), Quote: r.Title})
		}
		cells[i] = cell
		rows = append(rows, []string{p.Code, p.Name, "", strconv.Itoa(p.Reports), strconv.Itoa(p.Jurisdictions)})
		for _, c := range p.Cities {
			rows = append(rows, []string{c.Code, c.Name, p.Name, strconv.Itoa(c.Reports), strconv.Itoa(c.Jurisdictions)})
		}
	}
	bar.SetXAxis(names)
	bar.AddSeries("报告数", data, charts.WithItemStyleOpts(opts.ItemStyle{Color: "#1f5fa8"}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}))
	bar.Validate()
	return chartView{ID: overviewCoverageID, Title: "覆盖情况", Height: 360, Option: optionMap(bar),
		Provenance: [][]provenanceCell{cells}, CSV: csvLink("/overview", q, overviewCoverageID),
		csvHeader: []string{"区划代码", "名称", "所属省份", "报告数", "辖区数"}, csvRows: rows}
}

func yearText(y int) string {
	if y == 0 {
		return "年份未识别"
	}
	return strconv.Itoa(y) + "年"
}

// flaggedChart draws how many headline values of each indicator carry a
// data-quality flag; clicking a bar shows examples with their sentences.
func flaggedChart(flagged []flaggedView, year int, q map[string][]string) chartView {
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: overviewFlagsID}),
		charts.WithTitleOpts(opts.Title{Title: "数据提示最多的指标", Subtitle: strconv.Itoa(year) + "年 · 点击柱条查看例句"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "10%", Top: "70", Bottom: "20", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(valueXAxis("个")),
		chartToolbox("数据提示最多的指标"),
	)
	names := make([]string, len(flagged))
	data := make([]opts.BarData, len(flagged))
	cells := make([]provenanceCell, len(flagged))
	var rows [][]string
	for i, f := range flagged {
		names[i] = f.Indicator.NameZH
		data[i] = opts.BarData{Name: names[i], Value: f.Flagged,
			Label: &opts.Label{Show: opts.Bool(true), Position: "right", Formatter: strconv.Itoa(f.Flagged) + " / " + strconv.Itoa(f.Values)}}
		cell := provenanceCell{Title: f.Indicator.NameZH + " · 有提示的数值（共" + strconv.Itoa(f.Flagged) + "个，举例）"}
		for _, e := range f.Examples {
			v := cellView(e, f.Indicator.Unit)
			v.Display = e.JurisdictionName + " " + v.Display
			cell.Facts = append(cell.Facts, v)
		}
		cells[i] = cell
		rows = append(rows, []string{strconv.Itoa(year), f.Indicator.Code, f.Indicator.NameZH, strconv.Itoa(f.Flagged), strconv.Itoa(f.Values)})
	}
	bar.SetGlobalOptions(charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names, Inverse: opts.Bool(true)}))
	bar.AddSeries("有提示的数值", data, charts.WithItemStyleOpts(opts.ItemStyle{Color: "#b35c00"}))
	return chartView{ID: overviewFlagsID, Title: "数据提示", Height: chartHeight(len(flagged)), Option: optionMap(bar),
		Provenance: [][]provenanceCell{cells}, CSV: csvLink("/overview", q, overviewFlagsID),
		csvHeader: []string{"年份", "指标代码", "指标", "有提示的数值", "数值总数"}, csvRows: rows}
}
