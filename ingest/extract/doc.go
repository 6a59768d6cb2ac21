// Package extract finds every indicator of the catalog (INDICATORS.md) in the
// normalised text of a 法治政府建设情况报告, with the clause it came from and
// the rune span of the number, then adds derived rates and data-quality
// flags.
//
// The extractor makes one pass over the text. A hand-written scanner finds
// candidate numbers (Arabic or Chinese numerals followed by a unit or %), and
// an Aho-Corasick automaton built once from the trigger lexicon (lexicon.go)
// finds every trigger word. Each candidate is then decided from the trigger
// words of its clause (left context first, then the words after the unit,
// then the earlier clauses of its sentence), checked against the units the
// indicator accepts. The rules are data: a trigger lexicon per indicator
// code, not code per sentence. See DESIGN.md for the decisions.
package extract
