package warehouse

import (
	"context"
	"errors"
	"fmt"
	"slices"
)

// divisionPaths returns, for each code found in the division table, the
// names from the province down to it (朝阳区's town: 北京市 › 朝阳区 › …).
// One query for all codes: a division's ancestors are prefixes of its
// code, so their rows come with it, and the parent links are followed here.
func divisionPaths(ctx context.Context, q querier, codes []string) (map[string][]string, error) {
	var want []string
	for _, c := range codes {
		for _, n := range []int{2, 4, 6, 9, len(c)} {
			if n <= len(c) {
				want = append(want, c[:n])
			}
		}
	}
	out := map[string][]string{}
	if len(want) == 0 {
		return out, nil
	}
	slices.Sort(want)
	args, ph := placeholders(nil, slices.Compact(want))
	rows, err := q.QueryContext(ctx, `SELECT code, name, parent_code FROM jurisdictions WHERE code IN (`+ph+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("division paths: %w", err)
	}
	defer rows.Close()
	type row struct{ name, parent string }
	found := map[string]row{}
	for rows.Next() {
		var code string
		var r row
		if err := rows.Scan(&code, &r.name, &r.parent); err != nil {
			return nil, fmt.Errorf("division paths: %w", err)
		}
		found[code] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("division paths: %w", err)
	}
	for _, c := range codes {
		var path []string
		for code := c; code != "" && len(path) < 6; {
			r, ok := found[code]
			if !ok {
				break
			}
			path = append(path, r.name)
			code = r.parent
		}
		if len(path) > 0 {
			slices.Reverse(path)
			out[c] = path
		}
	}
	return out, nil
}

// divisionPath returns the names from the province down to code; empty for
// "" or a code that is not in the division table.
func (db *DB) divisionPath(ctx context.Context, code string) ([]string, error) {
	if code == "" {
		return []string{}, nil
	}
	paths, err := divisionPaths(ctx, db.sql, []string{code})
	if err != nil {
		return nil, err
	}
	if p, ok := paths[code]; ok {
		return p, nil
	}
	return []string{}, nil
}

// levelWordSQL is the level word of a division name (街道 镇 乡 苏木 区 县
// 市 旗 州 盟 省), as ingest/jurisdiction's levelWord reads it, written as
// SQL over the column name.
const levelWordSQL = `CASE WHEN name LIKE '%街道办事处' OR name LIKE '%街道' THEN '街道'
	WHEN name LIKE '%苏木' THEN '苏木'
	WHEN right(name, 1) IN ('镇', '乡', '区', '县', '市', '旗', '州', '盟', '省') THEN right(name, 1)
	ELSE '' END`

// SearchDivisions finds the divisions whose name contains name (at most
// limit, towns and streets first, then by code), each with its path from
// the province down: for a person to pick a report's jurisdiction.
func (db *DB) SearchDivisions(ctx context.Context, name string, limit int) ([]Candidate, error) {
	out := []Candidate{}
	if name == "" {
		return out, nil
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT code FROM jurisdictions WHERE contains(name, $1)
		ORDER BY length(code) DESC, code LIMIT $2`, name, limit)
	if err != nil {
		return nil, fmt.Errorf("search divisions: %w", err)
	}
	var codes []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return nil, fmt.Errorf("search divisions: %w", err)
		}
		codes = append(codes, c)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("search divisions: %w", err)
	}
	paths, err := divisionPaths(ctx, db.sql, codes)
	if err != nil {
		return nil, err
	}
	for _, c := range codes {
		out = append(out, Candidate{Code: c, Path: paths[c]})
	}
	return out, nil
}
