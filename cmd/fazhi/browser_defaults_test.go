package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// pagesFixture is the reports of the page tests (testdata/pages/README.md).
const pagesFixture = "testdata/pages"

// mustServeFixtures starts the real app on a warehouse holding the sample
// reports and the reports of the page tests, ingested by the real command.
func mustServeFixtures(t *testing.T, edit ...func(*Config)) *httptest.Server {
	t.Helper()
	cfg := DefaultConfig()
	cfg.DB = filepath.Join(t.TempDir(), "fazhi.duckdb")
	for _, args := range [][]string{
		{"ingest", "--db", cfg.DB, samplesDir},
		{"ingest", "--db", cfg.DB, "--manifest", filepath.Join(pagesFixture, "manifest.csv"), pagesFixture},
	} {
		if out, errs, err := runCLI(t, args...); err != nil {
			t.Fatalf("fazhi %v: %v\n%s%s", args, err, out, errs)
		}
	}
	for _, e := range edit {
		e(&cfg)
	}
	a, err := newApp(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatalf("newApp: %v", err)
	}
	srv := httptest.NewServer(a.handler)
	t.Cleanup(func() { srv.Close(); a.Close() })
	return srv
}

// openPage opens path and waits until every chart on it is drawn.
func openPage(t *testing.T, ctx context.Context, srv *httptest.Server, path string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path)); err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	if err := waitTrue(ctx, `document.readyState === "complete" &&
		Array.from(document.querySelectorAll('.chart')).every(function (c) { return c.dataset.drawn === "true"; })`); err != nil {
		saveScreenshot(t, ctx, "fail-"+strings.NewReplacer("/", "_", "?", "_", "&", "_").Replace(path)+".png")
		t.Fatalf("%s: charts not drawn: %v", path, err)
	}
}

func evalJS[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %.80s: %v", js, err)
	}
	return v
}

// rankingJS reads the ranking table: "rank name" per row, "（并列）" kept.
const rankingJS = `Array.from(document.querySelectorAll('table.ranking tbody tr')).map(function (tr) {
	return tr.cells[0].innerText.trim() + " " + tr.cells[1].innerText.trim(); })`

