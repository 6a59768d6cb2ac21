package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/fazhi/fazhi/dashboards"
)

// workbench is a running app with users, for the workbench's tests.
type workbench struct {
	srv *httptest.Server
	a   *app
	cfg Config
}

// mustWorkbench adds the users (name → role; every password is
// name+"-password") with the CLI, then serves the app on a warehouse of
// the samples.
func mustWorkbench(t *testing.T, users map[string]string, edit func(*Config)) workbench {
	t.Helper()
	cfg := DefaultConfig()
	cfg.DB = filepath.Join(t.TempDir(), "fazhi.duckdb")
	for name, role := range users {
		var out, errb strings.Builder
		err := run(context.Background(), []string{"user", "add", "--db", cfg.DB, "--role", role, name},
			env(nil), strings.NewReader(name+"-password\n"), &out, &errb)
		if err != nil {
			t.Fatalf("user add %s: %v\n%s", name, err, errb.String())
		}
	}
	if edit != nil {
		edit(&cfg)
	}
	a, err := newApp(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatalf("newApp: %v", err)
	}
	a.db.PrepareDashboards()
	srv := httptest.NewServer(a.handler)
	t.Cleanup(func() { srv.Close(); a.Close() })
	return workbench{srv, a, cfg}
}

// client is a browser-like client with a cookie jar that sends
// Sec-Fetch-Site: same-origin as browsers do for their own forms.
func (w workbench) client(t *testing.T) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func (w workbench) postForm(t *testing.T, c *http.Client, path string, form url.Values, site string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", w.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if site != "" {
		req.Header.Set("Sec-Fetch-Site", site)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func (w workbench) get(t *testing.T, c *http.Client, path string) (int, string) {
	t.Helper()
	resp, err := c.Get(w.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// login logs c in as name and returns the session's form token.
func (w workbench) login(t *testing.T, c *http.Client, name string) string {
	t.Helper()
	resp, body := w.postForm(t, c, "/login", url.Values{"name": {name}, "password": {name + "-password"}, "next": {"/login"}}, "same-origin")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("login %s = %d\n%s", name, resp.StatusCode, body)
	}
	_, page := w.get(t, c, "/login")
	m := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the login page after logging in has no form token:\n%s", page)
	}
	return m[1]
}

func TestUserCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fazhi.duckdb")
	cli := func(stdin string, args ...string) (string, error) {
		var out, errb strings.Builder
		err := run(context.Background(), append(args[:1:1], append([]string{args[1], "--db", db}, args[2:]...)...),
			env(nil), strings.NewReader(stdin), &out, &errb)
		return out.String() + errb.String(), err
	}
	if out, err := cli("a long password\n", "user", "add", "--role", "分析", "李明"); err != nil || !strings.Contains(out, "added 李明 (analyst)") {
		t.Fatalf("user add = %q, %v", out, err)
	}
	if _, err := cli("a long password\n", "user", "add", "李明"); err == nil {
		t.Error("user add without --role succeeded")
	}
	if _, err := cli("short\n", "user", "add", "--role", "admin", "wang"); err == nil {
		t.Error("user add with a short password succeeded")
	}
	if out, err := cli("another long password\n", "user", "passwd", "李明"); err != nil || !strings.Contains(out, "changed") {
		t.Errorf("user passwd = %q, %v", out, err)
	}
	if out, err := cli("", "user", "disable", "李明"); err != nil || !strings.Contains(out, "disabled 李明") {
		t.Errorf("user disable = %q, %v", out, err)
	}
	if _, err := cli("", "user", "disable", "nobody"); err == nil {
		t.Error("user disable of an unknown user succeeded")
	}
	if out, err := cli("", "user", "list"); err != nil || !regexp.MustCompile(`李明\s+analyst\s+disabled`).MatchString(out) {
		t.Errorf("user list = %q, %v; want 李明 analyst disabled", out, err)
	}
}

