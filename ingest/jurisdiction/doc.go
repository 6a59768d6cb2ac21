// Package jurisdiction decides which jurisdiction a rule-of-law government
// report is about and resolves it to its official division code.
//
// Resolve reads the report's title, its opening, its signature (the issuing
// body on the last lines, e.g. 六盘水市钟山区人民政府荷城街道办事处 or
// 东莞市司法局桥头分局) and its self-references (我街道, 我镇, 本区) to find
// the jurisdiction's name and level. Because many names repeat across China
// (古城街道 names about twenty sub-districts), it then scores every division
// of that name by the clues in the text: ancestors written before the name
// (钟山区荷城街道), ancestors mentioned anywhere, in full or short form
// (临海市, 临海), and sibling or child divisions mentioned by name. It sets a
// code only when one division clearly wins; otherwise it leaves Code empty
// and lists the candidates, because a wrong code is worse than none.
//
// The package imports only datasets/divisions, a table it never changes. A
// Resolver is immutable and safe for concurrent use.
package jurisdiction
