package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// newBrowser starts Debian's chromium headless the way ARCHITECTURE.md says:
// every host but loopback unreachable, so a page that needs the internet
// fails here as it would on an intranet. It skips loudly when chromium is
// missing, unless FAZHI_REQUIRE_BROWSER is set (as .ci/run does).
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	return newBrowserFor(t, 20*time.Second)
}

// newBrowserFor is newBrowser for a test that visits many pages: its
// actions together may take up to d.
func newBrowserFor(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	bin := "/usr/bin/chromium"
	if _, err := os.Stat(bin); err != nil {
		if p, err := exec.LookPath("chromium"); err == nil {
			bin = p
		} else if os.Getenv("FAZHI_REQUIRE_BROWSER") != "" {
			t.Fatal("chromium is missing and FAZHI_REQUIRE_BROWSER is set: apt-get install chromium")
		} else {
			t.Skip("SKIPPED BROWSER TEST: chromium is missing (apt-get install chromium); .ci/run installs it")
		}
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.WindowSize(1366, 768),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// The first Run starts the browser; it must not carry a timeout (that
	// would stop the browser), so the timeout goes on the context after it.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, d)
	t.Cleanup(cancelTimeout)
	return ctx
}

// consoleErrors collects what a page reports on its console: script
// exceptions, console.error calls and failed loads (a blocked CDN request
// shows up here). It listens until ctx ends.
type consoleErrors struct {
	mu   sync.Mutex
	list []string
}

func watchConsole(ctx context.Context) *consoleErrors {
	c := &consoleErrors{}
	messages := chromedp.Console(ctx) // subscribes now, before the page loads
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == chromedp.ConsoleError {
				c.mu.Lock()
				c.list = append(c.list, m.String()+" "+m.URL)
				c.mu.Unlock()
			}
		}
	}()
	return c
}

func (c *consoleErrors) all() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.list...)
}

// screenshotDir keeps page screenshots as test artifacts.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("FAZHI_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "fazhi-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Each jurisdiction's latest year, every level: a choice the reader makes
// (the samples are one report a year), labelled as mixing years.
func TestBrowserComparePageDrawsChartOffline(t *testing.T) {
	srv := mustServe(t)
	ctx := newBrowser(t)
	console := watchConsole(ctx)

	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/?indicator=mediation.cases_accepted&year=latest&level=all"),
		chromedp.WaitVisible(chromedp.CSS(`#compare-chart[data-drawn="true"] canvas`)),
	); err != nil {
		t.Fatalf("open compare page: %v", err)
	}
	bars, err := chromedp.Run(ctx, chromedp.Evaluate[int](`(function () {
		var c = echarts.getInstanceByDom(document.getElementById('compare-chart'));
		return c ? c.getOption().series[0].data.length : 0; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if bars < 2 {
		t.Errorf("compare chart has %d bars; want the sample towns", bars)
	}
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil || !strings.Contains(title, "受理") {
		t.Errorf("page title = %q, %v; want the indicator's Chinese name", title, err)
	}
	table, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`table.facts tbody`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, town := range []string{"城东区", "古城街道"} {
		if !strings.Contains(table, town) {
			t.Errorf("facts table lacks %s:\n%s", town, table)
		}
	}
	// 桥头镇 states only its 驻所调解室's figure: beside the ranking, not in it.
	apart, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`.unranked`)))
	if err != nil || !strings.Contains(apart, "桥头镇") || !strings.Contains(apart, "部分") || strings.Contains(table, "桥头镇") {
		t.Errorf("values beside the ranking = %q, %v; want 桥头镇's sub-body figure there, marked 部分", apart, err)
	}
	year, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#year').selectedOptions[0].text`))
	if err != nil || year != "各辖区最新年份（年份可能不同）" {
		t.Errorf("year selector shows %q, %v; want the choice labelled as mixing years", year, err)
	}
	saveScreenshot(t, ctx, "compare.png")
	if p := console.all(); len(p) > 0 {
		t.Errorf("page reported errors (a missing asset or a script error): %v", p)
	}
}

