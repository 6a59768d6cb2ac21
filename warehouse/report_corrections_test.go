package warehouse

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/fazhi/fazhi/ingest"
)

// unresolvedReport is 古城街道 of 2023 whose text does not say which of
// China's 古城街道 it is: two candidates, neither sure.
func unresolvedReport(sha string, facts ...ingest.Fact) ingest.Report {
	r := report("gucheng/2023.txt", sha, "", "古城街道", 2023, corrText, facts...)
	r.Jurisdiction.Reason = "several divisions have this name"
	r.Jurisdiction.Candidates = []ingest.Candidate{{Code: "110107004", Probability: 0.55}, {Code: "130284002", Probability: 0.3}}
	return r
}

func mustCorrectReport(t *testing.T, db *DB, in ReportCorrectionInput) ReportCorrection {
	t.Helper()
	if in.Author == "" {
		in.Author, in.Reason = "李明", "核对了原网页"
	}
	c, err := db.CorrectReport(context.Background(), in)
	if err != nil {
		t.Fatalf("CorrectReport(%+v): %v", in, err)
	}
	return c
}

// A person sets an unresolved report's jurisdiction, then its year: the
// headline, the comparison, the trend and the dashboards' snapshot follow
// at once, and the history keeps both corrections.
func TestReportCorrectionMovesTheHeadline(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	loadDivisions(t, db)
	mustLoad(t, db, unresolvedReport(shaB, fact("mediation.cases_accepted", 374, "", 8, 11)))
	rid := shaB[:16]
	if _, ok := headlineValue(t, db, "110107004", 2023, "mediation.cases_accepted"); ok {
		t.Fatal("an unresolved report's value is compared under a candidate before anyone set it")
	}
	before := snapOf(t, db).Generation()

	c := mustCorrectReport(t, db, ReportCorrectionInput{ReportID: rid, Action: ReportJurisdiction, JurisdictionCode: "110107004"})
	if c.JurisdictionName != "古城街道" || c.JurisdictionLevel != "街道" || c.Source != "gucheng/2023.txt" || c.At.IsZero() {
		t.Errorf("correction = %+v; want the official name, its level, the source and a time", c)
	}
	if after := snapOf(t, db).Generation(); after == before {
		t.Errorf("snapshot generation after the correction = %v; want a new one (the snapshot is rebuilt)", after)
	}
	if v, ok := headlineValue(t, db, "110107004", 2023, "mediation.cases_accepted"); !ok || v != 374 {
		t.Errorf("compare 110107004 2023 after the correction = %v, %v; want 374", v, ok)
	}
	trend, err := snapOf(t, db).Trend("mediation.cases_accepted", "110107004")
	if err != nil || len(trend) != 1 || trend[0].Year != 2023 || trend[0].ReportID != rid {
		t.Errorf("Trend(110107004) = %+v, %v; want the one year of the corrected report", trend, err)
	}
	rep, err := db.Report(ctx, rid)
	if err != nil {
		t.Fatal(err)
	}
	if rep.JurisdictionCode != "110107004" || !rep.JurisdictionCorrected || rep.Extracted.JurisdictionCode != "" ||
		!slices.Equal(rep.JurisdictionPath, []string{"北京市", "石景山区", "古城街道"}) || len(rep.Candidates) != 2 ||
		rep.Candidates[0].Probability != 0.55 || rep.Candidates[0].Path[len(rep.Candidates[0].Path)-1] != "古城街道" {
		t.Errorf("Report after the correction = code %q corrected %v extracted %+v path %v candidates %+v",
			rep.JurisdictionCode, rep.JurisdictionCorrected, rep.Extracted, rep.JurisdictionPath, rep.Candidates)
	}

	mustCorrectReport(t, db, ReportCorrectionInput{ReportID: rid, Action: ReportYear, Year: 2022})
	if _, ok := headlineValue(t, db, "110107004", 2023, "mediation.cases_accepted"); ok {
		t.Error("the value stays in 2023 after the year was set to 2022")
	}
	if v, ok := headlineValue(t, db, "110107004", 2022, "mediation.cases_accepted"); !ok || v != 374 {
		t.Errorf("compare 2022 after the year correction = %v, %v; want 374", v, ok)
	}
	hist, err := db.ReportCorrections(ctx, rid)
	if err != nil || len(hist) != 2 || hist[0].Action != ReportJurisdiction || hist[1].Action != ReportYear || hist[1].Year != 2022 {
		t.Errorf("ReportCorrections = %+v, %v; want the jurisdiction, then the year", hist, err)
	}
	// Declared unresolved again: the value leaves the division.
	mustCorrectReport(t, db, ReportCorrectionInput{ReportID: rid, Action: ReportJurisdiction})
	if _, ok := headlineValue(t, db, "110107004", 2022, "mediation.cases_accepted"); ok {
		t.Error("the value stays at 110107004 after the jurisdiction was declared unresolved")
	}
	assertHeadlineFresh(t, db)
}

