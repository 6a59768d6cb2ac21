package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/duckdb/duckdb-go/v2"
)

// ReadOnlyLimits bound a researcher's query.
type ReadOnlyLimits struct {
	// MaxRows is the row cap; rows past it are dropped and Truncated is set.
	MaxRows int
	// Timeout ends the query; zero means no limit beyond ctx.
	Timeout time.Duration
	// MaxLength is the longest SQL text accepted, in characters.
	MaxLength int
}

// DefaultReadOnlyLimits are the limits of the SQL endpoint and `fazhi sql`.
var DefaultReadOnlyLimits = ReadOnlyLimits{MaxRows: 10000, Timeout: 10 * time.Second, MaxLength: 20000}

// ResultSet is the answer to a read-only query. Values are JSON-friendly:
// strings, numbers, booleans, nil, lists and maps of those.
type ResultSet struct {
	Columns   []string `json:"columns"`
	Rows      [][]any  `json:"rows"`
	Truncated bool     `json:"truncated"`
}

// QueryReadOnly runs one researcher-supplied SELECT under the sandbox of
// DESIGN.md: exactly one statement, of type SELECT, no file or network access
// (closed for the whole instance at Open), a timeout, a row cap and a length
// cap. It runs inside a transaction that is always rolled back.
// Refusals wrap ErrQueryRejected; syntax and binding errors wrap ErrInvalidQuery.
func (db *DB) QueryReadOnly(ctx context.Context, query string, lim ReadOnlyLimits) (ResultSet, error) {
	var res ResultSet
	query = strings.TrimSpace(query)
	if query == "" {
		return res, fmt.Errorf("%w: empty query", ErrInvalidQuery)
	}
	if lim.MaxLength > 0 && utf8.RuneCountInString(query) > lim.MaxLength {
		return res, fmt.Errorf("%w: query is longer than %d characters", ErrQueryRejected, lim.MaxLength)
	}
	if lim.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.Timeout)
		defer cancel()
	}
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return res, fmt.Errorf("read-only query: %w", err)
	}
	defer conn.Close()
	if err := checkSelect(ctx, conn, query); err != nil {
		return res, err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("read-only query: %w", translate(ctx, err))
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return res, translate(ctx, err)
	}
	defer rows.Close()
	if res.Columns, err = rows.Columns(); err != nil {
		return res, translate(ctx, err)
	}
	res.Rows = [][]any{}
	for rows.Next() {
		if lim.MaxRows > 0 && len(res.Rows) == lim.MaxRows {
			res.Truncated = true
			break
		}
		vals := make([]any, len(res.Columns))
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return res, translate(ctx, err)
		}
		for i, v := range vals {
			vals[i] = plain(v)
		}
		res.Rows = append(res.Rows, vals)
	}
	if err := rows.Err(); err != nil {
		return res, translate(ctx, err)
	}
	return res, nil
}

// checkSelect accepts query only if it is one SELECT statement: its first
// keyword must start a query, and DuckDB's own parser must see exactly one
// statement of type SELECT. Nothing is executed. (duckdb-go's context-aware
// prepare runs all but the last statement of a multi-statement string, so
// the plain Prepare, which refuses more than one, is used on purpose.)
func checkSelect(ctx context.Context, conn *sql.Conn, query string) error {
	if kw := firstKeyword(query); !queryKeywords[kw] {
		return fmt.Errorf("%w: only SELECT (or WITH … SELECT) queries are allowed, not %s", ErrQueryRejected, kw)
	}
	// A SELECT can still change state through these functions, and a
	// rollback does not undo a sequence's step.
	if m := stateFunctions.FindString(query); m != "" {
		return fmt.Errorf("%w: %s changes the warehouse and is not allowed", ErrQueryRejected, strings.TrimRight(m, " \t\r\n("))
	}
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*duckdb.Conn)
		if !ok {
			return fmt.Errorf("read-only query: not a duckdb connection")
		}
		stmt, err := c.Prepare(query)
		if err != nil {
			if strings.Contains(err.Error(), "multi-statement") {
				return fmt.Errorf("%w: exactly one statement is allowed", ErrQueryRejected)
			}
			return translate(ctx, err)
		}
		defer stmt.Close()
		typ, err := stmt.(*duckdb.Stmt).StatementType()
		if err != nil {
			return translate(ctx, err)
		}
		if typ != duckdb.STATEMENT_TYPE_SELECT {
			return fmt.Errorf("%w: only SELECT (or WITH … SELECT) queries are allowed", ErrQueryRejected)
		}
		return nil
	})
}

