package readmodel

import (
	"cmp"
	"slices"
	"strings"
	"sync"
)

// The orders and summaries a snapshot's queries rely on, computed once per
// build from the cells read (snapshot_build.go).

// index groups the cells by indicator and year, sorts each group and
// builds the other orders and the statistics.
func (b *snapshotBuilder) index() {
	s := b.s
	minYear, maxYear := 0, -1
	for _, r := range s.reports {
		if r.year == 0 {
			continue
		}
		if maxYear < minYear || int(r.year) < minYear {
			minYear = int(r.year)
		}
		maxYear = max(maxYear, int(r.year))
	}
	nYears := max(maxYear-minYear+1, 0)
	s.minYear = minYear
	year := func(c *snapCell) int { return int(s.reports[c.report].year) }
	slot := func(c *snapCell) int { return int(c.ind)*nYears + year(c) - minYear }

	// Counting sort by indicator and year.
	nSlots := len(s.catalog) * nYears
	starts := make([]int32, nSlots+1)
	for i := range s.cells {
		starts[slot(&s.cells[i])+1]++
	}
	for k := range nSlots {
		starts[k+1] += starts[k]
	}
	sorted := make([]snapCell, len(s.cells))
	next := slices.Clone(starts[:nSlots])
	for _, c := range s.cells {
		k := slot(&c)
		sorted[next[k]] = c
		next[k]++
	}
	s.cells = sorted
	s.slices = make([][]span, len(s.catalog))
	for ind := range s.catalog {
		s.slices[ind] = make([]span, nYears)
		for y := range nYears {
			k := ind*nYears + y
			s.slices[ind][y] = span{starts[k], starts[k+1]}
		}
	}
	// Within a slice: largest value first, then by name and key. A rebuild
	// writes each group of jurisdictions of the headline table in this
	// order, so a slice comes as a few sorted runs; two workers share the
	// sorting. (At 400,000 reports, a headline sorted whole builds no
	// faster: measured 24.4 and 24.6 s.)
	rank := b.nameRanks()
	byValue := func(a, b snapCell) int {
		return cmp.Or(cmp.Compare(b.value, a.value), cmp.Compare(rank[a.report], rank[b.report]))
	}
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			for k := w; k < nSlots; k += 2 {
				slices.SortFunc(s.cells[starts[k]:starts[k+1]], byValue)
			}
		})
	}
	wg.Wait()

	// Cells by jurisdiction (a stable counting sort keeps indicator and
	// year order), and from that each slice's cells by jurisdiction.
	s.jurStart = make([]int32, len(s.juris)+1)
	for i := range s.cells {
		s.jurStart[s.reports[s.cells[i].report].jur+1]++
	}
	for j := range s.juris {
		s.jurStart[j+1] += s.jurStart[j]
	}
	s.jurCells = make([]int32, len(s.cells))
	fill := slices.Clone(s.jurStart[:len(s.juris)])
	for i := range s.cells {
		j := s.reports[s.cells[i].report].jur
		s.jurCells[fill[j]] = int32(i)
		fill[j]++
	}
	s.byJur = make([]int32, len(s.cells))
	copy(next, starts[:nSlots])
	for _, i := range s.jurCells {
		k := slot(&s.cells[i])
		s.byJur[next[k]] = i
		next[k]++
	}

	// Numerators and denominators, now that cells have their final place.
	s.ratios = map[int32][2]float64{}
	for i := range s.cells {
		if c := &s.cells[i]; c.bits&cellRatio != 0 {
			s.ratios[int32(i)] = b.ratios[factKey{c.report, c.fact}]
		}
	}
	b.stats(nYears)
	b.trends()
	b.partYears()

	// The heatmap's rows: each year's reports by jurisdiction.
	s.yearJurs = map[int][]jurReport{}
	for i, r := range s.reports {
		if r.year != 0 {
			s.yearJurs[int(r.year)] = append(s.yearJurs[int(r.year)], jurReport{jur: r.jur, report: int32(i)})
		}
	}
	for _, l := range s.yearJurs {
		slices.SortFunc(l, func(a, b jurReport) int { return cmp.Or(cmp.Compare(a.jur, b.jur), cmp.Compare(a.report, b.report)) })
	}
}

