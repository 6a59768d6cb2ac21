package readmodel

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"math"
	"slices"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// reportsQuery reads reports with their jurisdiction and year in report_id
// order (readHeadline numbers the reports the same way); filter is a
// condition on report_jurisdictions j, or "true".
func reportsQuery(filter string) string {
	return `
		SELECT j.report_id, j.jurisdiction_key, j.jurisdiction_code, j.jurisdiction_name, j.jurisdiction_level, coalesce(j.year, 0),
		       r.title, epoch_us(r.ingested_at)
		FROM report_jurisdictions j JOIN reports r USING (report_id) WHERE ` + filter + ` ORDER BY j.report_id`
}

// readReports reads every report's jurisdiction and year and orders the
// jurisdictions (reportList.finish).
func (b *snapshotBuilder) readReports(ctx context.Context, conn *sql.Conn) error {
	l := b.newReportList(nil)
	err := readReportRows(ctx, conn, "true", func(row reportRow) error {
		return l.add(b.rowReport(row), row.key, row.code, row.title)
	})
	if err != nil {
		return err
	}
	return l.finish()
}

// patchReports is readReports for a patch of base: the reports of the
// jurisdiction-years in touched are read anew (a write notes the
// jurisdiction-years a report leaves and joins, so a report that changed,
// came or went is in one of them), the others are base's. Both lists are in
// report_id order and are merged so.
func (b *snapshotBuilder) patchReports(ctx context.Context, conn *sql.Conn, base *Snapshot, touched map[Key]bool) error {
	// The touched reports, read first: a few thousand.
	type freshReport struct {
		r                snapReport
		key, code, title string
	}
	var fresh []freshReport
	if len(touched) > 0 {
		err := readReportRows(ctx, conn, "j.jurisdiction_key IN "+jurisdictionList(touched), func(row reportRow) error {
			if touched[Key{row.key, row.year}] {
				// Kept past the batch: copies of the strings.
				fresh = append(fresh, freshReport{b.rowReport(row), strings.Clone(row.key), strings.Clone(row.code), strings.Clone(row.title)})
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	l := b.newReportList(base)
	i := 0
	addFresh := func(until string) error {
		for ; i < len(fresh) && fresh[i].r.id <= until; i++ {
			if err := l.add(fresh[i].r, fresh[i].key, fresh[i].code, fresh[i].title); err != nil {
				return err
			}
		}
		return nil
	}
	for r := range base.reports {
		old := base.reports[r]
		j := base.juris[old.jur]
		if touched[Key{j.key, old.year}] {
			continue
		}
		if err := addFresh(old.id); err != nil {
			return err
		}
		if i > 0 && fresh[i-1].r.id == old.id {
			continue // read anew although its jurisdiction-year was not noted: the read stands
		}
		if err := l.addBase(old, int(old.jur), j, base.titles[base.titleStart[r]:base.titleStart[r+1]]); err != nil {
			return err
		}
	}
	if len(fresh) > 0 {
		if err := addFresh(fresh[len(fresh)-1].r.id); err != nil {
			return err
		}
	}
	return l.finishPatch(base, touched)
}

// jurisdictionList is the SQL list of the jurisdictions in touched.
func jurisdictionList(touched map[Key]bool) string {
	seen := map[string]bool{}
	var list strings.Builder
	list.WriteString("(")
	for k := range touched {
		if !seen[k.Jurisdiction] {
			if len(seen) > 0 {
				list.WriteString(", ")
			}
			seen[k.Jurisdiction] = true
			list.WriteString(quote(k.Jurisdiction))
		}
	}
	return list.String() + ")"
}

// reportRow is one row of reportsQuery. Its strings point into Arrow
// buffers that are released after the batch unless cloned.
type reportRow struct {
	id, key, code, name, level, title string
	year                              int32
	ingested                          int64
}

// readReportRows runs reportsQuery(filter) and hands each row to each.
func readReportRows(ctx context.Context, conn *sql.Conn, filter string, each func(reportRow) error) error {
	return arrowQuery(ctx, conn, reportsQuery(filter), func(rec arrow.RecordBatch) error {
		id, err1 := column[*array.String](rec, 0)
		key, err2 := column[*array.String](rec, 1)
		code, err3 := column[*array.String](rec, 2)
		name, err4 := column[*array.String](rec, 3)
		level, err5 := column[*array.String](rec, 4)
		year, err6 := column[*array.Int32](rec, 5)
		title, err7 := column[*array.String](rec, 6)
		at, err8 := column[*array.Int64](rec, 7)
		if err := errors.Join(err1, err2, err3, err4, err5, err6, err7, err8); err != nil {
			return err
		}
		for i := range int(rec.NumRows()) {
			row := reportRow{id: id.Value(i), key: key.Value(i), code: code.Value(i), name: name.Value(i), level: level.Value(i),
				title: title.Value(i), year: year.Value(i), ingested: at.Value(i)}
			if err := each(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// rowReport is the snapshot's report of a row, its strings interned (its
// jurisdiction is set by reportList).
func (b *snapshotBuilder) rowReport(row reportRow) snapReport {
	return snapReport{id: strings.Clone(row.id), name: b.intern(row.name), level: b.intern(row.level), year: row.year, ingested: row.ingested}
}

// reportList collects a snapshot's reports in report_id order and numbers
// their jurisdictions as first met; finish orders the jurisdictions.
type reportList struct {
	s         *Snapshot
	jurs      []snapJuris
	jurAt     map[string]int32
	reportJur []int32
	lastLevel int32
	// baseJur maps base's jurisdictions to this list's (-1: not met yet).
	baseJur []int32
}

func (b *snapshotBuilder) newReportList(base *Snapshot) *reportList {
	l := &reportList{s: b.s, jurAt: map[string]int32{}, lastLevel: -1}
	if base != nil {
		l.baseJur = make([]int32, len(base.juris))
		for i := range l.baseJur {
			l.baseJur[i] = -1
		}
		b.s.reports = make([]snapReport, 0, len(base.reports)+len(base.reports)/64)
		b.s.titles = make([]byte, 0, len(base.titles)+len(base.titles)/64)
		b.s.titleStart = make([]uint32, 0, cap(b.s.reports)+1)
		l.reportJur = make([]int32, 0, cap(b.s.reports))
	}
	b.s.titleStart = append(b.s.titleStart, 0)
	return l
}

// add appends report r of the jurisdiction key (code "" when unresolved)
// with its title.
func (l *reportList) add(r snapReport, key, code, title string) error {
	j, ok := l.jurAt[key]
	if !ok {
		j = l.newJur(snapJuris{key: strings.Clone(key), code: strings.Clone(code)})
	}
	l.s.titles = append(l.s.titles, title...)
	return l.push(r, j)
}

// addBase appends report r of base, of base's jurisdiction bj (j), with
// its title.
func (l *reportList) addBase(r snapReport, bj int, j snapJuris, title []byte) error {
	k := l.baseJur[bj]
	if k < 0 {
		var ok bool
		if k, ok = l.jurAt[j.key]; !ok {
			k = l.newJur(j)
		}
		l.baseJur[bj] = k
	}
	l.s.titles = append(l.s.titles, title...)
	return l.push(r, k)
}

func (l *reportList) newJur(j snapJuris) int32 {
	k := int32(len(l.jurs))
	l.jurs = append(l.jurs, j)
	l.jurAt[j.key] = k
	return k
}

// push appends report r of jurisdiction j, whose title was just appended
// to the titles.
func (l *reportList) push(r snapReport, j int32) error {
	s := l.s
	if len(s.titles) > math.MaxUint32 {
		return errors.New("the report titles take more than 4 GiB: too many for the dashboards' snapshot")
	}
	s.titleStart = append(s.titleStart, uint32(len(s.titles)))
	if r.level != l.lastLevel {
		s.levelOf[s.strs[r.level]] = r.level
		l.lastLevel = r.level
	}
	s.reports = append(s.reports, r)
	l.reportJur = append(l.reportJur, j)
	return nil
}

// finish orders the jurisdictions, resolved ones by code (so that the
// jurisdictions inside a division are one range), then unresolved ones by
// name and key (compareJuris), and points the reports at their places.
func (l *reportList) finish() error {
	names := l.jurNames()
	order := make([]int32, len(l.jurs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return l.compareJuris(names, x, y) })
	l.place(order)
	return nil
}

// finishPatch is finish for a patch of base: the base's jurisdictions
// that kept reports and none of whose jurisdiction-years were touched
// keep the base's order (their reports, so their names, are as they
// were), and the others are sorted and put among them by binary search.
func (l *reportList) finishPatch(base *Snapshot, touched map[Key]bool) error {
	names := l.jurNames()
	changed := map[string]bool{}
	for k := range touched {
		changed[k.Jurisdiction] = true
	}
	inBase := make([]bool, len(l.jurs))
	order := make([]int32, 0, len(l.jurs))
	for bj, j := range l.baseJur {
		if j >= 0 && !changed[base.juris[bj].key] {
			order = append(order, j)
			inBase[j] = true
		}
	}
	var others []int32
	for j := range l.jurs {
		if !inBase[j] {
			others = append(others, int32(j))
		}
	}
	cmpJ := func(x, y int32) int { return l.compareJuris(names, x, y) }
	slices.SortFunc(others, cmpJ)
	merged := make([]int32, 0, len(l.jurs))
	for _, j := range others {
		p, _ := slices.BinarySearchFunc(order, j, cmpJ)
		merged = append(merged, order[:p]...)
		merged = append(merged, j)
		order = order[p:]
	}
	l.place(append(merged, order...))
	return nil
}

// jurNames is each jurisdiction's name: that of its first report.
func (l *reportList) jurNames() []string {
	names := make([]string, len(l.jurs))
	for i, r := range l.s.reports {
		if j := l.reportJur[i]; names[j] == "" {
			names[j] = l.s.strs[r.name]
		}
	}
	return names
}

// compareJuris orders jurisdictions: resolved ones by code, then
// unresolved ones; by name and key among equals.
func (l *reportList) compareJuris(names []string, x, y int32) int {
	a, b := &l.jurs[x], &l.jurs[y]
	if (a.code == "") != (b.code == "") {
		if a.code == "" {
			return 1
		}
		return -1
	}
	return cmp.Or(strings.Compare(a.code, b.code), strings.Compare(names[x], names[y]), strings.Compare(a.key, b.key))
}

// place lays the jurisdictions out in order and points the reports at
// their places.
func (l *reportList) place(order []int32) {
	s := l.s
	s.juris = make([]snapJuris, len(order))
	at := make([]int32, len(l.jurs)) // first-met index → place in juris
	for i, j := range order {
		s.juris[i] = l.jurs[j]
		s.jurOf[l.jurs[j].key] = i
		at[j] = int32(i)
	}
	for i, j := range l.reportJur {
		s.reports[i].jur = at[j]
	}
}
