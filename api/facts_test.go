package api

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func TestGetFact(t *testing.T) {
	srv := mustWriteServer(t, true, nil)
	id, report, value := firstHeadline(t, srv)

	status, header, body := do(t, "GET", srv.URL+"/api/facts/"+id, "", "", nil)
	if status != 200 || !strings.HasPrefix(header.Get("Content-Type"), "application/json") {
		t.Fatalf("GET /api/facts/%s = %d %q; want 200 JSON\n%s", id, status, header.Get("Content-Type"), body)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &fields); err != nil {
		t.Fatalf("GET /api/facts/%s: %v\n%s", id, err, body)
	}
	for _, k := range []string{"fact_id", "report_id", "indicator", "value", "unit", "approx", "scope", "quote",
		"start", "end", "derived", "flags", "corrected"} {
		if _, ok := fields[k]; !ok {
			t.Errorf("GET /api/facts/%s lacks %q\n%s", id, k, body)
		}
	}
	got := decodeFact(t, body)
	if want := reportFact(t, srv, report, id); got.FactID != id || got.ReportID != report || got.Value != value ||
		got.Corrected || got.Indicator != "mediation.cases_accepted" || got.Flags == nil || got.Quote == "" || got.Quote != want.Quote {
		t.Errorf("GET /api/facts/%s = %+v; want report %s, value %g, the quote %q, not corrected", id, got, report, value, want.Quote)
	}

	// Readers see the corrected value.
	set := fmt.Sprintf(`{"value": %g, "author": "李明", "reason": "核对原文"}`, value+1)
	if status, _, body := do(t, "PUT", srv.URL+"/api/facts/"+id, "Bearer "+testToken, "application/json", strings.NewReader(set)); status != 200 {
		t.Fatalf("PUT /api/facts/%s = %d\n%s", id, status, body)
	}
	_, _, body = do(t, "GET", srv.URL+"/api/facts/"+id, "", "", nil)
	if got := decodeFact(t, body); got.Value != value+1 || !got.Corrected || got.Quote == "" {
		t.Errorf("GET /api/facts/%s after a correction = %+v; want value %g, corrected, quote kept", id, got, value+1)
	}

	for _, tc := range []struct {
		target     string
		wantStatus int
		wantIn     string
	}{
		{"/api/facts/" + report + "-nosuchfact", 404, "not found"},
		{"/api/facts/%3Cscript%3E", 400, "not a fact id"},
	} {
		status, _, body := do(t, "GET", srv.URL+tc.target, "", "", nil)
		var e errorResponse
		if err := json.Unmarshal([]byte(body), &e); err != nil || status != tc.wantStatus || !strings.Contains(e.Error, tc.wantIn) {
			t.Errorf("GET %s = %d %s; want %d {\"error\": …%s…}", tc.target, status, body, tc.wantStatus, tc.wantIn)
		}
	}
}

// factJSON is the part of GET /api/facts/{id} the test checks.
type factJSON struct {
	FactID    string   `json:"fact_id"`
	ReportID  string   `json:"report_id"`
	Indicator string   `json:"indicator"`
	Value     float64  `json:"value"`
	Quote     string   `json:"quote"`
	Flags     []string `json:"flags"`
	Corrected bool     `json:"corrected"`
}

func decodeFact(t *testing.T, body string) factJSON {
	t.Helper()
	var f factJSON
	if err := json.Unmarshal([]byte(body), &f); err != nil {
		t.Fatalf("decode fact: %v\n%s", err, body)
	}
	return f
}

// reportFact returns a fact as GET /api/reports/{id} lists it.
func reportFact(t *testing.T, srv writeServer, reportID, factID string) factJSON {
	t.Helper()
	var rep struct {
		Facts []factJSON `json:"facts"`
	}
	_, _, body := do(t, "GET", srv.URL+"/api/reports/"+reportID, "", "", nil)
	if err := json.Unmarshal([]byte(body), &rep); err != nil {
		t.Fatalf("GET /api/reports/%s: %v", reportID, err)
	}
	for _, f := range rep.Facts {
		if f.FactID == factID {
			return f
		}
	}
	t.Fatalf("GET /api/reports/%s lacks fact %s", reportID, factID)
	return factJSON{}
}