// By default the compare page ranks one year and one level, whole
// jurisdictions' whole-year values only: a sub-body's figure, a part-year
// figure and an unresolved report (each larger than every ranked value)
// are listed beside the ranking with their reasons and badges; tied values
// share a rank (1, 2, 2).
func TestBrowserCompareDefaults(t *testing.T) {
	srv := mustServeFixtures(t)
	ctx := newBrowserFor(t, 3*time.Minute)
	console := watchConsole(ctx)
	openPage(t, ctx, srv, "/")

	if got, want := strings.Join(evalJS[[]string](t, ctx, rankingJS), " | "), "1 古城街道 | 2（并列） 大洋街道 | 2（并列） 江南街道"; got != want {
		t.Errorf("default ranking = %s; want %s (2024, streets only, ties share a rank)", got, want)
	}
	bars := evalJS[[]string](t, ctx, `echarts.getInstanceByDom(document.getElementById('compare-chart')).getOption().yAxis[0].data`)
	if strings.Join(bars, ",") != "1 古城街道,2 大洋街道,2 江南街道" {
		t.Errorf("bars = %v; want the three ranked streets with their ranks", bars)
	}
	def := evalJS[string](t, ctx, `document.querySelector('.default-choice').innerText`)
	if !strings.Contains(def, "2024年") || !strings.Contains(def, "街道") {
		t.Errorf("default note = %q; want it to say 2024 and 街道 were chosen", def)
	}
	years := evalJS[[]string](t, ctx, `Array.from(document.querySelectorAll('#year option')).map(function (o) { return (o.selected ? "*" : "") + o.text; })`)
	if len(years) < 2 || !strings.HasPrefix(years[0], "*默认") || years[1] != "各辖区最新年份（年份可能不同）" {
		t.Errorf("year choices = %v; want the default selected, then each jurisdiction's latest labelled as such", years)
	}
	apart := evalJS[[]string](t, ctx, `Array.from(document.querySelectorAll('.unranked li')).map(function (li) { return li.innerText; })`)
	want := []struct{ name, reason, badge string }{
		{"城关街道", "未定位", "未定位"},
		{"大田街道", "下属机构", "部分"},
		{"邵家渡街道", "非全年", "非全年"},
	}
	if len(apart) != len(want) {
		t.Fatalf("values beside the ranking = %q; want %d", apart, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(apart[i], w.name) || !strings.Contains(apart[i], w.reason) || !strings.Contains(apart[i], w.badge) {
			t.Errorf("beside the ranking, item %d = %q; want %s with %q and its badge %s", i, apart[i], w.name, w.reason, w.badge)
		}
	}
	badge := evalJS[string](t, ctx, `document.querySelector('.unranked li .badge.warn').innerText`)
	if badge != "未定位" {
		t.Errorf("the unresolved report's badge = %q; want 未定位", badge)
	}
	saveScreenshot(t, ctx, "compare-defaults.png")
	// Each jurisdiction's latest year is a choice; it still keeps to one level.
	openPage(t, ctx, srv, "/?year=latest")
	latest := strings.Join(evalJS[[]string](t, ctx, rankingJS), " | ")
	if !strings.Contains(latest, "古城街道") || strings.Contains(latest, "城东区") || strings.Contains(latest, "汛桥镇") {
		t.Errorf("/?year=latest ranks %s; want streets only (the level with the most values)", latest)
	}
	if p := console.all(); len(p) > 0 {
		t.Errorf("page reported errors: %v", p)
	}
}

// The same rule for rates: a rate its own counts contradict is said in
// words beside the ranking, a rate on fewer than 10 cases too; the order
// follows the indicator's better direction.
func TestBrowserCompareRates(t *testing.T) {
	srv := mustServeFixtures(t)
	ctx := newBrowserFor(t, 3*time.Minute)
	openPage(t, ctx, srv, "/?indicator=mediation.success_rate")
	apart := evalJS[string](t, ctx, `document.querySelector('.unranked').innerText`)
	if !strings.Contains(apart, "报告写100%，按700/800计算为87.5%") {
		t.Errorf("beside the ranking: %q; want 江南街道's rate and counts in words", apart)
	}
	openPage(t, ctx, srv, "/?indicator=mediation.success_rate&level=镇")
	if got := strings.Join(evalJS[[]string](t, ctx, rankingJS), " | "); got != "1 汛桥镇" {
		t.Errorf("towns' ranking = %s; want 汛桥镇 alone (东塍镇's rate rests on 8 cases)", got)
	}
	if apart := evalJS[string](t, ctx, `document.querySelector('.unranked').innerText`); !strings.Contains(apart, "东塍镇") || !strings.Contains(apart, "少于10件") {
		t.Errorf("beside the towns' ranking: %q; want 东塍镇 with fewer than 10 cases", apart)
	}
	openPage(t, ctx, srv, "/?indicator=litigation.loss_rate&level=all&year=latest")
	if hint := evalJS[string](t, ctx, `document.querySelector('p.hint').innerText`); !strings.Contains(hint, "从低到高排列（败诉率越低越好）") {
		t.Errorf("loss rate hint = %q; want the order said: lower is better", hint)
	}
	if got := strings.Join(evalJS[[]string](t, ctx, rankingJS), " | "); got != "1 江南街道 | 2 大洋街道" {
		t.Errorf("loss rate ranking = %s; want 江南街道 (10%%) before 大洋街道 (16.7%%)", got)
	}
}

// One parameter, parent, narrows every page to an area; values and names
// the page does not know are said, never ignored silently.
func TestBrowserParametersSaySo(t *testing.T) {
	srv := mustServeFixtures(t)
	ctx := newBrowserFor(t, 3*time.Minute)
	openPage(t, ctx, srv, "/?parent=33&level=镇")
	if got := strings.Join(evalJS[[]string](t, ctx, rankingJS), " | "); got != "1 汛桥镇 | 2 东塍镇" {
		t.Errorf("/?parent=33&level=镇 ranks %s; want 浙江省's towns", got)
	}
	if sel := evalJS[string](t, ctx, `document.querySelector('#area-0').selectedOptions[0].text`); !strings.HasPrefix(sel, "浙江省") {
		t.Errorf("area selector shows %q; want 浙江省", sel)
	}
	// Choosing a city in the next selector reloads the page with parent set to it.
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`#area-1`), "3310")); err != nil {
		t.Fatal(err)
	}
	if err := waitTrue(ctx, `location.search.indexOf('parent=3310') >= 0 && document.readyState === "complete"`); err != nil {
		t.Fatalf("choosing 台州市: %v", err)
	}
	for path, want := range map[string]string{
		"/?parent=99":              "没有地区代码为“99”的报告",
		"/?province=33":            "地区请用“parent”",
		"/?level=村":                "层级“村”无法识别",
		"/?year=20x4":              "年份“20x4”无法识别",
		"/?format=xlsx":            "格式“xlsx”无法识别",
		"/mediation?n=7&color=red": "辖区数“7”无法识别",
		"/heatmap?mode=pie":        "显示方式“pie”无法识别",
		"/trend?j=../etc":          "辖区“../etc”无法识别",
		"/overview?parent=33":      "参数“parent”和“level”已忽略",
		"/brief?jurisdiction=331082001&year=2024&x=1": "没有参数“x”",
	} {
		openPage(t, ctx, srv, path)
		got := evalJS[string](t, ctx, `(document.querySelector('.param-notice') || {innerText: ""}).innerText`)
		if !strings.Contains(got, want) {
			t.Errorf("%s says %q; want %q", path, got, want)
		}
	}
}

