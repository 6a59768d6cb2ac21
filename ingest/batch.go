package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// Batch is a group of reports as two Arrow record batches that share
// report_id: one row per report, one row per fact. Whoever creates a Batch
// calls Release.
type Batch struct {
	Reports arrow.RecordBatch
	Facts   arrow.RecordBatch
}

// Release frees both record batches.
func (b *Batch) Release() {
	if b.Reports != nil {
		b.Reports.Release()
	}
	if b.Facts != nil {
		b.Facts.Release()
	}
}

// NewBatch builds the Arrow batches for reports. Every fact must carry its
// provenance (a quote and a span inside the report text); a fact without it
// is a programming error of the extractor and fails the whole batch.
func NewBatch(mem memory.Allocator, reports []Report) (*Batch, error) {
	for i := range reports {
		if err := checkProvenance(&reports[i]); err != nil {
			return nil, err
		}
	}
	rb := array.NewRecordBuilder(mem, ReportSchema)
	defer rb.Release()
	fb := array.NewRecordBuilder(mem, FactSchema)
	defer fb.Release()

	for i := range reports {
		r := &reports[i]
		appendReport(rb, r)
		for _, f := range r.Facts {
			appendFact(fb, r.ID, f)
		}
	}
	return &Batch{Reports: rb.NewRecordBatch(), Facts: fb.NewRecordBatch()}, nil
}

func appendReport(b *array.RecordBuilder, r *Report) {
	str := func(i int, s string) { b.Field(i).(*array.StringBuilder).Append(s) }
	str(0, r.ID)
	str(1, r.SHA256)
	str(2, r.Source)
	str(3, r.Format)
	str(4, r.Title)
	str(5, r.URL)
	if r.Jurisdiction.Code == "" {
		b.Field(6).AppendNull()
	} else {
		str(6, r.Jurisdiction.Code)
	}
	str(7, r.Jurisdiction.Name)
	str(8, r.Jurisdiction.Level)
	codes := make([]string, len(r.Jurisdiction.Candidates))
	for i, c := range r.Jurisdiction.Candidates {
		codes[i] = c.Code
	}
	appendStrings(b.Field(9).(*array.ListBuilder), codes)
	if r.Year == 0 {
		b.Field(10).AppendNull()
	} else {
		b.Field(10).(*array.Int32Builder).Append(int32(r.Year))
	}
	b.Field(11).(*array.Int32Builder).Append(int32(r.runes()))
	str(12, r.Text)
	str(13, ExtractorVersion)
	b.Field(14).(*array.Float64Builder).Append(r.Jurisdiction.Confidence)
	probs := b.Field(15).(*array.ListBuilder)
	probs.Append(true)
	for _, c := range r.Jurisdiction.Candidates {
		probs.ValueBuilder().(*array.Float64Builder).Append(c.Probability)
	}
	evidence, err := json.Marshal(r.Jurisdiction.Evidence)
	if err != nil || r.Jurisdiction.Evidence == nil {
		evidence = []byte("[]")
	}
	str(16, string(evidence))
	b.Field(17).(*array.BooleanBuilder).Append(r.Jurisdiction.Stated)
	str(18, r.Jurisdiction.Reason)
	str(19, r.YearEvidence)
}

func appendFact(b *array.RecordBuilder, reportID string, f Fact) {
	str := func(i int, s string) { b.Field(i).(*array.StringBuilder).Append(s) }
	optFloat := func(i int, v *float64) {
		if v == nil {
			b.Field(i).AppendNull()
		} else {
			b.Field(i).(*array.Float64Builder).Append(*v)
		}
	}
	str(0, FactID(reportID, f))
	str(1, reportID)
	str(2, f.Indicator)
	b.Field(3).(*array.Float64Builder).Append(f.Value)
	str(4, f.Unit)
	str(5, f.RawUnit)
	b.Field(6).(*array.BooleanBuilder).Append(f.Approx)
	str(7, f.ApproxKind)
	str(8, f.Scope)
	str(9, f.Quote)
	b.Field(10).(*array.Int32Builder).Append(int32(f.Start))
	b.Field(11).(*array.Int32Builder).Append(int32(f.End))
	b.Field(12).(*array.BooleanBuilder).Append(f.Derived)
	appendStrings(b.Field(13).(*array.ListBuilder), f.Flags)
	optFloat(14, f.Numerator)
	optFloat(15, f.Denominator)
	str(16, f.Basis)
	if f.Confidence > 0 {
		b.Field(17).(*array.Float64Builder).Append(f.Confidence)
	} else {
		b.Field(17).AppendNull() // not read by the extractor: no confidence to doubt it by
	}
}

func appendStrings(lb *array.ListBuilder, ss []string) {
	lb.Append(true)
	vb := lb.ValueBuilder().(*array.StringBuilder)
	for _, s := range ss {
		vb.Append(s)
	}
}

// FactID is the stable identifier of a fact: the same report content and the
// same extraction give the same ID, so links to a fact survive a re-ingest.
func FactID(reportID string, f Fact) string {
	h := sha256.New()
	for _, part := range []string{
		reportID, f.Indicator, f.Scope,
		strconv.Itoa(f.Start), strconv.Itoa(f.End),
		strconv.FormatBool(f.Derived),
		strconv.FormatFloat(f.Value, 'g', -1, 64),
	} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return reportID + "-" + hex.EncodeToString(h.Sum(nil))[:12]
}

func checkProvenance(r *Report) error {
	if r.ID == "" || r.SHA256 == "" {
		return fmt.Errorf("report %q: no content hash", r.Source)
	}
	n := r.runes()
	for _, f := range r.Facts {
		if f.Quote == "" || f.Start < 0 || f.End < f.Start || f.End > n {
			return fmt.Errorf("report %q: fact %s=%g has no valid provenance (quote %q, span %d..%d of %d runes)",
				r.Source, f.Indicator, f.Value, f.Quote, f.Start, f.End, n)
		}
	}
	return nil
}
