package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/datasets"
	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/warehousetest"
)

const testToken = "s3cret-token"

// writeServer is a real HTTP server on a temp warehouse with writes,
// uploads and exports set up the way `fazhi serve` sets them up.
type writeServer struct {
	*httptest.Server
	db *warehouse.DB
}

// mustWriteServer serves the API with Token, Ingest and ExportDir set, then
// changed by edit if given, after loading the samples when samples is set.
func mustWriteServer(t *testing.T, samples bool, edit func(*Config)) writeServer {
	t.Helper()
	exportDir := t.TempDir()
	db := warehousetest.Open(t, warehouse.Config{AllowedDirectories: []string{exportDir}})
	if samples {
		warehousetest.LoadSamples(t, db)
	}
	x := warehousetest.Extractor(t)
	// The pipeline as cmd wires it, less the manifest (cmd/fazhi tests that).
	ingestOne := func(ctx context.Context, name string, data []byte, meta ingest.Meta) (warehouse.LoadResult, error) {
		r, err := x.Extract(ctx, name, data, meta)
		if err != nil {
			return warehouse.LoadResult{}, fmt.Errorf("%w: %w", ErrUnreadable, err)
		}
		b, err := ingest.NewBatch(memory.NewGoAllocator(), []ingest.Report{r})
		if err != nil {
			return warehouse.LoadResult{}, fmt.Errorf("%w: %w", ErrUnreadable, err)
		}
		defer b.Release()
		return db.Load(ctx, b)
	}
	ingestUpload := func(ctx context.Context, files []UploadFile, meta UploadMeta) (UploadOutcome, error) {
		var out UploadOutcome
		if len(meta.Manifest) > 0 {
			return out, fmt.Errorf("%w: this test pipeline reads no manifest", ErrBadUpload)
		}
		for _, f := range files {
			res, err := ingestOne(ctx, f.Name, f.Data, ingest.Meta{Within: meta.Within})
			out.Files = append(out.Files, FileOutcome{Name: f.Name, Load: res, Err: err})
		}
		return out, nil
	}
	cfg := Config{Token: testToken, Ingest: ingestUpload, ExportDir: exportDir, MaxUpload: 1 << 20}
	if edit != nil {
		edit(&cfg)
	}
	r := gin.New()
	New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), cfg).Register(r)
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	return writeServer{srv, db}
}

// do sends a request and returns status, headers and body.
func do(t *testing.T, method, url, auth, contentType string, body io.Reader) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

// firstHeadline returns a headline fact of the samples.
func firstHeadline(t *testing.T, srv writeServer) (factID, reportID string, value float64) {
	t.Helper()
	var cmp struct {
		Rows []struct {
			FactID   string  `json:"fact_id"`
			ReportID string  `json:"report_id"`
			Value    float64 `json:"value"`
		}
	}
	_, _, body := do(t, "GET", srv.URL+"/api/compare?indicator=mediation.cases_accepted", "", "", nil)
	if err := json.Unmarshal([]byte(body), &cmp); err != nil || len(cmp.Rows) == 0 {
		t.Fatalf("compare: %v %s", err, body)
	}
	return cmp.Rows[0].FactID, cmp.Rows[0].ReportID, cmp.Rows[0].Value
}

