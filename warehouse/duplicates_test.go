package warehouse

import (
	"context"
	"slices"
	"testing"

	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

const (
	shaC = "cccccccccccccccc0000000000000000000000000000000000000000000000cc"
	shaD = "dddddddddddddddd0000000000000000000000000000000000000000000000dd"
	shaE = "eeeeeeeeeeeeeeee0000000000000000000000000000000000000000000000ee"
)

// Issue 9 §4: two towns' different reports uploaded under one name
// (附件1.txt) are both kept; a changed version of one replaces only that one.
func TestSameSourceOtherJurisdictionKeepsBoth(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	datian := report("附件1.txt", shaA, "331082004", "大田街道", 2023, corrText, fact("mediation.cases_accepted", 374, "", 8, 11))
	shaojiadu := report("附件1.txt", shaB, "331082005", "邵家渡街道", 2023, corrText, fact("mediation.cases_accepted", 120, "", 8, 11))
	mustLoad(t, db, datian)
	res := mustLoad(t, db, shaojiadu)
	if res.Stored != 1 || res.Replaced != 0 || res.KeptBeside != 1 || res.Reports[0].Outcome != OutcomeStored ||
		!slices.Equal(res.Reports[0].SameSource, []string{shaA[:16]}) || !hasWarning(res.Reports[0], "same_source") {
		t.Errorf("Load(another town's 附件1.txt) = %+v %+v; want stored beside the first", res.LoadCounts, res.Reports)
	}
	for code, want := range map[string]float64{"331082004": 374, "331082005": 120} {
		if v, ok := headlineValue(t, db, code, 2023, "mediation.cases_accepted"); !ok || v != want {
			t.Errorf("compare %s 2023 = %v, %v; want %v: both towns' reports are kept", code, v, ok, want)
		}
	}
	// Unresolved and named otherwise: another report too.
	other := report("附件1.txt", shaC, "", "古城街道", 2023, corrText, fact("mediation.cases_accepted", 9, "", 8, 11))
	if res := mustLoad(t, db, other); res.Replaced != 0 || res.KeptBeside != 1 {
		t.Errorf("Load(an unresolved 附件1.txt) = %+v; want kept beside", res.LoadCounts)
	}
	// A corrected version of 大田街道's report replaces it, and only it.
	datian2 := report("附件1.txt", shaA2, "331082004", "大田街道", 2023, corrText, fact("mediation.cases_accepted", 376, "", 8, 11))
	res = mustLoad(t, db, datian2)
	if res.Replaced != 1 || res.Reports[0].Outcome != OutcomeReplaced || !slices.Equal(res.Reports[0].Replaced, []string{shaA[:16]}) {
		t.Errorf("Load(大田街道's new version) = %+v %+v; want it to replace the old one", res.LoadCounts, res.Reports)
	}
	if h, err := db.Health(ctx); err != nil || h.Reports != 3 {
		t.Errorf("Health = %+v, %v; want 3 reports (大田 new version, 邵家渡, 古城)", h, err)
	}
	if v, ok := headlineValue(t, db, "331082005", 2023, "mediation.cases_accepted"); !ok || v != 120 {
		t.Errorf("邵家渡街道 after 大田街道's replacement = %v, %v; want 120 still", v, ok)
	}
	assertHeadlineFresh(t, db)
}

func hasWarning(r ReportLoad, kind string) bool {
	return slices.ContainsFunc(r.Warnings, func(w LoadWarning) bool { return w.Kind == kind })
}

// Issue 9 §4: a draft (2911) and the published report (2119) for one
// jurisdiction-year are both kept; until a person chooses, the indicator
// they disagree on has no headline value but a conflict, the review queue
// lists them once, and the trend shows no made-up change; after the
// choice the chosen report's values count. A third report reopens it.
func TestDuplicateReportsConflictUntilChosen(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	const code = "331082004"
	lit := func(v float64) ingest.Fact {
		f := fact("litigation.cases", v, "", 20, 22)
		f.Unit = "件"
		return f
	}
	prior := report("dt/2022.docx", shaC, code, "大田街道", 2022, corrText, fact("mediation.cases_accepted", 1876, "", 8, 11))
	published := report("dt/2023.docx", shaA, code, "大田街道", 2023, corrText,
		fact("mediation.cases_accepted", 2119, "", 8, 11), lit(12), fact("publicity.events", 30, "", 25, 27))
	draft := report("dt/2023-draft.docx", shaD, code, "大田街道", 2023, corrText,
		fact("mediation.cases_accepted", 2911, "", 8, 11), lit(12))
	mustLoad(t, db, prior, published)
	res := mustLoad(t, db, draft)
	if res.Duplicates != 1 || !slices.Equal(res.Reports[0].Duplicates, []string{shaA[:16]}) || !hasWarning(res.Reports[0], "duplicate_report") {
		t.Errorf("Load(draft) = %+v %+v; want a duplicate of the published report", res.LoadCounts, res.Reports)
	}
	if _, ok := headlineValue(t, db, code, 2023, "mediation.cases_accepted"); ok {
		t.Error("compare shows a value where the two reports disagree; want none until a person chooses")
	}
	for ind, want := range map[string]float64{"litigation.cases": 12, "publicity.events": 30} {
		if v, ok := headlineValue(t, db, code, 2023, ind); !ok || v != want {
			t.Errorf("compare %s = %v, %v; want %v (the reports agree, or only one states it)", ind, v, ok, want)
		}
	}
	var values []any
	var conflict bool
	if err := db.sql.QueryRowContext(ctx, `SELECT conflict, conflict_values FROM headline_facts
		WHERE jurisdiction_code = $1 AND year = 2023 AND indicator = 'mediation.cases_accepted'`, code).Scan(&conflict, &values); err != nil {
		t.Fatal(err)
	}
	if !conflict || !slices.Equal(floats(values), []float64{2119, 2911}) {
		t.Errorf("headline_facts row = conflict %v values %v; want a conflict between 2119 and 2911", conflict, values)
	}
	if rows, err := snapOf(t, db).Trend("mediation.cases_accepted", code); err != nil || len(rows) != 1 || rows[0].Year != 2022 {
		t.Errorf("Trend = %+v, %v; want 2022 only: no +55.2%% from a draft", rows, err)
	}
	dups := duplicateItems(t, db)
	if len(dups) != 1 || len(dups[0].Reports) != 2 || len(dups[0].Conflicts) != 1 ||
		dups[0].Conflicts[0].Indicator != "mediation.cases_accepted" || dups[0].JurisdictionCode != code || dups[0].Year != 2023 {
		t.Fatalf("review duplicates = %+v; want one item for %s 2023 with both reports and the one conflict", dups, code)
	}
	assertHeadlineFresh(t, db)

	mustCorrectReport(t, db, ReportCorrectionInput{ReportID: shaA[:16], Action: ReportCounts, Reason: "正式发布稿", Author: "王芳"})
	if v, ok := headlineValue(t, db, code, 2023, "mediation.cases_accepted"); !ok || v != 2119 {
		t.Errorf("compare after choosing the published report = %v, %v; want 2119", v, ok)
	}
	if rows, err := snapOf(t, db).Trend("mediation.cases_accepted", code); err != nil || len(rows) != 2 || rows[1].Value != 2119 {
		t.Errorf("Trend after the choice = %+v, %v; want 2022 and 2023's 2119", rows, err)
	}
	if v, ok := headlineValue(t, db, code, 2023, "publicity.events"); !ok || v != 30 {
		t.Errorf("publicity.events after the choice = %v, %v; want the chosen report's 30", v, ok)
	}
	if dups := duplicateItems(t, db); len(dups) != 0 {
		t.Errorf("review duplicates after the choice = %+v; want none", dups)
	}
	draftRep, err := db.Report(ctx, shaD[:16])
	if err != nil || draftRep.Counts || !slices.Equal(draftRep.Duplicates, []string{shaA[:16]}) {
		t.Errorf("the draft after the choice: counts %v duplicates %v, %v; want it kept, not counting", draftRep.Counts, draftRep.Duplicates, err)
	}
	assertHeadlineFresh(t, db)

	// A third report for the jurisdiction-year: the choice no longer stands.
	third := report("dt/2023-v3.docx", shaE, code, "大田街道", 2023, corrText, fact("mediation.cases_accepted", 2120, "", 8, 11))
	mustLoad(t, db, third)
	if _, ok := headlineValue(t, db, code, 2023, "mediation.cases_accepted"); ok {
		t.Error("compare shows a value after a third report joined; want the conflict again")
	}
	if dups := duplicateItems(t, db); len(dups) != 1 || len(dups[0].Reports) != 3 {
		t.Errorf("review duplicates after a third report = %+v; want the three, to choose again", dups)
	}
	assertHeadlineFresh(t, db)
}

func duplicateItems(t *testing.T, db *DB) []ReviewItem {
	t.Helper()
	items, err := db.Review(context.Background(), ReviewFilter{Kind: ReviewKindDuplicate})
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// An unresolved report is one item of the review queue with its
// candidates, however many facts it has; so are reports resolved with low
// confidence and reports with no year. A person's correction takes it off.
func TestReviewListsAReportOnce(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	loadDivisions(t, db)
	var facts []ingest.Fact
	for i, ind := range []string{"mediation.cases_accepted", "mediation.cases_resolved", "litigation.cases", "publicity.events", "petition.cases_received"} {
		facts = append(facts, fact(ind, float64(10+i), "", 8, 11))
	}
	mustLoad(t, db, unresolvedReport(shaB, facts...))
	low := report("low.txt", shaA, "110105019", "垡头街道", 2023, corrText, fact("mediation.cases_accepted", 5, "", 8, 11))
	low.Jurisdiction.Confidence = 0.6
	noYear := report("noyear.txt", shaC, "110105001", "建外街道", 0, corrText, fact("mediation.cases_accepted", 6, "", 8, 11))
	mustLoad(t, db, low, noYear)

	items, err := db.Review(ctx, ReviewFilter{})
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string][]string{}
	for _, it := range items {
		if it.Kind == ReviewKindFact {
			if slices.Contains(it.Reasons, "unresolved_jurisdiction") {
				t.Errorf("fact item %s has reason unresolved_jurisdiction; the report is listed once instead", it.FactID)
			}
			continue
		}
		if it.Kind != ReviewKindReport || it.ReviewReport == nil || it.ReviewFact != nil {
			t.Errorf("item %+v: want a report item", it)
			continue
		}
		if _, seen := reasons[it.ReportID]; seen {
			t.Errorf("report %s listed twice", it.ReportID)
		}
		reasons[it.ReportID] = it.Reasons
		if it.ReportID == shaB[:16] {
			if len(it.Candidates) != 2 || it.Candidates[0].Code != "110107004" || it.Candidates[0].Probability != 0.55 ||
				!slices.Equal(it.Candidates[0].Path, []string{"北京市", "石景山区", "古城街道"}) || it.JurisdictionReason == "" {
				t.Errorf("unresolved item = %+v; want its two candidates with paths and probabilities, and the reason", it.ReviewReport)
			}
		}
	}
	want := map[string][]string{shaB[:16]: {"unresolved_jurisdiction"}, shaA[:16]: {"low_confidence_jurisdiction"}, shaC[:16]: {"no_year"}}
	for id, w := range want {
		if !slices.Equal(reasons[id], w) {
			t.Errorf("report %s reasons = %v; want %v", id, reasons[id], w)
		}
	}
	if len(reasons) != len(want) {
		t.Errorf("report items = %v; want %v", reasons, want)
	}
	mustCorrectReport(t, db, ReportCorrectionInput{ReportID: shaB[:16], Action: ReportJurisdiction, JurisdictionCode: "110107004"})
	items, err = db.Review(ctx, ReviewFilter{Reason: "unresolved_jurisdiction"})
	if err != nil || len(items) != 0 {
		t.Errorf("Review(unresolved_jurisdiction) after the correction = %+v, %v; want none", items, err)
	}
	items, err = db.Review(ctx, ReviewFilter{Kind: ReviewKindReport, Limit: 1, Offset: 1})
	if err != nil || len(items) != 1 || items[0].ReportID != shaC[:16] {
		t.Errorf("Review(report kind, second page of 1) = %+v, %v; want the report with no year", items, err)
	}
}

// The load result says what was stored: no facts, no year, an unresolved
// or a weakly resolved jurisdiction, per report and counted.
func TestLoadSaysWhatWasStored(t *testing.T) {
	db := mustOpen(t)
	loadIndicators(t, db)
	loadDivisions(t, db)
	empty := report("empty.txt", shaA, "110105019", "垡头街道", 0, corrText)
	gucheng := unresolvedReport(shaB, fact("mediation.cases_accepted", 374, "", 8, 11))
	low := report("low.txt", shaC, "110105001", "建外街道", 2023, corrText, fact("mediation.cases_accepted", 5, "", 8, 11))
	low.Jurisdiction.Confidence = 0.6
	res := mustLoad(t, db, empty, gucheng, low)
	if want := (LoadCounts{Stored: 3, Facts: 2, NoFacts: 1, NoYear: 1, Unresolved: 1, LowConfidence: 1}); res.LoadCounts != want {
		t.Errorf("counts = %+v; want %+v", res.LoadCounts, want)
	}
	kinds := map[string][]string{}
	for _, r := range res.Reports {
		for _, w := range r.Warnings {
			kinds[r.Source] = append(kinds[r.Source], w.Kind)
			if w.Message == "" {
				t.Errorf("%s: warning %s without a message", r.Source, w.Kind)
			}
		}
	}
	want := map[string][]string{"empty.txt": {"no_facts", "no_year"}, "gucheng/2023.txt": {"unresolved_jurisdiction"},
		"low.txt": {"low_confidence_jurisdiction"}}
	for src, w := range want {
		if !slices.Equal(kinds[src], w) {
			t.Errorf("warnings of %s = %v; want %v", src, kinds[src], w)
		}
	}
	if res := mustLoad(t, db, empty); res.Unchanged != 1 || len(res.Reports) != 1 || len(res.Reports[0].Warnings) != 0 || res.NoFacts != 0 {
		t.Errorf("the same content again = %+v %+v; want unchanged, nothing new to warn about", res.LoadCounts, res.Reports)
	}
}

// The comparison and the trend list a conflict instead of a value: the
// pages show it rather than silently taking one report.
func TestCompareListsConflicts(t *testing.T) {
	db := mustOpen(t)
	loadIndicators(t, db)
	const code = "331082004"
	mustLoad(t, db,
		report("dt/2022.docx", shaC, code, "大田街道", 2022, corrText, fact("mediation.cases_accepted", 1876, "", 8, 11)),
		report("dt/2023.docx", shaA, code, "大田街道", 2023, corrText, fact("mediation.cases_accepted", 2119, "", 8, 11)),
		report("dt/2023-draft.docx", shaD, code, "大田街道", 2023, corrText, fact("mediation.cases_accepted", 2911, "", 8, 11)),
		report("sjd/2023.docx", shaB, "331082005", "邵家渡街道", 2023, corrText, fact("mediation.cases_accepted", 120, "", 8, 11)))
	want := readmodel.CompareConflict{JurisdictionCode: code, JurisdictionName: "大田街道", Year: 2023, Values: []float64{2119, 2911},
		ReportIDs: []string{shaA[:16], shaD[:16]}}
	same := func(got []readmodel.CompareConflict) bool {
		return len(got) == 1 && got[0].JurisdictionCode == want.JurisdictionCode && got[0].Year == want.Year &&
			slices.Equal(got[0].Values, want.Values) && slices.Equal(got[0].ReportIDs, want.ReportIDs)
	}
	for _, f := range []readmodel.CompareFilter{
		{Indicator: "mediation.cases_accepted", Year: 2023},
		{Indicator: "mediation.cases_accepted"},
		{Indicator: "mediation.cases_accepted", Parent: "331082", Level: "街道"},
	} {
		p, err := snapOf(t, db).ComparePaged(f, 0, 0)
		if err != nil || !same(p.Conflicts) {
			t.Errorf("ComparePaged(%+v).Conflicts = %+v, %v; want %+v", f, p.Conflicts, err, want)
		}
		for _, r := range p.Rows {
			// Each jurisdiction's latest year is 2023 for 大田街道: its
			// 2022 value is not its latest either.
			if r.JurisdictionCode == code && (r.Year == 2023 || f.Year == 0) {
				t.Errorf("ComparePaged(%+v) has a %d value for %s, whose 2023 reports disagree: %+v", f, r.Year, code, r)
			}
		}
		r, err := snapOf(t, db).CompareRanked(f, 10, 100)
		if err != nil || !same(r.Conflicts) {
			t.Errorf("CompareRanked(%+v).Conflicts = %+v, %v; want %+v", f, r.Conflicts, err, want)
		}
	}
	for _, f := range []readmodel.CompareFilter{
		{Indicator: "mediation.cases_accepted", Year: 2022},
		{Indicator: "mediation.cases_accepted", Parent: "110105"},
		{Indicator: "mediation.cases_resolved", Year: 2023},
	} {
		if p, err := snapOf(t, db).ComparePaged(f, 0, 0); err != nil || len(p.Conflicts) != 0 {
			t.Errorf("ComparePaged(%+v).Conflicts = %+v, %v; want none", f, p.Conflicts, err)
		}
	}
	if got := snapOf(t, db).TrendConflicts("mediation.cases_accepted", code); !same(got) {
		t.Errorf("TrendConflicts = %+v; want %+v", got, want)
	}
	// The brief of that town-year has no line for it, and says why.
	b, err := snapOf(t, db).Brief(code, 2023, 10)
	if err != nil || len(b.Lines) != 0 || len(b.Conflicts) != 1 || b.Conflicts[0].Indicator != "mediation.cases_accepted" ||
		!slices.Equal(b.Conflicts[0].Values, want.Values) || b.JurisdictionName != "大田街道" {
		t.Errorf("readmodel.Brief(%s, 2023) = %+v, %v; want no lines and the conflict", code, b, err)
	}
}
