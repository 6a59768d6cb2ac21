package main

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserWorkbench: an analyst logs in, opens the review queue, assigns
// an unresolved report to one of its candidates and finds it on the compare
// page under that jurisdiction, rejects a fact, and logs out; an anonymous
// visitor sees no action buttons. Screenshots: login.png, review.png.
func TestBrowserWorkbench(t *testing.T) {
	const token = "0123456789abcdef-token"
	w := mustWorkbench(t, map[string]string{"lihua": "analyst"}, func(c *Config) { c.Token = token })
	// 古城街道 is the name of several streets: unresolved, with candidates.
	ct, body := uploadParts(t, map[string][]byte{"c.txt": gucheng("c")}, nil)
	if status, resp := post(t, w.srv.URL+"/api/reports", token, ct, body); status != 200 {
		t.Fatalf("upload = %d %s", status, resp)
	}
	reports := w.reviewItems(t, "report")
	var reportID, code string
	for _, it := range reports {
		if len(it.Candidates) > 0 {
			reportID, code = it.ReportID, it.Candidates[0].Code
			break
		}
	}
	if reportID == "" {
		t.Fatal("the samples have no unresolved report with candidates")
	}
	ctx := newBrowser(t)
	console := watchConsole(ctx)

	// Anonymous: the queue, no buttons.
	if err := chromedp.Do(ctx, chromedp.Navigate(w.srv.URL+"/review"), chromedp.WaitVisible(chromedp.CSS(`h1`))); err != nil {
		t.Fatal(err)
	}
	buttons, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('form.actions button, form[method=post]').length`))
	if err != nil || buttons != 0 {
		t.Errorf("anonymous /review has %d action buttons (%v); want none", buttons, err)
	}

	if err := chromedp.Do(ctx,
		chromedp.Navigate(w.srv.URL+"/login?next=/review%3Fkind%3Dreport"),
		chromedp.WaitVisible(chromedp.CSS(`#name`)),
	); err != nil {
		t.Fatalf("open login page: %v", err)
	}
	saveScreenshot(t, ctx, "login.png")
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`#name`), "lihua"),
		chromedp.SendKeys(chromedp.CSS(`#password`), "lihua-password"),
		chromedp.Click(chromedp.CSS(`#login`)),
		chromedp.WaitVisible(chromedp.CSS(`section.review-item[data-report="`+reportID+`"]`)),
	); err != nil {
		t.Fatalf("log in and open the review queue: %v", err)
	}
	saveScreenshot(t, ctx, "review.png")
	item := `section.review-item[data-report="` + reportID + `"] `
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(item+`input[name=code][value="`+code+`"]`)),
		chromedp.SendKeys(chromedp.CSS(item+`form input[name=reason]`), "原网页为该辖区政府网站"),
		chromedp.Click(chromedp.CSS(item+`form button.primary`)),
		chromedp.WaitVisible(chromedp.CSS(`#done`)),
	); err != nil {
		t.Fatalf("assign the report to %s: %v", code, err)
	}
	var rep struct {
		JurisdictionCode      string `json:"jurisdiction_code"`
		JurisdictionName      string `json:"jurisdiction_name"`
		JurisdictionCorrected bool   `json:"jurisdiction_corrected"`
		Year                  int    `json:"year"`
		Facts                 []struct {
			Indicator string `json:"indicator"`
		} `json:"facts"`
	}
	getJSON(t, w.srv.URL+"/api/reports/"+reportID, &rep)
	if rep.JurisdictionCode != code || !rep.JurisdictionCorrected {
		t.Fatalf("report after the assignment: code %q corrected %v; want %s, corrected", rep.JurisdictionCode, rep.JurisdictionCorrected, code)
	}
	if len(rep.Facts) == 0 || rep.Year == 0 {
		t.Fatalf("the assigned report has no facts or no year")
	}
	compare := fmt.Sprintf("%s/?indicator=%s&year=%d&level=all", w.srv.URL, rep.Facts[0].Indicator, rep.Year)
	if err := chromedp.Do(ctx, chromedp.Navigate(compare), chromedp.WaitReady(chromedp.CSS(`footer`))); err != nil {
		t.Fatal(err)
	}
	table, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil || !strings.Contains(table, rep.JurisdictionName) {
		t.Errorf("compare page after the assignment lacks %s (%v)", rep.JurisdictionName, err)
	}
	var trend struct {
		Rows []struct {
			Year int `json:"year"`
		} `json:"rows"`
	}
	getJSON(t, w.srv.URL+"/api/trend?indicator="+rep.Facts[0].Indicator+"&jurisdiction="+code, &trend)
	if len(trend.Rows) == 0 {
		t.Errorf("the trend of %s has no row after the assignment", code)
	}

	// Correct a rate flagged 100% from the queue: its report page and the
	// overview's values with warnings follow.
	var flaggedRates struct {
		Items []struct {
			FactID    string `json:"fact_id"`
			ReportID  string `json:"report_id"`
			Year      int    `json:"year"`
			Indicator string `json:"indicator"`
		} `json:"items"`
	}
	getJSON(t, w.srv.URL+"/api/review?kind=fact&flag=ceiling", &flaggedRates)
	if len(flaggedRates.Items) == 0 {
		t.Fatal("the samples have no rate flagged 100%")
	}
	rate := flaggedRates.Items[0]
	ritem := `section.review-item[data-fact="` + rate.FactID + `"] `
	badges := func(path string) string {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(w.srv.URL+path), chromedp.WaitVisible(chromedp.CSS(`footer`))); err != nil {
			t.Fatalf("open %s: %v", path, err)
		}
		return evalJS[string](t, ctx, `(function () { var a = document.querySelector('[data-fact="`+rate.FactID+`"]');
			var li = a && a.closest('li'); return li ? li.innerText : ''; })()`)
	}
	if b := badges("/reports/" + rate.ReportID); !strings.Contains(b, "比率存疑") && !strings.Contains(b, "100%") {
		t.Fatalf("the report page does not flag the rate before the correction: %q", b)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(fmt.Sprintf("%s/review?kind=fact&reason=ceiling&indicator=%s&year=%d", w.srv.URL, rate.Indicator, rate.Year)),
		chromedp.WaitVisible(chromedp.CSS(ritem)),
		chromedp.SendKeys(chromedp.CSS(ritem+`input[name=value]`), "87.5"),
		chromedp.SendKeys(chromedp.CSS(ritem+`input[name=reason]`), "按7/8计算"),
		chromedp.Click(chromedp.CSS(ritem+`button[value=set]`)),
		chromedp.WaitVisible(chromedp.CSS(`#done`)),
	); err != nil {
		t.Fatalf("correct a rate: %v", err)
	}
	if b := badges("/reports/" + rate.ReportID); strings.Contains(b, "比率存疑") || !strings.Contains(b, "87.5%") {
		t.Errorf("the report page after the correction shows %q; want 87.5%% and no 比率存疑", b)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(fmt.Sprintf("%s/overview?year=%d", w.srv.URL, rate.Year)), chromedp.WaitVisible(chromedp.CSS(`footer`))); err != nil {
		t.Fatalf("open the overview: %v", err)
	}
	if evalJS[bool](t, ctx, `document.documentElement.innerHTML.indexOf('#fact-`+rate.FactID+`"') >= 0`) {
		t.Errorf("the overview still lists the corrected rate among the values with warnings")
	}
	saveScreenshot(t, ctx, "review-corrected.png")

	// Reject a fact from the queue.
	facts := w.reviewItems(t, "fact")
	if len(facts) == 0 {
		t.Fatal("no fact to review")
	}
	fitem := `section.review-item[data-fact="` + facts[0].FactID + `"] `
	if err := chromedp.Do(ctx,
		chromedp.Navigate(w.srv.URL+"/review?kind=fact"),
		chromedp.WaitVisible(chromedp.CSS(fitem)),
		chromedp.SendKeys(chromedp.CSS(fitem+`input[name=reason]`), "不是全辖区的数字"),
		chromedp.Click(chromedp.CSS(fitem+`button[value=reject]`)),
		chromedp.WaitVisible(chromedp.CSS(`#done`)),
	); err != nil {
		t.Fatalf("reject a fact: %v", err)
	}
	for _, it := range w.reviewItems(t, "fact") {
		if it.FactID == facts[0].FactID {
			t.Error("the rejected fact is still in the queue")
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(w.srv.URL+"/login"), chromedp.Click(chromedp.CSS(`#logout`)),
		chromedp.WaitVisible(chromedp.CSS(`footer`))); err != nil {
		t.Fatalf("log out: %v", err)
	}
	if p := console.all(); len(p) > 0 {
		t.Errorf("pages reported errors: %v", p)
	}
}

