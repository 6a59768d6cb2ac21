package readmodel

import (
	"context"
	"database/sql"
	"errors"
	"math"
	"slices"
)

// A patch of a base snapshot (Build with BuildConfig.Base): the reports
// and values of the jurisdiction-years touched are read anew, the base's
// others kept. The kept values are copied on a worker (startKeeping) while
// DuckDB reads the small tables and the values touched; patchHeadline
// joins the two, the base's first, and index places the values read anew
// among them (mergePatch).

// keptValues are the base's values a patch keeps, with their quotes,
// counts and overflowing fact IDs, as keepValues copied them.
type keptValues struct {
	cells        []snapCell
	quotes       []byte
	quoteStart   []uint32
	ratios       [][2]float64
	factOverflow []string
	waste        struct{ bytes, quotes int }
	runs         []keptRun
	err          error
}

// keptRun is the end of the base's kept cells of one indicator and year.
type keptRun struct {
	ind  int
	year int
	end  int
}

// startKeeping starts copying base's values that the patch keeps: those
// of the reports patchReports kept (s.reports is final) outside the
// jurisdiction-years touched.
func (b *snapshotBuilder) startKeeping(base *Snapshot, touched map[Key]bool) {
	s := b.s
	// Both snapshots number reports in report_id order. A base report
	// keeps its values unless it is gone, lost its year or is of a
	// jurisdiction-year read anew (-1).
	reportOf := make([]int32, len(base.reports))
	for i, j := 0, 0; i < len(base.reports); i++ {
		old := &base.reports[i]
		for j < len(s.reports) && s.reports[j].id < old.id {
			j++
		}
		reportOf[i] = -1
		if j < len(s.reports) && s.reports[j].id == old.id && s.reports[j].year != 0 && !touched[Key{base.juris[old.jur].key, old.year}] {
			reportOf[i] = int32(j)
		}
	}
	b.kept = make(chan keptValues, 1)
	go func() { b.kept <- keepValues(base, s.reports, reportOf, len(touched)) }()
}

// keepValues copies the values of base whose report reportOf maps to one
// of reports (the index it gives; -1 drops the value), grouped by
// indicator and year as base has them, with room for about touched
// jurisdiction-years more. The quotes, counts and overflowing fact IDs
// are base's, copied whole: the dropped values' stay as waste, which a
// later patch compacts once it is a quarter of the quotes, copying the
// kept values' one by one.
func keepValues(base *Snapshot, reports []snapReport, reportOf []int32, touched int) keptValues {
	var k keptValues
	more := touched * 16 // values of a jurisdiction-year, about
	k.cells = make([]snapCell, 0, len(base.cells)+more)
	compact := 4*base.waste.bytes > len(base.quotes) || 4*base.waste.quotes > len(base.quoteStart)
	if compact {
		k.quotes = make([]byte, 0, len(base.quotes)-base.waste.bytes+more*64)
		k.quoteStart = make([]uint32, 1, len(base.quoteStart)-base.waste.quotes+more)
		k.ratios = make([][2]float64, 0, len(base.ratios)+more/4)
	} else {
		k.quotes = append(make([]byte, 0, len(base.quotes)+more*64), base.quotes...)
		k.quoteStart = append(make([]uint32, 0, len(base.quoteStart)+more), base.quoteStart...)
		k.ratios = append(make([][2]float64, 0, len(base.ratios)+more/4), base.ratios...)
		k.factOverflow = slices.Clone(base.factOverflow)
		k.waste = base.waste
	}
	k.runs = make([]keptRun, 0, len(base.slices)*len(base.years))
	for ind, l := range base.slices {
		for y, sp := range l {
			for _, c := range base.cells[sp.start:sp.end] {
				r := reportOf[c.report]
				switch {
				case r < 0 && !compact:
					k.waste.bytes += int(base.quoteStart[c.quote+1] - base.quoteStart[c.quote])
					k.waste.quotes++
					continue
				case r < 0:
					continue
				case compact:
					if c.fact&factOverflowBit != 0 {
						c.fact = encodeFactInto(&k.factOverflow, reports[r].id, base.factOverflow[c.fact&^factOverflowBit])
					}
					if c.bits&cellRatio != 0 {
						k.ratios = append(k.ratios, base.ratios[c.ratio])
						c.ratio = int32(len(k.ratios) - 1)
					}
					q := c.quote
					c.quote = int32(len(k.quoteStart) - 1)
					k.quotes = append(k.quotes, base.quotes[base.quoteStart[q]:base.quoteStart[q+1]]...)
					if len(k.quotes) > math.MaxUint32 {
						k.err = errors.New("the quotes take more than 4 GiB: too many for the dashboards' snapshot")
						return k
					}
					k.quoteStart = append(k.quoteStart, uint32(len(k.quotes)))
				}
				c.report = r
				k.cells = append(k.cells, c)
			}
			k.runs = append(k.runs, keptRun{ind: ind, year: base.minYear + y, end: len(k.cells)})
		}
	}
	return k
}

// patchHeadline reads the values of the jurisdiction-years in touched
// into s, then puts the base's kept values before them, moving the
// indexes of the new values' quotes, counts and overflowing fact IDs past
// the kept ones'.
func (b *snapshotBuilder) patchHeadline(ctx context.Context, conn *sql.Conn, touched map[Key]bool) error {
	s := b.s
	s.quoteStart = []uint32{0}
	var readErr error
	if len(touched) > 0 {
		readErr = b.readCells(ctx, conn, touched)
	}
	k := <-b.kept
	if err := errors.Join(readErr, k.err); err != nil {
		return err
	}
	if len(k.quotes)+len(s.quotes) > math.MaxUint32 {
		return errors.New("the quotes take more than 4 GiB: too many for the dashboards' snapshot")
	}
	nq, nr, nf := int32(len(k.quoteStart)-1), int32(len(k.ratios)), uint64(len(k.factOverflow))
	qbytes := uint32(len(k.quotes))
	b.fromBase, b.keptRuns = len(k.cells), k.runs
	for _, c := range s.cells {
		c.quote += nq
		if c.bits&cellRatio != 0 {
			c.ratio += nr
		}
		if c.fact&factOverflowBit != 0 {
			c.fact += nf
		}
		k.cells = append(k.cells, c)
	}
	for _, q := range s.quoteStart[1:] {
		k.quoteStart = append(k.quoteStart, q+qbytes)
	}
	s.cells, s.quoteStart = k.cells, k.quoteStart
	s.quotes, s.ratios = append(k.quotes, s.quotes...), append(k.ratios, s.ratios...)
	s.factOverflow = append(k.factOverflow, s.factOverflow...)
	s.waste = k.waste
	return nil
}