// TestLoginSessions: the login sets a session cookie (HttpOnly,
// SameSite=Strict), logout needs the form token, a wrong password is slowed
// down and then refused for a while, a cross-origin form is refused, and
// with FAZHI_READ_AUTH reading needs a login.
func TestLoginSessions(t *testing.T) {
	w := mustWorkbench(t, map[string]string{"lihua": "analyst"}, nil)
	c := w.client(t)
	resp, _ := w.postForm(t, c, "/login", url.Values{"name": {"lihua"}, "password": {"lihua-password"}}, "same-origin")
	var ck *http.Cookie
	for _, k := range resp.Cookies() {
		if k.Name == dashboards.SessionCookie {
			ck = k
		}
	}
	if resp.StatusCode != http.StatusSeeOther || ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || ck.Secure {
		t.Fatalf("login = %d, cookie %+v; want 303 and an HttpOnly SameSite=Strict cookie (not Secure on plain HTTP)", resp.StatusCode, ck)
	}
	if ck.Expires.Before(time.Now().Add(7*time.Hour)) || ck.Expires.After(time.Now().Add(9*time.Hour)) {
		t.Errorf("session cookie expires %v; want in 8 hours", ck.Expires)
	}
	if _, page := w.get(t, c, "/login"); !strings.Contains(page, "lihua") || !strings.Contains(page, "分析") {
		t.Errorf("the login page does not say who is logged in")
	}
	// A cross-origin form is refused before anything else.
	if resp, _ := w.postForm(t, c, "/logout", url.Values{}, "cross-site"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site logout = %d; want 403", resp.StatusCode)
	}
	req, _ := http.NewRequest("PUT", w.srv.URL+"/api/facts/0123456789abcdef-aa", strings.NewReader(`{}`))
	req.Header.Set("Origin", "http://evil.example")
	if resp, err := c.Do(req); err != nil || resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-origin PUT = %v, %v; want 403", resp.StatusCode, err)
	}
	// Logout without the form token does nothing.
	if resp, _ := w.postForm(t, c, "/logout", url.Values{}, "same-origin"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("logout without the form token = %d; want 403", resp.StatusCode)
	}
	csrf := w.login(t, c, "lihua")
	if resp, _ := w.postForm(t, c, "/logout", url.Values{"csrf": {csrf}}, "same-origin"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("logout = %d; want 303", resp.StatusCode)
	}
	if _, page := w.get(t, c, "/login"); strings.Contains(page, "退出登录") {
		t.Error("still logged in after logout")
	}

	// Failed logins: slow, then refused for a while even with the right password.
	start := time.Now()
	for i := 0; i < freeFailuresForTest; i++ {
		if resp, _ := w.postForm(t, c, "/login", url.Values{"name": {"lihua"}, "password": {"wrong"}}, "same-origin"); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("wrong password = %d; want 401", resp.StatusCode)
		}
	}
	if d := time.Since(start); d < freeFailuresForTest*time.Second {
		t.Errorf("%d failed logins took %v; want at least a second each", freeFailuresForTest, d)
	}
	resp, body := w.postForm(t, c, "/login", url.Values{"name": {"lihua"}, "password": {"lihua-password"}}, "same-origin")
	if resp.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "秒后再试") {
		t.Errorf("login right after %d failures = %d; want 429 with 秒后再试", freeFailuresForTest, resp.StatusCode)
	}
}

// freeFailuresForTest is dashboards' freeFailures.
const freeFailuresForTest = 3

func TestReadAuth(t *testing.T) {
	w := mustWorkbench(t, map[string]string{"viewer1": "viewer"}, func(c *Config) { c.ReadAuth = true })
	c := w.client(t)
	if status, _ := w.get(t, c, "/overview"); status != http.StatusSeeOther {
		t.Errorf("anonymous /overview with FAZHI_READ_AUTH = %d; want 303 to the login", status)
	}
	if status, _ := w.get(t, c, "/api/indicators"); status != http.StatusUnauthorized {
		t.Errorf("anonymous /api/indicators with FAZHI_READ_AUTH = %d; want 401", status)
	}
	if status, _ := w.get(t, c, "/api/health"); status != http.StatusOK {
		t.Errorf("/api/health with FAZHI_READ_AUTH = %d; want 200", status)
	}
	w.login(t, c, "viewer1")
	if status, _ := w.get(t, c, "/overview"); status != http.StatusOK {
		t.Errorf("/overview logged in = %d; want 200", status)
	}
}