func TestCorrectionScenarios(t *testing.T) {
	srv := mustWriteServer(t, true, nil)
	fact, report, value := firstHeadline(t, srv)
	ok := "Bearer " + testToken
	setBody := fmt.Sprintf(`{"value": %g, "author": "李明", "reason": "核对原文"}`, value+1)
	cases := []struct {
		name       string
		method     string
		target     string
		auth       string
		body       string
		wantStatus int
		wantIn     []string
	}{
		{"no token", "PUT", "/api/facts/" + fact, "", setBody, 401, []string{`Authorization: Bearer`}},
		{"wrong token", "PUT", "/api/facts/" + fact, "Bearer nope", setBody, 401, []string{`wrong token`}},
		{"basic auth", "PUT", "/api/facts/" + fact, "Basic " + testToken, setBody, 401, []string{`Bearer`}},
		{"token prefix", "PUT", "/api/facts/" + fact, "Bearer " + testToken[:5], setBody, 401, []string{`wrong token`}},
		{"post no token", "POST", "/api/corrections", "", `{}`, 401, []string{`error`}},
		{"set", "PUT", "/api/facts/" + fact, ok, setBody, 200, []string{`"action":"set"`, `"author":"FAZHI_TOKEN（李明）"`, `"correction_id"`, `"at"`}},
		{"history", "GET", "/api/facts/" + fact + "/corrections", "", "", 200, []string{`"corrections":[{`, `"reason":"核对原文"`}},
		{"history unknown", "GET", "/api/facts/0000000000000000-000000000000/corrections", "", "", 404, []string{`not found`}},
		{"history bad id", "GET", "/api/facts/x;y/corrections", "", "", 400, []string{`fact id`}},
		{"set unknown fact", "PUT", "/api/facts/0000000000000000-000000000000", ok, setBody, 404, []string{`not found`}},
		{"set bad id", "PUT", "/api/facts/DROP", ok, setBody, 400, []string{`fact id`}},
		{"set typo field", "PUT", "/api/facts/" + fact, ok, `{"vaule": 1, "author": "a", "reason": "b"}`, 400, []string{`unknown field`}},
		{"set not json", "PUT", "/api/facts/" + fact, ok, `value=1`, 400, []string{`JSON`}},
		// The token is its own author; a name the client gives goes beside it.
		{"set no author", "PUT", "/api/facts/" + fact, ok, `{"value": 1, "reason": "b"}`, 200, []string{`"author":"FAZHI_TOKEN"`}},
		{"set negative", "PUT", "/api/facts/" + fact, ok, `{"value": -1, "author": "a", "reason": "b"}`, 400, []string{`value`}},
		{"put add", "PUT", "/api/facts/" + fact, ok, `{"action": "add", "author": "a", "reason": "b"}`, 400, []string{`POST /api/corrections`}},
		{"reject", "PUT", "/api/facts/" + fact, ok, `{"action": "reject", "author": "王芳", "reason": "不是全镇数字"}`, 200, []string{`"action":"reject"`, `"value":null`}},
		{"add", "POST", "/api/corrections", ok, `{"action": "add", "report_id": "` + report + `", "indicator": "mediation.cases_accepted", "value": 7,
			"quote": "", "author": "王芳", "reason": "漏提"}`, 400, []string{`quote`}},
		{"add unknown report", "POST", "/api/corrections", ok, `{"action": "add", "report_id": "ffffffffffffffff", "indicator": "mediation.cases_accepted",
			"value": 7, "quote": "调解", "author": "王芳", "reason": "漏提"}`, 404, []string{`not found`}},
		{"add quote not in text", "POST", "/api/corrections", ok, `{"action": "add", "report_id": "` + report + `", "indicator": "mediation.cases_accepted",
			"value": 7, "quote": "这句话不在报告里", "author": "王芳", "reason": "漏提"}`, 400, []string{`not in the report`}},
		{"bad action", "POST", "/api/corrections", ok, `{"action": "delete", "fact_id": "` + fact + `", "author": "a", "reason": "b"}`, 400, []string{`action`}},
		{"review", "GET", "/api/review", "", "", 200, []string{`"items":[`}},
		{"review flag", "GET", "/api/review?flag=approx_headline&limit=5", "", "", 200, []string{`"items":`}},
		{"review bad flag", "GET", "/api/review?flag=Rate-Mismatch%27", "", "", 400, []string{`flag`}},
		{"review bad limit", "GET", "/api/review?limit=0", "", "", 400, []string{`limit`}},
		{"review narrowed", "GET", "/api/review?area=33&year=2023&indicator=mediation.success_rate", "", "", 200, []string{`"items":`}},
		{"review bad area", "GET", "/api/review?area=3a", "", "", 400, []string{`area`}},
		{"review bad year", "GET", "/api/review?year=23", "", "", 400, []string{`year`}},
		{"review bad indicator", "GET", "/api/review?indicator=x'--", "", "", 400, []string{`indicator`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, hdr, body := do(t, tc.method, srv.URL+tc.target, tc.auth, "application/json", strings.NewReader(tc.body))
			if status != tc.wantStatus {
				t.Errorf("%s %s = %d; want %d\n%s", tc.method, tc.target, status, tc.wantStatus, body)
			}
			for _, s := range tc.wantIn {
				if !strings.Contains(body, s) {
					t.Errorf("%s %s body lacks %q:\n%.400s", tc.method, tc.target, s, body)
				}
			}
			if status == 401 && !strings.HasPrefix(hdr.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("401 without a WWW-Authenticate: Bearer header")
			}
			if strings.Contains(body, testToken) {
				t.Errorf("the answer echoes the token")
			}
		})
	}
	// The add with its quote taken from the report: stored, and the fact appears.
	var rep warehouse.Report
	_, _, body := do(t, "GET", srv.URL+"/api/reports/"+report, "", "", nil)
	json.Unmarshal([]byte(body), &rep)
	quote := string([]rune(rep.Text)[:20])
	addBody, _ := json.Marshal(warehouse.CorrectionInput{Action: "add", ReportID: report, Indicator: "publicity.events",
		Value: func() *float64 { v := 3.0; return &v }(), Quote: quote, Author: "王芳", Reason: "漏提"})
	status, _, body := do(t, "POST", srv.URL+"/api/corrections", ok, "application/json", bytes.NewReader(addBody))
	if status != 201 || !strings.Contains(body, `"action":"add"`) {
		t.Fatalf("POST /api/corrections add = %d %s; want 201", status, body)
	}
	_, _, body = do(t, "GET", srv.URL+"/api/reports/"+report, "", "", nil)
	if !strings.Contains(body, `"indicator":"publicity.events"`) {
		t.Errorf("report after add lacks the added fact")
	}
}

