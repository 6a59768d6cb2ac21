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
// builds the other orders and the statistics. Its passes go over five
// million cells at national scale: they read each cell's report through
// compact per-report arrays (a few MB, which stay in the cache) and do the
// independent parts on two workers.
func (b *snapshotBuilder) index() {
	s := b.s
	minYear, maxYear := 0, -1
	repYear := make([]int32, len(s.reports))
	repJur := make([]int32, len(s.reports))
	for i, r := range s.reports {
		repYear[i], repJur[i] = r.year, r.jur
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

	nSlots := len(s.catalog) * nYears
	var starts, slotOf []int32
	var fresh []bool
	if b.fromBase >= 0 {
		starts, slotOf, fresh = b.mergePatch(repYear, minYear, nYears)
	} else {
		starts, slotOf = b.groupCells(repYear, minYear, nYears)
	}
	s.slices = make([][]span, len(s.catalog))
	for ind := range s.catalog {
		s.slices[ind] = make([]span, nYears)
		for y := range nYears {
			k := ind*nYears + y
			s.slices[ind][y] = span{starts[k], starts[k+1]}
		}
	}
	if fresh == nil {
		b.sortSlices(starts)
	}
	next := slices.Clone(starts[:nSlots])

	var wg sync.WaitGroup
	wg.Go(func() { b.stats(nYears) })
	wg.Go(func() {
		// Cells by jurisdiction (a stable counting sort keeps indicator
		// and year order), and from that each slice's cells by
		// jurisdiction.
		s.jurStart = make([]int32, len(s.juris)+1)
		for i := range s.cells {
			s.jurStart[repJur[s.cells[i].report]+1]++
		}
		for j := range s.juris {
			s.jurStart[j+1] += s.jurStart[j]
		}
		s.jurCells = make([]int32, len(s.cells))
		fill := slices.Clone(s.jurStart[:len(s.juris)])
		for i := range s.cells {
			j := repJur[s.cells[i].report]
			s.jurCells[fill[j]] = int32(i)
			fill[j]++
		}
		s.byJur = make([]int32, len(s.cells))
		for _, i := range s.jurCells {
			k := slotOf[i]
			s.byJur[next[k]] = i
			next[k]++
		}
		b.partYears(fresh)
	})
	s.trends = make([]lazyTrends, len(s.catalog))

	// The heatmap's rows: each year's reports by jurisdiction (a counting
	// sort of the reports by jurisdiction, stable: by report within one).
	byJur := make([]int32, len(s.juris)+1)
	for _, r := range s.reports {
		byJur[r.jur+1]++
	}
	for j := range s.juris {
		byJur[j+1] += byJur[j]
	}
	ordered := make([]int32, len(s.reports))
	for i, r := range s.reports {
		ordered[byJur[r.jur]] = int32(i)
		byJur[r.jur]++
	}
	s.yearJurs = map[int][]jurReport{}
	for _, i := range ordered {
		if r := &s.reports[i]; r.year != 0 {
			s.yearJurs[int(r.year)] = append(s.yearJurs[int(r.year)], jurReport{jur: r.jur, report: i})
		}
	}
	wg.Wait()
}

// partYears marks the cells of unresolved jurisdictions and those that
// cover part of the year (partYear): the rankings ask it of every value
// they consider. In a patch only the cells read anew (fresh) are marked:
// a kept cell's jurisdiction-year, the cells its marks depend on, is as
// it was in the base, and so are its marks.
func (b *snapshotBuilder) partYears(fresh []bool) {
	s := b.s
	s.partYearFlags = make([]bool, len(s.flagSets))
	for k, f := range s.flagSets {
		s.partYearFlags[k] = slices.Contains(f, flagPartYear)
	}
	unresolved := make([]bool, len(s.reports))
	for i, r := range s.reports {
		unresolved[i] = s.juris[r.jur].code == ""
	}
	for i := range s.cells {
		if fresh != nil && !fresh[i] {
			continue
		}
		c := &s.cells[i]
		c.whole = 0
		if unresolved[c.report] {
			c.whole |= cellUnresolved
		}
		if s.partYear(int32(i)) {
			c.whole |= cellPartYear
		}
	}
}

// sortSlices sorts each slice of cells (starts[k]:starts[k+1]): largest
// value first, then by jurisdiction name and key (compareCells). A rebuild
// writes each group of jurisdictions of the headline table in this order,
// so a slice comes as a few sorted runs; two workers share the sorting.
// (At 400,000 reports, a headline sorted whole builds no faster: measured
// 24.4 and 24.6 s.)
func (b *snapshotBuilder) sortSlices(starts []int32) {
	s := b.s
	// Two numbers compare much faster than two names, millions of times.
	rank := b.nameRanks()
	byValue := func(a, b snapCell) int {
		return cmp.Or(cmp.Compare(b.value, a.value), cmp.Compare(rank[a.report], rank[b.report]))
	}
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			for k := w; k < len(starts)-1; k += 2 {
				slices.SortFunc(s.cells[starts[k]:starts[k+1]], byValue)
			}
		})
	}
	wg.Wait()
}

