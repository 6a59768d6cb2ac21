// Package goldeval scores extracted facts against hand-annotated gold facts
// (datasets/reports/gold.jsonl): precision, recall and F1 per indicator, per
// category and overall, and the accuracy of the jurisdiction and year found
// for each report. A fact matches a gold fact when file, indicator and value
// agree; matching is one-to-one (a multiset match), so a value stated twice
// must be found twice.
package goldeval
