package readmodel

// Figure is one headline value as the pages show it: the number, how the
// report states it, and the marks that decide whether it may be ranked.
// Every row a page or the API shows embeds one (Cell, CompareRow,
// BriefLine, TrendRow), with its Source.
type Figure struct {
	Value  float64 `json:"value"`
	Approx bool    `json:"approx"`
	// ApproxKind says which way an approximate value leans: ApproxAtLeast,
	// ApproxAbout or ApproxAtMost; "" when exact.
	ApproxKind string `json:"approx_kind"`
	// Partial: the value is a part of the jurisdiction (Scope names it),
	// the largest stated when no jurisdiction-wide value is.
	Partial bool   `json:"partial"`
	Scope   string `json:"scope"`
	// Derived: computed from other values of the report (a rate from its
	// counts), not stated.
	Derived   bool `json:"derived"`
	Corrected bool `json:"corrected"`
	// Unsure: the extractor's confidence in the fact is below the ranking
	// cut (FAZHI_MIN_CONFIDENCE) and no person confirmed it. It is shown,
	// marked 待核实, and never ranked.
	Unsure bool     `json:"unsure"`
	Flags  []string `json:"flags"`
}

// Source is where a value was read: the fact, its report and the sentence
// that states it.
type Source struct {
	FactID   string `json:"fact_id"`
	ReportID string `json:"report_id"`
	Quote    string `json:"quote"`
}

// Counts are the counts behind a rate (e.g. resolved and accepted
// disputes), where the jurisdiction-year states both and they agree with
// the rate (countsAgree); nil otherwise.
type Counts struct {
	Numerator   *float64 `json:"numerator"`
	Denominator *float64 `json:"denominator"`
}
