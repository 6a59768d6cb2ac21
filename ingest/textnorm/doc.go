// Package textnorm turns decoded report text into the canonical text that
// every later step of the pipeline refers to. Stored spans are rune offsets
// into the output of Normalize, so its behaviour is part of the data
// contract: changing a rule changes every span.
//
// Normalize is pure, single-pass and idempotent. It folds full-width ASCII
// forms to half-width, maps odd spaces to a plain space (dropping zero-width
// ones), unifies line ends, trims and collapses spaces and blank lines, and
// repairs numbers that page layout broke apart: digits separated by spaces
// ("3 7 4件" → "374件"), a middle dot used as a decimal point ("99·5%" →
// "99.5%") and a space between a number and its unit ("98 %" → "98%"). It
// never changes the value of a correctly written number and never glues two
// numbers that are really separate (dates, times, year lists).
//
// The package imports nothing of ours.
package textnorm
