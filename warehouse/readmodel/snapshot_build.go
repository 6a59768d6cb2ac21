package readmodel

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/duckdb/duckdb-go/v2"
)

// Build reads the warehouse that pool opens into a snapshot of generation
// gen (the warehouse's count of writes, which Generation gives back), in
// one read transaction so that every part is of the same data.
//
// With a base that Patchable accepts, the build is a patch: the small
// tables are read again, but of the reports and the headline only those
// of the jurisdiction-years in touched; the base's others are kept (the
// writes since base named every jurisdiction-year they changed), the
// values read anew are placed among the kept ones, and the orders and
// statistics are made anew (snapshot_patch.go). Patched says which it was.
func Build(ctx context.Context, pool *sql.DB, cfg BuildConfig) (*Snapshot, error) {
	base, touched := cfg.Base, cfg.Touched
	if !Patchable(base, touched) {
		base, touched = nil, nil
	}
	conn, err := pool.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("dashboard snapshot: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN TRANSACTION`); err != nil {
		return nil, fmt.Errorf("dashboard snapshot: %w", err)
	}
	// Nothing is written: the transaction only pins one view of the data.
	defer conn.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`)

	s := &Snapshot{gen: cfg.Generation, patched: base != nil, indicatorOf: map[string]int{}, jurOf: map[string]int{}, levelOf: map[string]int32{}}
	b := newBuilder(s, cfg.MinConfidence, base)
	for _, step := range []struct {
		name string
		run  func(context.Context, *sql.Conn) error
	}{
		{"catalog", b.readCatalog},
		{"reports", func(ctx context.Context, conn *sql.Conn) error {
			if base == nil {
				return b.readReports(ctx, conn)
			}
			if err := b.patchReports(ctx, conn, base, touched); err != nil {
				return err
			}
			// The base's values are kept on a worker while DuckDB reads
			// the rest.
			b.startKeeping(base, touched)
			return nil
		}},
		{"counts", b.readCounts},
		{"coverage", b.readCoverage},
		{"latest reports", b.readLatest},
		{"areas", b.readAreas},
		{"peer groups", b.readPeerGroups},
		{"divisions", b.readDivisions},
		{"conflicts", b.readConflicts},
		{"headline", func(ctx context.Context, conn *sql.Conn) error {
			if base != nil {
				return b.patchHeadline(ctx, conn, touched)
			}
			return b.readHeadline(ctx, conn)
		}},
	} {
		start := time.Now()
		if err := step.run(ctx, conn); err != nil {
			return nil, fmt.Errorf("dashboard snapshot: %s: %w", step.name, err)
		}
		s.steps = append(s.steps, BuildStep{step.name, time.Since(start)})
	}
	start := time.Now()
	b.index()
	s.steps = append(s.steps, BuildStep{"index", time.Since(start)})
	return s, nil
}

// BuildStep is one step of a Build and how long it took.
type BuildStep struct {
	Name string
	Took time.Duration
}

// BuildConfig is what Build is given besides the connection.
type BuildConfig struct {
	// Generation is the warehouse's generation the snapshot is of.
	Generation uint64
	// MinConfidence is the ranking cut: facts the extractor is less sure
	// of are shown as 待核实 beside the ranking, not ranked.
	MinConfidence float64
	// Base and Touched ask for a patch of Base with the jurisdiction-years
	// in Touched read again (see Build); nil for a build from scratch.
	Base    *Snapshot
	Touched map[Key]bool
}

// patchLimit is the share of the headline values past which a snapshot is
// rebuilt rather than patched: a patch re-reads the touched
// jurisdiction-years and keeps the other values of the last snapshot.
const patchLimit = 0.2

// Patchable says whether a snapshot of base patched with the
// jurisdiction-years in touched is worth it: a base, and few enough
// touched that re-reading them beats reading everything.
func Patchable(base *Snapshot, touched map[Key]bool) bool {
	return base != nil && float64(len(touched)) <= patchLimit*float64(len(base.juris)*max(1, len(base.years)))
}

// snapshotBuilder holds what a build needs besides the snapshot itself.
type snapshotBuilder struct {
	s *Snapshot
	// minConfidence is the ranking cut (BuildConfig.MinConfidence).
	minConfidence float64
	strIndex      map[string]int32
	flagIndex     map[string]uint16
	unitIndex     map[string]uint16
	// fromBase is, in a patch, how many of the cells (the first ones) are
	// the base's, in the base's order; -1 in a build from scratch.
	fromBase int
	// keptRuns delimit, in a patch, the base's cells kept by indicator and
	// year (the base's order groups them so): run k holds the kept cells
	// before keptRuns[k].end not in an earlier run.
	keptRuns []keptRun
	// kept receives, in a patch, the base's values kept (startKeeping).
	kept chan keptValues
}

// newBuilder returns the builder of s. A patch of base starts from the
// base's interned strings, units and flag lists, so that the cells it
// keeps keep their indexes (a string no cell uses any more stays until
// the next build from scratch).
func newBuilder(s *Snapshot, minConfidence float64, base *Snapshot) *snapshotBuilder {
	b := &snapshotBuilder{s: s, minConfidence: minConfidence, strIndex: map[string]int32{}, flagIndex: map[string]uint16{}, unitIndex: map[string]uint16{}, fromBase: -1}
	if base == nil {
		s.flagSets = [][]string{{}}
		b.flagIndex[""] = 0
		b.intern("") // strs[0] is the empty string
		return b
	}
	s.strs, s.units, s.flagSets = slices.Clone(base.strs), slices.Clone(base.units), slices.Clone(base.flagSets)
	for i, v := range s.strs {
		b.strIndex[v] = int32(i)
	}
	for i, u := range s.units {
		b.unitIndex[u] = uint16(i)
	}
	for i, f := range s.flagSets {
		b.flagIndex[strings.Join(f, "\x00")] = uint16(i)
	}
	return b
}

func (b *snapshotBuilder) intern(v string) int32 {
	if i, ok := b.strIndex[v]; ok {
		return i
	}
	v = strings.Clone(v) // Arrow's strings point into buffers that are released
	i := int32(len(b.s.strs))
	b.s.strs = append(b.s.strs, v)
	b.strIndex[v] = i
	return i
}

// internUnit returns the index of a unit in units, adding it if new.
func (b *snapshotBuilder) internUnit(u string) (uint16, error) {
	if i, ok := b.unitIndex[u]; ok {
		return i, nil
	}
	if len(b.s.units) == 1<<16 {
		return 0, errors.New("more than 65536 different units")
	}
	u = strings.Clone(u)
	i := uint16(len(b.s.units))
	b.s.units = append(b.s.units, u)
	b.unitIndex[u] = i
	return i, nil
}

func (b *snapshotBuilder) internFlags(list *array.List, vals *array.String, row int) (uint16, error) {
	if list.IsNull(row) {
		return 0, nil
	}
	start, end := list.ValueOffsets(row)
	if start == end {
		return 0, nil
	}
	flags := make([]string, 0, end-start)
	for k := start; k < end; k++ {
		flags = append(flags, vals.Value(int(k)))
	}
	key := strings.Join(flags, "\x00")
	if i, ok := b.flagIndex[key]; ok {
		return i, nil
	}
	if len(b.s.flagSets) == 1<<16 {
		return 0, errors.New("more than 65536 different flag lists")
	}
	for k := range flags {
		flags[k] = strings.Clone(flags[k])
	}
	i := uint16(len(b.s.flagSets))
	b.s.flagSets = append(b.s.flagSets, flags)
	b.flagIndex[strings.Clone(key)] = i
	return i, nil
}

func (b *snapshotBuilder) readCatalog(ctx context.Context, conn *sql.Conn) error {
	rows, err := conn.QueryContext(ctx, `
		SELECT code, name_zh, name_en, category, kind, unit, description, coalesce(numerator, ''), coalesce(denominator, ''),
		       coalesce(derived_from, [])
		FROM indicators ORDER BY category, code`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var parts [][]string
	for rows.Next() {
		var i Indicator
		var from []any
		if err := rows.Scan(&i.Code, &i.NameZH, &i.NameEN, &i.Category, &i.Kind, &i.Unit, &i.Description, &i.Numerator, &i.Denominator, &from); err != nil {
			return err
		}
		b.s.indicatorOf[i.Code] = len(b.s.catalog)
		b.s.catalog = append(b.s.catalog, i)
		parts = append(parts, listOf[string](from))
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(b.s.catalog) >= 1<<16 {
		return fmt.Errorf("%d indicators: the snapshot holds at most 65535", len(b.s.catalog))
	}
	b.s.derivedFrom = make([][]int, len(parts))
	for k, codes := range parts {
		for _, code := range codes {
			if p := b.s.indicator(code); p >= 0 {
				b.s.derivedFrom[k] = append(b.s.derivedFrom[k], p)
			}
		}
	}
	return nil
}

// readCounts reads the overview's counts and the years with reports.
func (b *snapshotBuilder) readCounts(ctx context.Context, conn *sql.Conn) error {
	o := &b.s.counts
	err := conn.QueryRowContext(ctx, `
		SELECT coalesce(sum(reports), 0)::BIGINT,
		       (SELECT count(*) FROM report_divisions) + coalesce(sum(unresolved), 0)::BIGINT,
		       count(year), coalesce(min(year), 0), coalesce(max(year), 0),
		       coalesce(sum(unresolved), 0)::BIGINT,
		       (SELECT count(*) FROM facts_corrected)
		FROM report_years`).Scan(&o.reports, &o.jurisdictions, &o.years, &o.firstYear, &o.lastYear, &o.unresolved, &o.facts)
	if err != nil {
		return err
	}
	var asOf sql.NullTime
	if err := conn.QueryRowContext(ctx, `
		SELECT greatest((SELECT max(ingested_at) FROM reports), (SELECT max("at") FROM corrections))`).Scan(&asOf); err != nil {
		return err
	}
	o.asOf = asOf.Time.UTC()
	rows, err := conn.QueryContext(ctx, `SELECT year FROM report_years WHERE year IS NOT NULL ORDER BY year DESC`)
	if err != nil {
		return err
	}
	defer rows.Close()
	b.s.years = []int{}
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return err
		}
		b.s.years = append(b.s.years, y)
	}
	return rows.Err()
}

// cityOf is the SQL expression for the division directly below the province
// that contains the division code col: the city (4 digits), or, where the
// division table folds the city level away (北京 › 朝阳区, 重庆 › 万州区), the
// county; the 4-digit prefix when the table has no such division.
func cityOf(col string) string {
	return `coalesce((SELECT d.code FROM jurisdictions d WHERE d.parent_code = left(` + col + `, 2)
	          AND starts_with(` + col + `, d.code) LIMIT 1), left(` + col + `, 4))`
}

// readCoverage groups the resolved reports by province and by the division
// below it (see cityOf), most reports first, with the three latest reports
// of each, from report_divisions (reports grouped by jurisdiction, with the
// latest of each): each area's recent reports are of different jurisdictions.
func (b *snapshotBuilder) readCoverage(ctx context.Context, conn *sql.Conn) error {
	rows, err := conn.QueryContext(ctx, `
		WITH j AS (
			SELECT jurisdiction_code, reports AS n, latest_ingested_at AS latest_at,
			       {'id': latest_report_id, 'title': latest_title, 'name': latest_name, 'year': coalesce(latest_year, 0),
			        'at': latest_ingested_at} AS latest
			FROM report_divisions
		),
		g AS (
			SELECT CASE WHEN grouping(c) = 1 THEN p ELSE c END AS code,
			       CASE WHEN grouping(c) = 1 THEN '' ELSE p END AS parent,
			       sum(n) AS n, count(*) AS j, max_by(latest, latest_at, 3) AS recent
			FROM (SELECT left(jurisdiction_code, 2) AS p, `+cityOf("jurisdiction_code")+` AS c, * FROM j)
			GROUP BY GROUPING SETS ((p), (p, c))
		)
		SELECT code, parent, n, j, recent FROM g ORDER BY parent <> '', n DESC, code`)
	if err != nil {
		return err
	}
	defer rows.Close()
	out := []CoverageArea{}
	for rows.Next() {
		var a CoverageArea
		var recent []any
		if err := rows.Scan(&a.Code, &a.Parent, &a.Reports, &a.Jurisdictions, &recent); err != nil {
			return err
		}
		for _, e := range recent {
			m, _ := e.(map[string]any)
			var r ReportSummary
			r.ReportID, _ = m["id"].(string)
			r.Title, _ = m["title"].(string)
			r.JurisdictionName, _ = m["name"].(string)
			y, _ := m["year"].(int32)
			r.Year = int(y)
			at, _ := m["at"].(time.Time)
			r.IngestedAt = at.UTC()
			a.Recent = append(a.Recent, r)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	b.s.coverage = out
	return nameAreas(ctx, conn, out)
}

// nameAreas fills in the official names of areas (a lookup of a few
// hundred codes by primary key, cheaper than joining the division table);
// an area missing from the table is named by its code.
func nameAreas(ctx context.Context, conn *sql.Conn, areas []CoverageArea) error {
	if len(areas) == 0 {
		return nil
	}
	codes := make([]string, len(areas))
	for i, a := range areas {
		codes[i] = quote(a.Code)
	}
	rows, err := conn.QueryContext(ctx, `SELECT code, name FROM jurisdictions WHERE code IN (`+strings.Join(codes, ", ")+`)`)
	if err != nil {
		return fmt.Errorf("area names: %w", err)
	}
	defer rows.Close()
	names := map[string]string{}
	for rows.Next() {
		var code, name string
		if err := rows.Scan(&code, &name); err != nil {
			return fmt.Errorf("area names: %w", err)
		}
		names[code] = name
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("area names: %w", err)
	}
	for i := range areas {
		if areas[i].Name = names[areas[i].Code]; areas[i].Name == "" {
			areas[i].Name = areas[i].Code
		}
	}
	return nil
}

func (b *snapshotBuilder) readLatest(ctx context.Context, conn *sql.Conn) error {
	rows, err := conn.QueryContext(ctx, `
		SELECT report_id, title, jurisdiction_name, coalesce(year, 0), ingested_at FROM report_latest
		ORDER BY ingested_at DESC, report_id LIMIT $1`, OverviewLatest)
	if err != nil {
		return err
	}
	defer rows.Close()
	b.s.latest = []ReportSummary{}
	for rows.Next() {
		var r ReportSummary
		if err := rows.Scan(&r.ReportID, &r.Title, &r.JurisdictionName, &r.Year, &r.IngestedAt); err != nil {
			return err
		}
		r.IngestedAt = r.IngestedAt.UTC()
		b.s.latest = append(b.s.latest, r)
	}
	return rows.Err()
}

// readAreas lists the provinces and the divisions below them (see cityOf)
// that have resolved reports, for the pages' scope selectors, by code.
func (b *snapshotBuilder) readAreas(ctx context.Context, conn *sql.Conn) error {
	rows, err := conn.QueryContext(ctx, `
		SELECT DISTINCT `+cityOf("jurisdiction_code")+` AS c FROM report_divisions ORDER BY c`)
	if err != nil {
		return err
	}
	defer rows.Close()
	out := []CoverageArea{}
	for rows.Next() {
		var city string
		if err := rows.Scan(&city); err != nil {
			return err
		}
		p := city[:min(2, len(city))]
		if len(out) == 0 || out[len(out)-1].Code != p && out[len(out)-1].Parent != p {
			out = append(out, CoverageArea{Code: p})
		}
		if city != p {
			out = append(out, CoverageArea{Code: city, Parent: p})
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	b.s.areas = out
	return nameAreas(ctx, conn, out)
}

// readPeerGroups lists, for every division that contains report
// jurisdictions, its sub-divisions (above town level) that contain some,
// with their report counts: the peer group selectors. Division codes nest
// by prefix (2 digits province, 4 city, 6 county), so a jurisdiction's
// divisions are the prefixes of its code that the division table knows.
func (b *snapshotBuilder) readPeerGroups(ctx context.Context, conn *sql.Conn) error {
	rows, err := conn.QueryContext(ctx, `
		WITH inside AS (
			SELECT left(jurisdiction_code, k) AS code, reports AS n
			FROM report_divisions, (VALUES (2), (4), (6)) t(k)
			WHERE length(jurisdiction_code) > k
		)
		SELECT j.parent_code, j.code, j.name, j.level, sum(i.n)::BIGINT
		FROM inside i JOIN jurisdictions j USING (code)
		WHERE j.level <> 'town'
		GROUP BY ALL ORDER BY j.parent_code, j.code`)
	if err != nil {
		return err
	}
	defer rows.Close()
	b.s.peerGroups = map[string][]Division{}
	for rows.Next() {
		var parent string
		var d Division
		if err := rows.Scan(&parent, &d.Code, &d.Name, &d.Level, &d.Reports); err != nil {
			return err
		}
		b.s.peerGroups[parent] = append(b.s.peerGroups[parent], d)
	}
	return rows.Err()
}

// readDivisions reads the divisions that are, or contain, report
// jurisdictions (the brief's path and peer group).
func (b *snapshotBuilder) readDivisions(ctx context.Context, conn *sql.Conn) error {
	rows, err := conn.QueryContext(ctx, `
		SELECT code, name, parent_code, level FROM jurisdictions
		WHERE code IN (SELECT left(jurisdiction_code, k) FROM report_divisions, (VALUES (2), (4), (6), (9), (12)) t(k))`)
	if err != nil {
		return err
	}
	defer rows.Close()
	b.s.divisions = map[string]division{}
	for rows.Next() {
		var code string
		var d division
		if err := rows.Scan(&code, &d.name, &d.parent, &d.level); err != nil {
			return err
		}
		b.s.divisions[code] = d
	}
	return rows.Err()
}

// arrowQuery runs q on conn and hands each record batch to each.
func arrowQuery(ctx context.Context, conn *sql.Conn, q string, each func(arrow.RecordBatch) error) error {
	return conn.Raw(func(dc any) error {
		a, err := duckdb.NewArrowFromConn(dc.(driver.Conn))
		if err != nil {
			return err
		}
		rr, err := a.QueryContext(ctx, q)
		if err != nil {
			return err
		}
		defer rr.Release()
		for rr.Next() {
			if err := each(rr.RecordBatch()); err != nil {
				return err
			}
		}
		return rr.Err()
	})
}

// column returns column i of rec as type T, or an error naming it.
func column[T arrow.Array](rec arrow.RecordBatch, i int) (T, error) {
	c, ok := rec.Column(i).(T)
	if !ok {
		var zero T
		return zero, fmt.Errorf("column %s is %s, not %T", rec.ColumnName(i), rec.Column(i).DataType(), zero)
	}
	return c, nil
}

// readHeadline reads the headline values with their quotes.
func (b *snapshotBuilder) readHeadline(ctx context.Context, conn *sql.Conn) error {
	s := b.s
	// Sized up front: the cells and quotes are most of the snapshot.
	var n, quoteBytes int
	if err := conn.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(strlen(quote)), 0) FROM headline WHERE NOT conflict`).Scan(&n, &quoteBytes); err != nil {
		return err
	}
	s.cells = make([]snapCell, 0, n)
	s.quotes = make([]byte, 0, quoteBytes)
	s.quoteStart = make([]uint32, 1, n+1)
	return b.readCells(ctx, conn, nil)
}

