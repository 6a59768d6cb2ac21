package ingest

import (
	"github.com/fazhi/fazhi/ingest/extract"
	"github.com/fazhi/fazhi/ingest/jurisdiction"
	"github.com/fazhi/fazhi/ingest/textnorm"
)

// ExtractorVersion names the rules that produced a report's facts. It is
// stored with every report so that a number can always be traced to the code
// that found it; ingest/extract bumps it when extraction output changes.
const ExtractorVersion = extract.Version

// Fact is one extracted number with its evidence; see extract.Fact.
type Fact = extract.Fact

// Report is one report file after extraction: its text, who and when it is
// about, and the facts found in it.
type Report struct {
	// ID is the first 16 hex digits of SHA256: stable for the same content.
	ID string `json:"report_id"`
	// SHA256 is the hex digest of the file's bytes as read.
	SHA256 string `json:"sha256"`
	// Source is where the file came from (its path or URL as given).
	Source string `json:"file"`
	Format string `json:"format"`
	Title  string `json:"title"`
	URL    string `json:"url,omitempty"`
	// Text is the normalised text; fact spans are rune offsets into it.
	Text         string       `json:"-"`
	Jurisdiction Jurisdiction `json:"jurisdiction"`
	// Year is the year the figures belong to; 0 when it could not be told.
	Year         int    `json:"year"`
	YearEvidence string `json:"year_evidence,omitempty"`
	Facts        []Fact `json:"facts"`
	// chars is the number of characters of Text once counted (0: not yet).
	chars int
}

// runes returns the number of characters (runes) of the text, counted once.
func (r *Report) runes() int {
	if r.chars == 0 && r.Text != "" {
		r.chars = textnorm.CountRunes(r.Text) // the text is normalised: valid UTF-8
	}
	return r.chars
}

// Jurisdiction is the body a report is about, resolved to its official
// division code (统计用区划代码) when the evidence settles it: what the
// resolver found (jurisdiction.Result), with Path and Evidence never nil.
type Jurisdiction = jurisdiction.Result

// Candidate is one division a report may be about.
type Candidate = jurisdiction.Candidate

// Clue is one piece of evidence about a report's jurisdiction and what it
// weighed.
type Clue = jurisdiction.Clue
