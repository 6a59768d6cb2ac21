package extract

// Ratio is how the catalog computes a rate from two counts of the same
// body: Rate = Numerator / (Denominator - Less) in percent. The warehouse
// keeps it beside the catalog, so that the pages and researchers' SQL
// decide alike which counts stand beside a rate.
type Ratio struct {
	Rate, Numerator, Denominator string
	// Less is subtracted from the denominator ("" when nothing is).
	Less string
}

// Ratios lists the rate ledger: every rate that the text may state, or
// that can be derived, from counts of the catalog.
func Ratios() []Ratio {
	out := make([]Ratio, len(ratios))
	for i, r := range ratios {
		out[i] = Ratio{Rate: r.rate, Numerator: r.num, Denominator: r.den, Less: r.less}
	}
	return out
}
