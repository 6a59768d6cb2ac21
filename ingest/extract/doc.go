// Package extract reads the facts of a 法治政府建设情况报告: every figure of
// an indicator of the catalog (INDICATORS.md, catalog.go) in the normalised
// text, with the clause it came from, the rune span of the number, the
// sub-body it belongs to and a confidence; then it adds the rate ledger,
// derived rates and data-quality flags. Fact (fact.go) is the contract: what
// `fazhi extract` prints and the warehouse stores. Version, stored with
// every report, names the extractor that read its facts.
//
// Extract scans the text once for numbers followed by a unit, finds the
// words of the indicator frames in their sentences with one automaton
// (ingest/wordmatch), places each word in the number's clause and list item,
// and weighs each frame's reading by named features. The frames are the
// catalog's meaning as data (frames.go); the weights are fitted by ./fit
// into weights.json (model.go). A number is a fact only when its most
// probable code beats "no fact", and that probability is its Confidence.
// Zeros written in words and the tables of the disclosure report are read
// by fixed rules. DESIGN.md explains each step and why.
//
// The package is pure Go: it imports the standard library and ingest's
// text packages only (cnnum, layout, wordmatch, choice, anyof).
package extract