// groupCells groups the cells by indicator and year (slot k), by a
// counting sort: starts[k] is where slot k begins, slotOf[i] the slot of
// cell i.
func (b *snapshotBuilder) groupCells(repYear []int32, minYear, nYears int) (starts, slotOf []int32) {
	s := b.s
	nSlots := len(s.catalog) * nYears
	starts = make([]int32, nSlots+1)
	slotOf = make([]int32, len(s.cells))
	for i := range s.cells {
		c := &s.cells[i]
		k := int32(int(c.ind)*nYears + int(repYear[c.report]) - minYear)
		slotOf[i] = k
		starts[k+1]++
	}
	for k := range nSlots {
		starts[k+1] += starts[k]
	}
	sorted := make([]snapCell, len(s.cells))
	next := slices.Clone(starts[:nSlots])
	for i, k := range slotOf {
		sorted[next[k]] = s.cells[i]
		next[k]++
	}
	s.cells = sorted
	fillSlots(slotOf, starts)
	return starts, slotOf
}

// fillSlots sets slotOf[i] to the slot whose range holds i.
func fillSlots(slotOf, starts []int32) {
	for k := range len(starts) - 1 {
		for i := starts[k]; i < starts[k+1]; i++ {
			slotOf[i] = int32(k)
		}
	}
}

// mergePatch orders a patch's cells as groupCells and sortSlices order a
// build's: the base's kept cells (the first fromBase, grouped and sorted
// in the base's order, keptRuns delimiting the groups) stay in order, and
// the cells read anew (after them) are sorted and each put in its place by
// a binary search, the kept cells between moved in blocks, in place. A patch of a few hundred
// jurisdiction-years thus costs a copy of the cells instead of sorting
// or comparing millions. fresh says which cells were read anew.
func (b *snapshotBuilder) mergePatch(repYear []int32, minYear, nYears int) (starts, slotOf []int32, fresh []bool) {
	s := b.s
	nSlots := len(s.catalog) * nYears
	slot := func(ind, year int) int { return ind*nYears + year - minYear }
	added := slices.Clone(s.cells[b.fromBase:])
	addedSlot := func(c snapCell) int { return slot(int(c.ind), int(repYear[c.report])) }
	slices.SortFunc(added, func(x, y snapCell) int {
		return cmp.Or(cmp.Compare(addedSlot(x), addedSlot(y)), s.compareCells(x, y))
	})
	keptIn := make([]int32, nSlots)
	prev := 0
	for _, r := range b.keptRuns {
		if n := r.end - prev; n > 0 {
			keptIn[slot(r.ind, r.year)] += int32(n)
		}
		prev = r.end
	}
	starts = make([]int32, nSlots+1)
	for k := range nSlots {
		starts[k+1] = keptIn[k]
	}
	for _, c := range added {
		starts[addedSlot(c)+1]++
	}
	for k := range nSlots {
		starts[k+1] += starts[k]
	}
	// In place, from the last slot back: a kept cell only moves up (past
	// the cells read anew before it), so none is overwritten unread.
	fresh = make([]bool, len(s.cells))
	cells := s.cells
	ka, na := b.fromBase, len(added)
	for k := nSlots - 1; k >= 0; k-- {
		ka -= int(keptIn[k])
		run := cells[ka : ka+int(keptIn[k])]
		o := int(starts[k+1])
		for ; na > 0 && addedSlot(added[na-1]) == k; na-- {
			c := added[na-1]
			// Kept cells equal to c come first, as a build's sort puts them.
			p, _ := slices.BinarySearchFunc(run, c, func(e, t snapCell) int {
				if s.compareCells(e, t) > 0 {
					return 1
				}
				return -1
			})
			o -= copy(cells[o-(len(run)-p):o], run[p:])
			run = run[:p]
			o--
			cells[o], fresh[o] = c, true
		}
		copy(cells[starts[k]:o], run)
	}
	slotOf = make([]int32, len(s.cells))
	fillSlots(slotOf, starts)
	return starts, slotOf, fresh
}