// reviewItems reads the review queue through the API.
func (w workbench) reviewItems(t *testing.T, kind string) []struct {
	Kind       string `json:"kind"`
	FactID     string `json:"fact_id"`
	ReportID   string `json:"report_id"`
	Candidates []struct {
		Code string `json:"code"`
	} `json:"candidates"`
} {
	t.Helper()
	var r struct {
		Items []struct {
			Kind       string `json:"kind"`
			FactID     string `json:"fact_id"`
			ReportID   string `json:"report_id"`
			Candidates []struct {
				Code string `json:"code"`
			} `json:"candidates"`
		} `json:"items"`
	}
	if status := getJSON(t, w.srv.URL+"/api/review?limit=1000&kind="+kind, &r); status != 200 {
		t.Fatalf("GET /api/review = %d", status)
	}
	return r.Items
}

// TestReviewPageActions: the review page shows why and how sure, offers
// actions only to analysts, and its forms write with the user as author.
func TestReviewPageActions(t *testing.T) {
	w := mustWorkbench(t, map[string]string{"lihua": "analyst", "kanke": "viewer"}, nil)
	facts := w.reviewItems(t, "fact")
	if len(facts) < 3 {
		t.Fatalf("the samples have %d facts to review; want at least 3", len(facts))
	}
	anon := w.client(t)
	status, page := w.get(t, anon, "/review?kind=fact")
	if status != 200 || !strings.Contains(page, "待核实") || !strings.Contains(page, "把握 ") {
		t.Fatalf("anonymous /review = %d; want the queue with 把握 N%%:\n%.2000s", status, page)
	}
	if strings.Contains(page, `method="post"`) || strings.Contains(page, "确认无误") {
		t.Error("an anonymous visitor sees action forms on /review")
	}
	fact := facts[0].FactID
	resp, _ := w.postForm(t, anon, "/review/facts/"+fact, url.Values{"action": {"reject"}, "reason": {"x"}}, "same-origin")
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("anonymous reject = %d; want 401", resp.StatusCode)
	}
	viewer := w.client(t)
	vcsrf := w.login(t, viewer, "kanke")
	if _, page := w.get(t, viewer, "/review?kind=fact"); strings.Contains(page, "确认无误") {
		t.Error("a viewer sees action forms on /review")
	}
	resp, _ = w.postForm(t, viewer, "/review/facts/"+fact, url.Values{"action": {"reject"}, "reason": {"x"}, "csrf": {vcsrf}}, "same-origin")
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("viewer reject = %d; want 403", resp.StatusCode)
	}
	analyst := w.client(t)
	csrf := w.login(t, analyst, "lihua")
	if _, page := w.get(t, analyst, "/review?kind=fact"); !strings.Contains(page, "确认无误") || !strings.Contains(page, `<mark class="fact-mark">`) {
		t.Error("an analyst's /review lacks the actions or the highlighted number")
	}
	resp, _ = w.postForm(t, analyst, "/review/facts/"+fact, url.Values{"action": {"reject"}, "reason": {"x"}}, "same-origin")
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("reject without the form token = %d; want 403", resp.StatusCode)
	}
	resp, _ = w.postForm(t, analyst, "/review/facts/"+fact, url.Values{"action": {"reject"}, "reason": {"x"}, "csrf": {csrf}}, "cross-site")
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site reject = %d; want 403", resp.StatusCode)
	}
	for i, action := range []url.Values{
		{"action": {"reject"}, "reason": {"不是全镇数字"}},
		{"action": {"confirm"}, "reason": {"已与原文核对"}},
		{"action": {"set"}, "value": {"12"}, "reason": {"原文为12"}},
	} {
		id := facts[i].FactID
		action.Set("csrf", csrf)
		resp, body := w.postForm(t, analyst, "/review/facts/"+id, action, "same-origin")
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s %s = %d\n%s", action.Get("action"), id, resp.StatusCode, body)
		}
		var hist struct {
			Corrections []struct{ Author, Action string } `json:"corrections"`
		}
		getJSON(t, w.srv.URL+"/api/facts/"+id+"/corrections", &hist)
		if n := len(hist.Corrections); n != 1 || hist.Corrections[0].Author != "lihua" {
			t.Errorf("history of %s after %s = %+v; want one correction by lihua", id, action.Get("action"), hist.Corrections)
		}
	}
	for _, it := range w.reviewItems(t, "fact") {
		if it.FactID == facts[0].FactID || it.FactID == facts[1].FactID || it.FactID == facts[2].FactID {
			t.Errorf("fact %s is still in the queue after an analyst acted on it", it.FactID)
		}
	}
	if _, page := w.get(t, analyst, "/review?done=confirm"); !strings.Contains(page, "已确认") {
		t.Error("no notice after confirming")
	}
}

