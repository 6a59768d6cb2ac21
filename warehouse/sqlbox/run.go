package sqlbox

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/duckdb/duckdb-go/v2"
)

// run answers one request on the open copy: parse with DuckDB's parser,
// check the tree against the allow-list, run, and read at most MaxRows rows
// and MaxBytes bytes of JSON.
func (c *openCopy) run(ctx context.Context, req request) answer {
	var tree string
	if err := c.db.QueryRowContext(ctx, `SELECT json_serialize_sql(?::VARCHAR)::VARCHAR`, req.SQL).Scan(&tree); err != nil {
		return failed(fmt.Errorf("parse: %w", classify(err)))
	}
	if err := check([]byte(tree), c.tables); err != nil {
		return failed(err)
	}
	// The text that was checked runs as it is, through DuckDB's query()
	// (the same parser, one SELECT): the LIMIT on top stops DuckDB at the
	// row cap instead of materialising the whole result.
	ans, err := c.query(ctx, `SELECT * FROM query(?) LIMIT ?`, req)
	if err != nil && strings.Contains(err.Error(), unsupportedType) {
		// duckdb-go cannot return a few of DuckDB's types (TIME_NS,
		// VARIANT): the answer gives every column as text instead.
		ans, err = c.query(ctx, `SELECT COLUMNS(*)::VARCHAR FROM query(?) LIMIT ?`, req)
	}
	if err != nil {
		return failed(err)
	}
	return ans
}

// unsupportedType is how duckdb-go says it has no Go value for a type.
const unsupportedType = "unsupported data type"

// query runs the researcher's text through the wrapper SQL and reads it.
func (c *openCopy) query(ctx context.Context, wrapper string, req request) (answer, error) {
	rows, err := c.db.QueryContext(ctx, wrapper, req.SQL, req.MaxRows+1)
	if err != nil {
		return answer{}, classify(err)
	}
	defer rows.Close()
	return read(rows, req)
}

// read reads rows as JSON, stopping at the row and byte caps.
func read(rows *sql.Rows, req request) (answer, error) {
	var ans answer
	var err error
	if ans.Columns, err = rows.Columns(); err != nil {
		return ans, classify(err)
	}
	types, err := rows.ColumnTypes()
	if err != nil {
		return ans, classify(err)
	}
	for _, t := range types {
		ans.Types = append(ans.Types, t.DatabaseTypeName())
	}
	ans.Rows = []json.RawMessage{}
	cut := cellCutter{max: req.MaxCell}
	vals := make([]any, len(ans.Columns))
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	size := 0
	for rows.Next() {
		if len(ans.Rows) == req.MaxRows {
			ans.Truncated = "rows"
			break
		}
		if err := rows.Scan(ptrs...); err != nil {
			return ans, classify(err)
		}
		row := make([]any, len(vals))
		for i, v := range vals {
			row[i] = cut.value(v)
		}
		buf.Reset()
		if err := enc.Encode(row); err != nil {
			return ans, fmt.Errorf("encode row: %w", err)
		}
		line := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		if req.MaxBytes > 0 && size+len(line)+1 > req.MaxBytes {
			ans.Truncated = "bytes"
			break
		}
		size += len(line) + 1
		ans.Rows = append(ans.Rows, json.RawMessage(bytes.Clone(line)))
	}
	if err := rows.Err(); err != nil {
		return ans, classify(err)
	}
	ans.CellsCut = cut.cut
	return ans, nil
}

// classify maps a driver error to the package's sentinels, keeping the
// first line of DuckDB's message (the position markers after it are noise
// in an answer). What the driver cannot do with the query's values is the
// query's problem, not the server's: ErrInvalid.
func classify(err error) error {
	var de *duckdb.Error
	if !errors.As(err, &de) {
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	msg, _, _ := strings.Cut(de.Msg, "\n")
	msg = strings.TrimSpace(msg)
	switch de.Type {
	case duckdb.ErrorTypeOutOfMemory:
		return fmt.Errorf("%w: %s", ErrMemory, msg)
	case duckdb.ErrorTypePermission:
		return refuse(RefusePermission, "", "%s", msg)
	}
	return fmt.Errorf("%w: %s", ErrInvalid, msg)
}

// kinds pairs each kind of failure with its sentinel.
var kinds = []struct {
	kind string
	err  error
}{
	{kindRejected, ErrRejected},
	{kindInvalid, ErrInvalid},
	{kindMemory, ErrMemory},
	{kindLocked, ErrLocked},
}

// failed is the answer for err: its kind, and its message without the
// sentinel's own words (the pool puts them back).
func failed(err error) answer {
	for _, k := range kinds {
		if errors.Is(err, k.err) {
			msg := err.Error()
			if i := strings.Index(msg, k.err.Error()+": "); i >= 0 {
				msg = msg[i+len(k.err.Error())+2:]
			}
			ae := &answerError{Kind: k.kind, Message: msg}
			var r *Refusal
			if errors.As(err, &r) {
				ae.Reason, ae.Subject = r.Reason, r.Subject
			}
			return answer{Error: ae}
		}
	}
	return answer{Error: &answerError{Kind: kindInternal, Message: err.Error()}}
}
