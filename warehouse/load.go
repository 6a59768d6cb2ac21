package warehouse

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/duckdb/duckdb-go/v2"

	"github.com/fazhi/fazhi/ingest"
)

// Load stores a batch of reports and their facts in one transaction, and
// says what it did with each (LoadResult.Reports). Reports never erase each
// other:
//   - content already stored by the same extractor is skipped (unchanged);
//   - content stored by another extractor version is stored again with the
//     facts extracted now, so that re-ingesting after an upgrade brings the
//     new extraction (reextracted; its corrections stay, its id is the same);
//   - new content replaces a stored report only when it has the same source
//     and is about the same jurisdiction and year (sameVersion): a changed
//     file replacing its old version. Otherwise both are kept, and the result
//     says so (a report beside another with the same source, a duplicate of
//     a jurisdiction-year).
//
// The analysts' corrections of a replaced report, of its facts
// (carryCorrections) and of the report itself (carryReportCorrections), are
// carried over to the new version. Either the whole batch is stored or
// nothing is.
func (db *DB) Load(ctx context.Context, b *ingest.Batch) (LoadResult, error) {
	return db.load(ctx, b, false)
}

// BulkLoad stores a batch as Load does, in one transaction, but leaves the
// headline values and summaries of the jurisdiction-years it touches for
// FinishBulk, which refreshes them all at once (or rebuilds the headline,
// when the bulk touched much of it). Until then the pages may show the
// warehouse as it was before the bulk. The pending jurisdiction-years are
// committed with each batch (headline_pending), so a bulk that stops midway
// leaves nothing stale: Open finishes it.
func (db *DB) BulkLoad(ctx context.Context, b *ingest.Batch) (LoadResult, error) {
	return db.load(ctx, b, true)
}

