package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// pageCase is one dashboard page in the browser: the charts it must draw
// (by fixed ID, with their series types in order) and one chart to click.
type pageCase struct {
	name   string
	path   string
	charts map[string]string // chart ID → series types, comma-separated
	// click is the chart clicked; clickSeries the series whose first value
	// is clicked; wantQuote a text the sentence shown must contain ("" for
	// any sentence).
	click       string
	clickSeries int
	wantQuote   string
}

// The sample reports (datasets/reports) are one report per year: 2019 桥头镇,
// 2020 城东区, 2022 荷城街道, 2023 垡头街道, 2024 古城街道.
var pageCases = []pageCase{
	{name: "overview", path: "/overview?year=2019",
		charts: map[string]string{"overview-coverage": "bar", "overview-flags": "bar"},
		click:  "overview-flags"},
	{name: "trend", path: "/trend?indicator=mediation.cases_accepted&j=331082001",
		charts: map[string]string{"trend-chart": "line"},
		click:  "trend-chart", wantQuote: "2119"},
	{name: "mediation", path: "/mediation?year=2024&level=街道",
		charts: map[string]string{"mediation-chart": "bar,bar,line", "mediation-years": "bar,bar"},
		click:  "mediation-chart", wantQuote: "2119"},
	{name: "litigation", path: "/litigation?year=2024&level=街道",
		charts: map[string]string{"litigation-chart": "bar,bar,bar,bar,line,line", "reconsideration-chart": "bar,bar,bar,bar", "litigation-years": "bar,bar,bar"},
		click:  "litigation-chart", clickSeries: 0},
	{name: "publicity", path: "/publicity?year=2019&level=镇",
		charts: map[string]string{"publicity-chart": "bar,bar,line,line", "publicity-years": "bar,bar,line,line"},
		click:  "publicity-chart", clickSeries: 2},
	{name: "heatmap", path: "/heatmap?year=2024",
		charts: map[string]string{"heatmap-chart": "heatmap"},
		click:  "heatmap-chart"},
	{name: "heatmap-values", path: "/heatmap?year=2019&mode=values",
		charts: map[string]string{"heatmap-chart": "heatmap"},
		click:  "heatmap-chart"},
}

// clickPointJS scrolls a chart into view and returns the page position of
// the first value of a series: the middle of a bar, a line's point, a
// heatmap's cell. Points and cells come from ECharts' convertToPixel, as in
// TestBrowserBarToSentenceToReport; a bar beside others in its category is
// off the category's centre, so bars use the rectangle ECharts laid out.
const clickPointJS = `(function (id, s) {
	var el = document.getElementById(id);
	el.scrollIntoView({block: 'center'});
	var c = echarts.getInstanceByDom(el);
	var o = c.getOption();
	var ser = o.series[s];
	for (var d = 0; d < ser.data.length; d++) {
		var item = ser.data[d];
		var v = (item !== null && typeof item === 'object' && !Array.isArray(item)) ? item.value : item;
		if (v === '-' || v === undefined || v === null) { continue; }
		var p;
		if (ser.type === 'bar') {
			var rect = c.getModel().getSeriesByIndex(s).getData().getItemLayout(d);
			p = [rect.x + rect.width / 2, rect.y + rect.height / 2];
		} else if (ser.type === 'heatmap') {
			p = c.convertToPixel({seriesIndex: s}, [v[0], v[1]]);
		} else {
			p = c.convertToPixel({seriesIndex: s}, [o.xAxis[0].data[d], v]);
		}
		var r = el.getBoundingClientRect();
		return [r.left + p[0], r.top + p[1]];
	}
	return [];
})`

