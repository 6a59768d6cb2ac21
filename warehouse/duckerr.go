package warehouse

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/duckdb/duckdb-go/v2"
)

// translate maps driver errors to the package's sentinels: a permission
// error (file access outside the allowed directories) is ErrQueryRejected,
// every other DuckDB error ErrInvalidQuery.
func translate(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("query stopped: %w", ctxErr)
	}
	var de *duckdb.Error
	if errors.As(err, &de) {
		if de.Type == duckdb.ErrorTypePermission {
			return fmt.Errorf("%w: %s", ErrQueryRejected, cleanDuckDBError(err))
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
