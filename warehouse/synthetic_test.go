package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// FOR TESTS ONLY. LoadSynthetic fills an empty warehouse with a synthetic
// corpus of rows (datasets/synth's Config.All) fast: reports, their facts
// and the headline table directly, without text or extraction, for the
// differential test of the read model (snapshot_test.go) and the tests of
// large pages. Benchmarks ingest synthetic report files through the real
// pipeline instead (cmd/fazhi's BenchmarkIngest and BenchmarkDashboardPages).

// SyntheticReport is a synthetic report. Its fields are those of
// synth.Report, in the same order, so that one converts to the other.
type SyntheticReport struct {
	ReportID          string
	SHA256            string
	Source            string
	Title             string
	JurisdictionCode  string // "" for an unresolved jurisdiction
	JurisdictionName  string
	JurisdictionLevel string
	Year              int
	Chars             int
	IngestedAt        time.Time
}

// SyntheticHeadline is a synthetic headline value. Its fields are those of
// synth.Headline, in the same order.
type SyntheticHeadline struct {
	JurisdictionCode  string
	JurisdictionName  string
	JurisdictionLevel string
	Year              int
	Indicator         string
	Value             float64
	Unit              string
	Approx            bool
	Partial           bool
	Scope             string
	Derived           bool
	Flags             []string
	FactID            string
	ReportID          string
	Quote             string
}

// SyntheticBatch is a group of reports and their headline values.
type SyntheticBatch struct {
	Reports   []SyntheticReport
	Headlines []SyntheticHeadline
}

var syntheticReportSchema = arrow.NewSchema([]arrow.Field{
	{Name: "report_id", Type: arrow.BinaryTypes.String},
	{Name: "sha256", Type: arrow.BinaryTypes.String},
	{Name: "source", Type: arrow.BinaryTypes.String},
	{Name: "title", Type: arrow.BinaryTypes.String},
	{Name: "jurisdiction_code", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "jurisdiction_name", Type: arrow.BinaryTypes.String},
	{Name: "jurisdiction_level", Type: arrow.BinaryTypes.String},
	{Name: "year", Type: arrow.PrimitiveTypes.Int32},
	{Name: "chars", Type: arrow.PrimitiveTypes.Int32},
	{Name: "ingested_at", Type: &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}},
}, nil)

var syntheticHeadlineSchema = arrow.NewSchema([]arrow.Field{
	{Name: "jurisdiction_code", Type: arrow.BinaryTypes.String},
	{Name: "jurisdiction_name", Type: arrow.BinaryTypes.String},
	{Name: "jurisdiction_level", Type: arrow.BinaryTypes.String},
	{Name: "year", Type: arrow.PrimitiveTypes.Int32},
	{Name: "indicator", Type: arrow.BinaryTypes.String},
	{Name: "value", Type: arrow.PrimitiveTypes.Float64},
	{Name: "unit", Type: arrow.BinaryTypes.String},
	{Name: "approx", Type: arrow.FixedWidthTypes.Boolean},
	{Name: "partial", Type: arrow.FixedWidthTypes.Boolean},
	{Name: "scope", Type: arrow.BinaryTypes.String},
	{Name: "derived", Type: arrow.FixedWidthTypes.Boolean},
	{Name: "flags", Type: arrow.ListOf(arrow.BinaryTypes.String)},
	{Name: "fact_id", Type: arrow.BinaryTypes.String},
	{Name: "report_id", Type: arrow.BinaryTypes.String},
	{Name: "quote", Type: arrow.BinaryTypes.String},
}, nil)