func TestWritesDisabledWithoutToken(t *testing.T) {
	srv := mustWriteServer(t, false, func(c *Config) { *c = Config{} })
	for _, tc := range []struct{ method, target string }{
		{"PUT", "/api/facts/0000000000000000-000000000000"},
		{"POST", "/api/corrections"},
		{"POST", "/api/reports"},
	} {
		status, _, body := do(t, tc.method, srv.URL+tc.target, "Bearer anything", "application/json", strings.NewReader(`{}`))
		if status != 403 || !strings.Contains(body, "FAZHI_TOKEN") {
			t.Errorf("%s %s on a server without a token = %d %s; want 403 naming FAZHI_TOKEN", tc.method, tc.target, status, body)
		}
	}
	if status, _, _ := do(t, "GET", srv.URL+"/api/export/facts.csv", "", "", nil); status != 501 {
		t.Errorf("GET /api/export without an export dir = %d; want 501", status)
	}
	// A token but no upload pipeline: uploads are refused as not available.
	srv = mustWriteServer(t, false, func(c *Config) { c.Ingest = nil })
	ct, body := multipartBody(t, [][2]string{{"a.txt", "x"}})
	if status, _, resp := do(t, "POST", srv.URL+"/api/reports", "Bearer "+testToken, ct, body); status != 501 {
		t.Errorf("POST /api/reports without a pipeline = %d %s; want 501", status, resp)
	}
}

func TestExportEndpoint(t *testing.T) {
	srv := mustWriteServer(t, true, nil)
	cases := []struct {
		target     string
		wantStatus int
		wantType   string
		wantPrefix string
	}{
		{"/api/export/facts.csv", 200, "text/csv; charset=utf-8", "\ufefffact_id,report_id,jurisdiction_code"},
		{"/api/export/headline_facts.csv", 200, "text/csv; charset=utf-8", "\ufeffjurisdiction_code,"},
		{"/api/export/reports.parquet", 200, "application/vnd.apache.parquet", "PAR1"},
		{"/api/export/facts.parquet", 200, "application/vnd.apache.parquet", "PAR1"},
		{"/api/export/jurisdictions.csv", 200, "text/csv; charset=utf-8", "\ufeffcode,name"},
		{"/api/export/secrets.csv", 404, "application/json; charset=utf-8", `{"error"`},
		{"/api/export/facts.xlsx", 400, "application/json; charset=utf-8", `{"error"`},
		{"/api/export/facts", 400, "application/json; charset=utf-8", `{"error"`},
	}
	for _, tc := range cases {
		status, hdr, body := do(t, "GET", srv.URL+tc.target, "", "", nil)
		if status != tc.wantStatus || hdr.Get("Content-Type") != tc.wantType || !strings.HasPrefix(body, tc.wantPrefix) {
			t.Errorf("GET %s = %d %q %.40q; want %d %q %q", tc.target, status, hdr.Get("Content-Type"), body, tc.wantStatus, tc.wantType, tc.wantPrefix)
		}
		if status == 200 && !strings.Contains(hdr.Get("Content-Disposition"), "attachment") {
			t.Errorf("GET %s: no attachment disposition", tc.target)
		}
	}
	_, _, csv := do(t, "GET", srv.URL+"/api/export/facts.csv", "", "", nil)
	var health struct{ Facts int }
	_, _, body := do(t, "GET", srv.URL+"/api/health", "", "", nil)
	json.Unmarshal([]byte(body), &health)
	if lines := strings.Count(csv, "\n"); lines < health.Facts/2 {
		t.Errorf("facts.csv has %d lines for %d facts", lines, health.Facts)
	}
}

// multipartBody builds an upload of files (name -> content), each as a
// "file" part whose filename is the full name.
func multipartBody(t *testing.T, files [][2]string) (string, *bytes.Buffer) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, f := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, f[0]))
		h.Set("Content-Type", "application/octet-stream")
		p, err := w.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		p.Write([]byte(f[1]))
	}
	w.Close()
	return w.FormDataContentType(), &buf
}

