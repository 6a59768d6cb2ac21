// Package layout reads the layout of a report's normalised text once, for
// every later step: the web page's furniture and metadata fields (索引号,
// 发布机构, 来源, 发布日期…), the title block with its lines merged (an issuer
// line above a title, a title split over two lines), the addressee (城中区委
// 全面依法治区委员会:), the opening sentences where a report names its
// subject (2024年,五常街道深入学习…), the numbered sections and what each is
// about (achievements, problems, next year's plans), tables written with |
// cells, the signature and its date.
//
// Jurisdiction and year detection and the fact extractor all read one
// Layout, so that they agree on where the title, the plans and the signature
// are. The package knows Chinese report conventions, not division names:
// naming the jurisdiction is package jurisdiction's job.
//
// Offsets are byte offsets into the text given to Read. Read is a pure
// function of its input and safe for concurrent use.
package layout