// LoadSynthetic loads batches into the warehouse in one transaction: each
// batch goes in as two Arrow record batches; the reports are inserted as
// they come, the headline values are staged and finally written to facts
// and, sorted by indicator and year as RebuildHeadline writes it, to the
// headline table; the summary tables are computed last. FOR BENCHMARKS
// ONLY: it checks nothing, and a warehouse it filled must not be given to
// anyone.
func (db *DB) LoadSynthetic(ctx context.Context, batches iter.Seq[SyntheticBatch]) error {
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	mem := memory.NewGoAllocator()
	err := db.onConn(ctx, func(conn *sql.Conn) error {
		if _, err := conn.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE synthetic_headline AS
			SELECT * FROM (SELECT ''::VARCHAR AS jurisdiction_code, ''::VARCHAR AS jurisdiction_name, ''::VARCHAR AS jurisdiction_level,
			       0::INTEGER AS year, ''::VARCHAR AS indicator, 0::DOUBLE AS value, ''::VARCHAR AS unit, false AS approx,
			       false AS partial, ''::VARCHAR AS scope, false AS derived, []::VARCHAR[] AS flags, ''::VARCHAR AS fact_id,
			       ''::VARCHAR AS report_id, ''::VARCHAR AS quote) WHERE false`); err != nil {
			return err
		}
		for b := range batches {
			rep := syntheticReportBatch(mem, b.Reports)
			err := stage(ctx, conn, "synthetic_reports_batch", rep, `SELECT * FROM %s`)
			rep.Release()
			if err != nil {
				return err
			}
			hl := syntheticHeadlineBatch(mem, b.Headlines)
			err = stage(ctx, conn, "synthetic_headline_batch", hl, `SELECT * FROM %s`)
			hl.Release()
			if err != nil {
				return err
			}
			for _, q := range []string{
				`INSERT INTO reports BY NAME SELECT *, 'txt' AS format, '' AS url, []::VARCHAR[] AS jurisdiction_candidates,
				        '' AS text, 'synthetic' AS extractor_version FROM synthetic_reports_batch`,
				`INSERT INTO synthetic_headline SELECT * FROM synthetic_headline_batch`,
			} {
				if _, err := conn.ExecContext(ctx, q); err != nil {
					return err
				}
			}
		}
		for _, q := range []string{
			// The corpus writes its approximate values as 300余件: at least.
			`INSERT INTO facts BY NAME SELECT fact_id, report_id, indicator, value, unit, unit AS raw_unit, approx,
			        CASE WHEN approx THEN 'at_least' ELSE '' END AS approx_kind, scope, quote,
			        0 AS start, 1 AS "end", derived, flags, NULL AS numerator, NULL AS denominator, '' AS basis
			 FROM synthetic_headline`,
			`INSERT INTO headline BY NAME
			 SELECT coalesce(nullif(jurisdiction_code, ''), 'report:' || report_id) AS jurisdiction_key,
			        jurisdiction_code, jurisdiction_name, jurisdiction_level, year, indicator, value, unit, approx, partial,
			        scope, derived, flags, false AS corrected, fact_id, report_id, quote,
			        NULL AS numerator, NULL AS denominator, '' AS basis, CASE WHEN approx THEN 'at_least' ELSE '' END AS approx_kind,
			        false AS conflict
			 FROM synthetic_headline ORDER BY indicator, year, value DESC`,
			`DROP TABLE synthetic_headline`,
		} {
			if _, err := conn.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		if err := rebuildPlacements(ctx, conn); err != nil {
			return err
		}
		return rebuildSummaries(ctx, conn)
	})
	if err != nil {
		return fmt.Errorf("load synthetic corpus: %w", err)
	}
	return nil
}

func syntheticReportBatch(mem memory.Allocator, rs []SyntheticReport) arrow.RecordBatch {
	b := array.NewRecordBuilder(mem, syntheticReportSchema)
	defer b.Release()
	b.Reserve(len(rs))
	for _, r := range rs {
		for i, s := range []string{r.ReportID, r.SHA256, r.Source, r.Title} {
			b.Field(i).(*array.StringBuilder).Append(s)
		}
		if r.JurisdictionCode == "" {
			b.Field(4).AppendNull()
		} else {
			b.Field(4).(*array.StringBuilder).Append(r.JurisdictionCode)
		}
		b.Field(5).(*array.StringBuilder).Append(r.JurisdictionName)
		b.Field(6).(*array.StringBuilder).Append(r.JurisdictionLevel)
		b.Field(7).(*array.Int32Builder).Append(int32(r.Year))
		b.Field(8).(*array.Int32Builder).Append(int32(r.Chars))
		b.Field(9).(*array.TimestampBuilder).Append(arrow.Timestamp(r.IngestedAt.UnixMicro()))
	}
	return b.NewRecordBatch()
}

func syntheticHeadlineBatch(mem memory.Allocator, hs []SyntheticHeadline) arrow.RecordBatch {
	b := array.NewRecordBuilder(mem, syntheticHeadlineSchema)
	defer b.Release()
	b.Reserve(len(hs))
	str := func(i int, s string) { b.Field(i).(*array.StringBuilder).Append(s) }
	flag := func(i int, v bool) { b.Field(i).(*array.BooleanBuilder).Append(v) }
	flags := b.Field(11).(*array.ListBuilder)
	flagValues := flags.ValueBuilder().(*array.StringBuilder)
	for _, h := range hs {
		str(0, h.JurisdictionCode)
		str(1, h.JurisdictionName)
		str(2, h.JurisdictionLevel)
		b.Field(3).(*array.Int32Builder).Append(int32(h.Year))
		str(4, h.Indicator)
		b.Field(5).(*array.Float64Builder).Append(h.Value)
		str(6, h.Unit)
		flag(7, h.Approx)
		flag(8, h.Partial)
		str(9, h.Scope)
		flag(10, h.Derived)
		flags.Append(true)
		for _, f := range h.Flags {
			flagValues.Append(f)
		}
		str(12, h.FactID)
		str(13, h.ReportID)
		str(14, h.Quote)
	}
	return b.NewRecordBatch()
}
