// Package sqlbox runs researchers' SQL where it cannot hurt the server: in
// worker processes of their own (Serve is the worker, Pool starts and
// feeds them), each with its own DuckDB instance over a read-only file, its
// memory limited by the operating system and by DuckDB, killed at the time
// limit. A query runs only if DuckDB's own parse tree of it
// (json_serialize_sql) passes the allow-list of allow.go: one SELECT, known
// functions, the warehouse's own tables. Answers are bounded in rows, bytes
// and per text value.
//
// It imports no package of fazhi but warehouse/csvsafe, and knows nothing
// of HTTP; cmd wires a Pool to warehouse.Publisher's copies and to the api.
// warehouse/DESIGN.md explains each choice and its measured cost.
package sqlbox
