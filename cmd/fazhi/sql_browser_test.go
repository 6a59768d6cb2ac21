package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The SQL page runs a query, shows refusals, lists the tables and
// downloads CSV, offline, with no script errors.
func TestBrowserSQLPage(t *testing.T) {
	srv := mustServe(t)
	ctx := newBrowser(t)
	console := watchConsole(ctx)

	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/sql"),
		chromedp.WaitVisible(chromedp.CSS(`#sql-run`)),
		chromedp.Click(chromedp.CSS(`#sql-run`)),
		chromedp.WaitVisible(chromedp.CSS(`#sql-results tbody tr`)),
	); err != nil {
		t.Fatalf("open /sql and run the first example: %v", err)
	}
	head, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#sql-results thead`)))
	if err != nil || !strings.Contains(head, "success_rate") || !strings.Contains(head, "quote") {
		t.Errorf("result header = %q, %v; want the example's columns", head, err)
	}
	tables, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#sql-tables`)))
	if err != nil || !strings.Contains(tables, "headline_facts") || !strings.Contains(tables, "indicator_wide") {
		t.Errorf("table list = %.200q, %v; want headline_facts and indicator_wide", tables, err)
	}

	// Clicking a table name queries it.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`details[data-table="coverage"] code.table-name`)),
		chromedp.WaitVisible(chromedp.CSS(`#sql-results thead th`)),
	); err != nil {
		t.Fatal(err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`(function () {
		return new Promise(function (done) {
			var n = 0, t = setInterval(function () {
				var h = document.querySelector('#sql-results thead').textContent;
				if (h.indexOf('indicators_stated') >= 0 || ++n > 50) { clearInterval(t); done(document.querySelectorAll('#sql-results tbody tr').length); }
			}, 100);
		}); })()`, chromedp.EvalAwaitPromise))
	if err != nil || rows != 5 {
		t.Errorf("coverage rows = %d, %v; want 5 (one per sample report)", rows, err)
	}

	// A refused statement shows the reason.
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`#sql-text`), "DROP TABLE facts"),
		chromedp.Click(chromedp.CSS(`#sql-run`)),
		chromedp.WaitVisible(chromedp.CSS(`#sql-status.error`)),
	); err != nil {
		t.Fatal(err)
	}
	msg, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#sql-status`)))
	if err != nil || !strings.Contains(msg, "只允许 SELECT 查询") {
		t.Errorf("status after DROP = %q, %v; want the refusal in Chinese", msg, err)
	}

	// CSV download of a query.
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`#sql-text`), "SELECT count(*) AS n FROM reports"),
		chromedp.Click(chromedp.CSS(`#sql-csv`)),
	); err != nil {
		t.Fatal(err)
	}
	done, err := chromedp.Run(ctx, chromedp.Evaluate[string](`new Promise(function (done) {
		var n = 0, t = setInterval(function () {
			var s = document.getElementById('sql-status').textContent;
			if (s.indexOf('query.csv') >= 0 || ++n > 50) { clearInterval(t); done(s); }
		}, 100); })`, chromedp.EvalAwaitPromise))
	if err != nil || !strings.Contains(done, "已下载") {
		t.Errorf("status after CSV = %q, %v; want 已下载 query.csv", done, err)
	}

	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(screenshotDir(t), "sql.png")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
	// The refused DROP is answered 400, which the browser logs as a failed
	// load; anything else is an error of the page.
	for _, p := range console.all() {
		if !strings.Contains(p, "status of 400") || !strings.Contains(p, "/api/sql") {
			t.Errorf("page reported an error: %s", p)
		}
	}
}
