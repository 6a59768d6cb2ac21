package warehouse

import (
	"context"
	"maps"
	"testing"
)

// The set of stored contents an ingest of many files reads at once answers
// what a lookup per chunk answers: stored contents of this extractor, not
// those of an older one, not unknown or malformed digests.
func TestStoredContentsAnswersAsStored(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	mustLoad(t, db, report("a.txt", shaA, "110105019", "垡头街道", 2023, "text a", fact("mediation.cases_accepted", 3, "", 0, 1)),
		report("b.txt", shaB, "110105020", "南磨房地区", 2023, "text b", fact("mediation.cases_accepted", 4, "", 0, 1)))
	// What an older extractor stored is to be extracted anew.
	if _, err := db.sql.ExecContext(ctx, `UPDATE reports SET extractor_version = 'extract/older' WHERE sha256 = $1`, shaB); err != nil {
		t.Fatal(err)
	}
	ask := []string{shaA, shaB, shaA2, "not a digest", shaA[:63] + "g"}
	want, err := db.Stored(ctx, ask)
	if err != nil {
		t.Fatal(err)
	}
	set, err := db.StoredContents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got, err := set.Stored(ctx, ask)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got, want) || len(got) != 1 || !got[shaA] || set.Len() != 1 {
		t.Errorf("StoredContents answers %v (%d in the set); Stored answers %v; want only %s", got, set.Len(), want, shaA)
	}
}
