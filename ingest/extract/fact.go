package extract

import "github.com/fazhi/fazhi/ingest/cnnum"

// Fact is one number found in a report: the indicator it measures, its
// normalised value, and the evidence for it (the sentence and the span of the
// number in the normalised text). It is the unit of the extraction contract
// printed by `fazhi extract` and stored in the warehouse `facts` table.
type Fact struct {
	// Indicator is a code of the catalog in INDICATORS.md, e.g. "mediation.cases_accepted".
	Indicator string `json:"indicator"`
	// Value is the normalised number: 1万余 → 10000, 两次 → 2, 1502万元 → 15020000, 98.20% → 98.2.
	Value float64 `json:"value"`
	// Unit is the catalog's canonical unit (件 次 份 人 人次 条 个 项 % 元).
	Unit string `json:"unit"`
	// RawUnit is the unit as written in the report (宗, 场次, 万元, ...); empty for a zero statement.
	RawUnit string `json:"raw_unit"`
	// Approx is true when the number is written as a bound or an estimate (余 多 近 约 超 以上 左右 逾).
	Approx bool `json:"approx"`
	// ApproxKind says what an approximate value claims: "at_least" (余 多 超
	// 超过 逾 以上 有余 之多: the true value is this or more), "about" (约 大约
	// 左右 上下: an estimate; also for qualifiers that disagree and for values
	// derived from approximate ones), "at_most" (近 将近 接近: just under this).
	// Empty exactly when Approx is false.
	ApproxKind string `json:"approx_kind"`
	// Scope names the sub-body the figure belongs to when it is not the whole
	// jurisdiction (驻所调解室, 区政府法律顾问, ...); empty for jurisdiction-wide figures.
	Scope string `json:"scope"`
	// Quote is the sentence (or clause) of the normalised text that states the number.
	Quote string `json:"quote"`
	// Start and End are the rune offsets of the number in the normalised report text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Derived is true when the system computed the value (a rate from two stated counts).
	Derived bool `json:"derived"`
	// Flags are data-quality findings: rate_mismatch, part_exceeds_whole,
	// partial_year, ceiling, duplicate_mention. Never nil in JSON output.
	Flags []string `json:"flags"`
	// Numerator, Denominator and Basis form the rate ledger: for a rate, the two
	// counts it is (or should be) computed from and a short note of what they are.
	// Zero-valued when the text does not give them.
	Numerator   *float64 `json:"numerator,omitempty"`
	Denominator *float64 `json:"denominator,omitempty"`
	Basis       string   `json:"basis,omitempty"`
	// Confidence is the model's probability (0–1) that the number is a
	// figure of Indicator (model.go); a derived rate carries the lower of
	// its counts'. Every fact Extract returns has one above 0; 0 means a
	// fact not read by the extractor (built by hand), stored without one.
	Confidence float64 `json:"confidence"`
}

// Flag names used in Fact.Flags.
const (
	FlagRateMismatch     = "rate_mismatch"
	FlagPartExceedsWhole = "part_exceeds_whole"
	// FlagPartialYear marks a figure of another period than the report
	// year: part of it (截至10月30日), or years up to it (自2018年以来累计).
	FlagPartialYear      = "partial_year"
	FlagCeiling          = "ceiling"
	FlagDuplicateMention = "duplicate_mention"
)

// approxKind is Fact.ApproxKind for a qualifier bound: empty for an exact figure.
func approxKind(b cnnum.Bound) string {
	if b == cnnum.Exact {
		return ""
	}
	return b.String()
}
