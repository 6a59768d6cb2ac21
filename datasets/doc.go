// Package datasets holds the data fazhi ships: the sample reports with their
// hand-checked gold facts (reports/), and the official division table with
// its generator (divisions/). It imports nothing of ours.
package datasets

import (
	"embed"
	"io/fs"
)

//go:embed reports/*.txt reports/*.jsonl reports/GOLD.md
var reports embed.FS

// SampleReports returns the bundled sample reports: a folder with the report
// files (*.txt), their metadata (reports.jsonl) and gold facts (gold.jsonl).
func SampleReports() fs.FS {
	sub, err := fs.Sub(reports, "reports")
	if err != nil {
		panic(err) // the embedded path is fixed at compile time
	}
	return sub
}