// stateFunctions are the functions a SELECT may call that change state.
var stateFunctions = regexp.MustCompile(`(?i)\b(nextval|setval)\s*\(`)

// queryKeywords are the words a read-only query may start with. PRAGMA is
// not among them although DuckDB runs some pragmas as SELECTs.
var queryKeywords = map[string]bool{
	"SELECT": true, "WITH": true, "FROM": true, "VALUES": true, "TABLE": true,
	"DESCRIBE": true, "SUMMARIZE": true, "SHOW": true, "(": true,
}

// firstKeyword returns the first word of query, upper-cased, after comments.
func firstKeyword(query string) string {
	q := query
	for {
		q = strings.TrimLeft(q, " \t\r\n")
		switch {
		case strings.HasPrefix(q, "--"):
			_, rest, ok := strings.Cut(q, "\n")
			if !ok {
				return ""
			}
			q = rest
		case strings.HasPrefix(q, "/*"):
			_, rest, ok := strings.Cut(q[2:], "*/")
			if !ok {
				return ""
			}
			q = rest
		default:
			if strings.HasPrefix(q, "(") {
				return "("
			}
			end := strings.IndexFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && r != '_' })
			if end < 0 {
				end = len(q)
			}
			return strings.ToUpper(q[:end])
		}
	}
}

// translate maps driver errors to the package's sentinels.
func translate(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("query stopped: %w", ctxErr)
	}
	var de *duckdb.Error
	if errors.As(err, &de) {
		switch de.Type {
		case duckdb.ErrorTypePermission:
			return fmt.Errorf("%w: %s", ErrQueryRejected, cleanDuckDBError(err))
		case duckdb.ErrorTypeParser, duckdb.ErrorTypeBinder, duckdb.ErrorTypeCatalog,
			duckdb.ErrorTypeConversion, duckdb.ErrorTypeInvalidInput, duckdb.ErrorTypeOutOfRange,
			duckdb.ErrorTypeMismatchType, duckdb.ErrorTypeDivideByZero, duckdb.ErrorTypeInvalidType,
			duckdb.ErrorTypeNotImplemented, duckdb.ErrorTypeSyntax:
			return fmt.Errorf("%w: %s", ErrInvalidQuery, cleanDuckDBError(err))
		}
		return fmt.Errorf("%w: %s", ErrInvalidQuery, cleanDuckDBError(err))
	}
	return err
}

// cleanDuckDBError keeps the first line of a DuckDB message (the position
// marker lines that follow are noise in an API answer).
func cleanDuckDBError(err error) string {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return strings.TrimSpace(msg)
}

// plain turns driver values into JSON-friendly ones.
func plain(v any) any {
	switch x := v.(type) {
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	case []byte:
		return string(x)
	case *big.Int:
		if x.IsInt64() {
			return x.Int64()
		}
		return x.String()
	case duckdb.Decimal:
		f, _ := new(big.Float).SetInt(x.Value).Float64()
		return f / math.Pow10(int(x.Scale))
	case duckdb.Interval:
		return fmt.Sprintf("%d months %d days %d µs", x.Months, x.Days, x.Micros)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Sprint(x)
		}
		return x
	case float32:
		return plain(float64(x))
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plain(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = plain(e)
		}
		return out
	case duckdb.Map:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[fmt.Sprint(k)] = plain(e)
		}
		return out
	case duckdb.UUID:
		return x.String()
	}
	return v
}
