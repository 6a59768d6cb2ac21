package warehouse

import (
	"context"
	"fmt"

	"github.com/fazhi/fazhi/ingest"
)

// Stored says which of the contents named by their sha256 digests (hex)
// are stored already by this fazhi's extractor: loading them again would
// change nothing (Load's "unchanged"). An ingest asks once per chunk of
// files, before decoding any, and skips those. A content stored by another
// extractor version is not in the answer: it is to be extracted anew.
func (db *DB) Stored(ctx context.Context, sha256s []string) (map[string]bool, error) {
	out := make(map[string]bool, len(sha256s))
	if len(sha256s) == 0 {
		return out, nil
	}
	// By report_id, the primary key (the digest's first 16 digits), then
	// the whole digest.
	ids := make([]string, 0, len(sha256s))
	seen := make(map[string]bool, len(sha256s))
	for _, s := range sha256s {
		if len(s) == 64 && !seen[s[:16]] {
			seen[s[:16]] = true
			ids = append(ids, s[:16])
		}
	}
	args, ph := placeholders([]any{ingest.ExtractorVersion}, ids)
	rows, err := db.sql.QueryContext(ctx, `SELECT sha256 FROM reports WHERE extractor_version = $1 AND report_id IN (`+ph+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("stored reports: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("stored reports: %w", err)
		}
		out[s] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("stored reports: %w", err)
	}
	return out, nil
}