func TestBrowserDashboardPages(t *testing.T) {
	srv := mustServe(t)
	for _, tc := range pageCases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := newBrowser(t)
			console := watchConsole(ctx)
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+tc.path)); err != nil {
				t.Fatalf("open %s: %v", tc.path, err)
			}
			for id, want := range tc.charts {
				if err := waitVisible(ctx, fmt.Sprintf(`#%s[data-drawn="true"] canvas`, id)); err != nil {
					saveScreenshot(t, ctx, "fail-"+tc.name+".png")
					t.Fatalf("chart #%s not drawn: %v", id, err)
				}
				got, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`(function () {
					var c = echarts.getInstanceByDom(document.getElementById(%q));
					return c.getOption().series.map(function (s) { return s.type; }).join(','); })()`, id)))
				if err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Errorf("chart #%s series types = %q; want %q", id, got, want)
				}
			}
			// Every chart has its data download and the toolbox.
			n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.chart-box a.csv').length`))
			if err != nil || n != len(tc.charts) {
				t.Errorf("page has %d CSV links, %v; want one per chart (%d)", n, err, len(tc.charts))
			}
			nav, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`header.top nav a.active`)))
			if err != nil || nav == "" {
				t.Errorf("no active nav link: %q %v", nav, err)
			}

			pos, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(`%s(%q, %d)`, clickPointJS, tc.click, tc.clickSeries)))
			if err != nil || len(pos) != 2 {
				t.Fatalf("position of the first value of #%s series %d: %v %v", tc.click, tc.clickSeries, pos, err)
			}
			if err := chromedp.Do(ctx,
				chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, pos[0], pos[1]),
				chromedp.MouseClickXY(pos[0], pos[1], chromedp.ClickCount(1)),
			); err != nil {
				t.Fatalf("click: %v", err)
			}
			if err := waitVisible(ctx, `#facts-panel .fact-quote`); err != nil {
				saveScreenshot(t, ctx, "fail-click-"+tc.name+".png")
				t.Fatalf("click #%s at %v: no sentence shown: %v", tc.click, pos, err)
			}
			quote, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#facts-panel .fact-quote`)))
			if err != nil {
				t.Fatal(err)
			}
			if len([]rune(quote)) < 6 || !strings.Contains(quote, tc.wantQuote) {
				t.Errorf("facts panel sentence = %q; want a sentence containing %q", quote, tc.wantQuote)
			}
			href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#facts-panel a.fact-link').getAttribute('href')`))
			if err != nil || !strings.HasPrefix(href, "/reports/") || !strings.Contains(href, "#fact-") {
				t.Errorf("facts panel link = %q, %v; want /reports/ID#fact-ID", href, err)
			}
			saveScreenshot(t, ctx, "page-"+tc.name+".png")
			if p := console.all(); len(p) > 0 {
				t.Errorf("page reported errors: %v", p)
			}
		})
	}
}

// From a topic chart to the report page with the number highlighted.
func TestBrowserTopicBarToReport(t *testing.T) {
	srv := mustServe(t)
	ctx := newBrowser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/mediation?year=2024")); err != nil {
		t.Fatal(err)
	}
	if err := waitVisible(ctx, `#mediation-chart[data-drawn="true"]`); err != nil {
		t.Fatal(err)
	}
	pos, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](clickPointJS+`("mediation-chart", 0)`))
	if err != nil || len(pos) != 2 {
		t.Fatalf("bar position: %v %v", pos, err)
	}
	if err := chromedp.Do(ctx,
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, pos[0], pos[1]),
		chromedp.MouseClickXY(pos[0], pos[1], chromedp.ClickCount(1)),
	); err != nil {
		t.Fatal(err)
	}
	if err := waitVisible(ctx, `#facts-panel a.fact-link`); err != nil {
		t.Fatalf("no facts panel after clicking the bar: %v", err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#facts-panel a.fact-link`)),
		chromedp.WaitVisible(chromedp.CSS(`mark.fact-mark.current`)),
	); err != nil {
		t.Fatalf("open report from panel: %v", err)
	}
	marked, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`mark.fact-mark.current`)))
	if err != nil || marked != "2119" {
		t.Errorf("highlighted number = %q, %v; want 2119", marked, err)
	}
}

// Every chart's CSV link answers UTF-8 CSV with a byte-order mark.
func TestDashboardCSVDownloads(t *testing.T) {
	srv := mustServe(t)
	for _, tc := range pageCases {
		for id := range tc.charts {
			sep := "?"
			if strings.Contains(tc.path, "?") {
				sep = "&"
			}
			url := srv.URL + tc.path + sep + "format=csv&chart=" + id
			resp, err := http.Get(url)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			lines := strings.Split(strings.TrimSpace(string(body)), "\n")
			if resp.StatusCode != 200 || !bytes.HasPrefix(body, []byte("\ufeff")) || len(lines) < 2 ||
				!strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
				t.Errorf("GET %s = %d %q, %d lines; want CSV with a BOM, a header and rows", url, resp.StatusCode,
					resp.Header.Get("Content-Type"), len(lines))
			}
		}
	}
	resp, err := http.Get(srv.URL + "/mediation?format=csv&chart=nope")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("CSV of an unknown chart = %d; want 404", resp.StatusCode)
	}
}

// Pages answer with every selector value, including nonsense.
func TestDashboardPagesTolerateOddQueries(t *testing.T) {
	srv := mustServe(t)
	for _, p := range []string{
		"/overview?year=1800", "/trend?indicator=mediation.cases_accepted&j=../../etc&j=331082001&parent=x",
		"/mediation?year=2001", "/litigation?n=7&level=<script>", "/publicity?parent=33", "/heatmap?year=2021&mode=values",
	} {
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || bytes.Contains(body, []byte("<script>alert")) {
			t.Errorf("GET %s = %d; want 200", p, resp.StatusCode)
		}
	}
	resp, err := http.Get(srv.URL + "/trend?indicator=no.such")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /trend?indicator=no.such = %d; want 404", resp.StatusCode)
	}
}
