package ingest

import (
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/fazhi/fazhi/datasets/divisions"
	"github.com/fazhi/fazhi/ingest/extract"
)

// IndicatorBatch returns the indicator catalog as an Arrow record batch of
// IndicatorSchema, for the warehouse's indicators table.
func IndicatorBatch(mem memory.Allocator) (arrow.RecordBatch, error) {
	b := array.NewRecordBuilder(mem, IndicatorSchema)
	defer b.Release()
	ratios := map[string]extract.Ratio{}
	for _, r := range extract.Ratios() {
		ratios[r.Rate] = r
	}
	parts := b.Field(9).(*array.ListBuilder)
	partValues := parts.ValueBuilder().(*array.StringBuilder)
	for _, ind := range extract.Catalog() {
		r, isRate := ratios[ind.Code]
		num, den := "", ""
		if isRate && r.Less == "" {
			num, den = r.Numerator, r.Denominator
		}
		for i, s := range []string{ind.Code, ind.NameZh, ind.NameEn, ind.Category, ind.Kind, ind.Unit, ind.Description, num, den} {
			b.Field(i).(*array.StringBuilder).Append(s)
		}
		parts.Append(true)
		if isRate {
			for _, p := range []string{r.Numerator, r.Denominator, r.Less} {
				if p != "" {
					partValues.Append(p)
				}
			}
		}
	}
	return b.NewRecordBatch(), nil
}

// JurisdictionBatch returns the official division table as an Arrow record
// batch of JurisdictionSchema, for the warehouse's jurisdictions table.
func JurisdictionBatch(mem memory.Allocator, t *divisions.Table) (arrow.RecordBatch, error) {
	b := array.NewRecordBuilder(mem, JurisdictionSchema)
	defer b.Release()
	b.Reserve(t.Len())
	for d := range t.All() {
		var province, city, county string
		for _, p := range t.Path(d.Code) {
			switch p.Level {
			case divisions.Province:
				province = p.Name
			case divisions.City:
				city = p.Name
			case divisions.County:
				county = p.Name
			}
		}
		for i, s := range []string{d.Code, d.Name, d.Level.String(), province, city, county, d.ParentCode} {
			b.Field(i).(*array.StringBuilder).Append(s)
		}
	}
	return b.NewRecordBatch(), nil
}
