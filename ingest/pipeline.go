package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/fazhi/fazhi/ingest/extract"
	"github.com/fazhi/fazhi/ingest/jurisdiction"
	"github.com/fazhi/fazhi/ingest/layout"
	"github.com/fazhi/fazhi/ingest/reportyear"
	"github.com/fazhi/fazhi/ingest/source"
)

// Extractor turns report files into Reports. It is safe for concurrent use.
type Extractor struct {
	resolver *jurisdiction.Resolver
	limits   Limits
}

// Reference is the reference data extraction reads: the division table, the
// former division names and the web address tokens.
type Reference = jurisdiction.Data

// LoadReference loads the embedded reference data (a few tens of
// milliseconds); load it once and share it.
func LoadReference() (Reference, error) { return jurisdiction.LoadData() }

// NewExtractor returns an Extractor that resolves jurisdictions with the
// reference data ref and the committed weights.
func NewExtractor(ref Reference) (*Extractor, error) {
	m, err := jurisdiction.DefaultModel()
	if err != nil {
		return nil, err
	}
	return &Extractor{resolver: jurisdiction.NewResolver(ref, m), limits: DefaultLimits}, nil
}

// WithLimits returns a copy of x that refuses reports past l (zero fields
// keep DefaultLimits).
func (x *Extractor) WithLimits(l Limits) *Extractor {
	y := *x
	y.limits = l.withDefaults()
	return &y
}

// Limits returns the limits x refuses reports past.
func (x *Extractor) Limits() Limits { return x.limits }

// Meta is what is known about a report from outside its text: a manifest's
// row, the fields of an upload, the user's scope.
type Meta struct {
	// URL is the page the report was published at (a clue like any other).
	URL string `json:"url,omitempty"`
	// JurisdictionCode and Year, when set, are stated by the user and taken
	// as they are.
	JurisdictionCode string `json:"jurisdiction_code,omitempty"`
	Year             int    `json:"year,omitempty"`
	// Within limits the jurisdiction to this division and those under it.
	Within string `json:"within,omitempty"`
}

// Extract reads one report file (any format and encoding that source.Read
// knows), finds its jurisdiction and year, and extracts its facts.
// name is the file's path or URL as the user gave it; it becomes the
// report's source.
func (x *Extractor) Extract(ctx context.Context, name string, data []byte, meta Meta) (Report, error) {
	return x.extract(ctx, name, data, meta, "")
}

// extract is Extract with the content's sha256 (hex) when the caller has
// computed it already, else "".
func (x *Extractor) extract(ctx context.Context, name string, data []byte, meta Meta, digest string) (Report, error) {
	if int64(len(data)) > x.limits.MaxFileBytes {
		return Report{}, fmt.Errorf("read %s: %w: the file has %d bytes; the limit is %d (FAZHI_MAX_UPLOAD)", name, ErrTooLarge, len(data), x.limits.MaxFileBytes)
	}
	doc, err := source.ReadLimited(ctx, name, data, source.Limits{MaxChars: x.limits.MaxChars})
	if err != nil {
		return Report{}, err
	}
	if digest == "" {
		sum := sha256.Sum256(data)
		digest = hex.EncodeToString(sum[:])
	}
	lay := layout.Read(doc.Text, doc.Title)
	if !lay.HasText() {
		return Report{}, fmt.Errorf("read %s: %w: only the page's furniture and metadata", name, source.ErrNoText)
	}
	year, yearEvidence, _ := reportyear.Detect(lay)
	if meta.Year > 0 {
		year, yearEvidence = meta.Year, "stated by the user"
	}
	url := meta.URL
	if url == "" {
		url = doc.URL
	}
	j := x.resolver.Resolve(jurisdiction.Input{Layout: lay, URL: url, Path: name, Year: year, Within: meta.Within, Stated: meta.JurisdictionCode})
	facts := extract.Extract(doc.Text, extract.Options{
		Jurisdiction: j.Name,
		Level:        j.Level,
		Year:         year,
		Layout:       lay,
	})
	if len(facts) > x.limits.MaxFacts {
		return Report{}, fmt.Errorf("extract %s: %w: %d facts found; the limit is %d a report (FAZHI_MAX_REPORT_FACTS)", name, ErrTooLarge, len(facts), x.limits.MaxFacts)
	}
	for i := range facts {
		if facts[i].Flags == nil {
			facts[i].Flags = []string{}
		}
	}
	r := Report{
		ID:           digest[:16],
		SHA256:       digest,
		Source:       name,
		Format:       doc.Format,
		Title:        lay.Title.Text,
		URL:          url,
		Text:         doc.Text,
		Jurisdiction: jurisdictionOf(j),
		Year:         year,
		YearEvidence: yearEvidence,
		Facts:        facts,
	}
	if err := checkProvenance(&r); err != nil {
		return Report{}, fmt.Errorf("extract %s: %w", name, err)
	}
	return r, nil
}

// jurisdictionOf is the resolver's result as a report keeps it: no nil
// lists, so that JSON and Arrow carry empty ones.
func jurisdictionOf(j jurisdiction.Result) Jurisdiction {
	if j.Path == nil {
		j.Path = []string{}
	}
	if j.Evidence == nil {
		j.Evidence = []Clue{}
	}
	return j
}
