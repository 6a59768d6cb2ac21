package ingest

import (
	"github.com/apache/arrow-go/v18/arrow"
)

// ReportSchema is the Arrow schema of a batch of reports. It is defined here,
// once; the warehouse checks every batch against it and owns the matching DDL.
var ReportSchema = arrow.NewSchema([]arrow.Field{
	{Name: "report_id", Type: arrow.BinaryTypes.String},
	{Name: "sha256", Type: arrow.BinaryTypes.String},
	{Name: "source", Type: arrow.BinaryTypes.String},
	{Name: "format", Type: arrow.BinaryTypes.String},
	{Name: "title", Type: arrow.BinaryTypes.String},
	{Name: "url", Type: arrow.BinaryTypes.String},
	{Name: "jurisdiction_code", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "jurisdiction_name", Type: arrow.BinaryTypes.String},
	{Name: "jurisdiction_level", Type: arrow.BinaryTypes.String},
	{Name: "jurisdiction_candidates", Type: arrow.ListOf(arrow.BinaryTypes.String)},
	{Name: "year", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
	{Name: "chars", Type: arrow.PrimitiveTypes.Int32},
	{Name: "text", Type: arrow.BinaryTypes.String},
	{Name: "extractor_version", Type: arrow.BinaryTypes.String},
	{Name: "jurisdiction_confidence", Type: arrow.PrimitiveTypes.Float64},
	{Name: "jurisdiction_probabilities", Type: arrow.ListOf(arrow.PrimitiveTypes.Float64)},
	{Name: "jurisdiction_evidence", Type: arrow.BinaryTypes.String},
	{Name: "jurisdiction_stated", Type: arrow.FixedWidthTypes.Boolean},
	{Name: "jurisdiction_reason", Type: arrow.BinaryTypes.String},
	{Name: "year_evidence", Type: arrow.BinaryTypes.String},
}, nil)

// FactSchema is the Arrow schema of a batch of facts.
var FactSchema = arrow.NewSchema([]arrow.Field{
	{Name: "fact_id", Type: arrow.BinaryTypes.String},
	{Name: "report_id", Type: arrow.BinaryTypes.String},
	{Name: "indicator", Type: arrow.BinaryTypes.String},
	{Name: "value", Type: arrow.PrimitiveTypes.Float64},
	{Name: "unit", Type: arrow.BinaryTypes.String},
	{Name: "raw_unit", Type: arrow.BinaryTypes.String},
	{Name: "approx", Type: arrow.FixedWidthTypes.Boolean},
	{Name: "approx_kind", Type: arrow.BinaryTypes.String},
	{Name: "scope", Type: arrow.BinaryTypes.String},
	{Name: "quote", Type: arrow.BinaryTypes.String},
	{Name: "start", Type: arrow.PrimitiveTypes.Int32},
	{Name: "end", Type: arrow.PrimitiveTypes.Int32},
	{Name: "derived", Type: arrow.FixedWidthTypes.Boolean},
	{Name: "flags", Type: arrow.ListOf(arrow.BinaryTypes.String)},
	{Name: "numerator", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	{Name: "denominator", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	{Name: "basis", Type: arrow.BinaryTypes.String},
	{Name: "confidence", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
}, nil)

// JurisdictionSchema is the Arrow schema of the division reference table.
var JurisdictionSchema = arrow.NewSchema([]arrow.Field{
	{Name: "code", Type: arrow.BinaryTypes.String},
	{Name: "name", Type: arrow.BinaryTypes.String},
	{Name: "level", Type: arrow.BinaryTypes.String},
	{Name: "province", Type: arrow.BinaryTypes.String},
	{Name: "city", Type: arrow.BinaryTypes.String},
	{Name: "county", Type: arrow.BinaryTypes.String},
	{Name: "parent_code", Type: arrow.BinaryTypes.String},
}, nil)

// IndicatorSchema is the Arrow schema of the indicator catalog.
var IndicatorSchema = arrow.NewSchema([]arrow.Field{
	{Name: "code", Type: arrow.BinaryTypes.String},
	{Name: "name_zh", Type: arrow.BinaryTypes.String},
	{Name: "name_en", Type: arrow.BinaryTypes.String},
	{Name: "category", Type: arrow.BinaryTypes.String},
	{Name: "kind", Type: arrow.BinaryTypes.String},
	{Name: "unit", Type: arrow.BinaryTypes.String},
	{Name: "description", Type: arrow.BinaryTypes.String},
	// For a rate: the counts it is computed from (extract.Ratios), and
	// whether they may stand beside it as its numerator and denominator
	// (only when nothing is subtracted from the denominator).
	{Name: "numerator", Type: arrow.BinaryTypes.String},
	{Name: "denominator", Type: arrow.BinaryTypes.String},
	{Name: "derived_from", Type: arrow.ListOf(arrow.BinaryTypes.String)},
}, nil)
