package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/ingest/extract"
	"github.com/fazhi/fazhi/ingest/jurisdiction"
	"github.com/fazhi/fazhi/ingest/reportyear"
	"github.com/fazhi/fazhi/ingest/source"
)

// Extractor turns report files into Reports. It is safe for concurrent use.
type Extractor struct {
	resolver *jurisdiction.Resolver
}

// NewExtractor returns an Extractor that resolves jurisdictions with t.
func NewExtractor(t *divisions.Table) *Extractor {
	return &Extractor{resolver: jurisdiction.NewResolver(t)}
}

// Extract reads one report file (any format and encoding that source.Read
// knows), finds its jurisdiction and year, and extracts its facts.
// name is the file's path or URL as the user gave it; it becomes the
// report's source.
func (x *Extractor) Extract(ctx context.Context, name string, data []byte) (Report, error) {
	doc, err := source.Read(ctx, name, data)
	if err != nil {
		return Report{}, err
	}
	sum := sha256.Sum256(data)
	digest := hex.EncodeToString(sum[:])
	title := doc.Title
	if title == "" {
		title = titleLine(doc.Text)
	}
	j := x.resolver.Resolve(title, doc.Text, doc.URL)
	year, yearEvidence, _ := reportyear.Detect(title, doc.Text)
	facts := extract.Extract(doc.Text, extract.Options{
		Jurisdiction: j.Name,
		Level:        j.Level,
		Year:         year,
	})
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
		Title:        title,
		URL:          doc.URL,
		Text:         doc.Text,
		Jurisdiction: jurisdictionOf(j),
		Year:         year,
		YearEvidence: yearEvidence,
		Facts:        facts,
	}
	if err := checkProvenance(r); err != nil {
		return Report{}, fmt.Errorf("extract %s: %w", name, err)
	}
	return r, nil
}

func jurisdictionOf(j jurisdiction.Result) Jurisdiction {
	out := Jurisdiction{Name: j.Name, Level: j.Level, Code: j.Code, Path: j.Path, Evidence: j.Evidence}
	if out.Path == nil {
		out.Path = []string{}
	}
	for _, c := range j.Candidates {
		out.Candidates = append(out.Candidates, Candidate{Code: c.Code, Path: c.Path})
	}
	return out
}

// titleLine returns the first line of text when it reads like a report
// title (short, names the report), else "".
func titleLine(text string) string {
	line, _, _ := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	if utf8.RuneCountInString(line) > 60 || strings.ContainsAny(line, "。,;") {
		return ""
	}
	for _, w := range []string{"报告", "情况", "工作总结"} {
		if strings.Contains(line, w) {
			return line
		}
	}
	return ""
}
