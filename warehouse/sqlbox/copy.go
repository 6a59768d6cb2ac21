package sqlbox

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/duckdb/duckdb-go/v2"
)

// openCopy is a warehouse file opened by a worker: read-only, in a DuckDB
// instance of its own whose configuration is set and locked before any
// researcher SQL runs.
type openCopy struct {
	path      string
	connector *duckdb.Connector
	db        *sql.DB
	// tables are the warehouse's own tables and views, lower-cased.
	tables map[string]bool
}

// open opens path read-only under the worker's configuration.
func open(ctx context.Context, path string, cfg WorkerConfig) (*openCopy, error) {
	connector, err := duckdb.NewConnector(path+"?access_mode=READ_ONLY", nil)
	if err != nil {
		if strings.Contains(err.Error(), "Could not set lock on file") {
			return nil, fmt.Errorf("open %s: %w", path, ErrLocked)
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	c := &openCopy{path: path, connector: connector, db: sql.OpenDB(connector)}
	// One connection: the worker runs one query at a time, with threads 1.
	c.db.SetMaxOpenConns(1)
	for _, s := range settings(cfg) {
		if _, err := c.db.ExecContext(ctx, s); err != nil {
			return nil, errors.Join(fmt.Errorf("open %s: %s: %w", path, s, err), c.close())
		}
	}
	if c.tables, err = ownTables(ctx, c.db); err != nil {
		return nil, errors.Join(fmt.Errorf("open %s: %w", path, err), c.close())
	}
	return c, nil
}

// settings are the worker's DuckDB configuration, in order: the temp
// directory must be cleared while file access is still open, and the lock
// comes last so that no SQL can change any of it.
func settings(cfg WorkerConfig) []string {
	return []string{
		"SET threads = 1",
		"SET memory_limit = '" + strconv.FormatInt(cfg.Memory, 10) + "B'",
		// No spilling to disk: a query that does not fit in memory_limit fails.
		"SET temp_directory = ''",
		"SET max_temp_directory_size = '0B'",
		"SET autoinstall_known_extensions = false",
		"SET autoload_known_extensions = false",
		"SET enable_external_access = false",
		"SET lock_configuration = true",
	}
}

// ownTables lists the main schema's tables and views of the open file
// (not DuckDB's internal ones, not temporary ones).
func ownTables(ctx context.Context, db *sql.DB) (map[string]bool, error) {
	rows, err := db.QueryContext(ctx, `
		SELECT table_name FROM duckdb_tables()
		WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary
		UNION ALL
		SELECT view_name FROM duckdb_views()
		WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary`)
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	defer rows.Close()
	tables := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, fmt.Errorf("list tables: %w", err)
		}
		tables[strings.ToLower(name)] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	return tables, nil
}

func (c *openCopy) close() error {
	return errors.Join(c.db.Close(), c.connector.Close())
}
