// Package warehouse owns the DuckDB warehouse of fazhi: the schema and its
// migrations, loading the Arrow batches that ingest builds, every SQL query
// the product runs, publishing consistent read-only copies of the file
// (Publish, Publisher), and, in sqlbox, the sandbox that runs researchers'
// SQL on such a copy in processes of its own.
//
// It is the only package that speaks SQL. It may import ingest for the Arrow
// schemas and batch type only; it must not import api, dashboards or net/http.
// Query results are returned as this package's own read-model structs.
//
// See DESIGN.md for why the load path, the single writer, publishing and
// the SQL sandbox are built the way they are.
package warehouse
