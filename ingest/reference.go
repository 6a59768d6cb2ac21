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
	for _, ind := range extract.Catalog() {
		for i, s := range []string{ind.Code, ind.NameZh, ind.NameEn, ind.Category, ind.Kind, ind.Unit, ind.Description} {
			b.Field(i).(*array.StringBuilder).Append(s)
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
