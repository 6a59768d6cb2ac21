package api

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/sqlbox"
	"github.com/fazhi/fazhi/warehouse/warehousetest"
)

func TestMain(m *testing.M) {
	warehousetest.ServeWorkerIfAsked()
	gin.SetMode(gin.TestMode)
	os.Exit(m.Run())
}

// mustServer serves the API on a warehouse holding the sample reports,
// with the SQL sandbox on a published copy of it, from a real HTTP server.
func mustServer(t *testing.T) *httptest.Server {
	t.Helper()
	db := warehousetest.OpenSamples(t, warehouse.Config{})
	r := gin.New()
	New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{SQL: warehousetest.Sandbox(t, db, sqlbox.Limits{})}).Register(r)
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	return srv
}

func TestScenarios(t *testing.T) {
	srv := mustServer(t)
	cases := []struct {
		name       string
		method     string
		target     string
		body       string
		wantStatus int
		wantIn     []string // substrings of the body
	}{
		{"health", "GET", "/api/health", "", 200, []string{`"status":"ok"`, `"reports":5`}},
		{"indicators", "GET", "/api/indicators", "", 200, []string{`"code":"mediation.cases_accepted"`, `"name_zh"`}},
		{"compare", "GET", "/api/compare?indicator=mediation.cases_accepted", "", 200, []string{`"indicator":"mediation.cases_accepted"`, `"fact_id"`, `桥头镇`}},
		{"compare year", "GET", "/api/compare?indicator=mediation.cases_accepted&year=2019", "", 200, []string{`桥头镇`}},
		{"compare parent", "GET", "/api/compare?indicator=mediation.cases_accepted&parent=4419", "", 200, []string{`"jurisdiction_code":"441900107"`}},
		{"compare empty", "GET", "/api/compare?indicator=mediation.cases_accepted&year=2001", "", 200, []string{`"rows":[]`}},
		{"compare no indicator", "GET", "/api/compare", "", 400, []string{`"error"`, `indicator`, `"code":"bad_request"`}},
		{"compare bad year", "GET", "/api/compare?indicator=mediation.cases_accepted&year=soon", "", 400, []string{`year`}},
		{"compare bad level", "GET", "/api/compare?indicator=mediation.cases_accepted&level=planet", "", 400, []string{`level`}},
		{"compare bad parent", "GET", "/api/compare?indicator=mediation.cases_accepted&parent=x%27%3B--", "", 400, []string{`parent`}},
		{"compare unknown indicator", "GET", "/api/compare?indicator=nope.nothing", "", 404, []string{`not found`, `"code":"not_found"`}},
		{"compare paged", "GET", "/api/compare?indicator=mediation.cases_accepted&limit=1", "", 200,
			[]string{`"total":`, `"offset":0`, `"truncated":true`}},
		{"compare whole by default", "GET", "/api/compare?indicator=mediation.cases_accepted", "", 200, []string{`"truncated":false`}},
		{"compare last page", "GET", "/api/compare?indicator=mediation.cases_accepted&offset=1000", "", 200,
			[]string{`"rows":[]`, `"truncated":false`}},
		{"compare bad limit", "GET", "/api/compare?indicator=mediation.cases_accepted&limit=0", "", 400, []string{`limit`}},
		{"compare bad offset", "GET", "/api/compare?indicator=mediation.cases_accepted&offset=-1", "", 400, []string{`offset`}},
		{"trend", "GET", "/api/trend?indicator=mediation.cases_accepted&jurisdiction=441900107", "", 200, []string{`"year":2019`}},
		{"trend missing", "GET", "/api/trend?indicator=mediation.cases_accepted", "", 400, []string{`jurisdiction`}},
		{"report unknown", "GET", "/api/reports/0000000000000000", "", 404, []string{`not found`}},
		{"sql", "POST", "/api/sql", `{"sql":"SELECT count(*) AS n FROM reports"}`, 200,
			[]string{`"columns":["n"]`, `"rows":[[5]]`, `"truncated":false`, `"as_of":"20`}},
		{"sql csv", "POST", "/api/sql?format=csv", `{"sql":"SELECT 1 AS one"}`, 200, []string{"\ufeffone\n1\n"}},
		// Refusals keep their English message beside a code, the rule and what it refused (pages say them in Chinese).
		{"sql refused", "POST", "/api/sql", `{"sql":"DROP TABLE facts"}`, 400, []string{`only SELECT`, `"code":"sql_rejected"`, `"reason":"statement"`}},
		{"sql file", "POST", "/api/sql", `{"sql":"SELECT * FROM read_text('/etc/passwd')"}`, 400,
			[]string{`query rejected: table function read_text is not allowed in researchers' SQL`, `"code":"sql_rejected"`,
				`"reason":"table_function"`, `"subject":"read_text"`}},
		{"sql function", "POST", "/api/sql", `{"sql":"SELECT current_setting('threads')"}`, 400,
			[]string{`"reason":"function"`, `"subject":"current_setting"`}},
		{"sql two", "POST", "/api/sql", `{"sql":"SELECT 1; SELECT 2"}`, 400, []string{`"reason":"statements"`, `"subject":"2"`}},
		{"sql bad json", "POST", "/api/sql", `SELECT 1`, 400, []string{`body must be JSON`}},
		{"sql syntax", "POST", "/api/sql", `{"sql":"SELECT FROM WHERE"}`, 400, []string{`invalid query`, `"code":"sql_invalid"`}},
		{"sql too long", "POST", "/api/sql", `{"sql":"SELECT '` + strings.Repeat("x", 30000) + `'"}`, 400,
			[]string{`longer than 20000 characters`, `"reason":"length"`, `"subject":"20000"`}},
		{"sql body too large", "POST", "/api/sql", `{"sql":"SELECT '` + strings.Repeat("x", 70000) + `'"}`, 413, []string{`at most 65536`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, srv.URL+tc.target, strings.NewReader(tc.body))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.wantStatus {
				t.Errorf("%s %s = %d; want %d\n%s", tc.method, tc.target, resp.StatusCode, tc.wantStatus, body)
			}
			for _, s := range tc.wantIn {
				if !strings.Contains(string(body), s) {
					t.Errorf("%s %s body lacks %q:\n%.400s", tc.method, tc.target, s, body)
				}
			}
		})
	}
}

