package sqlbox_test

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/sqlbox"
	"github.com/fazhi/fazhi/warehouse/warehousetest"
)

// benchQueries are a researcher's typical queries on the samples.
var benchQueries = map[string]string{
	"count":    `SELECT count(*) FROM reports`,
	"headline": `SELECT jurisdiction_name, year, value, approx, quote FROM headline_facts WHERE indicator = 'mediation.success_rate' ORDER BY value`,
}

// BenchmarkQuery compares one query through the sandbox (a worker process:
// parse with json_serialize_sql, check, run, JSON over a pipe, decode) with
// the same query run in-process on the same copy, as the server did before
// the sandbox (without its guard, so the difference is the sandbox's whole
// price).
func BenchmarkQuery(b *testing.B) {
	db := warehousetest.OpenSamples(b, warehouse.Config{})
	c, err := db.Publish(context.Background(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for name, q := range benchQueries {
		b.Run(name+"/in-process", func(b *testing.B) {
			conn, err := duckdb.NewConnector(c.Path+"?access_mode=READ_ONLY", nil)
			if err != nil {
				b.Fatal(err)
			}
			sdb := sql.OpenDB(conn)
			defer func() { sdb.Close(); conn.Close() }()
			for b.Loop() {
				rows, err := sdb.QueryContext(ctx, q)
				if err != nil {
					b.Fatal(err)
				}
				cols, _ := rows.Columns()
				vals := make([]any, len(cols))
				ptrs := make([]any, len(vals))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				for rows.Next() {
					if err := rows.Scan(ptrs...); err != nil {
						b.Fatal(err)
					}
				}
				rows.Close()
			}
		})
		b.Run(name+"/sandbox", func(b *testing.B) {
			p := warehousetest.Pool(b, sqlbox.Source{Path: c.Path, AsOf: c.At}, sqlbox.Limits{})
			if _, err := p.Query(ctx, q); err != nil { // the worker opens the copy
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := p.Query(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWorkerStart measures a worker's start (exec, the Go runtime, its
// memory limit, the hello) and its first query (opening the copy with its
// DuckDB configuration, listing its tables, then the query).
func BenchmarkWorkerStart(b *testing.B) {
	db := warehousetest.OpenSamples(b, warehouse.Config{})
	c, err := db.Publish(context.Background(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	src := sqlbox.Source{Path: c.Path, AsOf: c.At}
	var start, first time.Duration
	for b.Loop() {
		t0 := time.Now()
		p, err := sqlbox.Start(sqlbox.Config{
			Command: warehousetest.WorkerCommand(warehousetest.TestWorker),
			Workers: 1,
			Acquire: func(context.Context) (sqlbox.Source, func(), error) { return src, func() {}, nil },
			Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		})
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if _, err := p.Query(context.Background(), `SELECT count(*) FROM reports`); err != nil {
			b.Fatal(err)
		}
		start += t1.Sub(t0)
		first += time.Since(t1)
		p.Close()
	}
	b.ReportMetric(start.Seconds()*1000/float64(b.N), "ms/start")
	b.ReportMetric(first.Seconds()*1000/float64(b.N), "ms/first-query")
}
