package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/fazhi/fazhi/warehouse"
)

const reportUsage = `Usage:
  fazhi report set [--db PATH] (--jurisdiction CODE | --unresolved | --year Y | --counts) --author NAME --reason TEXT REPORT_ID
  fazhi report show [--db PATH] [--format text|json] REPORT_ID

set corrects a report, with author and reason, kept in its history: its
jurisdiction (one of its candidates or any division code; --unresolved when
the code read from it is wrong and the right one is unknown), its year, or
that of the reports for its jurisdiction-year this one counts (--counts).
--jurisdiction and --year may be given together. The headline values and
every view follow at once. show prints the report's jurisdiction and year as
they count, what was extracted, its candidates, duplicates and the history.
`

func runReport(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, reportUsage)
		return errors.New("report: say set or show")
	}
	switch args[0] {
	case "set":
		return runReportSet(ctx, cfg, args[1:], stdout, stderr)
	case "show":
		return runReportShow(ctx, cfg, args[1:], stdout, stderr)
	default:
		fmt.Fprint(stderr, reportUsage)
		return fmt.Errorf("report: unknown command %q (set or show)", args[0])
	}
}

func runReportSet(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("report set", flag.ContinueOnError)
	cfg.commonFlags(fs)
	code := fs.String("jurisdiction", "", "the division code the report is about")
	unresolved := fs.Bool("unresolved", false, "declare the jurisdiction unresolved (the code read from the report is wrong)")
	year := fs.Int("year", 0, "the year the report's figures belong to")
	counts := fs.Bool("counts", false, "of the reports for its jurisdiction-year, this one counts")
	author := fs.String("author", "", "who makes the correction (required)")
	reason := fs.String("reason", "", "why (required)")
	fs.Usage = func() { fmt.Fprint(stderr, reportUsage); fs.PrintDefaults() }
	if err := parseFlags(fs, &cfg, args, stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("report set: name one report id")
	}
	id := fs.Arg(0)
	var ins []warehouse.ReportCorrectionInput
	if *code != "" || *unresolved {
		if *code != "" && *unresolved {
			return errors.New("report set: --jurisdiction or --unresolved, not both")
		}
		ins = append(ins, warehouse.ReportCorrectionInput{Action: warehouse.ReportJurisdiction, JurisdictionCode: *code})
	}
	if *year != 0 {
		ins = append(ins, warehouse.ReportCorrectionInput{Action: warehouse.ReportYear, Year: *year})
	}
	if *counts {
		if len(ins) > 0 {
			return errors.New("report set: --counts goes alone (the report counts for the jurisdiction-year it has)")
		}
		ins = append(ins, warehouse.ReportCorrectionInput{Action: warehouse.ReportCounts})
	}
	if len(ins) == 0 {
		fs.Usage()
		return errors.New("report set: say what to set: --jurisdiction, --unresolved, --year or --counts")
	}
	db, err := openWarehouseFor(ctx, cfg, "set a report's jurisdiction, year or choice through the running server: PUT /api/reports/"+id+"/jurisdiction, /year or /counts")
	if err != nil {
		return err
	}
	defer db.Close()
	for _, in := range ins {
		in.ReportID, in.Author, in.Reason = id, *author, *reason
		c, err := db.CorrectReport(ctx, in)
		if err != nil {
			return fmt.Errorf("report set: %w", err)
		}
		fmt.Fprintf(stdout, "report %s: %s (correction %d by %s)\n", id, describeCorrection(c), c.CorrectionID, c.Author)
	}
	return nil
}

func runReportShow(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("report show", flag.ContinueOnError)
	cfg.commonFlags(fs)
	format := fs.String("format", "text", "output: text or json")
	fs.Usage = func() { fmt.Fprint(stderr, reportUsage); fs.PrintDefaults() }
	if err := parseFlags(fs, &cfg, args, stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("report show: name one report id")
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("report show: --format must be text or json, not %q", *format)
	}
	db, err := openWarehouseReadOnly(ctx, cfg, "use GET /api/reports/{id} and GET /api/reports/{id}/corrections instead")
	if err != nil {
		return err
	}
	defer db.Close()
	r, err := db.Report(ctx, fs.Arg(0))
	if err != nil {
		return fmt.Errorf("report show: %w", err)
	}
	hist, err := db.ReportCorrections(ctx, r.ReportID)
	if err != nil {
		return fmt.Errorf("report show: %w", err)
	}
	if *format == "json" {
		r.Text = ""
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Report      warehouse.Report             `json:"report"`
			Corrections []warehouse.ReportCorrection `json:"corrections"`
		}{r, hist})
	}
	writeReport(stdout, r, hist)
	return nil
}

