package api

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

const reportText = "全年受理矛盾纠纷2119件,行政诉讼12件。"

// townReport is a report of 2023 with the mediation count given; code ""
// leaves it unresolved between two 古城街道.
func townReport(sha, source, code, name string, accepted float64) ingest.Report {
	r := ingest.Report{ID: sha[:16], SHA256: sha, Source: source, Format: "txt", Title: name + "2023年法治政府建设情况报告",
		Text: reportText, Year: 2023,
		Jurisdiction: ingest.Jurisdiction{Name: name, Level: "街道", Code: code, Confidence: 0.95},
		Facts: []ingest.Fact{{Indicator: "mediation.cases_accepted", Value: accepted, Unit: "件", RawUnit: "件",
			Quote: "全年受理矛盾纠纷2119件", Start: 8, End: 12, Flags: []string{}}}}
	if code == "" {
		r.Jurisdiction.Confidence = 0.55
		r.Jurisdiction.Reason = "several divisions have this name"
		r.Jurisdiction.Candidates = []ingest.Candidate{{Code: "110107004", Probability: 0.55}, {Code: "130284002", Probability: 0.3}}
	}
	return r
}

func mustLoadReports(t *testing.T, db *warehouse.DB, reports ...ingest.Report) {
	t.Helper()
	b, err := ingest.NewBatch(memory.NewGoAllocator(), reports)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Release()
	if _, err := db.Load(context.Background(), b); err != nil {
		t.Fatal(err)
	}
}

func TestReportCorrectionRoutes(t *testing.T) {
	srv := mustWriteServer(t, false, nil)
	sha := strings.Repeat("b", 64)
	id := sha[:16]
	mustLoadReports(t, srv.db, townReport(sha, "gucheng.txt", "", "古城街道", 374))
	ok := "Bearer " + testToken
	cases := []struct {
		name, method, target, auth, body string
		wantStatus                       int
		wantIn                           []string
	}{
		{"no token", "PUT", "/api/reports/" + id + "/jurisdiction", "", `{"code":"110107004","author":"李明","reason":"原网页"}`, 401, []string{`unauthorized`}},
		{"unknown code", "PUT", "/api/reports/" + id + "/jurisdiction", ok, `{"code":"110107999","author":"李明","reason":"原网页"}`, 400,
			[]string{`110107999 is not a code of the division table`}},
		{"no code", "PUT", "/api/reports/" + id + "/jurisdiction", ok, `{"author":"李明","reason":"原网页"}`, 400, []string{`declares it unresolved`}},
		{"unknown report", "PUT", "/api/reports/0123456789abcdef/jurisdiction", ok, `{"code":"110107004","author":"李明","reason":"原网页"}`, 404,
			[]string{`not found`}},
		{"bad id", "PUT", "/api/reports/x'--/year", ok, `{"year":2022,"author":"李明","reason":"原网页"}`, 400, []string{`report id`}},
		{"no reason", "PUT", "/api/reports/" + id + "/jurisdiction", ok, `{"code":"110107004","author":"李明"}`, 400, []string{`reason is required`}},
		{"typo in body", "PUT", "/api/reports/" + id + "/year", ok, `{"yaer":2022,"author":"李明","reason":"原网页"}`, 400, []string{`unknown field`}},
		{"counts alone", "PUT", "/api/reports/" + id + "/counts", ok, `{"author":"李明","reason":"原网页"}`, 400, []string{`no settled jurisdiction`}},
		{"set jurisdiction", "PUT", "/api/reports/" + id + "/jurisdiction", ok, `{"code":"110107004","author":"李明","reason":"原网页是石景山区"}`, 200,
			[]string{`"action":"jurisdiction"`, `"jurisdiction_code":"110107004"`, `"jurisdiction_name":"古城街道"`, `"author":"FAZHI_TOKEN（李明）"`}},
		{"compare follows", "GET", "/api/compare?indicator=mediation.cases_accepted&year=2023", "", "", 200,
			[]string{`"jurisdiction_code":"110107004"`, `"value":374`}},
		{"trend follows", "GET", "/api/trend?indicator=mediation.cases_accepted&jurisdiction=110107004", "", "", 200,
			[]string{`"year":2023`, `"report_id":"` + id + `"`, `"conflicts":[]`}},
		{"report says so", "GET", "/api/reports/" + id, "", "", 200,
			[]string{`"jurisdiction_code":"110107004"`, `"jurisdiction_corrected":true`, `"extracted":{"jurisdiction_code":""`,
				`"jurisdiction_confidence":0.55`, `"jurisdiction_candidates":[{"code":"110107004","path":["北京市","石景山区","古城街道"],"probability":0.55}`,
				`"jurisdiction_reason":"several divisions have this name"`, `"jurisdiction_path":["北京市","石景山区","古城街道"]`}},
		{"set year", "PUT", "/api/reports/" + id + "/year", ok, `{"year":2022,"author":"王芳","reason":"报告写的是2022年度"}`, 200,
			[]string{`"action":"year"`, `"year":2022`}},
		{"compare moves", "GET", "/api/compare?indicator=mediation.cases_accepted&year=2022", "", "", 200, []string{`"jurisdiction_code":"110107004"`}},
		{"history", "GET", "/api/reports/" + id + "/corrections", "", "", 200,
			[]string{`"report_id":"` + id + `"`, `"action":"jurisdiction"`, `"action":"year"`, `"reason":"报告写的是2022年度"`}},
		{"history unknown", "GET", "/api/reports/0123456789abcdef/corrections", "", "", 404, []string{`not found`}},
	}
	for _, tc := range cases {
		status, _, body := do(t, tc.method, srv.URL+tc.target, tc.auth, "application/json", strings.NewReader(tc.body))
		if status != tc.wantStatus {
			t.Errorf("%s: %s %s = %d; want %d\n%.500s", tc.name, tc.method, tc.target, status, tc.wantStatus, body)
		}
		for _, s := range tc.wantIn {
			if !strings.Contains(body, s) {
				t.Errorf("%s: body lacks %s:\n%.800s", tc.name, s, body)
			}
		}
	}
}