func (db *DB) load(ctx context.Context, b *ingest.Batch, bulk bool) (LoadResult, error) {
	var res LoadResult
	if !b.Reports.Schema().Equal(ingest.ReportSchema) {
		return res, fmt.Errorf("load: report batch schema differs from ingest.ReportSchema")
	}
	if !b.Facts.Schema().Equal(ingest.FactSchema) {
		return res, fmt.Errorf("load: fact batch schema differs from ingest.FactSchema")
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()

	t := newPhaseTimer()
	err := db.onConn(ctx, func(conn *sql.Conn) error {
		if err := stageBatch(ctx, conn, b); err != nil {
			return err
		}
		t.mark("stage")
		if err := planLoad(ctx, conn); err != nil {
			return err
		}
		t.mark("plan")
		// Corrections are carried only from the reports this batch
		// replaces, and only when one of them has any.
		var corrected, reportCorrected bool
		if err := conn.QueryRowContext(ctx, `SELECT
			EXISTS (SELECT 1 FROM corrections WHERE report_id IN (SELECT old_report_id FROM replaced_reports)),
			EXISTS (SELECT 1 FROM report_corrections WHERE report_id IN (SELECT old_report_id FROM replaced_reports))`).
			Scan(&corrected, &reportCorrected); err != nil {
			return fmt.Errorf("look for corrections to carry: %w", err)
		}
		if corrected {
			carried, err := carryCorrections(ctx, conn)
			if err != nil {
				return err
			}
			res.CarriedCorrections = carried
		}
		if reportCorrected {
			var err error
			if res.CarriedReportCorrections, err = carryReportCorrections(ctx, conn); err != nil {
				return err
			}
		}
		t.mark("carry")
		if err := replaceReports(ctx, conn); err != nil {
			return err
		}
		r, err := conn.ExecContext(ctx, `INSERT INTO facts BY NAME
			SELECT * FROM staged_facts WHERE report_id IN (SELECT report_id FROM staged_reports)`)
		if err != nil {
			return fmt.Errorf("insert facts: %w", err)
		}
		n, err := r.RowsAffected()
		res.Facts = int(n)
		if err != nil {
			return err
		}
		t.mark("insert")
		// The reports placed anew: the new ones (a carried correction
		// applied) and the old versions they replace, and with them the
		// jurisdiction-years whose headline values may change.
		if _, err := conn.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE touched_reports AS
			SELECT report_id FROM staged_reports UNION SELECT old_report_id FROM replaced_reports`); err != nil {
			return fmt.Errorf("touched reports: %w", err)
		}
		if err := refreshPlacements(ctx, conn); err != nil {
			return err
		}
		t.mark("placements")
		if bulk {
			if _, err := conn.ExecContext(ctx, `INSERT INTO headline_pending SELECT DISTINCT jurisdiction_key, year FROM touched_keys`); err != nil {
				return fmt.Errorf("note the touched jurisdiction-years: %w", err)
			}
			// The headline stays as it was until FinishBulk, but the
			// reports changed: a patch of the dashboards' snapshot reads
			// the reports of these jurisdiction-years anew.
			keys, err := readKeys(ctx, conn)
			if err != nil {
				return fmt.Errorf("note the touched jurisdiction-years: %w", err)
			}
			db.note.keys, db.note.noted = append(db.note.keys, keys...), true
		} else if err := db.refreshHeadline(ctx, conn); err != nil {
			return err
		}
		t.mark("headline")
		if err := conn.QueryRowContext(ctx, `SELECT
			count(*) FILTER (WHERE outcome <> 'unchanged'), count(*) FILTER (WHERE outcome = 'unchanged'),
			count(*) FILTER (WHERE outcome = 'reextracted'),
			(SELECT count(DISTINCT old_report_id) FROM replaced_reports WHERE old_report_id NOT IN (SELECT report_id FROM staged_reports))
			FROM batch_reports`).Scan(&res.Stored, &res.Unchanged, &res.Reextracted, &res.Replaced); err != nil {
			return fmt.Errorf("count the outcomes: %w", err)
		}
		err = reportOutcomes(ctx, conn, &res)
		t.mark("outcomes")
		return err
	})
	t.mark("commit")
	db.log.Debug("load", append([]any{"reports", b.Reports.NumRows(), "bulk", bulk}, t.attrs()...)...)
	if err != nil {
		return LoadResult{}, fmt.Errorf("load %d reports: %w", b.Reports.NumRows(), err)
	}
	return res, nil
}

// phaseTimer times the phases of a load, for the debug log.
type phaseTimer struct {
	last  time.Time
	times []any
}

func newPhaseTimer() *phaseTimer { return &phaseTimer{last: time.Now()} }

// mark ends the phase called name.
func (t *phaseTimer) mark(name string) {
	now := time.Now()
	t.times = append(t.times, name, now.Sub(t.last).Round(time.Microsecond))
	t.last = now
}

func (t *phaseTimer) attrs() []any { return t.times }

// FinishBulk refreshes the headline values and summaries that BulkLoads
// left pending, in one transaction: the touched jurisdiction-years only,
// or the whole headline table (written sorted, as RebuildHeadline does)
// when they are a large part of it. Then it checkpoints, so that the bulk's
// data is in the file and the write-ahead log is empty. With nothing
// pending it does nothing.
func (db *DB) FinishBulk(ctx context.Context) error {
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	var pending bool
	if err := db.sql.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM headline_pending)`).Scan(&pending); err != nil {
		return fmt.Errorf("finish bulk load: %w", err)
	}
	if !pending {
		return nil
	}
	t := newPhaseTimer()
	err := db.onConn(ctx, func(conn *sql.Conn) error {
		if _, err := conn.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE touched_keys AS SELECT DISTINCT jurisdiction_key, year FROM headline_pending`); err != nil {
			return err
		}
		var touched, all int
		if err := conn.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM touched_keys),
			(SELECT count(*) FROM (SELECT DISTINCT jurisdiction_key, year FROM report_jurisdictions))`).Scan(&touched, &all); err != nil {
			return err
		}
		t.mark("keys")
		if 4*touched >= all {
			// Most of it: rank every fact anew, a group of jurisdictions at
			// a time.
			if _, err := conn.ExecContext(ctx, `DROP TABLE touched_keys`); err != nil {
				return err
			}
			if err := rebuildHeadlineInGroups(ctx, conn, headlineGroupReports); err != nil {
				return err
			}
			t.mark("headline")
			if err := rebuildSummaries(ctx, conn); err != nil {
				return err
			}
			t.mark("summaries")
		} else if err := db.refreshHeadline(ctx, conn); err != nil {
			return err
		}
		t.mark("refresh")
		_, err := conn.ExecContext(ctx, `DELETE FROM headline_pending`)
		return err
	})
	t.mark("commit")
	if err != nil {
		return fmt.Errorf("finish bulk load: %w", err)
	}
	if _, err := db.sql.ExecContext(ctx, `CHECKPOINT`); err != nil {
		return fmt.Errorf("finish bulk load: checkpoint: %w", err)
	}
	t.mark("checkpoint")
	db.log.Debug("finish bulk load", t.attrs()...)
	return nil
}

// stageBatch copies the batch into the temp tables staged_reports and
// staged_facts. Two copies of one file in a batch share report_id and
// fact_ids: the first by source is kept, and each fact once. A batch
// rarely has any, and sorting a large batch's texts to find none costs
// more than the rest of the load: the copies are looked for first.
func stageBatch(ctx context.Context, conn *sql.Conn, b *ingest.Batch) error {
	if err := stage(ctx, conn, "staged_reports", b.Reports, `SELECT * FROM %s`); err != nil {
		return err
	}
	if err := stage(ctx, conn, "staged_facts", b.Facts, `SELECT * FROM %s`); err != nil {
		return err
	}
	var copies bool
	if err := conn.QueryRowContext(ctx, `SELECT count(*) > count(DISTINCT sha256) FROM staged_reports`).Scan(&copies); err != nil {
		return fmt.Errorf("stage: %w", err)
	}
	if !copies {
		return nil
	}
	for _, q := range []string{
		`DELETE FROM staged_reports WHERE rowid NOT IN (
		     SELECT rowid FROM staged_reports QUALIFY row_number() OVER (PARTITION BY sha256 ORDER BY source) = 1)`,
		`DELETE FROM staged_facts WHERE rowid NOT IN (
		     SELECT rowid FROM staged_facts QUALIFY row_number() OVER (PARTITION BY fact_id) = 1)`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("stage: drop copies: %w", err)
		}
	}
	return nil
}

