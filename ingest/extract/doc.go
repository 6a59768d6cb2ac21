// Package extract finds every indicator of the catalog (INDICATORS.md) in the
// normalised text of a 法治政府建设情况报告, with the clause it came from and
// the rune span of the number, then adds derived rates and data-quality
// flags.
//
// The extractor makes one pass over the text: a hand-written scanner finds
// candidate numbers (Arabic or Chinese numerals followed by a unit or %);
// an Aho-Corasick automaton, built once from the trigger lexicon
// (lexicon.go), then finds the trigger words of the sentences that hold a
// candidate. Each candidate is decided from the trigger words of its clause
// (left context first, then the words after the unit, then the clause
// before), checked against the units the indicator accepts. The rules are
// data — a trigger lexicon per indicator code — not code per sentence.
// DESIGN.md explains the decisions.
package extract
