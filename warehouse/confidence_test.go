package warehouse

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

// A fact the extractor is unsure of is shown but not ranked: the compare
// page lists it apart, the brief gives it no rank and no one counts it as a
// peer, the review queue lists it as low_confidence. A person's
// confirmation makes it count.
func TestUnsureFactsAreNotRanked(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	loadDivisions(t, db)
	text := "全年受理矛盾纠纷374件,调解成功367件。"
	sha := func(c byte) string {
		b := []byte("0000000000000000000000000000000000000000000000000000000000000000")
		b[0], b[1] = c, c
		return string(b)
	}
	sure := func(v float64) ingest.Fact {
		f := fact("mediation.cases_accepted", v, "", 8, 11)
		f.Confidence = 0.97
		return f
	}
	unsure := fact("mediation.cases_accepted", 900, "", 8, 11)
	unsure.Confidence = 0.3
	mustLoad(t, db,
		report("a.txt", sha('a'), "110105019", "垡头街道", 2023, text, sure(374)),
		report("b.txt", sha('b'), "110105001", "建外街道", 2023, text, sure(500)),
		report("c.txt", sha('c'), "110105002", "朝外街道", 2023, text, unsure),
	)
	f := readmodel.CompareFilter{Indicator: "mediation.cases_accepted", Year: 2023}
	r, err := snapOf(t, db).CompareRanked(f, 10, 100)
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 2 || r.UnrankedTotal != 1 || len(r.Unranked) != 1 || r.Unranked[0].JurisdictionName != "朝外街道" ||
		!r.Unranked[0].Unsure || r.Unranked[0].Reason != readmodel.UnrankedUnsure {
		t.Fatalf("CompareRanked = %d ranked, apart %+v; want 2 ranked and 朝外街道 apart as unsure", r.Total, r.Unranked)
	}
	b, err := snapOf(t, db).Brief("110105019", 2023, 10)
	if err != nil {
		t.Fatal(err)
	}
	if l := b.Lines[0]; l.Rank != 2 || l.Peers != 2 {
		t.Errorf("垡头街道's rank %d of %d; want 2 of 2 (the unsure 900 is no peer)", l.Rank, l.Peers)
	}
	b, err = snapOf(t, db).Brief("110105002", 2023, 10)
	if err != nil {
		t.Fatal(err)
	}
	if l := b.Lines[0]; l.Rank != 0 || !l.Unsure || l.Unranked != readmodel.UnrankedUnsure {
		t.Errorf("朝外街道's unsure value ranked %d (unsure %v, unranked %q); want no rank", l.Rank, l.Unsure, l.Unranked)
	}
	items, err := db.Review(ctx, ReviewFilter{Reason: "low_confidence"})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Value != 900 || items[0].ExtractorConfidence == nil || *items[0].ExtractorConfidence != 0.3 {
		t.Fatalf("Review(low_confidence) = %+v; want the 900 with its confidence", items)
	}
	v := 900.0
	if _, err := db.Correct(ctx, CorrectionInput{Action: ActionSet, FactID: items[0].FactID, Value: &v, Author: "李明", Reason: "核对原文无误"}); err != nil {
		t.Fatal(err)
	}
	if r, err = snapOf(t, db).CompareRanked(f, 10, 100); err != nil || r.Total != 3 || r.UnrankedTotal != 0 || r.Ranked[0].Value != 900 {
		t.Errorf("after confirming: %d ranked, %d apart, %v; want all three ranked, 900 first", r.Total, r.UnrankedTotal, err)
	}
	if items, _ := db.Review(ctx, ReviewFilter{Reason: "low_confidence"}); len(items) != 0 {
		t.Errorf("a confirmed fact is still in the queue: %+v", items)
	}
}

// With a stricter cut, a fact of middling confidence leaves the ranking too.
func TestMinConfidenceIsConfigurable(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, Config{MinConfidence: 0.9})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	loadIndicators(t, db)
	loadDivisions(t, db)
	f := fact("mediation.cases_accepted", 10, "", 8, 11)
	f.Confidence = 0.8
	mustLoad(t, db, report("a.txt", shaA, "110105019", "垡头街道", 2023, "全年受理矛盾纠纷374件,调解成功367件。", f))
	r, err := snapOf(t, db).CompareRanked(readmodel.CompareFilter{Indicator: "mediation.cases_accepted", Year: 2023}, 10, 100)
	if err != nil || r.Total != 0 || r.UnrankedTotal != 1 || r.Unranked[0].Reason != readmodel.UnrankedUnsure {
		t.Errorf("CompareRanked with MinConfidence 0.9 = %d ranked, %d apart, %v; want the 0.8 fact apart as unsure", r.Total, r.UnrankedTotal, err)
	}
}

// One cut decides which of two facts a jurisdiction-year shows (SQL) and
// which values the pages mark unsure (Go): the writer stores it in the
// warehouse and recomputes the headline when it changes; a read-only open
// takes the warehouse's, whatever it was configured with.
func TestRankingCutIsOneRule(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cut.duckdb")
	open := func(cfg Config) *DB {
		t.Helper()
		cfg.Path = path
		db, err := Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		return db
	}
	headline := func(db *DB) string {
		t.Helper()
		rows, err := QueryRows(ctx, db, `SELECT (SELECT min_confidence FROM ranking_cut), value FROM headline_facts
			WHERE indicator = 'mediation.cases_accepted'`)
		if err != nil {
			t.Fatal(err)
		}
		c, err := snapOf(t, db).Compare(readmodel.CompareFilter{Indicator: "mediation.cases_accepted", Year: 2023})
		if err != nil || len(c) != 1 {
			t.Fatalf("Compare = %+v, %v; want one row", c, err)
		}
		return fmt.Sprintf("SQL %v, page %g unsure %v", rows, c[0].Value, c[0].Unsure)
	}
	middling := fact("mediation.cases_accepted", 900, "", 8, 11)
	middling.Confidence = 0.6
	sure := fact("mediation.cases_accepted", 374, "", 20, 23)
	sure.Confidence = 0.95

	db := open(Config{})
	loadIndicators(t, db)
	loadDivisions(t, db)
	mustLoad(t, db, report("a.txt", shaA, "110105019", "垡头街道", 2023, "全年受理矛盾纠纷900件;街道本级受理矛盾纠纷374件。", middling, sure))
	if got, want := headline(db), "SQL [[0.5 900]], page 900 unsure false"; got != want {
		t.Errorf("at the default cut: %s; want %s (both sure: the larger count)", got, want)
	}
	db.Close()

	db = open(Config{MinConfidence: 0.7})
	if got, want := headline(db), "SQL [[0.7 374]], page 374 unsure false"; got != want {
		t.Errorf("after reopening at 0.7: %s; want %s (the 0.6 fact gives way to the sure one)", got, want)
	}
	db.Close()

	db = open(Config{ReadOnly: true, MinConfidence: 0.3})
	defer db.Close()
	if db.minConfidence != 0.7 {
		t.Errorf("read-only open configured at 0.3 ranks at %g; want the warehouse's 0.7", db.minConfidence)
	}
}
