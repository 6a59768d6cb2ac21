// Package readmodel is what the dashboards and the JSON API read: an
// immutable, in-memory Snapshot of one generation of the warehouse (the
// headline values, reports, divisions, conflicts and coverage, interned
// and indexed), built from the warehouse's tables and views in one read
// transaction, and the page queries that answer from it (compare and its
// ranking, trend, topics, heatmap, overview, the one-page brief).
//
// A request takes one Snapshot and passes it explicitly to every query it
// makes, so that a page computed from several reads shows one generation
// even if a write lands meanwhile. The warehouse package decides when a
// snapshot is built or patched (after writes, for the jurisdiction-years
// they touched); this package only builds one from a connection it is
// given and answers from it.
//
// It reads SQL but never writes; it must not import warehouse (which
// imports it), api, dashboards or net/http.
package readmodel

import (
	"errors"
	"strings"
)

// Sentinel errors that callers branch on; the warehouse package returns
// the same values (warehouse.ErrNotFound is ErrNotFound).
var (
	// ErrNotFound: the requested report, fact or jurisdiction does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalidQuery: the request is malformed.
	ErrInvalidQuery = errors.New("invalid query")
)

// Key is a jurisdiction-year: a key of report_jurisdictions (a division
// code, or a report's own key when unresolved) and a year (0 for none).
// A write names the keys it touched so that the next snapshot can be
// patched instead of built from scratch.
type Key struct {
	Jurisdiction string
	Year         int32
}

// quote renders s as a SQL string literal.
func quote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// listOf converts a DuckDB LIST scanned as []any, keeping the elements of
// type T.
func listOf[T any](in []any) []T {
	out := make([]T, 0, len(in))
	for _, v := range in {
		if t, ok := v.(T); ok {
			out = append(out, t)
		}
	}
	return out
}