// planLoad decides, inside Load's transaction, what happens to each staged
// report: batch_reports gets its outcome, replaced_reports pairs each stored
// report that goes with the staged report that takes its place, and
// staged_reports keeps only what is to be inserted.
//
// The stored reports it compares with are those of the same content (whose
// report_id, the digest's first 16 digits, is a staged one's) or of the
// same source: read once into known_reports (their few columns), so that
// the plan's four comparisons do not each scan every stored report (at
// 400,000 reports the plan of a batch had grown from 40 to 400 ms).
func planLoad(ctx context.Context, conn *sql.Conn) error {
	for _, q := range []string{
		`CREATE OR REPLACE TEMP TABLE known_reports AS
		 SELECT report_id, sha256, extractor_version, source, jurisdiction_code, jurisdiction_name, year, ingested_at
		 FROM reports
		 WHERE report_id IN (SELECT report_id FROM staged_reports) OR source IN (SELECT source FROM staged_reports)`,
		`CREATE OR REPLACE TEMP TABLE batch_reports AS
		 SELECT s.report_id, s.source,
		        CASE WHEN (s.sha256, s.extractor_version) IN (SELECT (sha256, extractor_version) FROM known_reports) THEN 'unchanged'
		             WHEN s.sha256 IN (SELECT sha256 FROM known_reports) THEN 'reextracted'
		             ELSE 'stored' END AS outcome
		 FROM staged_reports s`,
		`DELETE FROM staged_reports WHERE report_id IN (SELECT report_id FROM batch_reports WHERE outcome = 'unchanged')`,
		// The same content stored by another extractor (perhaps from
		// another path) is extracted anew, keeping its id and its time;
		// new content replaces only its own older version.
		`CREATE OR REPLACE TEMP TABLE replaced_reports AS
		 SELECT o.report_id AS old_report_id, s.report_id AS new_report_id, o.ingested_at
		 FROM staged_reports s JOIN known_reports o ON o.sha256 = s.sha256
		 UNION ALL
		 SELECT o.report_id, s.report_id, NULL::TIMESTAMPTZ
		 FROM staged_reports s
		 JOIN known_reports o ON o.source = s.source AND o.sha256 <> s.sha256
		 JOIN report_jurisdictions e ON e.report_id = o.report_id
		 WHERE s.sha256 NOT IN (SELECT sha256 FROM known_reports) AND ` + sameVersion,
		`UPDATE batch_reports SET outcome = 'replaced'
		 WHERE outcome = 'stored' AND report_id IN (SELECT new_report_id FROM replaced_reports)`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("plan the load: %.60s: %w", q, err)
		}
	}
	return nil
}

// sameVersion says whether a staged report s (new content) is a new
// version of the stored report o (same source) rather than another report
// that happens to share the source (附件1.docx from two towns): it must be
// about the same jurisdiction and year. Its jurisdiction is the one read
// from its text (or stated by a manifest); it matches o's as read or as a
// person set it (e, o's row of report_jurisdictions). Two unresolved
// reports match when they name their jurisdiction alike. The years
// match the same way, two unknown years included.
const sameVersion = `(
	(s.jurisdiction_code IS NOT NULL AND s.jurisdiction_code IN (o.jurisdiction_code, nullif(e.jurisdiction_code, '')))
	OR (s.jurisdiction_code IS NULL AND o.jurisdiction_code IS NULL AND s.jurisdiction_name <> ''
	    AND s.jurisdiction_name = o.jurisdiction_name)
) AND (s.year IS NOT DISTINCT FROM o.year OR s.year = e.year)`