// Clicking a bar shows the sentence behind it; its link opens the report
// page with that number highlighted.
func TestBrowserBarToSentenceToReport(t *testing.T) {
	srv := mustServe(t)
	ctx := newBrowser(t)
	console := watchConsole(ctx)

	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/?indicator=mediation.cases_accepted"),
		chromedp.WaitVisible(chromedp.CSS(`#compare-chart canvas`)),
	); err != nil {
		t.Fatalf("open compare page: %v", err)
	}
	if err := waitVisible(ctx, `#compare-chart[data-drawn="true"]`); err != nil {
		t.Fatalf("chart animation did not finish: %v", err)
	}
	// Click the first bar the way a user would: at its pixel position.
	pos, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(function () {
		var el = document.getElementById('compare-chart');
		var c = echarts.getInstanceByDom(el);
		var name = c.getOption().yAxis[0].data[0];
		var p = c.convertToPixel({seriesIndex: 0}, [c.getOption().series[0].data[0].value / 2, name]);
		var r = el.getBoundingClientRect();
		return [r.left + p[0], r.top + p[1]]; })()`))
	if err != nil || len(pos) != 2 {
		t.Fatalf("bar position: %v %v", pos, err)
	}
	// Move there first, as a hand on a mouse does: ECharts finds the bar under
	// the pointer on mouse moves.
	if err := chromedp.Do(ctx,
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, pos[0], pos[1]),
		chromedp.MouseClickXY(pos[0], pos[1], chromedp.ClickCount(1)),
	); err != nil {
		t.Fatalf("click bar: %v", err)
	}
	if err := waitVisible(ctx, `#facts-panel .fact-quote`); err != nil {
		saveScreenshot(t, ctx, "click-fail.png")
		t.Fatalf("click bar at %v: %v", pos, err)
	}
	quote, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#facts-panel .fact-quote`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(quote, "2119") {
		t.Errorf("facts panel quote = %q; want the sentence of the largest bar (2119件)", quote)
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
	facts, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.report-facts a.fact-ref').length`))
	if err != nil || facts < 10 {
		t.Errorf("report page lists %d facts, %v; want the report's facts", facts, err)
	}
	// Clicking another fact in the sidebar moves the highlight.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.report-facts a.fact-ref`))); err != nil {
		t.Fatal(err)
	}
	hash, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash + "|" + (document.querySelector('mark.current') ? "ok" : "")`))
	if err != nil || !strings.HasPrefix(hash, "#fact-") || !strings.HasSuffix(hash, "|ok") {
		t.Errorf("after clicking a sidebar fact: %q, %v; want its mark highlighted", hash, err)
	}
	saveScreenshot(t, ctx, "report.png")
	if p := console.all(); len(p) > 0 {
		t.Errorf("page reported errors: %v", p)
	}
}

// waitVisible waits a few seconds at most for a selector, leaving ctx usable
// (for a screenshot) when it fails.
func waitVisible(ctx context.Context, css string) error {
	wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return chromedp.Do(wctx, chromedp.WaitVisible(chromedp.CSS(css)))
}

// waitTrue evaluates js until it is true, for a few seconds at most. Errors
// while the page navigates (its context goes away) are retried.
func waitTrue(ctx context.Context, js string) error {
	deadline := time.Now().Add(5 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			if err == nil {
				err = errors.New("still false")
			}
			return fmt.Errorf("wait for %q: %w", js, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func saveScreenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(screenshotDir(t), name)
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// A rate is ranked with its counts and a Wilson interval drawn as an error
// bar; the peer-group selectors narrow the comparison to one province.
func TestBrowserRateWithIntervalsAndPeerGroups(t *testing.T) {
	srv := mustServe(t)
	ctx := newBrowser(t)
	console := watchConsole(ctx)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/?indicator=mediation.success_rate&year=latest&level=all"),
		chromedp.WaitVisible(chromedp.CSS(`#compare-chart[data-drawn="true"] canvas`)),
	); err != nil {
		t.Fatalf("open rate page: %v", err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(function () {
		var o = echarts.getInstanceByDom(document.getElementById('compare-chart')).getOption();
		return o.series.map(function (s) { return s.type + ":" + s.data.length; }); })()`))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[1] != "custom:"+strings.TrimPrefix(got[0], "bar:") {
		t.Errorf("rate chart series = %v; want bars and one error bar per bar", got)
	}
	table, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`table.facts tbody`)))
	if err != nil || !strings.Contains(table, "367/374") {
		t.Errorf("rate table = %q, %v; want the counts 367/374 beside 城东区's rate", table, err)
	}
	saveScreenshot(t, ctx, "compare-rate.png")

	// Choose 青海省 in the province selector: the page reloads with 城东区 only.
	// SetValue fires the change event, which submits the form.
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`#area-0`), "63")); err != nil {
		t.Fatal(err)
	}
	if err := waitTrue(ctx, `location.search.indexOf('parent=63') >= 0 &&
		document.querySelector('#compare-chart[data-drawn="true"]') !== null`); err != nil {
		t.Fatalf("page did not reload for 青海省: %v", err)
	}
	names, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`echarts.getInstanceByDom(document.getElementById('compare-chart')).getOption().yAxis[0].data`))
	if err != nil || len(names) != 1 || !strings.HasPrefix(names[0], "1 城东区") {
		t.Errorf("after choosing 青海省: bars %v, %v; want 城东区 only", names, err)
	}
	if p := console.all(); len(p) > 0 {
		t.Errorf("page reported errors: %v", p)
	}
}

// The brief of a jurisdiction-year lists its headline values with footnoted
// sentences and fits the printed page.
func TestBrowserBrief(t *testing.T) {
	srv := mustServe(t)
	ctx := newBrowser(t)
	console := watchConsole(ctx)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/brief?jurisdiction=441900107&year=2019"),
		chromedp.WaitVisible(chromedp.CSS(`.brief .notes li`)),
	); err != nil {
		t.Fatalf("open brief: %v", err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`.brief`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"桥头镇 2019年", "调解", "原文出处", "441900107"} {
		if !strings.Contains(text, want) {
			t.Errorf("brief lacks %q", want)
		}
	}
	// One footnote per sentence: several values may share one.
	notes, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.brief .notes li').length`))
	sups, err2 := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.brief sup a').length`))
	dangling, err3 := chromedp.Run(ctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll('.brief sup a')).filter(function (a) {
		return !document.getElementById(a.getAttribute('href').slice(1)); }).length`))
	if err != nil || err2 != nil || err3 != nil || notes == 0 || notes > sups || dangling > 0 {
		t.Errorf("brief has %d footnotes for %d values, %d pointing nowhere (%v %v %v); want each value's sentence once", notes, sups, dangling, err, err2, err3)
	}
	saveScreenshot(t, ctx, "brief.png")
	if p := console.all(); len(p) > 0 {
		t.Errorf("page reported errors: %v", p)
	}
}
