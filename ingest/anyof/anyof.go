// Package anyof tests a string against several words at once: whether it
// contains, starts with or ends with any of them. The readers of report
// text (layout, year, jurisdiction, facts) ask it of short lines and
// clauses all the time.
package anyof

import "strings"

// Contains reports whether s contains any of subs.
func Contains(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// Prefix reports whether s starts with any of prefixes.
func Prefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// Suffix reports whether s ends with any of suffixes.
func Suffix(s string, suffixes ...string) bool {
	for _, p := range suffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// CutPrefix returns s without the first of prefixes it starts with, and
// whether there was one.
func CutPrefix(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest, true
		}
	}
	return s, false
}

// CutSuffix returns s without the first of suffixes it ends with, and
// whether there was one.
func CutSuffix(s string, suffixes ...string) (string, bool) {
	for _, p := range suffixes {
		if rest, ok := strings.CutSuffix(s, p); ok {
			return rest, true
		}
	}
	return s, false
}