// replaceReports deletes the versions that are replaced and inserts the
// staged reports; a re-extracted report keeps the time it was first loaded.
func replaceReports(ctx context.Context, conn *sql.Conn) error {
	for _, q := range []string{
		`DELETE FROM facts WHERE report_id IN (SELECT old_report_id FROM replaced_reports)`,
		`DELETE FROM reports WHERE report_id IN (SELECT old_report_id FROM replaced_reports)`,
		`INSERT INTO reports BY NAME
		 SELECT s.*, coalesce((SELECT max(p.ingested_at) FROM replaced_reports p
		                       WHERE p.old_report_id = s.report_id AND p.new_report_id = s.report_id), now()) AS ingested_at
		 FROM staged_reports s`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%.60s: %w", q, err)
		}
	}
	return nil
}

// ReplaceReference replaces the whole content of a reference table
// (jurisdictions or indicators) with rec, in one transaction, when it
// differs. A changed catalog rebuilds the headline table (it depends on the
// codes and their kinds) and the indicator_wide view (one column per code).
func (db *DB) ReplaceReference(ctx context.Context, table string, rec arrow.RecordBatch) error {
	want, ok := map[string]*arrow.Schema{
		"jurisdictions": ingest.JurisdictionSchema,
		"indicators":    ingest.IndicatorSchema,
	}[table]
	if !ok {
		return fmt.Errorf("replace %s: not a reference table", table)
	}
	if !rec.Schema().Equal(want) {
		return fmt.Errorf("replace %s: batch schema differs from ingest's", table)
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	err := db.onConn(ctx, func(conn *sql.Conn) error {
		if err := stage(ctx, conn, "staged_reference", rec, `SELECT * FROM %s`); err != nil {
			return err
		}
		var changed bool
		if err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT * FROM `+table+` EXCEPT SELECT * FROM staged_reference)
			OR EXISTS (SELECT * FROM staged_reference EXCEPT SELECT * FROM `+table+`)`).Scan(&changed); err != nil {
			return err
		}
		if !changed {
			return nil
		}
		if _, err := conn.ExecContext(ctx, `DELETE FROM `+table); err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, `INSERT INTO `+table+` BY NAME SELECT * FROM staged_reference`); err != nil {
			return err
		}
		if table != "indicators" {
			return nil
		}
		// Headline values depend on the catalog (which codes, which are rates).
		if err := rebuildHeadline(ctx, conn); err != nil {
			return err
		}
		return rebuildWide(ctx, conn)
	})
	if err != nil {
		return fmt.Errorf("replace %s: %w", table, err)
	}
	return nil
}

// onConn runs fn on one connection inside a transaction, dropping the temp
// tables fn staged whatever happens.
func (db *DB) onConn(ctx context.Context, fn func(*sql.Conn) error) (err error) {
	if db.readOnly {
		return fmt.Errorf("warehouse is open read-only")
	}
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, conn.Close()) }()
	// Whatever the outcome, the data may have changed (a failed COMMIT
	// leaves it unknown): the dashboards' snapshot is rebuilt, or patched
	// with the jurisdiction-years the write noted (refreshHeadline) when it
	// says which it touched; writers hold writeMu, so db.note is theirs.
	db.note = writeNote{}
	defer func() { db.changed(db.note) }()
	if _, err := conn.ExecContext(ctx, `BEGIN TRANSACTION`); err != nil {
		return err
	}
	if err := fn(conn); err != nil {
		_, rbErr := conn.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`)
		return errors.Join(err, rbErr)
	}
	// Temp tables outlive the transaction on this pooled connection: drop
	// them, or the next user of the connection (researchers' SQL included)
	// would see the last batch.
	if err := dropTempTables(ctx, conn); err != nil {
		_, rbErr := conn.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`)
		return errors.Join(err, rbErr)
	}
	if _, err := conn.ExecContext(ctx, `COMMIT`); err != nil {
		_, rbErr := conn.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`)
		return errors.Join(err, rbErr)
	}
	return nil
}

// dropTempTables drops every temp table of the connection.
func dropTempTables(ctx context.Context, conn *sql.Conn) error {
	rows, err := conn.QueryContext(ctx, `SELECT table_name FROM duckdb_tables() WHERE temporary`)
	if err != nil {
		return fmt.Errorf("list temp tables: %w", err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return fmt.Errorf("list temp tables: %w", err)
		}
		names = append(names, n)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("list temp tables: %w", err)
	}
	for _, n := range names {
		if _, err := conn.ExecContext(ctx, `DROP TABLE IF EXISTS temp.main.`+quoteIdent(n)); err != nil {
			return fmt.Errorf("drop temp table %s: %w", n, err)
		}
	}
	return nil
}