func TestReportCorrectionRefusals(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	loadDivisions(t, db)
	mustLoad(t, db, unresolvedReport(shaB, fact("mediation.cases_accepted", 374, "", 8, 11)))
	rid := shaB[:16]
	for _, c := range []struct {
		name string
		in   ReportCorrectionInput
		want error
	}{
		{"unknown code", ReportCorrectionInput{ReportID: rid, Action: ReportJurisdiction, JurisdictionCode: "110107999"}, ErrInvalidQuery},
		{"not digits", ReportCorrectionInput{ReportID: rid, Action: ReportJurisdiction, JurisdictionCode: "古城"}, ErrInvalidQuery},
		{"unknown report", ReportCorrectionInput{ReportID: "0123456789abcdef", Action: ReportYear, Year: 2022}, ErrNotFound},
		{"year out of range", ReportCorrectionInput{ReportID: rid, Action: ReportYear, Year: 23}, ErrInvalidQuery},
		{"unknown action", ReportCorrectionInput{ReportID: rid, Action: "delete"}, ErrInvalidQuery},
		{"counts while unresolved", ReportCorrectionInput{ReportID: rid, Action: ReportCounts}, ErrInvalidQuery},
		{"no author", ReportCorrectionInput{ReportID: rid, Action: ReportYear, Year: 2022, Reason: "x"}, ErrInvalidQuery},
	} {
		in := c.in
		if in.Author == "" && c.name != "no author" {
			in.Author, in.Reason = "李明", "试"
		}
		if _, err := db.CorrectReport(ctx, in); !errors.Is(err, c.want) {
			t.Errorf("%s: CorrectReport error = %v; want %v", c.name, err, c.want)
		}
	}
	mustCorrectReport(t, db, ReportCorrectionInput{ReportID: rid, Action: ReportJurisdiction, JurisdictionCode: "110107004"})
	if _, err := db.CorrectReport(ctx, ReportCorrectionInput{ReportID: rid, Action: ReportCounts, Author: "李明", Reason: "试"}); !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("counts for the only report of its jurisdiction-year: error = %v; want ErrInvalidQuery", err)
	}
	if hist, err := db.ReportCorrections(ctx, rid); err != nil || len(hist) != 1 {
		t.Errorf("ReportCorrections after refusals = %+v, %v; want only the one that was accepted", hist, err)
	}
	if _, err := db.ReportCorrections(ctx, "0123456789abcdef"); !errors.Is(err, ErrNotFound) {
		t.Errorf("ReportCorrections(unknown) error = %v; want ErrNotFound", err)
	}
}

// A report's corrections survive re-ingesting the same content, an
// extractor upgrade (the same content extracted anew) and a changed file
// that replaces its old version.
func TestReportCorrectionsSurviveReingest(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	loadDivisions(t, db)
	r := unresolvedReport(shaB, fact("mediation.cases_accepted", 374, "", 8, 11))
	mustLoad(t, db, r)
	rid := shaB[:16]
	mustCorrectReport(t, db, ReportCorrectionInput{ReportID: rid, Action: ReportJurisdiction, JurisdictionCode: "110107004"})
	mustCorrectReport(t, db, ReportCorrectionInput{ReportID: rid, Action: ReportYear, Year: 2022})
	want := func(stage, id string) {
		t.Helper()
		if v, ok := headlineValue(t, db, "110107004", 2022, "mediation.cases_accepted"); !ok || v != 374 {
			t.Errorf("%s: compare 110107004 2022 = %v, %v; want the corrected report's 374", stage, v, ok)
		}
		rep, err := db.Report(ctx, id)
		if err != nil || rep.JurisdictionCode != "110107004" || rep.Year != 2022 || !rep.YearCorrected {
			t.Errorf("%s: Report = %s %d corrected %v, %v; want 110107004 2022", stage, rep.JurisdictionCode, rep.Year, rep.YearCorrected, err)
		}
		assertHeadlineFresh(t, db)
	}

	if res := mustLoad(t, db, r); res.Unchanged != 1 || res.CarriedReportCorrections != 0 {
		t.Errorf("the same content again = %+v; want unchanged", res.LoadCounts)
	}
	want("same content", rid)

	if _, err := db.sql.ExecContext(ctx, `UPDATE reports SET extractor_version = 'extract/older'`); err != nil {
		t.Fatal(err)
	}
	db.changed(writeNote{})
	if res := mustLoad(t, db, r); res.Reextracted != 1 || res.CarriedReportCorrections != 0 {
		t.Errorf("after an extractor upgrade = %+v; want re-extracted, the corrections kept as they are", res.LoadCounts)
	}
	want("extractor upgrade", rid)

	changed := unresolvedReport(shaA2, fact("mediation.cases_accepted", 375, "", 8, 11))
	res := mustLoad(t, db, changed)
	if res.Replaced != 1 || res.CarriedReportCorrections != 2 || res.Reports[0].Outcome != OutcomeReplaced {
		t.Errorf("a changed file = %+v %+v; want the old version replaced, both corrections carried", res.LoadCounts, res.Reports)
	}
	if v, ok := headlineValue(t, db, "110107004", 2022, "mediation.cases_accepted"); !ok || v != 375 {
		t.Errorf("compare after the changed file = %v, %v; want its 375 at the corrected place and year", v, ok)
	}
	hist, err := db.ReportCorrections(ctx, shaA2[:16])
	if err != nil || len(hist) != 2 || hist[0].CarriedFrom == nil || hist[0].Author != "李明" || hist[0].SHA256 != shaA2 {
		t.Errorf("history of the new version = %+v, %v; want both corrections carried, with author", hist, err)
	}
	if _, err := db.Report(ctx, rid); !errors.Is(err, ErrNotFound) {
		t.Errorf("the old version after its replacement: %v; want ErrNotFound", err)
	}
	assertHeadlineFresh(t, db)
}