func TestPostReports(t *testing.T) {
	srv := mustWriteServer(t, false, nil)
	sample, err := fs.ReadFile(datasets.SampleReports(), "004_3f536242070f5f00.txt")
	if err != nil {
		t.Fatal(err)
	}
	ok := "Bearer " + testToken
	broken := string([]byte{0xff, 0xfe, 0x00, 0xd8, 0x00, 0x00, 0x81, 0x00, 0xfe})
	type upload struct {
		name       string
		auth       string
		files      [][2]string
		wantStatus int
		wantIn     []string
	}
	cases := []upload{
		{"no token", "", [][2]string{{"reports/a.txt", string(sample)}}, 401, []string{`error`}},
		{"one file", ok, [][2]string{{"reports/a.txt", string(sample)}}, 200, []string{`"name":"reports/a.txt"`, `"stored":1`, `"failed":0`}},
		{"same again", ok, [][2]string{{"reports/a.txt", string(sample)}}, 200, []string{`"unchanged":1`}},
		{"one broken", ok, [][2]string{{"b/broken.txt", broken}, {"reports/c.txt", string(sample) + "\n"}}, 422,
			[]string{`"failed":1`, `"name":"b/broken.txt","load":`, `"error":"unreadable report`, `"stored":1`}},
		{"too large", ok, [][2]string{{"big.txt", strings.Repeat("法", 1<<19)}}, 413, []string{`at most 1048576`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ct, body := multipartBody(t, tc.files)
			status, _, resp := do(t, "POST", srv.URL+"/api/reports", tc.auth, ct, body)
			if status != tc.wantStatus {
				t.Errorf("POST /api/reports = %d; want %d\n%s", status, tc.wantStatus, resp)
			}
			for _, s := range tc.wantIn {
				if !strings.Contains(resp, s) {
					t.Errorf("POST /api/reports body lacks %q:\n%.400s", s, resp)
				}
			}
		})
	}
	t.Run("not multipart", func(t *testing.T) {
		status, _, resp := do(t, "POST", srv.URL+"/api/reports", ok, "application/json", strings.NewReader(`{}`))
		if status != 400 || !strings.Contains(resp, "multipart") {
			t.Errorf("POST /api/reports JSON = %d %s; want 400", status, resp)
		}
	})
	t.Run("no file part", func(t *testing.T) {
		var buf bytes.Buffer
		w := multipart.NewWriter(&buf)
		w.WriteField("source", "x")
		w.Close()
		status, _, resp := do(t, "POST", srv.URL+"/api/reports", ok, w.FormDataContentType(), &buf)
		if status != 400 || !strings.Contains(resp, `part in the upload`) {
			t.Errorf("POST /api/reports without files = %d %s; want 400", status, resp)
		}
	})
	t.Run("no filename", func(t *testing.T) {
		var buf bytes.Buffer
		w := multipart.NewWriter(&buf)
		fw, _ := w.CreateFormField("file")
		fw.Write(sample)
		w.Close()
		status, _, resp := do(t, "POST", srv.URL+"/api/reports", ok, w.FormDataContentType(), &buf)
		if status != 400 || !strings.Contains(resp, "filename") {
			t.Errorf("POST /api/reports without filename = %d %s; want 400", status, resp)
		}
	})
	var health struct{ Reports int }
	_, _, body := do(t, "GET", srv.URL+"/api/health", "", "", nil)
	json.Unmarshal([]byte(body), &health)
	if health.Reports != 2 {
		t.Errorf("reports after uploads = %d; want 2 (a.txt and c.txt)", health.Reports)
	}
}

func TestStatusOfWriteRefusals(t *testing.T) {
	cases := []struct {
		err  error
		want int
	}{
		{errUnauthorized, 401},
		{errForbidden, 403},
		{errNotFoundRoute, 404},
		{errTooLarge, 413},
		{errNotConfigured, 501},
		{fmt.Errorf("x: %w", ErrUnreadable), 500},
		{errors.Join(errBadRequest, io.EOF), 400},
	}
	for _, tc := range cases {
		if got := statusOf(tc.err); got != tc.want {
			t.Errorf("statusOf(%v) = %d; want %d", tc.err, got, tc.want)
		}
	}
}

func TestBearer(t *testing.T) {
	cases := []struct {
		in     string
		want   string
		wantOK bool
	}{
		{"Bearer abc", "abc", true},
		{"bearer  abc ", "abc", true},
		{"Bearer", "", false},
		{"Bearer ", "", false},
		{"Basic abc", "", false},
		{"", "", false},
		{"abc", "", false},
	}
	for _, tc := range cases {
		if got, ok := bearer(tc.in); got != tc.want || ok != tc.wantOK {
			t.Errorf("bearer(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.wantOK)
		}
	}
}
