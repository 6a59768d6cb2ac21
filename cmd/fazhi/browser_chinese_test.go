package main

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// halfWidthJS returns the places of a page's visible text where ASCII
// punctuation stands in Chinese prose (beside a Han character or Chinese
// punctuation): code, SQL and addresses aside.
const halfWidthJS = `(function () {
	var body = document.body.cloneNode(true);
	body.querySelectorAll('code, textarea, pre, script, style, .chart').forEach(function (e) { e.remove(); });
	var text = body.innerText;
	var re = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”][,:;()!?]|[,:;()!?][\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]/g;
	var out = [], m;
	while ((m = re.exec(text)) !== null) { out.push(text.slice(Math.max(0, m.index - 12), m.index + 14)); }
	return out; })()`

// Every page speaks Chinese with full-width punctuation in its sentences,
// the report text included (as published, highlights in place).
func TestBrowserPagesFullWidthPunctuation(t *testing.T) {
	srv := mustServeFixtures(t)
	ctx := newBrowserFor(t, 3*time.Minute)
	var reports struct {
		Rows [][]any `json:"rows"`
	}
	if status, _ := postSQLJSON(t, srv, `SELECT report_id FROM reports ORDER BY report_id`, &reports); status != 200 || len(reports.Rows) == 0 {
		t.Fatalf("reports: %d", status)
	}
	paths := []string{"/", "/?indicator=mediation.success_rate", "/overview", "/trend?indicator=mediation.cases_accepted&j=331082002",
		"/mediation", "/litigation", "/publicity", "/heatmap", "/heatmap?mode=values", "/brief?jurisdiction=331082001&year=2024",
		"/sql", "/no/such/page", "/?level=村"}
	for _, r := range reports.Rows {
		paths = append(paths, "/reports/"+r[0].(string))
	}
	for _, path := range paths {
		openPage(t, ctx, srv, path)
		if bad := evalJS[[]string](t, ctx, halfWidthJS); len(bad) > 0 {
			t.Errorf("%s has half-width punctuation in Chinese text: %q", path, bad)
		}
	}
	// The report page shows the text as published: "2024年，" not "2024年,".
	openPage(t, ctx, srv, "/reports/"+reports.Rows[0][0].(string))
	text := evalJS[string](t, ctx, `document.getElementById('report-text').innerText`)
	if !strings.Contains(text, "，") || !strings.Contains(text, "。") {
		t.Errorf("report text %.80q…; want its full-width punctuation", text)
	}
}