// TestAddFactAndHistory: an analyst adds a missing fact from a sentence as
// the page shows it (full-width punctuation), corrects another; the report
// page lists both in its history and beside the fact, with the author and
// the original value.
func TestAddFactAndHistory(t *testing.T) {
	const token = "0123456789abcdef-token"
	w := mustWorkbench(t, map[string]string{"lihua": "analyst"}, func(c *Config) { c.Token = token; c.NoSamples = true })
	ct, body := uploadParts(t, map[string][]byte{"c.txt": gucheng("c")}, map[string]string{"within": "110107"})
	if status, resp := post(t, w.srv.URL+"/api/reports", token, ct, body); status != 200 {
		t.Fatalf("upload = %d %s", status, resp)
	}
	id := reportIDOf(gucheng("c"))
	analyst := w.client(t)
	csrf := w.login(t, analyst, "lihua")
	_, page := w.get(t, analyst, "/reports/"+id)
	if !strings.Contains(page, `id="add-fact"`) || !strings.Contains(page, "没有人工修改过") {
		t.Fatalf("the analyst's report page lacks the add form or the empty history")
	}
	if _, anon := w.get(t, w.client(t), "/reports/"+id); strings.Contains(anon, `id="add-fact"`) {
		t.Error("an anonymous visitor sees the add form")
	}
	// The text stores "2023年,古城街道…" and the page shows a full-width
	// comma: the sentence as selected there.
	resp, b := w.postForm(t, analyst, "/reports/"+id+"/facts", url.Values{"csrf": {csrf}, "quote": {"2023年，古城街道坚持依法行政。"},
		"indicator": {"mediation.cases_accepted"}, "value": {"1"}, "reason": {"漏提"}}, "same-origin")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("add = %d\n%s", resp.StatusCode, b)
	}
	resp, b = w.postForm(t, analyst, "/reports/"+id+"/facts", url.Values{"csrf": {csrf}, "quote": {"这句话不在报告里。"},
		"indicator": {"mediation.cases_accepted"}, "value": {"1"}, "reason": {"漏提"}}, "same-origin")
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(b, "不在这份报告的原文中") {
		t.Errorf("add with a sentence not in the report = %d; want 400 saying so", resp.StatusCode)
	}
	var rep struct {
		Facts []struct {
			FactID    string  `json:"fact_id"`
			Indicator string  `json:"indicator"`
			Value     float64 `json:"value"`
			Added     bool    `json:"added"`
		} `json:"facts"`
	}
	getJSON(t, w.srv.URL+"/api/reports/"+id, &rep)
	var extracted string
	for _, f := range rep.Facts {
		if f.Indicator == "mediation.cases_accepted" && f.Value == 374 {
			extracted = f.FactID
		}
	}
	if extracted == "" {
		t.Fatalf("no extracted 374 in %+v", rep.Facts)
	}
	resp, b = w.postForm(t, analyst, "/review/facts/"+extracted, url.Values{"csrf": {csrf}, "action": {"set"}, "value": {"375"}, "reason": {"原文有误"}}, "same-origin")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("set = %d\n%s", resp.StatusCode, b)
	}
	_, page = w.get(t, analyst, "/reports/"+id)
	for _, want := range []string{"补充", "数值改为375件（原为374件）", "lihua", "原文有误", "修改记录（1条）"} {
		if !strings.Contains(page, want) {
			t.Errorf("report page history lacks %q", want)
		}
	}
}