func TestReportHasFactsWithSpans(t *testing.T) {
	srv := mustServer(t)
	var cmp struct {
		Rows []struct {
			ReportID string `json:"report_id"`
		}
	}
	resp, err := http.Get(srv.URL + "/api/compare?indicator=mediation.cases_accepted")
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(resp.Body).Decode(&cmp)
	resp.Body.Close()
	if len(cmp.Rows) == 0 {
		t.Fatal("no compare rows")
	}
	resp, err = http.Get(srv.URL + "/api/reports/" + cmp.Rows[0].ReportID)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var rep warehouse.Report
	if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.JurisdictionPath) == 0 || len(rep.Facts) == 0 {
		t.Fatalf("report %s: path %v, %d facts; want a division path and facts", rep.ReportID, rep.JurisdictionPath, len(rep.Facts))
	}
	text := []rune(rep.Text)
	for _, f := range rep.Facts {
		if f.Start < 0 || f.End > len(text) || f.Start >= f.End && !f.Derived {
			t.Errorf("fact %s span %d..%d outside the text (%d runes)", f.FactID, f.Start, f.End, len(text))
			continue
		}
		if !f.Derived && !strings.Contains(f.Quote, string(text[f.Start:f.End])) {
			t.Errorf("fact %s: quote %q does not hold the span text %q", f.FactID, f.Quote, string(text[f.Start:f.End]))
		}
	}
}

func TestStatusOf(t *testing.T) {
	cases := []struct {
		err  error
		want int
	}{
		{errBadRequest, 400},
		{warehouse.ErrInvalidQuery, 400},
		{warehouse.ErrQueryRejected, 400},
		{warehouse.ErrNotFound, 404},
		{context.DeadlineExceeded, 504},
		{sqlbox.ErrTimeout, 504},
		{sqlbox.ErrRejected, 400},
		{sqlbox.ErrInvalid, 400},
		{sqlbox.ErrMemory, 400},
		{sqlbox.ErrCrashed, 400},
		{sqlbox.ErrClosed, 503},
		{errBusy, 503},
		{errTooLarge, 413},
		{errUnauthorized, 401},
		{errForbidden, 403},
		{errNotConfigured, 501},
		{errNotFoundRoute, 404},
		{io.ErrUnexpectedEOF, 500},
	}
	for _, tc := range cases {
		if got := statusOf(tc.err); got != tc.want {
			t.Errorf("statusOf(%v) = %d; want %d", tc.err, got, tc.want)
		}
	}
}
