package warehouse

import (
	"context"
	"testing"

	"github.com/fazhi/fazhi/warehouse/readmodel"
)

// Content stored by an older extractor is extracted anew when it is
// ingested again: its facts are replaced, the analysts' corrections of facts
// that keep their id stay as they are (no copies), and the dashboards see
// the new extraction. Ingested again by the same extractor, it is a no-op.
func TestReingestAfterAnExtractorUpgrade(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	text := "全年受理矛盾纠纷近500件。"
	f := fact("mediation.cases_accepted", 500, "", 9, 12)
	f.Approx, f.ApproxKind = true, readmodel.ApproxAtMost
	r := report("a.txt", "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1", "110105019", "垡头街道", 2023, text, f)
	mustLoad(t, db, r)
	var factID string
	if err := db.sql.QueryRowContext(ctx, `SELECT fact_id FROM facts`).Scan(&factID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Correct(ctx, CorrectionInput{Action: ActionSet, FactID: factID, Value: ptr(480), Author: "李明", Reason: "原文表格"}); err != nil {
		t.Fatal(err)
	}
	// What an older extractor left: no kind.
	if _, err := db.sql.ExecContext(ctx, `UPDATE reports SET extractor_version = 'extract/older'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.sql.ExecContext(ctx, `UPDATE facts SET approx_kind = 'about'`); err != nil {
		t.Fatal(err)
	}
	db.changed(writeNote{})

	res := mustLoad(t, db, r)
	if res.Reextracted != 1 || res.Stored != 1 || res.Unchanged != 0 || res.Replaced != 0 {
		t.Errorf("load after an extractor upgrade = %+v; want 1 stored, re-extracted", res)
	}
	var kind string
	var corrections int
	if err := db.sql.QueryRowContext(ctx, `SELECT (SELECT approx_kind FROM facts WHERE fact_id = $1), (SELECT count(*) FROM corrections)`,
		factID).Scan(&kind, &corrections); err != nil {
		t.Fatal(err)
	}
	if kind != readmodel.ApproxAtMost || corrections != 1 {
		t.Errorf("after re-extraction: approx_kind %q, %d corrections; want at_most and the one correction, not a copy", kind, corrections)
	}
	rows, err := snapOf(t, db).Compare(readmodel.CompareFilter{Indicator: "mediation.cases_accepted", Year: 2023})
	if err != nil || len(rows) != 1 || rows[0].Value != 480 || !rows[0].Corrected {
		t.Errorf("Compare after re-extraction = %+v, %v; want the corrected 480", rows, err)
	}
	if res := mustLoad(t, db, r); res.Unchanged != 1 || res.Stored != 0 || res.Reextracted != 0 {
		t.Errorf("load by the same extractor = %+v; want unchanged", res)
	}
}