// The topic pages show a rate with its counts, say a contradiction in
// words, mark and explain small samples, and rank only whole
// jurisdictions' whole-year values, the others after them.
func TestBrowserTopicRates(t *testing.T) {
	srv := mustServeFixtures(t)
	ctx := newBrowserFor(t, 3*time.Minute)
	openPage(t, ctx, srv, "/mediation")
	rows := evalJS[[]string](t, ctx, `Array.from(document.querySelectorAll('table.topic tbody tr')).map(function (tr) { return tr.innerText.replace(/\s+/g, " "); })`)
	joined := strings.Join(rows, "\n")
	for _, want := range []string{"98.75%（790/800）", "报告写100%，按700/800计算为87.5%", "以下辖区未参与排序"} {
		if !strings.Contains(joined, want) {
			t.Errorf("mediation table lacks %q:\n%s", want, joined)
		}
	}
	divider := -1
	for i, r := range rows {
		if strings.Contains(r, "以下辖区未参与排序") {
			divider = i
		}
	}
	if divider != 3 || len(rows) != 7 {
		t.Fatalf("mediation rows = %d, divider at %d; want 3 ranked streets, the divider, then 3 more:\n%s", len(rows), divider, joined)
	}
	for i, name := range []string{"城关街道", "大田街道", "邵家渡街道"} {
		if !strings.HasPrefix(rows[divider+1+i], name) {
			t.Errorf("after the divider, row %d = %q; want %s", i, rows[divider+1+i], name)
		}
	}
	openPage(t, ctx, srv, "/mediation?level=镇")
	table := evalJS[string](t, ctx, `document.querySelector('table.topic').innerText`)
	note := evalJS[string](t, ctx, `(document.querySelector('.small-note') || {innerText: ""}).innerText`)
	if !strings.Contains(table, "87.5%（7/8）") || !strings.Contains(table, "样本少") || !strings.Contains(note, "少于10件") {
		t.Errorf("towns' table %q, note %q; want 东塍镇's 87.5%%（7/8） marked 样本少 and the note", table, note)
	}
}