// Two reports for one jurisdiction-year through the API: compare lists the
// conflict, the review queue the pair once; choosing one makes it count.
func TestDuplicateReportsThroughTheAPI(t *testing.T) {
	srv := mustWriteServer(t, false, nil)
	published, draft := strings.Repeat("a", 64), strings.Repeat("d", 64)
	mustLoadReports(t, srv.db, townReport(published, "dt/2023.txt", "331082004", "大田街道", 2119),
		townReport(draft, "dt/2023-draft.txt", "331082004", "大田街道", 2911))
	_, _, body := do(t, "GET", srv.URL+"/api/compare?indicator=mediation.cases_accepted&year=2023", "", "", nil)
	var cmp struct {
		Rows      []readmodel.CompareRow      `json:"rows"`
		Conflicts []readmodel.CompareConflict `json:"conflicts"`
	}
	if err := json.Unmarshal([]byte(body), &cmp); err != nil {
		t.Fatal(err)
	}
	if len(cmp.Rows) != 0 || len(cmp.Conflicts) != 1 || len(cmp.Conflicts[0].Values) != 2 {
		t.Errorf("compare with two disagreeing reports = %s; want no row and the conflict", body)
	}
	_, _, body = do(t, "GET", srv.URL+"/api/review?flag=duplicate_report", "", "", nil)
	var review struct{ Items []warehouse.ReviewItem }
	if err := json.Unmarshal([]byte(body), &review); err != nil {
		t.Fatal(err)
	}
	if len(review.Items) != 1 || review.Items[0].Kind != "duplicate_report" || !strings.Contains(body, `"conflicts":[{"indicator":"mediation.cases_accepted","values":[2119,2911]`) {
		t.Errorf("review duplicates = %s; want one item with the conflict", body)
	}
	if strings.Contains(body, `"fact_id"`) || strings.Contains(body, `"candidates"`) {
		t.Errorf("a duplicate item carries another kind's fields: %s", body)
	}
	status, _, body := do(t, "PUT", srv.URL+"/api/reports/"+published[:16]+"/counts", "Bearer "+testToken, "application/json",
		strings.NewReader(`{"author":"王芳","reason":"正式发布稿"}`))
	if status != 200 || !strings.Contains(body, `"action":"counts"`) {
		t.Fatalf("PUT counts = %d %s", status, body)
	}
	_, _, body = do(t, "GET", srv.URL+"/api/compare?indicator=mediation.cases_accepted&year=2023", "", "", nil)
	if !strings.Contains(body, `"value":2119`) || !strings.Contains(body, `"conflicts":[]`) {
		t.Errorf("compare after the choice = %s; want the published 2119 and no conflict", body)
	}
	if _, _, body = do(t, "GET", srv.URL+"/api/review?kind=duplicate_report", "", "", nil); !strings.Contains(body, `"items":[]`) {
		t.Errorf("review after the choice = %s; want no duplicate item", body)
	}
}

func TestReviewItemShapes(t *testing.T) {
	srv := mustWriteServer(t, false, nil)
	sha := strings.Repeat("b", 64)
	mustLoadReports(t, srv.db, townReport(sha, "gucheng.txt", "", "古城街道", 374))
	for _, tc := range []struct {
		target     string
		wantStatus int
		wantIn     []string
		wantOut    []string
	}{
		{"/api/review?kind=report", 200, []string{`"kind":"report"`, `"reasons":["unresolved_jurisdiction"]`, `"candidates":[{"code":"110107004"`,
			`"jurisdiction_confidence":0.55`, `"title":"古城街道2023年法治政府建设情况报告"`}, []string{`"fact_id"`, `"conflicts"`}},
		{"/api/review?flag=unresolved_jurisdiction", 200, []string{`"kind":"report"`}, []string{`"kind":"fact"`}},
		{"/api/review?kind=fact", 200, []string{`"items":[]`}, nil},
		{"/api/review?kind=everything", 400, []string{`kind must be`}, nil},
		{"/api/review?offset=-1", 400, []string{`offset`}, nil},
		{"/api/review?offset=1", 200, []string{`"items":[]`}, nil},
	} {
		status, _, body := do(t, "GET", srv.URL+tc.target, "", "", nil)
		if status != tc.wantStatus {
			t.Errorf("GET %s = %d; want %d\n%s", tc.target, status, tc.wantStatus, body)
		}
		for _, s := range tc.wantIn {
			if !strings.Contains(body, s) {
				t.Errorf("GET %s lacks %s:\n%.600s", tc.target, s, body)
			}
		}
		for _, s := range tc.wantOut {
			if strings.Contains(body, s) {
				t.Errorf("GET %s has %s:\n%.600s", tc.target, s, body)
			}
		}
	}
}
