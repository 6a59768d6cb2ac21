package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// gucheng is a report about a 古城街道 that does not say which: China has
// many. Variants differ in a trailing line, so they are distinct files.
func gucheng(variant string) []byte {
	return []byte("古城街道2023年法治政府建设情况报告\n\n2023年,古城街道坚持依法行政。全年受理矛盾纠纷374件,调解成功367件。开展普法活动30场次。\n" + variant)
}

func reportIDOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])[:16]
}

// uploadParts is a multipart body: files, then the named fields.
func uploadParts(t *testing.T, files map[string][]byte, fields map[string]string) (string, io.Reader) {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for name, data := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="file"; filename="`+name+`"`)
		part, err := w.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		part.Write(data)
	}
	for k, v := range fields {
		w.WriteField(k, v)
	}
	w.Close()
	return w.FormDataContentType(), &body
}

func post(t *testing.T, url, token, contentType string, body io.Reader) (int, string) {
	t.Helper()
	req, err := http.NewRequest("POST", url, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", contentType)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// An upload states what a manifest and --within state for `fazhi ingest`:
// the real app's pipeline, through a real HTTP server.
func TestUploadWithManifest(t *testing.T) {
	cfg := DefaultConfig()
	cfg.DB = filepath.Join(t.TempDir(), "fazhi.duckdb")
	cfg.NoSamples = true
	cfg.Token = "0123456789abcdef-token"
	a, err := newApp(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	srv := httptest.NewServer(a.handler)
	defer srv.Close()
	url := srv.URL + "/api/reports"
	manifest := "file,url,jurisdiction_code,year\nreports/a.txt,http://example.gov.cn/a.html,130284002,2022\nz.txt,,110105019,\n"

	for _, bad := range []map[string]string{
		{"manifest": "file,town\na.txt,x\n"},
		{"manifest": "file,url,jurisdiction_code,year\na.txt,,12x,\n"},
		{"within": "北京"},
	} {
		ct, body := uploadParts(t, map[string][]byte{"reports/a.txt": gucheng("a")}, bad)
		if status, resp := post(t, url, cfg.Token, ct, body); status != 400 {
			t.Errorf("upload with %v = %d %s; want 400", bad, status, resp)
		}
	}
	if h, err := a.db.Health(context.Background()); err != nil || h.Reports != 0 {
		t.Fatalf("after refused uploads: %+v, %v; want nothing stored", h, err)
	}

	ct, body := uploadParts(t, map[string][]byte{"reports/a.txt": gucheng("a"), "reports/b.txt": gucheng("b")},
		map[string]string{"manifest": manifest, "within": "11"})
	status, resp := post(t, url, cfg.Token, ct, body)
	var ans uploadAnswer
	if err := json.Unmarshal([]byte(resp), &ans); err != nil || status != 200 || len(ans.Files) != 2 {
		t.Fatalf("upload with a manifest = %d %s, %v", status, resp, err)
	}
	got := map[string]string{}
	for _, f := range ans.Files {
		got[f.Name] = fmt.Sprintf("%s/%d/%s", f.JurisdictionCode, f.Year, f.Outcome)
	}
	// a.txt: as the manifest states; b.txt: the one 古城街道 within 北京 (11).
	if got["reports/a.txt"] != "130284002/2022/stored" || got["reports/b.txt"] != "110107004/2023/stored" {
		t.Errorf("upload answer = %v; want a.txt stated 130284002 2022, b.txt 110107004 (within 11)", got)
	}
	if len(ans.Warnings) != 1 || !strings.Contains(ans.Warnings[0], "1 of its 2 rows") {
		t.Errorf("upload warnings = %q; want the manifest row naming no uploaded file", ans.Warnings)
	}
	rep, err := a.db.Report(context.Background(), reportIDOf(gucheng("a")))
	if err != nil || !rep.JurisdictionStated || rep.URL != "http://example.gov.cn/a.html" || rep.YearEvidence != "stated by the user" {
		t.Errorf("report a.txt = stated %v url %q year evidence %q, %v; want what the manifest stated", rep.JurisdictionStated, rep.URL, rep.YearEvidence, err)
	}

	// Without metadata an ambiguous name stays unresolved, and the answer says so.
	ct, body = uploadParts(t, map[string][]byte{"c.txt": gucheng("c")}, nil)
	status, resp = post(t, url, cfg.Token, ct, body)
	if status != 200 || !strings.Contains(resp, `"kind":"unresolved_jurisdiction"`) || !strings.Contains(resp, `"unresolved":1`) {
		t.Errorf("upload of an unresolved report = %d %s; want an unresolved_jurisdiction warning and the count", status, resp)
	}
}

// The summary of a local ingest counts and names what was stored without
// facts, year or jurisdiction.
func TestIngestSummaryWarns(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "c.txt"), gucheng("c"), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.txt"), []byte("关于印发工作要点的通知\n\n各单位:请认真贯彻落实,抓好工作。\n"), 0o644)
	db := filepath.Join(t.TempDir(), "w.duckdb")
	out, _, err := runCLI(t, "ingest", "--db", db, dir)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	for _, want := range []string{
		"2 stored", "with no facts: 1", "with no year: 1", "with an unresolved jurisdiction: 2",
		"WARN " + filepath.Join(dir, "c.txt") + ": its jurisdiction is unresolved",
		"WARN " + filepath.Join(dir, "empty.txt") + ": no facts were found in it",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("ingest printed\n%s\nwant %q in it", out, want)
		}
	}
}

// The pages follow a person's corrections at once: an unresolved report
// set to its town appears in the comparison; two reports of one town-year
// that disagree show as a conflict until one is chosen.
func TestPagesFollowReportCorrections(t *testing.T) {
	cfg := DefaultConfig()
	cfg.DB = filepath.Join(t.TempDir(), "fazhi.duckdb")
	cfg.NoSamples = true
	cfg.Token = "0123456789abcdef-token"
	a, err := newApp(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	a.db.PrepareDashboards()
	srv := httptest.NewServer(a.handler)
	defer srv.Close()
	page := func(path string) string {
		t.Helper()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s = %d\n%s", path, resp.StatusCode, b)
		}
		return string(b)
	}
	put := func(path, body string) {
		t.Helper()
		req, _ := http.NewRequest("PUT", srv.URL+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+cfg.Token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("PUT %s = %d %s", path, resp.StatusCode, b)
		}
	}
	const compare = "/?indicator=mediation.cases_accepted&year=2023"
	ct, body := uploadParts(t, map[string][]byte{"c.txt": gucheng("c")}, nil)
	if status, resp := post(t, srv.URL+"/api/reports", cfg.Token, ct, body); status != 200 {
		t.Fatalf("upload = %d %s", status, resp)
	}
	cID := reportIDOf(gucheng("c"))
	const unresolvedBadge = `>未定位</span>` // the page's own text names 未定位 too
	if p := page(compare); !strings.Contains(p, unresolvedBadge) {
		t.Errorf("compare before the correction: want the unresolved report marked 未定位")
	}
	put("/api/reports/"+cID+"/jurisdiction", `{"code":"110107004","author":"李明","reason":"原网页"}`)
	if p := page(compare); strings.Contains(p, unresolvedBadge) || !strings.Contains(p, "古城街道") {
		t.Errorf("compare after the correction still shows 未定位, or not 古城街道")
	}
	if p := page("/reports/" + cID); !strings.Contains(p, "辖区已人工确定") || !strings.Contains(p, "石景山区") {
		t.Errorf("report page after the correction lacks the division path or the corrected badge")
	}

	datian := func(n string) []byte {
		return []byte("大田街道2023年法治政府建设情况报告\n\n2023年,大田街道坚持依法行政。全年受理矛盾纠纷" + n + "件,调解成功367件。\n")
	}
	manifest := "file,url,jurisdiction_code,year\ndt.txt,,331082004,2023\ndt-draft.txt,,331082004,2023\n"
	ct, body = uploadParts(t, map[string][]byte{"dt.txt": datian("2119"), "dt-draft.txt": datian("2911")}, map[string]string{"manifest": manifest})
	if status, resp := post(t, srv.URL+"/api/reports", cfg.Token, ct, body); status != 200 || !strings.Contains(resp, `"kind":"duplicate_report"`) {
		t.Fatalf("upload of a draft and its published report = %d %s; want a duplicate_report warning", status, resp)
	}
	const conflictNotice = `class="notice conflicts"` // the page's hint names conflicts too
	p := page(compare)
	if !strings.Contains(p, conflictNotice) || !strings.Contains(p, "2119件") || !strings.Contains(p, "2911件") {
		t.Errorf("compare with the two reports lacks the conflict notice with both values")
	}
	if p := page("/brief?jurisdiction=331082004&year=2023"); !strings.Contains(p, "数字不一致") || !strings.Contains(p, "2911件") {
		t.Errorf("the brief of the town-year whose reports disagree does not say so")
	}
	if p := page("/reports/" + reportIDOf(datian("2911"))); !strings.Contains(p, "尚未选定以哪一份为准") {
		t.Errorf("the draft's report page does not say that nobody chose yet")
	}
	put("/api/reports/"+reportIDOf(datian("2119"))+"/counts", `{"author":"王芳","reason":"正式发布稿"}`)
	p = page(compare)
	if strings.Contains(p, conflictNotice) || !strings.Contains(p, "2119件") || strings.Contains(p, "2911件") {
		t.Errorf("compare after the choice: want the published 2119 only, no conflict notice")
	}
	if p := page("/reports/" + reportIDOf(datian("2911"))); !strings.Contains(p, "本报告的数字不参与对比") {
		t.Errorf("the draft's report page does not say it does not count")
	}
}

// ingest --server splits a request the server finds too large (413) and
// fails alone a file that is too large by itself, storing the others.
func TestIngestServerSplitsTooLargeRequests(t *testing.T) {
	cfg := DefaultConfig()
	cfg.DB = filepath.Join(t.TempDir(), "fazhi.duckdb")
	cfg.NoSamples = true
	cfg.Token = "0123456789abcdef-token"
	cfg.MaxUpload = 4000
	a, err := newApp(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	srv := httptest.NewServer(a.handler)
	defer srv.Close()
	dir := t.TempDir()
	for i := range 4 {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%d.txt", i)), gucheng(strings.Repeat("依法行政。", 60)+strconv.Itoa(i)), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "huge.txt"), gucheng(strings.Repeat("依法行政。", 400)), 0o644)
	out, _, err := runCLI(t, "ingest", "--server", srv.URL, "--token", cfg.Token, dir)
	if err == nil || !strings.Contains(out, "4 stored") || !strings.Contains(out, "huge.txt") || !strings.Contains(out, "refuses a request this large") {
		t.Errorf("ingest --server with a 4,000-byte upload limit = %v\n%s; want 4 stored and huge.txt failed as too large", err, out)
	}
}