// Every CSV the pages offer opens in Excel (a byte-order mark) and says
// what the page says: the ranking with its ranks and ties, then the values
// beside it with the reason; flags in words; the trend with its change
// from the previous year.
func TestPageCSVs(t *testing.T) {
	srv := mustServeFixtures(t)
	get := func(path string) [][]string {
		t.Helper()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") || !bytes.HasPrefix(b, []byte("\ufeff")) {
			t.Fatalf("GET %s = %d %s, BOM %v; want CSV with a BOM", path, resp.StatusCode, resp.Header.Get("Content-Type"), bytes.HasPrefix(b, []byte("\ufeff")))
		}
		recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		return recs
	}
	col := func(recs [][]string, name string) int {
		for i, h := range recs[0] {
			if h == name {
				return i
			}
		}
		t.Fatalf("CSV header %v lacks %s", recs[0], name)
		return -1
	}
	recs := get("/?format=csv")
	var got []string
	for _, r := range recs[1:] {
		got = append(got, r[0]+"/"+r[1]+" "+r[2]+" "+r[col(recs, "未参与排名的原因")])
	}
	want := "1/1 古城街道 |2/2 大洋街道 |2/2 江南街道 |/ 城关街道 未定位：报告中的线索不足以确定是哪一个同名辖区|" +
		"/ 大田街道 只是下属机构的数字（街道驻所调解室），不是全辖区的|/ 邵家渡街道 只覆盖年内一段时间（非全年）"
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("compare CSV rows =\n%s\nwant\n%s", g, want)
	}
	recs = get("/?indicator=mediation.success_rate&format=csv")
	flags := col(recs, "数据提示")
	for _, r := range recs[1:] {
		if r[2] == "江南街道" && r[flags] != "比率存疑、100%" {
			t.Errorf("江南街道's flags in the CSV = %q; want them in words, 比率存疑、100%%", r[flags])
		}
	}
	recs = get("/trend?indicator=mediation.cases_accepted&j=331082002&format=csv")
	if n := len(recs[0]); recs[0][n-4] != "比较的年份" || len(recs) != 3 {
		t.Fatalf("trend CSV = %v; want the year-over-year columns and 2 years", recs)
	}
	if r := recs[2]; r[len(r)-4] != "2023" || r[len(r)-3] != "100" || r[len(r)-2] != "14.3" || r[len(r)-1] != "否" {
		t.Errorf("trend CSV 2024 = %v; want compared with 2023: 100, 14.3%%, exact", r)
	}
	if r := recs[1]; r[len(r)-4] != "" || r[len(r)-3] != "" {
		t.Errorf("trend CSV 2023 = %v; want no change for the first year", r)
	}
}