// readCells reads headline values into cells, with the counts
// headline_counts puts beside a rate: all of them, or only those of the
// jurisdiction-years in touched (a patch).
func (b *snapshotBuilder) readCells(ctx context.Context, conn *sql.Conn, touched map[Key]bool) error {
	s := b.s
	// In a build from scratch the reports and indicators come numbered as
	// readReports and readCatalog stored them (report_id order; category,
	// code order): cheaper for DuckDB to join than for Go to look up five
	// million times. A patch reads a few thousand values: it finds their
	// reports itself, and keeps DuckDB's work to the jurisdictions touched
	// (a list of constants reaches the scans of headline, in the view too).
	report, reports, counts, filter := "r.ord", "JOIN r USING (report_id)", "headline_counts", ""
	if touched != nil {
		in := jurisdictionList(touched)
		report, reports = "h.report_id", ""
		counts = "(SELECT * FROM headline_counts WHERE jurisdiction_key IN " + in + ")"
		filter = " AND h.jurisdiction_key IN " + in
	}
	q := `
		WITH r AS (SELECT report_id, (row_number() OVER (ORDER BY report_id) - 1)::INTEGER AS ord FROM reports),
		     i AS (SELECT code AS indicator, (row_number() OVER (ORDER BY category, code) - 1)::INTEGER AS ord FROM indicators)
		SELECT ` + report + `, i.ord, h.value, h.unit, h.approx, h.partial, h.scope, h.derived, h.corrected, h.flags, h.fact_id,
		       c.numerator, c.denominator, h.quote, h.approx_kind, h.confidence
		FROM headline h ` + reports + ` JOIN i USING (indicator)
		     LEFT JOIN ` + counts + ` c ON c.jurisdiction_key = h.jurisdiction_key AND c.year = h.year AND c.indicator = h.indicator
		WHERE NOT h.conflict` + filter
	return arrowQuery(ctx, conn, q, func(rec arrow.RecordBatch) error {
		reportOf, err := b.reportColumn(rec, touched)
		if err != nil {
			return err
		}
		ind, err2 := column[*array.Int32](rec, 1)
		value, err3 := column[*array.Float64](rec, 2)
		unit, err4 := column[*array.String](rec, 3)
		approx, err5 := column[*array.Boolean](rec, 4)
		partial, err6 := column[*array.Boolean](rec, 5)
		scope, err7 := column[*array.String](rec, 6)
		derived, err8 := column[*array.Boolean](rec, 7)
		corrected, err9 := column[*array.Boolean](rec, 8)
		flags, err10 := column[*array.List](rec, 9)
		fact, err11 := column[*array.String](rec, 10)
		num, err12 := column[*array.Float64](rec, 11)
		den, err13 := column[*array.Float64](rec, 12)
		quote, err14 := column[*array.String](rec, 13)
		kind, err15 := column[*array.String](rec, 14)
		confidence, err16 := column[*array.Float64](rec, 15)
		if err := errors.Join(err2, err3, err4, err5, err6, err7, err8, err9, err10, err11, err12, err13, err14, err15, err16); err != nil {
			return err
		}
		flagVals, ok := flags.ListValues().(*array.String)
		if !ok {
			return fmt.Errorf("column flags holds %s, not strings", flags.ListValues().DataType())
		}
		lastUnit, lastUnitID := "", uint16(0)
		var err1 error
		for i := range int(rec.NumRows()) {
			r, k := reportOf(i), int(ind.Value(i))
			if r < 0 || int(r) >= len(s.reports) || k >= len(s.catalog) {
				return fmt.Errorf("headline value %s: report or indicator changed during the snapshot", fact.Value(i))
			}
			rep := &s.reports[r]
			if rep.year == 0 {
				continue // no year, no place on a dashboard (headline keeps only years, but 0 is not NULL)
			}
			if touched != nil && !touched[Key{s.juris[rep.jur].key, rep.year}] {
				continue // another year of a jurisdiction touched: the base's cell stands
			}
			c := snapCell{value: value.Value(i), report: r, ind: uint16(k), quote: int32(len(s.quoteStart) - 1)}
			s.quotes = append(s.quotes, quote.Value(i)...)
			if len(s.quotes) > math.MaxUint32 {
				return errors.New("the quotes take more than 4 GiB: too many for the dashboards' snapshot")
			}
			s.quoteStart = append(s.quoteStart, uint32(len(s.quotes)))
			if u := unit.Value(i); u != lastUnit || i == 0 {
				if lastUnitID, err1 = b.internUnit(u); err1 != nil {
					return err1
				}
				lastUnit = u
			}
			c.unit = lastUnitID
			if sc := scope.Value(i); sc != "" {
				c.scope = b.intern(sc)
			}
			if c.flags, err1 = b.internFlags(flags, flagVals, i); err1 != nil {
				return err1
			}
			for _, bit := range []struct {
				col *array.Boolean
				bit uint8
			}{{approx, cellApprox}, {partial, cellPartial}, {derived, cellDerived}, {corrected, cellCorrected}} {
				if bit.col.IsValid(i) && bit.col.Value(i) {
					c.bits |= bit.bit
				}
			}
			if c.bits&cellApprox != 0 {
				// An approximate value of unknown kind claims the least: about.
				switch kind.Value(i) {
				case ApproxAtLeast:
				case ApproxAtMost:
					c.bits |= cellAtMost
				default:
					c.bits |= cellAbout
				}
			}
			// A fact from before confidences were kept (NULL) is not doubted.
			if c.bits&cellCorrected == 0 && confidence.IsValid(i) && confidence.Value(i) < b.minConfidence {
				c.bits |= cellUnsure
			}
			c.fact = s.encodeFact(s.reports[r].id, fact.Value(i))
			if num.IsValid(i) && den.IsValid(i) {
				c.bits |= cellRatio
				c.ratio = int32(len(s.ratios))
				s.ratios = append(s.ratios, [2]float64{num.Value(i), den.Value(i)})
			}
			s.cells = append(s.cells, c)
		}
		return nil
	})
}

// reportColumn returns, for the rows of a batch of readCells, the index of
// each row's report in reports: column 0 holds it in a build from scratch,
// and the report's ID in a patch (touched non-nil), found by binary search
// (reports are in report_id order); -1 for a report not read.
func (b *snapshotBuilder) reportColumn(rec arrow.RecordBatch, touched map[Key]bool) (func(int) int32, error) {
	if touched == nil {
		ord, err := column[*array.Int32](rec, 0)
		if err != nil {
			return nil, err
		}
		return ord.Value, nil
	}
	ids, err := column[*array.String](rec, 0)
	if err != nil {
		return nil, err
	}
	reports := b.s.reports
	return func(i int) int32 {
		id := ids.Value(i)
		k, ok := slices.BinarySearchFunc(reports, id, func(r snapReport, id string) int { return strings.Compare(r.id, id) })
		if !ok {
			return -1
		}
		return int32(k)
	}, nil
}