// TestCorrectedRateLosesItsBadges: after an analyst corrects a flagged rate
// on the review page, its report page and the overview no longer warn
// about it (issue 13: 87.5% kept its 比率存疑 and 100% badges).
func TestCorrectedRateLosesItsBadges(t *testing.T) {
	w := mustWorkbench(t, map[string]string{"lihua": "analyst"}, nil)
	var q struct {
		Items []struct {
			FactID   string `json:"fact_id"`
			ReportID string `json:"report_id"`
			Year     int    `json:"year"`
			Unit     string `json:"unit"`
		} `json:"items"`
	}
	getJSON(t, w.srv.URL+"/api/review?kind=fact&flag=ceiling", &q)
	if len(q.Items) == 0 {
		t.Fatal("the samples have no rate flagged 100%")
	}
	it := q.Items[0]
	item := regexp.MustCompile(`(?s)data-fact="` + regexp.QuoteMeta(it.FactID) + `">.*?</li>`)
	flagged := func(page string) bool {
		li := item.FindString(page)
		return strings.Contains(li, "比率存疑") || strings.Contains(li, ">100%<")
	}
	c := w.client(t)
	csrf := w.login(t, c, "lihua")
	if _, page := w.get(t, c, "/reports/"+it.ReportID); !flagged(page) {
		t.Fatalf("the report page does not flag the rate before the correction")
	}
	resp, body := w.postForm(t, c, "/review/facts/"+it.FactID, url.Values{"csrf": {csrf}, "action": {"set"}, "value": {"87.5"}, "reason": {"按7/8计算"}}, "same-origin")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("set = %d\n%s", resp.StatusCode, body)
	}
	if _, page := w.get(t, c, "/reports/"+it.ReportID); flagged(page) || !strings.Contains(page, "87.5%") {
		t.Errorf("the report page still flags the corrected rate, or lacks 87.5%%")
	}
	var f struct {
		Flags []string `json:"flags"`
		Value float64  `json:"value"`
	}
	getJSON(t, w.srv.URL+"/api/facts/"+it.FactID, &f)
	if len(f.Flags) != 0 || f.Value != 87.5 {
		t.Errorf("fact after the correction = %+v; want 87.5 without flags", f)
	}
	if _, page := w.get(t, c, fmt.Sprintf("/overview?year=%d", it.Year)); strings.Contains(page, "#fact-"+it.FactID+`"`) {
		t.Errorf("the overview still shows the corrected rate among the values with warnings")
	}
}

// TestReviewFilters: the review page narrows by area, year and indicator.
func TestReviewFilters(t *testing.T) {
	w := mustWorkbench(t, nil, nil)
	c := w.client(t)
	count := func(path string) int {
		t.Helper()
		status, page := w.get(t, c, path)
		if status != 200 {
			t.Fatalf("GET %s = %d", path, status)
		}
		return strings.Count(page, `<section class="review-item`)
	}
	all := count("/review")
	if all == 0 {
		t.Fatal("the samples' review queue is empty")
	}
	if n := count("/review?area=99"); n != 0 {
		t.Errorf("/review?area=99 lists %d items; want none", n)
	}
	if n := count("/review?year=1999"); n != 0 {
		t.Errorf("/review?year=1999 lists %d items; want none", n)
	}
	if n := count("/review?indicator=litigation.cases_concluded_first_instance_no_such"); n != all {
		t.Errorf("an unknown indicator narrows the list to %d of %d", n, all)
	}
	facts := w.reviewItems(t, "fact")
	var ind struct {
		Indicator string `json:"indicator"`
	}
	getJSON(t, w.srv.URL+"/api/facts/"+facts[0].FactID, &ind)
	if n := count("/review?indicator=" + url.QueryEscape(ind.Indicator)); n == 0 || n > all {
		t.Errorf("/review?indicator=%s lists %d of %d", ind.Indicator, n, all)
	}
	if _, page := w.get(t, c, "/review?area=abc"); !strings.Contains(page, "无法识别") {
		t.Error("a malformed area code gets no notice")
	}
}

