package dashboards

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/sqlbox"
	"github.com/fazhi/fazhi/warehouse/warehousetest"
)

// mustSampleWarehouse loads the bundled samples into a temp warehouse.
func mustSampleWarehouse(t *testing.T) *warehouse.DB {
	t.Helper()
	return warehousetest.OpenSamples(t, warehouse.Config{})
}

func TestMain(m *testing.M) {
	warehousetest.ServeWorkerIfAsked()
	os.Exit(m.Run())
}

// Every saved example must run in the sandbox on real data.
func TestSQLExamplesRun(t *testing.T) {
	db := mustSampleWarehouse(t)
	sandbox := warehousetest.Sandbox(t, db, sqlbox.Limits{})
	for _, ex := range sqlExamples {
		res, err := sandbox.Query(context.Background(), ex.SQL)
		if err != nil {
			t.Errorf("example %q: %v", ex.Title, err)
			continue
		}
		if len(res.Columns) == 0 {
			t.Errorf("example %q returned no columns", ex.Title)
		}
	}
}

func TestSQLPage(t *testing.T) {
	db := mustSampleWarehouse(t)
	r := gin.New()
	New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{}).Register(r)
	srv := httptest.NewServer(r)
	defer srv.Close()
	evil := `</textarea><script>alert(1)</script>`
	cases := []struct {
		target string
		wantIn []string
		notIn  []string
	}{
		{"/sql", []string{`data-table="headline_facts"`, `data-table="indicator_wide"`, `data-col="mediation.cases_accepted"`,
			`data-table="coverage"`, `data-table="yoy"`, `同比变化`, `下载 CSV`, `FROM headline_facts`, `href="/sql" class="active"`}, []string{`data-table="staged_`}},
		{"/sql?q=" + url.QueryEscape("SELECT 42 AS answer"), []string{`SELECT 42 AS answer</textarea>`}, nil},
		{"/sql?q=" + url.QueryEscape(evil), []string{`&lt;/textarea&gt;&lt;script&gt;`}, []string{`<script>alert(1)`}},
	}
	for _, tc := range cases {
		resp, err := http.Get(srv.URL + tc.target)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		body := string(b)
		if resp.StatusCode != 200 {
			t.Errorf("GET %s = %d; want 200", tc.target, resp.StatusCode)
		}
		for _, s := range tc.wantIn {
			if !strings.Contains(body, s) {
				t.Errorf("GET %s lacks %q", tc.target, s)
			}
		}
		for _, s := range tc.notIn {
			if strings.Contains(body, s) {
				t.Errorf("GET %s contains %q", tc.target, s)
			}
		}
	}
}