// Refusals of the SQL page, unknown pages and times speak Chinese (the
// JSON API keeps English messages beside a code).
func TestBrowserChineseMessages(t *testing.T) {
	srv := mustServeFixtures(t)
	ctx := newBrowserFor(t, 3*time.Minute)
	openPage(t, ctx, srv, "/sql")
	for _, tc := range []struct{ sql, want string }{
		{`SELECT current_setting('threads')`, "查询被拒绝：研究查询中不能使用函数 current_setting。"},
		{`SELECT * FROM read_csv('/etc/passwd')`, "查询被拒绝：研究查询中不能使用表函数 read_csv。"},
		{`DROP TABLE facts`, "查询被拒绝：只允许 SELECT 查询"},
		{`SELECT 1; SELECT 2`, "一次只能运行一条语句，这里有2条"},
		{`SELECT * FROM duckdb_databases()`, "表函数 duckdb_databases"},
		{`SELECT valu FROM headline_facts`, "找不到列“valu”"},
		{`SELECT FROM WHERE`, "语法错误"},
	} {
		if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`#sql-text`), tc.sql), chromedp.Click(chromedp.CSS(`#sql-run`))); err != nil {
			t.Fatal(err)
		}
		if err := waitTrue(ctx, `document.getElementById('sql-status').className === "error"`); err != nil {
			t.Fatalf("%s: no refusal shown: %v", tc.sql, err)
		}
		got := evalJS[string](t, ctx, `document.getElementById('sql-status').innerText`)
		if !strings.Contains(got, tc.want) || regexp.MustCompile(`(?i)query|rejected|allowed|error`).MatchString(got) {
			t.Errorf("%s: page says %q; want Chinese, %q", tc.sql, got, tc.want)
		}
		// Reset for the next query.
		evalJS[string](t, ctx, `document.getElementById('sql-status').className = ""`)
	}
	// A query that runs says when its data is from, in Beijing time.
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`#sql-text`), `SELECT 1 AS n`), chromedp.Click(chromedp.CSS(`#sql-run`))); err != nil {
		t.Fatal(err)
	}
	if err := waitTrue(ctx, `document.getElementById('sql-results').dataset.rows === "1"`); err != nil {
		t.Fatal(err)
	}
	if got := evalJS[string](t, ctx, `document.getElementById('sql-status').innerText`); !strings.Contains(got, "1行") || !strings.Contains(got, "（北京时间）") {
		t.Errorf("status after a query = %q; want its rows and the as-of time in Beijing time", got)
	}

	// An unknown page answers 404 in Chinese; an unknown API path 404 JSON with a code.
	resp, err := http.Get(srv.URL + "/no/such/page")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 404 || !strings.Contains(string(body), "找不到这个页面") || strings.Contains(string(body), "404 page not found") {
		t.Errorf("GET /no/such/page = %d %.200q; want a Chinese 404 page", resp.StatusCode, body)
	}
	resp, err = http.Get(srv.URL + "/api/no/such")
	if err != nil {
		t.Fatal(err)
	}
	var e struct{ Error, Code string }
	err = json.NewDecoder(resp.Body).Decode(&e)
	resp.Body.Close()
	if resp.StatusCode != 404 || err != nil || e.Code != "not_found" || e.Error == "" {
		t.Errorf("GET /api/no/such = %d %+v, %v; want 404 JSON with code not_found", resp.StatusCode, e, err)
	}
	// The report page gives the time of ingest in Beijing time.
	openPage(t, ctx, srv, "/overview")
	if got := evalJS[string](t, ctx, `document.querySelector('.latest small').innerText`); !regexp.MustCompile(`录入于 \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d（北京时间）`).MatchString(got) {
		t.Errorf("overview's latest report says %q; want the time of ingest in Beijing time", got)
	}
}

// FAZHI_TIMEZONE changes the zone the pages write times in.
func TestPagesTimeZone(t *testing.T) {
	srv := mustServeFixtures(t, func(c *Config) { c.TimeZone = "Europe/Berlin" })
	resp, err := http.Get(srv.URL + "/overview")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "（Europe/Berlin）") || strings.Contains(string(body), "北京时间") {
		t.Errorf("overview with FAZHI_TIMEZONE=Europe/Berlin does not write its times in that zone")
	}
	cfg := DefaultConfig()
	cfg.TimeZone = "Mars/Olympus"
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "FAZHI_TIMEZONE") {
		t.Errorf("Validate(FAZHI_TIMEZONE=Mars/Olympus) = %v; want an error naming it", err)
	}
}

// Axis ticks are written as the labels are (万, never "20,000"), and axes
// of counts tick at whole numbers (never 0.2).
func TestBrowserAxisTicks(t *testing.T) {
	srv := mustServeFixtures(t)
	ctx := newBrowserFor(t, 3*time.Minute)
	ticks := func(id, axis string, i int) []string {
		return evalJS[[]string](t, ctx, `(function () {
			var c = echarts.getInstanceByDom(document.getElementById(`+jsString(id)+`));
			return c.getModel().getComponent(`+jsString(axis)+`, `+itoa(i)+`).axis.getViewLabels().map(function (l) { return l.formattedLabel; }); })()`)
	}
	openPage(t, ctx, srv, "/mediation")
	left := ticks("mediation-chart", "yAxis", 0)
	if s := strings.Join(left, " "); !strings.Contains(s, "万") || strings.Contains(s, ",") {
		t.Errorf("mediation chart's count axis ticks = %v; want 万 and no thousands separators", left)
	}
	openPage(t, ctx, srv, "/overview")
	for _, tick := range ticks("overview-coverage", "yAxis", 0) {
		if strings.Contains(tick, ".") {
			t.Errorf("overview's report-count axis ticks %v; want whole numbers", ticks("overview-coverage", "yAxis", 0))
			break
		}
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
