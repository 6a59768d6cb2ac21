package warehouse

import (
	"context"
	"fmt"
)

// quoteBatch bounds the fact IDs of one lookup query: DuckDB answers an IN
// list from the facts_fact_id index up to a couple of thousand values.
const quoteBatch = 1000

// Quotes returns the quotes (source sentences) of the given facts, extracted
// or added by an analyst, by fact ID. Unknown IDs are left out. It reads the
// facts_fact_id index: a few microseconds per fact.
func (db *DB) Quotes(ctx context.Context, factIDs []string) (map[string]string, error) {
	out := make(map[string]string, len(factIDs))
	for len(factIDs) > 0 {
		batch := factIDs[:min(quoteBatch, len(factIDs))]
		factIDs = factIDs[len(batch):]
		args, ph := placeholders(nil, batch)
		rows, err := db.sql.QueryContext(ctx, `
			SELECT fact_id, quote FROM facts WHERE fact_id IN (`+ph+`)
			UNION ALL
			SELECT fact_id, quote FROM corrections WHERE action = 'add' AND fact_id IN (`+ph+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
		for rows.Next() {
			var id, quote string
			if err := rows.Scan(&id, &quote); err != nil {
				rows.Close()
				return nil, fmt.Errorf("quotes: %w", err)
			}
			out[id] = quote
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
	}
	return out, nil
}

// FillQuotes sets the Quote of every cell from the warehouse (one indexed
// lookup for all of them). The dashboards' read model keeps no quotes: a
// page asks for those of the values it shows.
func (db *DB) FillQuotes(ctx context.Context, cells []Cell) error {
	if len(cells) == 0 {
		return nil
	}
	ids := make([]string, 0, len(cells))
	for _, c := range cells {
		if c.FactID != "" && c.Quote == "" {
			ids = append(ids, c.FactID)
		}
	}
	q, err := db.Quotes(ctx, ids)
	if err != nil {
		return err
	}
	for i := range cells {
		if cells[i].Quote == "" {
			cells[i].Quote = q[cells[i].FactID]
		}
	}
	return nil
}
