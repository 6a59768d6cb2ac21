package api

import (
	"fmt"
	"net/url"
	"strconv"

	"github.com/fazhi/fazhi/warehouse"
)

// A report's answer (GET /api/reports/{id}) holds at most this much: a
// whole real report (under 100,000 characters, a few hundred facts) fits,
// a hostile one is read in pages.
const (
	MaxReportTextPage  = 200_000
	MaxReportFactsPage = 1_000
)

// parseReportWindow reads ?text_offset=N&text_limit=N&facts_offset=N&facts_limit=N
// (characters and facts; limits default to, and may not pass, the maxima).
func parseReportWindow(q url.Values) (warehouse.ReportWindow, error) {
	w := warehouse.ReportWindow{TextLimit: MaxReportTextPage, FactsLimit: MaxReportFactsPage}
	for _, p := range []struct {
		name string
		dst  *int
		max  int
	}{
		{"text_offset", &w.TextOffset, 0},
		{"text_limit", &w.TextLimit, MaxReportTextPage},
		{"facts_offset", &w.FactsOffset, 0},
		{"facts_limit", &w.FactsLimit, MaxReportFactsPage},
	} {
		v := q.Get(p.name)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		switch {
		case err != nil || n < 0 || p.max > 0 && n == 0:
			return w, fmt.Errorf("%w: %s must be a whole number%s", errBadRequest, p.name, map[bool]string{true: ", 1 or more", false: ", 0 or more"}[p.max > 0])
		case p.max > 0 && n > p.max:
			return w, fmt.Errorf("%w: %s may be at most %d; ask for the rest with the offset", errBadRequest, p.name, p.max)
		}
		*p.dst = n
	}
	return w, nil
}