// compareCells is the order of a slice's cells: largest value first, then
// by jurisdiction name and key (what nameRanks numbers).
func (s *Snapshot) compareCells(a, b snapCell) int {
	if c := cmp.Compare(b.value, a.value); c != 0 {
		return c
	}
	ra, rb := &s.reports[a.report], &s.reports[b.report]
	if ra.name != rb.name {
		if c := strings.Compare(s.strs[ra.name], s.strs[rb.name]); c != 0 {
			return c
		}
	}
	return strings.Compare(s.juris[ra.jur].key, s.juris[rb.jur].key)
}

// lazyTrends is one indicator's trend entries, listed on first use: a
// page asks for a few indicators' trends, and listing all of them takes
// seconds at national scale, in every build.
type lazyTrends struct {
	once    sync.Once
	entries []trendEntry
}

// ListTrends lists every indicator's trend entries now rather than on a
// page's first use (up to 150 ms an indicator at national scale), unless
// stop says to give up: the life of the snapshot calls it once the
// snapshot is in use, in the background, and gives up when a newer one is
// on its way.
func (s *Snapshot) ListTrends(stop func() bool) {
	for ind := range s.trends {
		if stop() {
			return
		}
		s.trendsOf(ind)
	}
}

// trendsOf lists the jurisdictions with values of indicator ind, in
// TrendChoices order (compareTrend), from each jurisdiction's cells (by
// indicator, year).
func (s *Snapshot) trendsOf(ind int) []trendEntry {
	t := &s.trends[ind]
	t.once.Do(func() {
		t.entries = []trendEntry{}
		for j := range s.juris {
			cs := s.jurIndicatorCells(int32(j), ind)
			if len(cs) == 0 {
				continue
			}
			e := trendEntry{jur: int32(j), level: s.reports[s.cells[cs[0]].report].level}
			for _, i := range cs {
				e.years++
				e.latest = i
				if s.reports[s.cells[i].report].level != e.level {
					e.level = mixedLevels
				}
			}
			t.entries = append(t.entries, e)
		}
		slices.SortFunc(t.entries, s.compareTrend)
	})
	return t.entries
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
	repLevel := make([]int32, len(s.reports))
	for i := range s.reports {
		repLevel[i] = s.reports[i].level
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
			// The three flagged cells with the first fact IDs, in order.
			var examples [3]int32
			n := 0
			var levels []levelAgg // a handful: 街道 镇 乡 区 县 市 ...
			for i := sp.start; i < sp.end; i++ {
				c := &s.cells[i]
				add(st, c)
				lv := repLevel[c.report]
				k := slices.IndexFunc(levels, func(a levelAgg) bool { return a.level == lv })
				if k < 0 {
					levels = append(levels, levelAgg{level: lv})
					k = len(levels) - 1
				}
				add(&levels[k].st, c)
				if c.flags == 0 {
					continue
				}
				at := n
				for at > 0 && s.compareFactIDs(c, &s.cells[examples[at-1]]) < 0 {
					at--
				}
				if at == len(examples) {
					continue
				}
				n = min(n+1, len(examples))
				copy(examples[at+1:n], examples[at:n-1])
				examples[at] = i
			}
			for _, l := range levels {
				s.levelStats[levelSlice{ind: ind, year: s.minYear + y, level: l.level}] = l.st
			}
			if n > 0 {
				st.flaggedExamples = slices.Clone(examples[:n])
			}
			s.catalog[ind].Values += int(sp.end - sp.start)
		}
	}
}