// stage copies an Arrow record batch into a temp table of this connection
// and transaction. The Arrow view is a one-shot stream, so it is read once,
// by the CREATE ... AS SELECT; selectFmt gets the view's name at %s.
func stage(ctx context.Context, conn *sql.Conn, table string, rec arrow.RecordBatch, selectFmt string) error {
	view := table + "_arrow"
	rdr, err := array.NewRecordReader(rec.Schema(), []arrow.RecordBatch{rec})
	if err != nil {
		return fmt.Errorf("stage %s: %w", table, err)
	}
	defer rdr.Release()
	var release func()
	if err := conn.Raw(func(dc any) error {
		a, err := duckdb.NewArrowFromConn(dc.(driver.Conn))
		if err != nil {
			return err
		}
		release, err = a.RegisterView(rdr, view)
		return err
	}); err != nil {
		return fmt.Errorf("stage %s: register arrow view: %w", table, err)
	}
	defer release()
	q := `CREATE OR REPLACE TEMP TABLE ` + table + ` AS ` + fmt.Sprintf(selectFmt, view)
	if _, err := conn.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("stage %s: %w", table, err)
	}
	_, err = conn.ExecContext(ctx, `DROP VIEW IF EXISTS `+view)
	return err
}

// rebuildWide recreates indicator_wide with one column per catalog code,
// named by the code (quote it in SQL: "mediation.cases_accepted"), holding
// the headline value, and comments each column with the indicator's name.
// DuckDB's PIVOT cannot take its columns from the data inside a view, so the
// column list is written out from the indicators table.
func rebuildWide(ctx context.Context, conn *sql.Conn) error {
	rows, err := conn.QueryContext(ctx, `SELECT code, name_zh, unit FROM indicators ORDER BY category, code`)
	if err != nil {
		return fmt.Errorf("rebuild indicator_wide: %w", err)
	}
	type ind struct{ code, name, unit string }
	var inds []ind
	for rows.Next() {
		var i ind
		if err := rows.Scan(&i.code, &i.name, &i.unit); err != nil {
			rows.Close()
			return fmt.Errorf("rebuild indicator_wide: %w", err)
		}
		inds = append(inds, i)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("rebuild indicator_wide: %w", err)
	}
	var b strings.Builder
	b.WriteString(`CREATE OR REPLACE VIEW indicator_wide AS
SELECT jurisdiction_code, any_value(jurisdiction_name) AS jurisdiction_name,
       any_value(jurisdiction_level) AS jurisdiction_level, year,
       CASE WHEN jurisdiction_code = '' THEN report_id ELSE '' END AS unresolved_report_id`)
	for _, i := range inds {
		fmt.Fprintf(&b, ",\n       max(value) FILTER (WHERE indicator = %s) AS %s", quote(i.code), quoteIdent(i.code))
	}
	b.WriteString("\nFROM headline GROUP BY 1, 4, 5")
	stmts := append([]string{b.String()}, wideComments...)
	for _, i := range inds {
		stmts = append(stmts, `COMMENT ON COLUMN indicator_wide.`+quoteIdent(i.code)+` IS `+
			quote("Headline value of "+i.code+" ("+i.name+", "+i.unit+")."))
	}
	for _, q := range stmts {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("rebuild indicator_wide: %.60s: %w", q, err)
		}
	}
	return nil
}

// wideComments document the key columns of indicator_wide (CREATE OR
// REPLACE VIEW drops the comments of the old view).
var wideComments = []string{
	`COMMENT ON VIEW indicator_wide IS 'One row per jurisdiction-year, one column per indicator code (quote it: "mediation.cases_accepted"), holding the headline value. Rebuilt whenever the catalog is loaded.'`,
	`COMMENT ON COLUMN indicator_wide.jurisdiction_code IS 'Division code; empty when unresolved.'`,
	`COMMENT ON COLUMN indicator_wide.jurisdiction_name IS 'Name as written.'`,
	`COMMENT ON COLUMN indicator_wide.jurisdiction_level IS 'Level as written.'`,
	`COMMENT ON COLUMN indicator_wide.year IS 'Year of the figures.'`,
	`COMMENT ON COLUMN indicator_wide.unresolved_report_id IS 'For an unresolved jurisdiction: its report (each is its own row); empty otherwise.'`,
}

// quoteIdent renders s as a SQL identifier.
func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
