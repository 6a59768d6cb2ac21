package readmodel

import (
	"fmt"
	"slices"
	"strings"
)

// Dump writes out everything the snapshot answers from, one item a line,
// in an order independent of how it was built (the order strings were
// interned in, a patch or a build from scratch): two snapshots of the same
// data dump the same text. It is for tests and debugging; the text is not
// a stable format.
func (s *Snapshot) Dump() string {
	var b strings.Builder
	fmt.Fprintf(&b, "years %v counts %+v minYear %d\n", s.years, s.counts, s.minYear)
	fmt.Fprintf(&b, "coverage %+v\nlatest %+v\nareas %+v\n", s.coverage, s.latest, s.areas)
	keys := make([]string, 0, len(s.peerGroups))
	for k := range s.peerGroups {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "peers %s %+v\n", k, s.peerGroups[k])
	}
	fmt.Fprintf(&b, "divisions %d catalog %+v\n", len(s.divisions), s.catalog)
	for i, r := range s.reports {
		fmt.Fprintf(&b, "report %s %s %s %d %s %d %q\n", r.id, s.strs[r.name], s.juris[r.jur].key, r.year, s.strs[r.level],
			r.ingested, s.titles[s.titleStart[i]:s.titleStart[i+1]])
	}
	levels := make([]string, 0, len(s.levelOf))
	for l, k := range s.levelOf {
		if s.strs[k] != l {
			levels = append(levels, fmt.Sprintf("%s→%s", l, s.strs[k]))
			continue
		}
		levels = append(levels, l)
	}
	slices.Sort(levels)
	fmt.Fprintf(&b, "levels %v\n", levels)
	for _, j := range s.juris {
		fmt.Fprintf(&b, "juris %s %s\n", j.key, j.code)
	}
	for i := range s.cells {
		c := s.cell(int32(i))
		n, d, _ := s.countsOf(int32(i))
		fmt.Fprintf(&b, "cell %d %+v ratio %v %v\n", i, c, n, d)
	}
	fmt.Fprintf(&b, "slices %v\nbyJur %v\njurCells %v\njurStart %v\n", s.slices, s.byJur, s.jurCells, s.jurStart)
	for ind, l := range s.stats {
		for y, st := range l {
			ex := make([]string, len(st.flaggedExamples))
			for k, i := range st.flaggedExamples {
				ex[k] = s.factID(&s.cells[i])
			}
			fmt.Fprintf(&b, "stats %d %d %d %d %g %v %s %v\n", ind, y, st.count, st.flagged, st.total, st.approx, st.approxKind, ex)
		}
	}
	var ls []string
	for k, st := range s.levelStats {
		ls = append(ls, fmt.Sprintf("level %d %d %s %d %g", k.ind, k.year, s.strs[k.level], st.count, st.total))
	}
	slices.Sort(ls)
	b.WriteString(strings.Join(ls, "\n") + "\n")
	for ind := range s.trends {
		for _, e := range s.trendsOf(ind) {
			lv := "mixed"
			if e.level >= 0 {
				lv = s.strs[e.level]
			}
			fmt.Fprintf(&b, "trend %d %s %d %d %s\n", ind, s.juris[e.jur].key, e.years, e.latest, lv)
		}
	}
	years := make([]int, 0, len(s.yearJurs))
	for y := range s.yearJurs {
		years = append(years, y)
	}
	slices.Sort(years)
	for _, y := range years {
		fmt.Fprintf(&b, "yearJurs %d %v\n", y, s.yearJurs[y])
	}
	for _, c := range s.conflicts {
		fmt.Fprintf(&b, "conflict %d %d %s %s %v %v\n", c.ind, c.year, s.juris[c.jur].key, c.name, c.values, c.reports)
	}
	return b.String()
}