// TestReportActionsOnReviewPage: an analyst finds a division by name for an
// unresolved report, sets it and the year, and chooses which of two
// reports for one jurisdiction-year counts.
func TestReportActionsOnReviewPage(t *testing.T) {
	const token = "0123456789abcdef-token"
	w := mustWorkbench(t, map[string]string{"lihua": "analyst"}, func(c *Config) { c.Token = token; c.NoSamples = true })
	datian := func(n string) []byte {
		return []byte("大田街道2023年法治政府建设情况报告\n\n2023年,大田街道坚持依法行政。全年受理矛盾纠纷" + n + "件,调解成功367件。\n")
	}
	manifest := "file,url,jurisdiction_code,year\ndt.txt,,331082004,2023\ndt-draft.txt,,331082004,2023\n"
	for _, up := range []struct {
		files  map[string][]byte
		fields map[string]string
	}{
		{map[string][]byte{"c.txt": gucheng("c")}, nil},
		{map[string][]byte{"dt.txt": datian("2119"), "dt-draft.txt": datian("2911")}, map[string]string{"manifest": manifest}},
	} {
		ct, body := uploadParts(t, up.files, up.fields)
		if status, resp := post(t, w.srv.URL+"/api/reports", token, ct, body); status != 200 {
			t.Fatalf("upload = %d %s", status, resp)
		}
	}
	c := w.client(t)
	csrf := w.login(t, c, "lihua")
	id := reportIDOf(gucheng("c"))
	_, page := w.get(t, c, "/review?kind=report&for="+id+"&q="+url.QueryEscape("古城"))
	if !strings.Contains(page, `value="110107004"`) || !strings.Contains(page, "石景山区") {
		t.Fatalf("searching divisions by name does not offer 石景山区's 古城街道 110107004")
	}
	act := func(report string, form url.Values) {
		t.Helper()
		form.Set("csrf", csrf)
		if resp, body := w.postForm(t, c, "/review/reports/"+report, form, "same-origin"); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s %s = %d\n%s", form.Get("action"), report, resp.StatusCode, body)
		}
	}
	act(id, url.Values{"action": {"jurisdiction"}, "code": {"110107004"}, "reason": {"原网页是石景山区政府网站"}})
	act(id, url.Values{"action": {"year"}, "year": {"2022"}, "reason": {"数字是2022年的"}})
	var rep struct {
		JurisdictionCode string `json:"jurisdiction_code"`
		Year             int    `json:"year"`
	}
	getJSON(t, w.srv.URL+"/api/reports/"+id, &rep)
	if rep.JurisdictionCode != "110107004" || rep.Year != 2022 {
		t.Errorf("report after the page's corrections = %+v; want 110107004, 2022", rep)
	}
	if len(w.reviewItems(t, "duplicate_report")) != 1 {
		t.Fatal("want one duplicate item")
	}
	act(reportIDOf(datian("2119")), url.Values{"action": {"counts"}, "reason": {"正式发布稿"}})
	if n := len(w.reviewItems(t, "duplicate_report")); n != 0 {
		t.Errorf("%d duplicate items after choosing; want none", n)
	}
	var hist struct {
		Corrections []struct{ Author string } `json:"corrections"`
	}
	getJSON(t, w.srv.URL+"/api/reports/"+id+"/corrections", &hist)
	if len(hist.Corrections) != 2 || hist.Corrections[0].Author != "lihua" {
		t.Errorf("report history = %+v; want two corrections by lihua", hist.Corrections)
	}
}