// TestBrowserUploadAndReports: an admin uploads two files with a manifest
// through /upload, sees each file's result with a link to its report, and
// finds both in 报告列表. Screenshots: upload.png, reports.png.
func TestBrowserUploadAndReports(t *testing.T) {
	w := mustWorkbench(t, map[string]string{"zhangwei": "admin"}, func(c *Config) { c.NoSamples = true })
	dir := t.TempDir()
	datian := func(n string) []byte {
		return []byte("大田街道" + n + "年法治政府建设情况报告\n\n" + n + "年,大田街道坚持依法行政。全年受理矛盾纠纷2119件,调解成功2100件。开展普法活动12场次。\n")
	}
	files := map[string][]byte{"dt2022.txt": datian("2022"), "dt2023.txt": datian("2023"),
		"manifest.csv": []byte("file,url,jurisdiction_code,year\ndt2022.txt,,331082004,2022\ndt2023.txt,,331082004,2023\n")}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := newBrowser(t)
	console := watchConsole(ctx)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(w.srv.URL+"/upload"),
		chromedp.WaitVisible(chromedp.CSS(`footer`)),
	); err != nil {
		t.Fatal(err)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#upload-form').length`)); err != nil || n != 0 {
		t.Errorf("an anonymous visitor sees the upload form (%v)", err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(w.srv.URL+"/login?next=/upload"),
		chromedp.WaitVisible(chromedp.CSS(`#name`)),
		chromedp.SendKeys(chromedp.CSS(`#name`), "zhangwei"),
		chromedp.SendKeys(chromedp.CSS(`#password`), "zhangwei-password"),
		chromedp.Click(chromedp.CSS(`#login`)),
		chromedp.WaitVisible(chromedp.CSS(`#upload-form`)),
		chromedp.SetUploadFiles(chromedp.CSS(`#files`), []string{filepath.Join(dir, "dt2022.txt"), filepath.Join(dir, "dt2023.txt")}, chromedp.NodeReady),
		chromedp.SetUploadFiles(chromedp.CSS(`#manifest`), []string{filepath.Join(dir, "manifest.csv")}, chromedp.NodeReady),
		chromedp.Click(chromedp.CSS(`#upload-start`)),
		chromedp.WaitReady(chromedp.CSS(`#upload-form[data-finished="true"]`)),
	); err != nil {
		t.Fatalf("upload two files with a manifest: %v", err)
	}
	results, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#uploads a.result')).map(function (a) { return a.dataset.outcome + " " + a.textContent; })`))
	if err != nil || len(results) != 2 {
		t.Fatalf("upload results = %v, %v; want two linked results", results, err)
	}
	for _, r := range results {
		if !strings.HasPrefix(r, "stored ") || !strings.Contains(r, "大田街道") {
			t.Errorf("upload result %q; want stored, placed in 大田街道 by the manifest", r)
		}
	}
	saveScreenshot(t, ctx, "upload.png")
	if err := chromedp.Do(ctx, chromedp.Navigate(w.srv.URL+"/reports"), chromedp.WaitVisible(chromedp.CSS(`table.reports-list`))); err != nil {
		t.Fatal(err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('table.reports-list tbody tr[data-report]').length`))
	if err != nil || rows != 2 {
		t.Errorf("报告列表 shows %d reports (%v); want the two uploaded", rows, err)
	}
	saveScreenshot(t, ctx, "reports.png")

	// Retire one report: it leaves the list and the compare page; restore it.
	id := reportIDOf(files["dt2022.txt"])
	var before struct {
		Rows []struct {
			ReportID string `json:"report_id"`
		} `json:"rows"`
	}
	getJSON(t, w.srv.URL+"/api/compare?indicator=mediation.cases_accepted&year=2022", &before)
	if len(before.Rows) != 1 || before.Rows[0].ReportID != id {
		t.Fatalf("compare before retiring = %+v; want the report", before.Rows)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(w.srv.URL+"/reports/"+id),
		chromedp.WaitVisible(chromedp.CSS(`#retire`)),
		chromedp.SendKeys(chromedp.CSS(`#retire-reason`), "误传的草稿"),
		chromedp.Click(chromedp.CSS(`#retire`)),
		chromedp.WaitVisible(chromedp.CSS(`#retired`)),
	); err != nil {
		t.Fatalf("retire: %v", err)
	}
	saveScreenshot(t, ctx, "retired.png")
	if _, n := w.get(t, http.DefaultClient, "/reports"); strings.Contains(n, id) {
		t.Error("报告列表 still lists the retired report")
	}
	var cmp struct {
		Rows []struct {
			ReportID string `json:"report_id"`
		} `json:"rows"`
	}
	getJSON(t, w.srv.URL+"/api/compare?indicator=mediation.cases_accepted&year=2022", &cmp)
	for _, r := range cmp.Rows {
		if r.ReportID == id {
			t.Error("the compare answer still has the retired report")
		}
	}
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`#restore-reason`), "其实是正式稿"),
		chromedp.Click(chromedp.CSS(`#restore`)),
		chromedp.WaitVisible(chromedp.CSS(`#history`)),
	); err != nil {
		t.Fatalf("restore: %v", err)
	}
	hist, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#history`)))
	if err != nil || !strings.Contains(hist, "撤下报告") || !strings.Contains(hist, "恢复报告") || !strings.Contains(hist, "zhangwei") {
		t.Errorf("report history after retire and restore = %q, %v", hist, err)
	}
	saveScreenshot(t, ctx, "report-history.png")
	getJSON(t, w.srv.URL+"/api/compare?indicator=mediation.cases_accepted&year=2022", &cmp)
	if len(cmp.Rows) != 1 || cmp.Rows[0].ReportID != id {
		t.Errorf("compare after the restore = %+v; want the report back", cmp.Rows)
	}
	if p := console.all(); len(p) > 0 {
		t.Errorf("pages reported errors: %v", p)
	}
}