// partYears marks the cells of unresolved jurisdictions and those that
// cover part of the year (partYear): the rankings ask it of every value
// they consider.
func (b *snapshotBuilder) partYears() {
	s := b.s
	for i := range s.cells {
		c := &s.cells[i]
		c.whole = 0 // a patched build's cells come with the base's marks
		if s.juris[s.reports[c.report].jur].code == "" {
			c.whole |= cellUnresolved
		}
		if s.partYear(int32(i)) {
			c.whole |= cellPartYear
		}
	}
}

// trends lists, per indicator, the jurisdictions with values in
// TrendChoices order, from each jurisdiction's cells (by indicator, year).
func (b *snapshotBuilder) trends() {
	s := b.s
	s.trends = make([][]trendEntry, len(s.catalog))
	for j := range s.juris {
		cs := s.jurCells[s.jurStart[j]:s.jurStart[j+1]]
		for k := 0; k < len(cs); {
			ind := s.cells[cs[k]].ind
			e := trendEntry{jur: int32(j), level: s.reports[s.cells[cs[k]].report].level}
			for ; k < len(cs) && s.cells[cs[k]].ind == ind; k++ {
				e.years++
				e.latest = cs[k]
				if s.reports[s.cells[cs[k]].report].level != e.level {
					e.level = mixedLevels
				}
			}
			s.trends[ind] = append(s.trends[ind], e)
		}
	}
	for _, l := range s.trends {
		slices.SortFunc(l, s.compareTrend)
	}
}

// nameRanks numbers the reports by jurisdiction name and key, the order of
// equal values in a slice: comparing two numbers is much cheaper than two
// strings, millions of times.
func (b *snapshotBuilder) nameRanks() []int32 {
	s := b.s
	order := make([]int32, len(s.reports))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int {
		rx, ry := &s.reports[x], &s.reports[y]
		if rx.name != ry.name {
			return strings.Compare(s.strs[rx.name], s.strs[ry.name])
		}
		return strings.Compare(s.juris[rx.jur].key, s.juris[ry.jur].key)
	})
	rank := make([]int32, len(order))
	for k, i := range order {
		rank[i] = int32(k)
	}
	return rank
}

// stats summarises every slice, and every slice per level.
func (b *snapshotBuilder) stats(nYears int) {
	s := b.s
	s.stats = make([][]sliceStats, len(s.catalog))
	s.levelStats = map[levelSlice]sliceStats{}
	type levelAgg struct {
		level int32
		st    sliceStats
	}
	add := func(t *sliceStats, c *snapCell) {
		t.count++
		t.total += c.value
		t.approx = t.approx || c.bits&cellApprox != 0
		t.approxKind = combineApprox(t.approxKind, c.approxKind())
		if c.flags != 0 {
			t.flagged++
		}
	}
	for ind := range s.catalog {
		s.stats[ind] = make([]sliceStats, nYears)
		for y := range nYears {
			st := &s.stats[ind][y]
			sp := s.slices[ind][y]
			var flagged []int32
			var levels []levelAgg // a handful: 街道 镇 乡 区 县 市 ...
			for i := sp.start; i < sp.end; i++ {
				c := &s.cells[i]
				add(st, c)
				lv := s.reports[c.report].level
				k := slices.IndexFunc(levels, func(a levelAgg) bool { return a.level == lv })
				if k < 0 {
					levels = append(levels, levelAgg{level: lv})
					k = len(levels) - 1
				}
				add(&levels[k].st, c)
				if c.flags != 0 {
					flagged = append(flagged, i)
				}
			}
			for _, l := range levels {
				s.levelStats[levelSlice{ind: ind, year: s.minYear + y, level: l.level}] = l.st
			}
			if len(flagged) > 0 {
				slices.SortFunc(flagged, func(a, b int32) int { return strings.Compare(s.factID(&s.cells[a]), s.factID(&s.cells[b])) })
				st.flaggedExamples = flagged[:min(3, len(flagged))]
			}
			s.catalog[ind].Values += int(sp.end - sp.start)
		}
	}
}