// TestWriteRoutesRefuseAnonymous: no route that writes lets an anonymous
// visitor through.
func TestWriteRoutesRefuseAnonymous(t *testing.T) {
	w := mustWorkbench(t, nil, nil)
	const report, fact = "0123456789abcdef", "0123456789abcdef-aa"
	for _, r := range []struct{ method, path string }{
		{"POST", "/review/facts/" + fact}, {"POST", "/review/reports/" + report},
		{"POST", "/reports/" + report + "/facts"}, {"POST", "/reports/" + report + "/retire"}, {"POST", "/reports/" + report + "/restore"},
		{"PUT", "/api/facts/" + fact}, {"POST", "/api/corrections"}, {"POST", "/api/reports"},
		{"PUT", "/api/reports/" + report + "/jurisdiction"}, {"PUT", "/api/reports/" + report + "/year"}, {"PUT", "/api/reports/" + report + "/counts"},
	} {
		req, _ := http.NewRequest(r.method, w.srv.URL+r.path, strings.NewReader("reason=x&action=reject"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		resp, err := w.client(t).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized && resp.StatusCode != http.StatusForbidden {
			t.Errorf("anonymous %s %s = %d; want 401 or 403", r.method, r.path, resp.StatusCode)
		}
	}
}

// TestResearchersSeeNoUsers: the auth schema (password hashes, sessions) is
// out of reach of researchers' SQL, though it is in the published copy.
func TestResearchersSeeNoUsers(t *testing.T) {
	w := mustWorkbench(t, map[string]string{"lihua": "analyst"}, nil)
	w.login(t, w.client(t), "lihua")
	resp, err := http.Post(w.srv.URL+"/api/sql", "application/json", strings.NewReader(`{"sql": "SELECT count(*) FROM reports"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("a researcher's query of reports = %d; want 200", resp.StatusCode)
	}
	for _, q := range []string{
		`SELECT password_hash FROM auth.users`,
		`SELECT token_hash FROM auth.sessions`,
		`SELECT * FROM fazhi.auth.users`,
	} {
		resp, err := http.Post(w.srv.URL+"/api/sql", "application/json", strings.NewReader(`{"sql": "`+q+`"}`))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest || strings.Contains(string(b), "$2a$") {
			t.Errorf("POST /api/sql %q = %d %s; want 400", q, resp.StatusCode, b)
		}
	}
}

// TestUploadOfARetiredReport: uploading a retired report's file again
// answers (unchanged) and leaves it retired; only an admin retires.
func TestUploadOfARetiredReport(t *testing.T) {
	const token = "0123456789abcdef-token"
	w := mustWorkbench(t, map[string]string{"zhangwei": "admin", "lihua": "analyst"}, func(c *Config) { c.Token = token; c.NoSamples = true })
	upload := func() string {
		t.Helper()
		ct, body := uploadParts(t, map[string][]byte{"c.txt": gucheng("c")}, map[string]string{"within": "110107"})
		status, resp := post(t, w.srv.URL+"/api/reports", token, ct, body)
		if status != 200 {
			t.Fatalf("upload = %d %s", status, resp)
		}
		return resp
	}
	upload()
	id := reportIDOf(gucheng("c"))
	analyst := w.client(t)
	acsrf := w.login(t, analyst, "lihua")
	if resp, _ := w.postForm(t, analyst, "/reports/"+id+"/retire", url.Values{"csrf": {acsrf}, "reason": {"x"}}, "same-origin"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("an analyst retires = %d; want 403", resp.StatusCode)
	}
	admin := w.client(t)
	csrf := w.login(t, admin, "zhangwei")
	if resp, b := w.postForm(t, admin, "/reports/"+id+"/retire", url.Values{"csrf": {csrf}, "reason": {"误传"}}, "same-origin"); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("retire = %d\n%s", resp.StatusCode, b)
	}
	if resp := upload(); !strings.Contains(resp, `"outcome":"unchanged"`) {
		t.Errorf("upload of the retired file again = %s; want unchanged", resp)
	}
	if status, page := w.get(t, admin, "/reports/"+id); status != 200 || !strings.Contains(page, "已撤下") || !strings.Contains(page, `id="restore"`) {
		t.Errorf("the retired report's page = %d; want it to say 已撤下 with the restore button", status)
	}
	if status, _ := w.get(t, admin, "/api/reports/"+id); status != http.StatusNotFound {
		t.Errorf("GET /api/reports of a retired report = %d; want 404", status)
	}
	if _, page := w.get(t, admin, "/reports?status=retired"); !strings.Contains(page, id) {
		t.Error("报告列表 under 已撤下 lacks the retired report")
	}
}

// The login throttle counts a client by its own address: X-Forwarded-For
// is not believed unless FAZHI_TRUSTED_PROXIES names the proxy, so a client
// trying many names from "many addresses" is still one address; and a name
// that cannot be a user's (one past the login form's size) fails like a wrong password.
func TestLoginThrottleIgnoresForwardedFor(t *testing.T) {
	w := mustWorkbench(t, map[string]string{"lihua": "analyst"}, nil)
	c := w.client(t)
	try := func(name, forwarded string) int {
		t.Helper()
		req, _ := http.NewRequest("POST", w.srv.URL+"/login", strings.NewReader(url.Values{"name": {name}, "password": {"wrong"}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		req.Header.Set("X-Forwarded-For", forwarded)
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	if s := try(strings.Repeat("长", 10<<10), "1.1.1.1"); s != http.StatusUnauthorized {
		t.Errorf("a 30 KB name = %d; want 401", s)
	}
	for i := 1; i < freeFailuresForTest; i++ {
		if s := try(fmt.Sprintf("user%d", i), fmt.Sprintf("%d.%d.%d.%d", i, i, i, i)); s != http.StatusUnauthorized {
			t.Fatalf("failure %d = %d; want 401", i, s)
		}
	}
	if s := try("someone-else", "9.9.9.9"); s != http.StatusTooManyRequests {
		t.Errorf("a new name from a new X-Forwarded-For after %d failures from one client = %d; want 429", freeFailuresForTest, s)
	}
}