// The brief of a full report prints on one A4 page; ranks say which way is
// better and show ties honestly; it names its sources and the date of its
// data; ≥ appears once per value and no value wraps.
func TestBrowserBriefOnePage(t *testing.T) {
	srv := mustServeFixtures(t)
	ctx := newBrowserFor(t, 3*time.Minute)
	// The most informative sample: the jurisdiction-year with the most values.
	var best struct {
		Rows [][]any `json:"rows"`
	}
	status, _ := postSQLJSON(t, srv, `SELECT jurisdiction_code, year FROM headline_facts WHERE jurisdiction_code <> ''
		GROUP BY ALL ORDER BY count(*) DESC, year DESC LIMIT 1`, &best)
	if status != 200 || len(best.Rows) != 1 {
		t.Fatalf("most informative report: %d %v", status, best.Rows)
	}
	full := fmt.Sprintf("/brief?jurisdiction=%v&year=%v", best.Rows[0][0], best.Rows[0][1])
	for _, path := range []string{full, "/brief?jurisdiction=331082001&year=2024", "/brief?jurisdiction=331082002&year=2024"} {
		openPage(t, ctx, srv, path)
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFMargin(10/25.4),
			func(p *page.PrintToPDFParams) { css := true; p.PreferCSSPageSize = &css }))
		if err != nil {
			t.Fatalf("print %s: %v", path, err)
		}
		if n := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1)); n != 1 {
			t.Errorf("%s prints on %d A4 pages; want 1", path, n)
		}
		wrapped := evalJS[[]string](t, ctx, `Array.from(document.querySelectorAll('.brief .value')).filter(function (e) {
			return e.getClientRects().length > 1 || e.getBoundingClientRect().height > 1.6 * parseFloat(getComputedStyle(e).lineHeight || "20"); }).map(function (e) { return e.innerText; })`)
		if len(wrapped) > 0 {
			t.Errorf("%s: values wrap inside themselves: %q", path, wrapped)
		}
		twice := evalJS[[]string](t, ctx, `Array.from(document.querySelectorAll('.brief-table tbody tr')).map(function (tr) { return tr.cells[1].innerText; }).filter(function (s) { return (s.match(/[≥≈≤]/g) || []).length > 1; })`)
		if len(twice) > 0 {
			t.Errorf("%s: approximate signs shown twice: %q", path, twice)
		}
		head := evalJS[string](t, ctx, `document.querySelector('.brief header').innerText`)
		if !strings.Contains(head, "数据截至") || !strings.Contains(head, "北京时间") || !strings.Contains(head, "来源：《") {
			t.Errorf("%s header = %q; want the as-of date in Beijing time and the source report's title", path, head)
		}
		saveScreenshot(t, ctx, "brief-"+strings.NewReplacer("/brief?jurisdiction=", "", "&year=", "-").Replace(path)+".png")
	}
	openPage(t, ctx, srv, "/brief?jurisdiction=331082001&year=2024")
	lines := briefLines(t, ctx)
	for name, want := range map[string]string{
		"受理调解案件/矛盾纠纷": "第1/3",    // 古城街道, 大洋街道, 江南街道; 大田 (部分) and 邵家渡 (非全年) are not peers
		"败诉率":         "不排名：样本少", // 0 of 3 cases decided (7 − 4 pending)
		"普法/法治宣传活动":   "第1/5",
	} {
		if got := lines[name]; got != want {
			t.Errorf("古城街道 2024 %s rank = %q; want %q", name, got, want)
		}
	}
	openPage(t, ctx, srv, "/brief?jurisdiction=331082002&year=2024")
	lines = briefLines(t, ctx)
	for name, want := range map[string]string{
		"受理调解案件/矛盾纠纷":  "并列第2/3",
		"普法/法治宣传活动":    "并列第2/5",
		"法治讲座/专题讲座/培训": "4个相同",      // four equal peers are not all "1/4"
		"败诉率":          "第2/2 越低越好", // after 江南街道's 10%
	} {
		if got := lines[name]; got != want {
			t.Errorf("大洋街道 2024 %s rank = %q; want %q", name, got, want)
		}
	}
}

// briefLines reads the brief's rank column by indicator name.
func briefLines(t *testing.T, ctx context.Context) map[string]string {
	t.Helper()
	rows := evalJS[[][]string](t, ctx, `Array.from(document.querySelectorAll('.brief-table tbody tr')).map(function (tr) {
		return [tr.cells[0].firstChild.textContent.trim(), tr.cells[2].innerText.replace(/\s+/g, " ").trim()]; })`)
	out := map[string]string{}
	for _, r := range rows {
		out[r[0]] = r[1]
	}
	return out
}

// postSQLJSON posts a query to the API and decodes the answer into v.
func postSQLJSON(t *testing.T, srv *httptest.Server, query string, v any) (int, error) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"sql": query})
	resp, err := http.Post(srv.URL+"/api/sql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	return resp.StatusCode, json.NewDecoder(resp.Body).Decode(v)
}
