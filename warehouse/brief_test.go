package warehouse

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

func loadDivisions(t *testing.T, db *DB) {
	t.Helper()
	table, err := divisions.Load()
	if err != nil {
		t.Fatal(err)
	}
	rec, err := ingest.JurisdictionBatch(memory.NewGoAllocator(), table)
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Release()
	if err := db.ReplaceReference(context.Background(), "jurisdictions", rec); err != nil {
		t.Fatal(err)
	}
}

func TestBriefRanksAmongPeersAndKeepsHistory(t *testing.T) {
	db := mustOpen(t)
	loadIndicators(t, db)
	loadDivisions(t, db)
	text := "全年受理矛盾纠纷374件,调解成功367件。"
	sha := func(c byte) string {
		b := []byte("0000000000000000000000000000000000000000000000000000000000000000")
		b[0], b[1] = c, c
		return string(b)
	}
	mustLoad(t, db,
		// Three streets of 朝阳区 in 2023, one of them also in 2022; one street of 东城区.
		report("a.txt", sha('a'), "110105019", "垡头街道", 2023, text, fact("mediation.cases_accepted", 374, "", 8, 11)),
		report("b.txt", sha('b'), "110105001", "建外街道", 2023, text, fact("mediation.cases_accepted", 500, "", 8, 11)),
		report("c.txt", sha('c'), "110105002", "朝外街道", 2023, text, fact("mediation.cases_accepted", 100, "", 8, 11)),
		report("d.txt", sha('d'), "110105019", "垡头街道", 2022, text, fact("mediation.cases_accepted", 300, "", 8, 11)),
		report("e.txt", sha('e'), "110101001", "东华门街道", 2023, text, fact("mediation.cases_accepted", 900, "", 8, 11)),
	)
	b, err := snapOf(t, db).Brief("110105019", 2023, 10)
	if err != nil {
		t.Fatal(err)
	}
	if b.PeerGroup != "朝阳区" || len(b.Path) == 0 || b.Path[len(b.Path)-1] != "垡头街道" {
		t.Errorf("brief peer group %q, path %v; want 朝阳区 and the path to 垡头街道", b.PeerGroup, b.Path)
	}
	if len(b.Lines) != 1 {
		t.Fatalf("brief has %d lines; want 1", len(b.Lines))
	}
	l := b.Lines[0]
	if l.Rank != 2 || l.Peers != 3 || l.Tied != 1 || l.Unranked != "" {
		t.Errorf("rank %d (%d tied) of %d %q; want 2 of 3 (东城区's street is not a peer)", l.Rank, l.Tied, l.Peers, l.Unranked)
	}
	if len(b.Sources) != 1 || b.Sources[0].Title != "垡头街道法治政府建设情况报告" || b.AsOf.IsZero() {
		t.Errorf("brief sources %+v, as of %v; want the report with its title and the time of the last write", b.Sources, b.AsOf)
	}
	if len(l.History) != 1 || l.History[0].Year != 2022 || l.History[0].Value != 300 {
		t.Errorf("history = %+v; want 2022: 300", l.History)
	}
	if _, err := snapOf(t, db).Brief("110105019", 2001, 10); !errors.Is(err, ErrNotFound) {
		t.Errorf("readmodel.Brief(no data) error = %v; want ErrNotFound", err)
	}
}

// Municipalities have no city level in the division table: their areas are
// the districts (北京市 › 朝阳区), never a bare code such as 1101.
func TestAreasNameMunicipalDistricts(t *testing.T) {
	db := mustOpen(t)
	loadIndicators(t, db)
	loadDivisions(t, db)
	text := "全年受理矛盾纠纷374件。"
	mustLoad(t, db,
		report("a.txt", shaA, "110105019", "垡头街道", 2023, text, fact("mediation.cases_accepted", 374, "", 8, 11)),
		report("b.txt", shaB, "441900107", "桥头镇", 2023, text, fact("mediation.cases_accepted", 100, "", 8, 11)),
	)
	areas := snapOf(t, db).Areas()
	var got []string
	for _, a := range areas {
		got = append(got, a.Code+":"+a.Name)
	}
	want := "11:北京市,110105:朝阳区,44:广东省,4419:东莞市"
	if strings.Join(got, ",") != want {
		t.Errorf("Areas = %v; want %s", got, want)
	}
}

// The counts shown beside a rate must agree with it: same body, exact,
// and within half a point; otherwise none are shown.
func TestCompareRateCountsMustAgree(t *testing.T) {
	db := mustOpen(t)
	loadIndicators(t, db)
	text := "受理矛盾纠纷374件,调解成功367件,调解成功率98.1%。"
	rate := func(v float64) ingest.Fact {
		f := fact("mediation.success_rate", v, "", 26, 30)
		f.Unit, f.RawUnit = "%", "%"
		return f
	}
	mustLoad(t, db,
		report("a.txt", shaA, "110105019", "垡头街道", 2023, text,
			fact("mediation.cases_accepted", 374, "", 6, 9), fact("mediation.cases_resolved", 367, "", 17, 20), rate(98.1)),
		// The counts are a sub-body's, the rate the street's: they do not go together.
		report("b.txt", shaB, "110105001", "建外街道", 2023, text,
			fact("mediation.cases_accepted", 100, "调解室", 6, 9), fact("mediation.cases_resolved", 10, "调解室", 17, 20), rate(98.1)),
	)
	rows, err := snapOf(t, db).Compare(readmodel.CompareFilter{Indicator: "mediation.success_rate", Year: 2023})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rows {
		if r.Numerator != nil && r.Denominator != nil {
			got[r.JurisdictionName] = fmt.Sprintf("%g/%g", *r.Numerator, *r.Denominator)
		} else {
			got[r.JurisdictionName] = "none"
		}
	}
	if got["垡头街道"] != "367/374" || got["建外街道"] != "none" {
		t.Errorf("rate counts = %v; want 垡头街道 367/374 and none for 建外街道", got)
	}
	// Researchers' SQL gives the same answer: the pages read headline_counts.
	rs, err := QueryRows(context.Background(), db, `SELECT jurisdiction_key, numerator, denominator, counts_from FROM headline_counts ORDER BY ALL`)
	if err != nil {
		t.Fatal(err)
	}
	if s := fmt.Sprint(rs); s != "[[110105019 367 374 headline]]" {
		t.Errorf("headline_counts = %s; want the 垡头街道 counts only, from its headline counts", s)
	}
}