// openWarehouseFor opens the warehouse for writing; when a server holds
// it, the message says how to do the same through the server (how).
func openWarehouseFor(ctx context.Context, cfg Config, how string) (*warehouse.DB, error) {
	db, err := warehouse.Open(ctx, warehouse.Config{Path: cfg.DB, Threads: cfg.Threads, MemoryLimit: cfg.Memory})
	if errors.Is(err, warehouse.ErrLocked) {
		return nil, fmt.Errorf("%w\n  another fazhi (probably `fazhi serve`) holds %s; stop it first, or %s", err, cfg.DB, how)
	}
	return db, err
}

// describeCorrection says in words what a report correction set.
func describeCorrection(c warehouse.ReportCorrection) string {
	switch c.Action {
	case warehouse.ReportJurisdiction:
		if c.JurisdictionCode == "" {
			return "jurisdiction declared unresolved"
		}
		return "jurisdiction set to " + c.JurisdictionCode + " " + c.JurisdictionName
	case warehouse.ReportYear:
		return fmt.Sprintf("year set to %d", c.Year)
	default:
		return fmt.Sprintf("counts for %s %d (the other reports of that jurisdiction-year do not)", c.JurisdictionCode, c.Year)
	}
}

// writeReport prints a report's placement and history for people.
func writeReport(w io.Writer, r warehouse.Report, hist []warehouse.ReportCorrection) {
	row := func(k, v string) { fmt.Fprintf(w, "%-13s %s\n", k, v) }
	row("report", r.ReportID+"  "+r.Title)
	row("source", fmt.Sprintf("%s (%s), %d characters, ingested %s", r.Source, r.Format, r.Chars, r.IngestedAt.Format("2006-01-02 15:04 MST")))
	place := "unresolved"
	if r.JurisdictionCode != "" {
		place = r.JurisdictionCode + " " + strings.Join(r.JurisdictionPath, " › ")
	}
	extracted := r.Extracted.JurisdictionCode
	if extracted == "" {
		extracted = "unresolved " + r.Extracted.JurisdictionName
		if r.JurisdictionReason != "" {
			extracted += " (" + r.JurisdictionReason + ")"
		}
	}
	extracted += fmt.Sprintf(", confidence %.2f", r.JurisdictionConfidence)
	if r.JurisdictionStated {
		extracted += ", stated by a manifest"
	}
	if r.JurisdictionCorrected {
		row("jurisdiction", place+"  (set by a person; extracted: "+extracted+")")
	} else {
		row("jurisdiction", place+"  (extracted: "+extracted+")")
	}
	if len(r.Candidates) > 0 {
		var cs []string
		for _, c := range r.Candidates {
			cs = append(cs, fmt.Sprintf("%s %s %.0f%%", c.Code, strings.Join(c.Path, " › "), 100*c.Probability))
		}
		row("candidates", strings.Join(cs, "; "))
	}
	year := "unknown"
	if r.Year != 0 {
		year = fmt.Sprint(r.Year)
	}
	if r.YearCorrected {
		year += fmt.Sprintf("  (set by a person; extracted: %d)", r.Extracted.Year)
	} else if r.YearEvidence != "" {
		year += "  (" + r.YearEvidence + ")"
	}
	row("year", year)
	switch {
	case len(r.Duplicates) == 0:
		row("counts", "yes: the only report of its jurisdiction-year")
	case r.Chosen:
		row("counts", "yes: a person chose it over "+strings.Join(r.Duplicates, ", "))
	case !r.Counts:
		row("counts", "no: a person chose another of "+strings.Join(r.Duplicates, ", "))
	default:
		row("counts", "undecided beside "+strings.Join(r.Duplicates, ", ")+": where they disagree the headline shows a conflict (fazhi report set --counts)")
	}
	row("facts", fmt.Sprint(len(r.Facts)))
	if len(hist) == 0 {
		fmt.Fprintln(w, "no corrections")
		return
	}
	fmt.Fprintln(w, "corrections, oldest first:")
	for _, c := range hist {
		carried := ""
		if c.CarriedFrom != nil {
			carried = fmt.Sprintf(" (carried from correction %d of an older version)", *c.CarriedFrom)
		}
		fmt.Fprintf(w, "  %s  %s  by %s: %s%s\n", c.At.Format("2006-01-02 15:04:05Z"), describeCorrection(c), c.Author, c.Reason, carried)
	}
}
