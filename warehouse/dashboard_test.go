package warehouse

import (
	"context"
	"fmt"
	"iter"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fazhi/fazhi/datasets/synth"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

// dashboardFixture loads three towns over two years:
//
//	110105019 垡头街道 (北京市朝阳区)  2022: accepted 300;            2023: accepted 374, resolved 367
//	110105020 南磨房   (北京市朝阳区)  2023: accepted 100 (flagged), resolved 90
//	331082001 古城街道 (浙江省台州市)  2023: accepted 500, resolved 480 scoped (partial)
func dashboardFixture(t *testing.T) *DB {
	t.Helper()
	db := mustOpen(t)
	loadIndicators(t, db)
	text := "全年受理矛盾纠纷374件,调解成功367件。"
	flagged := fact("mediation.cases_accepted", 100, "", 8, 11)
	flagged.Flags = []string{"part_exceeds_whole"}
	mustLoad(t, db,
		report("a22.txt", strings.Repeat("1", 64), "110105019", "垡头街道", 2022, text, fact("mediation.cases_accepted", 300, "", 8, 11)),
		report("a23.txt", strings.Repeat("2", 64), "110105019", "垡头街道", 2023, text,
			fact("mediation.cases_accepted", 374, "", 8, 11), fact("mediation.cases_resolved", 367, "", 17, 20)),
		report("b23.txt", strings.Repeat("3", 64), "110105020", "南磨房地区", 2023, text,
			flagged, fact("mediation.cases_resolved", 90, "", 17, 20)),
		report("c23.txt", strings.Repeat("4", 64), "331082001", "古城街道", 2023, text,
			fact("mediation.cases_accepted", 500, "", 8, 11), fact("mediation.cases_resolved", 480, "调解室", 17, 20)),
	)
	return db
}

func TestOverview(t *testing.T) {
	db := dashboardFixture(t)
	o := snapOf(t, db).Overview(0)
	if o.Reports != 4 || o.Jurisdictions != 3 || o.Years != 2 || o.FirstYear != 2022 || o.LastYear != 2023 || o.Facts != 7 {
		t.Errorf("readmodel.Overview counts = %+v; want 4 reports, 3 jurisdictions, 2 years 2022-2023, 7 facts", o)
	}
	var got []string
	for _, a := range o.Coverage {
		got = append(got, a.Code+"/"+a.Parent+"="+itoa(a.Reports)+"r"+itoa(a.Jurisdictions)+"j"+itoa(len(a.Recent)))
	}
	if want := "11/=3r2j2,33/=1r1j1,1101/11=3r2j2,3310/33=1r1j1"; strings.Join(got, ",") != want {
		t.Errorf("readmodel.Overview coverage = %s; want %s", strings.Join(got, ","), want)
	}
	if r := o.Coverage[0].Recent[0]; r.Title == "" || r.JurisdictionName == "" || r.Year == 0 || r.IngestedAt.IsZero() {
		t.Errorf("readmodel.Overview coverage recent report = %+v; want its title, jurisdiction, year and time", r)
	}
	if len(o.Latest) != 4 || o.Latest[0].ReportID == "" || o.Latest[0].Title == "" {
		t.Errorf("readmodel.Overview latest = %+v; want the 4 reports", o.Latest)
	}
	if len(o.Flagged) != 1 || o.Flagged[0].Indicator != "mediation.cases_accepted" || o.Flagged[0].Flagged != 1 ||
		o.Flagged[0].Values != 3 || len(o.Flagged[0].Examples) != 1 || o.Flagged[0].Examples[0].Value != 100 {
		t.Errorf("readmodel.Overview flagged = %+v; want accepted: 1 of 3 flagged, the 100", o.Flagged)
	}
}

func TestTrendChoicesAndCells(t *testing.T) {
	db := dashboardFixture(t)
	ch := snapOf(t, db).TrendChoices("mediation.cases_accepted", readmodel.Scope{Parent: "11"}, 10)
	if len(ch) != 2 || ch[0].Key != "110105019" || ch[0].Years != 2 || ch[1].Key != "110105020" {
		t.Errorf("TrendChoices(parent 11) = %+v; want 垡头 (2 years) then 南磨房", ch)
	}
	cells, err := snapOf(t, db).TrendCells("mediation.cases_accepted", []string{"331082001", "110105019"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cells {
		got = append(got, c.JurisdictionKey+":"+itoa(c.Year))
	}
	if want := "331082001:2023,110105019:2022,110105019:2023"; strings.Join(got, ",") != want {
		t.Errorf("TrendCells = %s; want %s (keys in the order asked, then years)", strings.Join(got, ","), want)
	}
	if _, err := snapOf(t, db).TrendCells("mediation.cases_accepted", nil); err == nil {
		t.Error("TrendCells(no keys) = nil error; want ErrInvalidQuery")
	}
}

func TestTopicCellsAndYears(t *testing.T) {
	db := dashboardFixture(t)
	inds := []string{"mediation.cases_accepted", "mediation.cases_resolved"}
	cells, err := snapOf(t, db).TopicCells(readmodel.TopicFilter{Indicators: inds, RankBy: inds[0], Year: 2023, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cells {
		s := c.JurisdictionName + ":" + c.Indicator[10:] + "=" + itoa(int(c.Value))
		if c.Partial {
			s += "(partial)"
		}
		got = append(got, s)
	}
	want := "古城街道:cases_accepted=500,古城街道:cases_resolved=480(partial),垡头街道:cases_accepted=374,垡头街道:cases_resolved=367"
	if strings.Join(got, ",") != want {
		t.Errorf("TopicCells(limit 2) = %s; want %s", strings.Join(got, ","), want)
	}
	cells, err = snapOf(t, db).TopicCells(readmodel.TopicFilter{Indicators: inds, RankBy: inds[0], Year: 2023, Limit: 5, Scope: readmodel.Scope{Parent: "33"}})
	if err != nil || len(cells) != 2 {
		t.Errorf("TopicCells(parent 33) = %d cells, %v; want 古城街道's 2", len(cells), err)
	}
	years, err := snapOf(t, db).TopicYears(inds[:1], readmodel.Scope{})
	if err != nil {
		t.Fatal(err)
	}
	if len(years) != 2 || years[0].Year != 2022 || years[0].Total != 300 || years[1].Total != 974 || years[1].Jurisdictions != 3 ||
		len(years[1].Largest) != 3 || years[1].Largest[0].Value != 500 || years[1].Largest[0].FactID == "" {
		t.Errorf("TopicYears = %+v; want 2022: 300, 2023: 974 over 3 with the largest (500) first", years)
	}
	if q := years[1].Largest[0].Quote; q != "受理矛盾纠纷" {
		t.Errorf("TopicYears largest quote = %q; want the fact's quote", q)
	}
}

func TestHeatmapAndAreas(t *testing.T) {
	db := dashboardFixture(t)
	hm, err := snapOf(t, db).Heatmap(readmodel.HeatmapFilter{Year: 2023, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if hm.Total != 3 || len(hm.Jurisdictions) != 2 || hm.Jurisdictions[0].Code != "110105019" || len(hm.Cells) != 4 {
		t.Errorf("readmodel.Heatmap(2023, limit 2) = %+v; want 2 of 3 jurisdictions by code and their 4 values", hm)
	}
	next, err := snapOf(t, db).Heatmap(readmodel.HeatmapFilter{Year: 2023, Offset: 2, Limit: 2})
	if err != nil || next.Total != 3 || len(next.Jurisdictions) != 1 || next.Jurisdictions[0].Code <= hm.Jurisdictions[1].Code {
		t.Errorf("readmodel.Heatmap(2023, from 2) = %+v, %v; want the third jurisdiction by code, after %s", next, err, hm.Jurisdictions[1].Code)
	}
	hm, err = snapOf(t, db).Heatmap(readmodel.HeatmapFilter{Year: 2021, Limit: 2})
	if err != nil || hm.Total != 0 || len(hm.Cells) != 0 {
		t.Errorf("readmodel.Heatmap(2021) = %+v, %v; want empty", hm, err)
	}
	areas := snapOf(t, db).Areas()
	var got []string
	for _, a := range areas {
		got = append(got, a.Code)
	}
	if want := "11,1101,33,3310"; strings.Join(got, ",") != want {
		t.Errorf("Areas = %s; want %s", strings.Join(got, ","), want)
	}
}

func TestCatalogHasTheIndicators(t *testing.T) {
	db := mustOpen(t)
	loadIndicators(t, db)
	cat := snapOf(t, db).Catalog()
	if len(cat) < 40 || cat[0].NameZH == "" || cat[0].Unit == "" {
		t.Errorf("Catalog = %d indicators, first %+v; want the catalog's 40+ with names and units", len(cat), cat[0])
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// synthBatches converts the synthetic corpus into LoadSynthetic's batches.
func synthBatches(cfg synth.Config, size int) iter.Seq[SyntheticBatch] {
	return func(yield func(SyntheticBatch) bool) {
		var b SyntheticBatch
		for r, hs := range cfg.All() {
			b.Reports = append(b.Reports, SyntheticReport(r))
			for _, h := range hs {
				b.Headlines = append(b.Headlines, SyntheticHeadline(h))
			}
			if len(b.Reports) == size {
				if !yield(b) {
					return
				}
				b = SyntheticBatch{}
			}
		}
		if len(b.Reports) > 0 {
			yield(b)
		}
	}
}

func TestLoadSynthetic(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	values := 0
	for _, hs := range synth.DefaultConfig(500).All() {
		values += len(hs)
	}
	if err := db.LoadSynthetic(ctx, synthBatches(synth.DefaultConfig(500), 120)); err != nil {
		t.Fatal(err)
	}
	h, err := db.Health(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if h.Reports != 500 || h.Facts != values {
		t.Errorf("Health after LoadSynthetic = %+v; want 500 reports, %d facts", h, values)
	}
	var n, unsorted int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE NOT sorted) FROM (
		SELECT (indicator, year) >= lag((indicator, year), 1, (indicator, year)) OVER (ORDER BY rowid) AS sorted FROM headline)`).Scan(&n, &unsorted); err != nil {
		t.Fatal(err)
	}
	if n != values || unsorted != 0 {
		t.Errorf("headline has %d rows, %d out of (indicator, year) order; want %d sorted", n, unsorted, values)
	}
	o := snapOf(t, db).Overview(0)
	if err != nil || o.Jurisdictions < 45 || o.LastYear != 2024 || len(o.Coverage) == 0 {
		t.Errorf("readmodel.Overview on the synthetic corpus = %+v, %v; want ~50 jurisdictions up to 2024", o, err)
	}
	cells, err := snapOf(t, db).TopicCells(readmodel.TopicFilter{Indicators: []string{"mediation.cases_accepted"}, RankBy: "mediation.cases_accepted", Year: 2024, Limit: 10})
	if err != nil || len(cells) != 10 || cells[0].Value < cells[9].Value {
		t.Errorf("TopicCells on the synthetic corpus = %d cells, %v; want the 10 largest, ranked", len(cells), err)
	}
}

// The snapshot's generation, which the page cache keys pages by, stays
// while nothing is written and moves with every write.
func TestSnapshotGenerationChangesWithTheData(t *testing.T) {
	db := dashboardFixture(t)
	s1 := snapOf(t, db)
	before, err := s1.Compare(readmodel.CompareFilter{Indicator: "mediation.cases_accepted", Year: 2023})
	if err != nil {
		t.Fatal(err)
	}
	if s2 := snapOf(t, db); s2 != s1 {
		t.Errorf("two snapshots with no write between = generations %d, %d; want the same snapshot", s1.Generation(), s2.Generation())
	}
	mustLoad(t, db, report("d23.txt", strings.Repeat("5", 64), "110105021", "小红门地区", 2023, "受理矛盾纠纷374件。",
		fact("mediation.cases_accepted", 374, "", 6, 9)))
	if s3 := snapOf(t, db); s3.Generation() == s1.Generation() {
		t.Errorf("the snapshot after a load has generation %d; want it changed from %d", s3.Generation(), s1.Generation())
	}
	// The dashboards' snapshot follows at once: the next read sees the report.
	after, err := snapOf(t, db).Compare(readmodel.CompareFilter{Indicator: "mediation.cases_accepted", Year: 2023})
	if err != nil || len(after) != len(before)+1 {
		t.Errorf("Compare after the load = %d rows, %v; want %d", len(after), err, len(before)+1)
	}
}

// Readers never see a snapshot older than the last write they could have
// seen, while writes and snapshot builds run beside them (run with -race).
func TestSnapshotUnderConcurrentWrites(t *testing.T) {
	db := dashboardFixture(t)
	count := func() int {
		rows, err := snapOf(t, db).Compare(readmodel.CompareFilter{Indicator: "mediation.cases_accepted", Year: 2023})
		if err != nil {
			t.Error(err)
		}
		return len(rows)
	}
	base := count()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := snapOf(t, db).TopicCells(readmodel.TopicFilter{Indicators: []string{"mediation.cases_accepted"},
					RankBy: "mediation.cases_accepted", Year: 2023, Limit: 10}); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	for i := range 5 {
		code := fmt.Sprintf("11010502%d", 2+i)
		mustLoad(t, db, report(code+".txt", strings.Repeat(strconv.Itoa(6+i), 64), code, "测试街道", 2023, "受理矛盾纠纷374件。",
			fact("mediation.cases_accepted", float64(100+i), "", 6, 9)))
		if n := count(); n != base+i+1 {
			t.Errorf("after load %d Compare has %d rows; want %d", i+1, n, base+i+1)
		}
	}
	close(stop)
	wg.Wait()
}

// PrepareDashboards builds the snapshot before any page asks, and from then
// on every write starts the next build without a reader waiting for it.
func TestPrepareDashboardsKeepsTheSnapshotCurrent(t *testing.T) {
	db := dashboardFixture(t)
	current := func() bool {
		db.snaps.mu.Lock()
		defer db.snaps.mu.Unlock()
		return db.snaps.current != nil && db.snaps.current.Generation() == db.gen.Load()
	}
	waitFor := func(what string) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); !current(); time.Sleep(5 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("no current snapshot %s after 10 s", what)
			}
		}
	}
	if current() {
		t.Fatal("a snapshot exists before anyone asked for one")
	}
	db.PrepareDashboards()
	waitFor("after PrepareDashboards")
	mustLoad(t, db, report("prep.txt", strings.Repeat("7", 64), "110105023", "测试街道", 2023, "受理矛盾纠纷374件。",
		fact("mediation.cases_accepted", 374, "", 6, 9)))
	waitFor("after a write")
}

// More distinct jurisdiction names than a uint16 counts (names are interned
// beside levels and scopes, units apart) still make a snapshot.
func TestSnapshotWithManyNames(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	loadIndicators(t, db)
	const n = 70000
	var b SyntheticBatch
	for i := range n {
		id := fmt.Sprintf("%016x", i+1)
		code := fmt.Sprintf("11%07d", i)
		b.Reports = append(b.Reports, SyntheticReport{ReportID: id, SHA256: id + id + id + id, Source: id + ".txt",
			Title: "报告", JurisdictionCode: code, JurisdictionName: "第" + strconv.Itoa(i) + "街道", JurisdictionLevel: "街道",
			Year: 2023, Chars: 100, IngestedAt: time.Unix(int64(i), 0)})
		b.Headlines = append(b.Headlines, SyntheticHeadline{JurisdictionCode: code, JurisdictionName: "第" + strconv.Itoa(i) + "街道",
			JurisdictionLevel: "街道", Year: 2023, Indicator: "mediation.cases_accepted", Value: float64(i), Unit: "件",
			Flags: []string{}, FactID: id + "-000000000001", ReportID: id, Quote: "受理" + strconv.Itoa(i) + "件"})
	}
	if err := db.LoadSynthetic(ctx, func(yield func(SyntheticBatch) bool) { yield(b) }); err != nil {
		t.Fatal(err)
	}
	rows, err := snapOf(t, db).Compare(readmodel.CompareFilter{Indicator: "mediation.cases_accepted", Year: 2023})
	if err != nil || len(rows) != n || rows[0].Value != n-1 {
		t.Fatalf("Compare over %d names = %d rows, %v; want all, largest first", n, len(rows), err)
	}
	if rows[0].JurisdictionName != "第69999街道" || rows[0].Quote != "受理69999件" {
		t.Errorf("first row = %s %q; want 第69999街道 with its quote", rows[0].JurisdictionName, rows[0].Quote)
	}
}

// A snapshot keeps answering from its generation while writes go on; the
// next one taken follows them.
func TestSnapshotKeepsOneGeneration(t *testing.T) {
	db := dashboardFixture(t)
	taken := snapOf(t, db)
	count := func(s *readmodel.Snapshot) int {
		rows, err := s.Compare(readmodel.CompareFilter{Indicator: "mediation.cases_accepted", Year: 2023})
		if err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}
	before := count(taken)
	mustLoad(t, db, report("pin.txt", strings.Repeat("8", 64), "110105024", "测试街道", 2023, "受理矛盾纠纷374件。",
		fact("mediation.cases_accepted", 374, "", 6, 9)))
	if n := count(taken); n != before {
		t.Errorf("Compare of the snapshot taken before a write = %d rows; want its %d", n, before)
	}
	next := snapOf(t, db)
	if n := count(next); n != before+1 {
		t.Errorf("Compare of the snapshot taken after a write = %d rows; want %d", n, before+1)
	}
	if next.Generation() == taken.Generation() {
		t.Errorf("the snapshot after a write has the same generation %d", next.Generation())
	}
}
