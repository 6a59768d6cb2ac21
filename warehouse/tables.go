package warehouse

import (
	"context"
	"fmt"
)

// Column is one column of a table or view, as a researcher sees it.
type Column struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	Comment string `json:"comment"`
}

// Table is a table or view of the warehouse with its columns.
type Table struct {
	Name    string   `json:"name"`
	View    bool     `json:"view"`
	Comment string   `json:"comment"`
	Columns []Column `json:"columns"`
}

// Tables lists the warehouse's own tables and views (not DuckDB's, not
// temporary ones) with their columns and COMMENTs: views first, the way a
// researcher should start, then tables, each by name.
func (db *DB) Tables(ctx context.Context) ([]Table, error) {
	rows, err := db.sql.QueryContext(ctx, `
		WITH t AS (
			SELECT table_name AS name, false AS is_view, coalesce(comment, '') AS comment FROM duckdb_tables()
			WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
			UNION ALL
			SELECT view_name, true, coalesce(comment, '') FROM duckdb_views()
			WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
		)
		SELECT t.name, t.is_view, t.comment, c.column_name, c.data_type, coalesce(c.comment, '')
		FROM t JOIN duckdb_columns() c ON c.table_name = t.name
		     AND c.database_name = current_database() AND c.schema_name = 'main'
		ORDER BY NOT t.is_view, t.name, c.column_index`)
	if err != nil {
		return nil, fmt.Errorf("tables: %w", err)
	}
	defer rows.Close()
	out := []Table{}
	for rows.Next() {
		var t Table
		var c Column
		if err := rows.Scan(&t.Name, &t.View, &t.Comment, &c.Name, &c.Type, &c.Comment); err != nil {
			return nil, fmt.Errorf("tables: %w", err)
		}
		if n := len(out); n == 0 || out[n-1].Name != t.Name {
			out = append(out, t)
		}
		out[len(out)-1].Columns = append(out[len(out)-1].Columns, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("tables: %w", err)
	}
	return out, nil
}
