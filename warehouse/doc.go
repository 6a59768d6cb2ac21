// Package warehouse owns the DuckDB warehouse of fazhi: the schema and its
// migrations, loading the Arrow batches that ingest builds, corrections,
// users and sessions, publishing consistent read-only copies of the file
// (Publish, Publisher), export, and, in sqlbox, the sandbox that runs
// researchers' SQL on such a copy in processes of its own. It decides when
// the dashboards' snapshot is built or patched (DB.Snapshot); the snapshot
// and the page queries on it are readmodel's.
//
// It and readmodel (which only reads) are the only packages that speak
// SQL. It may import ingest for the Arrow schemas and batch type only; it
// must not import api, dashboards or net/http.
// Query results are returned as this package's own structs; the pages'
// are readmodel's.
//
// See DESIGN.md for why the load path, the single writer, publishing and
// the SQL sandbox are built the way they are.
package warehouse
