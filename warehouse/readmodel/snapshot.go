package readmodel

import (
	"cmp"
	"encoding/binary"
	"encoding/hex"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The dashboards read a snapshot: an in-memory copy of the headline table
// and of the summary tables, read in one transaction and indexed for the
// pages' questions. Why not SQL: at 400,000 reports (4.9 million headline
// values) a DuckDB query on the sorted headline table costs 2–6 ms alone
// and 30–60 ms at the 95th percentile with eight concurrent clients on two
// cores, and a page needs several; even an index lookup of the quotes a
// page shows takes 10–30 ms under that load. The same answers computed from
// the snapshot take microseconds to a millisecond. The price is memory:
// about 40 bytes per headline value plus its quote (430 MB measured at
// 400,000 synthetic reports, 25 MB at 20,000). DuckDB stays the source of truth.
//
// Every committed write bumps the warehouse's generation; a reader takes a
// snapshot built at its generation or later, so the pages never show
// figures older than the last write. One build runs at a time; readers of a
// newer generation wait for it. Once a snapshot exists (someone reads the
// dashboards), every write starts the next build at once, so that readers
// rarely wait.

// Snapshot is the dashboards' read model of one generation of the
// warehouse. It never changes once built; every method may be called from
// any number of goroutines.
type Snapshot struct {
	gen uint64
	// patched: built as a patch of an older snapshot (Build).
	patched bool
	// steps are the build's steps, timed.
	steps []BuildStep

	catalog     []Indicator    // catalog order (category, code); Values filled
	indicatorOf map[string]int // code → index in catalog
	// derivedFrom[ind] are the catalog indexes of the counts rate ind is
	// computed from (indicators.derived_from).
	derivedFrom [][]int

	years      []int // years with reports, newest first
	counts     overviewCounts
	coverage   []CoverageArea
	latest     []ReportSummary
	areas      []CoverageArea
	peerGroups map[string][]Division // by parent code ("" for the provinces)
	divisions  map[string]division   // the official divisions that contain or are report jurisdictions

	strs     []string   // interned strings: names, levels, scopes
	units    []string   // the units of the values (a few dozen)
	flagSets [][]string // interned flag lists; flagSets[0] is empty
	// partYearFlags[k] says whether flagSets[k] holds flagPartYear.
	partYearFlags []bool
	reports       []snapReport     // every report
	juris         []snapJuris      // every jurisdiction: resolved ones by code, then unresolved by name
	jurOf         map[string]int   // jurisdiction_key → index in juris
	levelOf       map[string]int32 // jurisdiction level as written → index in strs

	// cells are the headline values, grouped by indicator and year (see
	// slices), largest value first within a group, then by jurisdiction
	// name and key.
	cells []snapCell
	// slices[ind][year-minYear] is the range of cells of one indicator-year.
	slices  [][]span
	minYear int
	// byJur[start:end] of a slice holds the same cells' indexes sorted by
	// jurisdiction, so that the cells inside a division are one range.
	byJur []int32
	// jurCells[jurStart[j]:jurStart[j+1]] are the cells of jurisdiction j,
	// by indicator and year.
	jurCells []int32
	jurStart []int32
	// stats[ind][year-minYear] summarises a slice; levelStats adds one per level.
	stats      [][]sliceStats
	levelStats map[levelSlice]sliceStats
	// yearJurs[year] lists the (jurisdiction, report) pairs of the reports
	// of that year, by jurisdiction: the heatmap's rows.
	yearJurs map[int][]jurReport
	// trends[ind] lists the jurisdictions with values of the indicator, in
	// TrendChoices order (compareTrend), computed on first use (trendsOf).
	trends []lazyTrends
	// ratios holds the counts behind a rate (headline_counts): a cell with
	// cellRatio set has its numerator and denominator at ratios[c.ratio].
	ratios [][2]float64
	// conflicts are the headline's conflicts (no value: the reports of a
	// jurisdiction-year disagree), by indicator, year and jurisdiction.
	conflicts []snapConflict
	// factOverflow holds the fact IDs that encodeFact cannot pack.
	factOverflow []string
	// waste counts the quotes (and their bytes) that no cell uses any
	// more: a patch keeps the base's quotes whole (keepValues).
	waste struct{ bytes, quotes int }
	// quotes holds every cell's quote, one after the other: quote k is
	// quotes[quoteStart[k]:quoteStart[k+1]] (a cell keeps its k). One
	// block of bytes instead of millions of strings spares the garbage
	// collector.
	quotes     []byte
	quoteStart []uint32
	// titles holds every report's title the same way: report r's is
	// titles[titleStart[r]:titleStart[r+1]] (the brief names its sources).
	titles     []byte
	titleStart []uint32
}

// span is a range of indexes.
type span struct{ start, end int32 }

// snapCell is one headline value: 40 bytes, five million of them at
// national scale. Jurisdiction, name, level and year are the report's.
type snapCell struct {
	value  float64
	fact   uint64 // see encodeFact
	report int32  // index in reports
	scope  int32  // index in strs
	quote  int32  // index in quoteStart
	ratio  int32  // index in ratios, when bits has cellRatio
	unit   uint16 // index in units
	flags  uint16 // index in flagSets
	ind    uint16 // index in catalog
	bits   uint8  // cellApprox | cellPartial | cellDerived | cellCorrected | cellRatio | cellAbout | cellAtMost | cellUnsure
	whole  uint8  // cellUnresolved | cellPartYear
}

// The kinds of approximation (facts.approx_kind): which way the true value
// may lie from a number written with a qualifier.
const (
	ApproxAtLeast = "at_least" // 余 多 超过 逾 以上: at least this much
	ApproxAbout   = "about"    // 约 左右 上下: an estimate
	ApproxAtMost  = "at_most"  // 近 将近 接近: a little less
)

// combineApprox is the kind of a sum of two values of kinds a and b.
func combineApprox(a, b string) string {
	switch {
	case a == "" || a == b:
		return b
	case b == "":
		return a
	}
	return ApproxAbout
}

const (
	cellApprox uint8 = 1 << iota
	cellPartial
	cellDerived
	cellCorrected
	cellRatio // the rate has counts beside it (snapshot.ratios)
	cellAbout // an approximate value's kind; at least when neither is set
	cellAtMost
	// cellUnsure: the extractor's confidence is below the warehouse's
	// ranking cut and no person confirmed the fact: it is shown, not ranked.
	cellUnsure
)

// What keeps a cell out of rankings (snapCell.whole, rank.go's unrankedAlone),
// computed once per build so that a ranking of tens of thousands of values
// looks at the cells alone.
const (
	cellUnresolved uint8 = 1 << iota // its report's jurisdiction is not resolved
	cellPartYear                     // it covers part of the year (rank.go's partYear)
)

// approxKind returns the kind of the cell's approximation ("" when exact).
func (c *snapCell) approxKind() string {
	switch {
	case c.bits&cellApprox == 0:
		return ""
	case c.bits&cellAbout != 0:
		return ApproxAbout
	case c.bits&cellAtMost != 0:
		return ApproxAtMost
	}
	return ApproxAtLeast
}

// snapReport is a report as the snapshot needs it.
type snapReport struct {
	id       string
	name     int32 // jurisdiction name as written, index in strs
	jur      int32 // index in juris
	year     int32 // 0 when unknown
	level    int32 // jurisdiction level as written, index in strs
	ingested int64 // when it was stored, Unix microseconds
}

// summary names report r for lists (ReportSummary).
func (s *Snapshot) summary(r int32) ReportSummary {
	rep := &s.reports[r]
	return ReportSummary{ReportID: rep.id, Title: string(s.titles[s.titleStart[r]:s.titleStart[r+1]]),
		JurisdictionName: s.strs[rep.name], Year: int(rep.year), IngestedAt: time.UnixMicro(rep.ingested).UTC()}
}

// snapJuris is a jurisdiction: a resolved division or an unresolved report's own.
type snapJuris struct {
	key  string // jurisdiction_key: the code, or report:<id>
	code string // "" when unresolved
}

// sliceStats summarises the headline values of an indicator-year (and level).
type sliceStats struct {
	count   int
	flagged int
	total   float64
	approx  bool
	// approxKind combines the approximate values' kinds (combineApprox).
	approxKind string
	// flaggedExamples are the first three flagged cells by fact ID (whole slices only).
	flaggedExamples []int32
}

type levelSlice struct {
	ind, year int
	level     int32
}

// trendEntry is a jurisdiction's values of one indicator over the years.
type trendEntry struct {
	jur    int32
	years  int32
	latest int32 // cell of the latest year
	level  int32 // the level of all its reports, or mixedLevels
}

// mixedLevels marks a trendEntry whose reports are of different levels (a
// 乡 that became a 镇): a level filter must look at each year.
const mixedLevels = -3

// compareTrend orders trend entries: most years, then largest latest value, then key.
func (s *Snapshot) compareTrend(a, b trendEntry) int {
	return cmp.Or(cmp.Compare(b.years, a.years), cmp.Compare(s.cells[b.latest].value, s.cells[a.latest].value),
		strings.Compare(s.juris[a.jur].key, s.juris[b.jur].key))
}

// trendEntryAt is jurisdiction j's trend entry for an indicator counting
// only the years whose report is of the given level.
func (s *Snapshot) trendEntryAt(j int32, ind int, level int32) (trendEntry, bool) {
	e := trendEntry{jur: j, level: level, latest: -1}
	for _, i := range s.jurIndicatorCells(j, ind) {
		if s.reports[s.cells[i].report].level == level {
			e.years++
			e.latest = i
		}
	}
	return e, e.years > 0
}

// jurReport is a report of a jurisdiction (heatmap rows).
type jurReport struct{ jur, report int32 }

// division is an official division.
type division struct {
	name, parent, level string
}

type overviewCounts struct {
	reports, jurisdictions, years, firstYear, lastYear, facts, unresolved int
	// asOf is when the warehouse last changed: the latest report stored or
	// correction made.
	asOf time.Time
}

// factOverflowBit marks a cell's fact as an index in factOverflow.
const factOverflowBit = 1 << 63

// encodeFact packs a fact ID as the cell stores it. Fact IDs are the report
// ID, a dash and 12 hex digits (ingest.FactID) or an analyst's "a<n>"
// (corrections): the common form packs into 48 bits; any other is kept
// whole in factOverflow, marked by the top bit.
func (s *Snapshot) encodeFact(reportID, factID string) uint64 {
	return encodeFactInto(&s.factOverflow, reportID, factID)
}

// encodeFactInto is encodeFact with the overflowing IDs kept in overflow.
func encodeFactInto(overflow *[]string, reportID, factID string) uint64 {
	if n := len(reportID); len(factID) == n+13 && factID[n] == '-' && factID[:n] == reportID && isLowerHex(factID[n+1:], 12) {
		if v, err := strconv.ParseUint(factID[n+1:], 16, 64); err == nil {
			return v
		}
	}
	*overflow = append(*overflow, strings.Clone(factID))
	return factOverflowBit | uint64(len(*overflow)-1)
}

// isLowerHex reports whether s is n lowercase hex digits (as factID writes them).
func isLowerHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := range len(s) {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func (s *Snapshot) factID(c *snapCell) string {
	if c.fact&factOverflowBit != 0 {
		return s.factOverflow[c.fact&^factOverflowBit]
	}
	id := s.reports[c.report].id
	b := make([]byte, 0, len(id)+13)
	b = append(append(b, id...), '-')
	var suffix [8]byte
	binary.BigEndian.PutUint64(suffix[:], c.fact)
	return string(hex.AppendEncode(b, suffix[2:]))
}

// compareFactIDs orders two cells by fact ID as strings order, without
// writing the IDs out where both are packed from reports IDs of one length
// (the 12 hex digits after the dash order as the numbers do).
func (s *Snapshot) compareFactIDs(a, b *snapCell) int {
	if a.fact&factOverflowBit == 0 && b.fact&factOverflowBit == 0 {
		ra, rb := s.reports[a.report].id, s.reports[b.report].id
		if len(ra) == len(rb) {
			return cmp.Or(strings.Compare(ra, rb), cmp.Compare(a.fact, b.fact))
		}
	}
	return strings.Compare(s.factID(a), s.factID(b))
}

// cell returns the headline value at index i with its provenance.
func (s *Snapshot) cell(i int32) Cell {
	c := &s.cells[i]
	r := &s.reports[c.report]
	j := &s.juris[r.jur]
	return Cell{
		JurisdictionKey: j.key, JurisdictionCode: j.code, JurisdictionName: s.strs[r.name],
		Year: int(r.year), Indicator: s.catalog[c.ind].Code, Unit: s.units[c.unit],
		Figure: Figure{Value: c.value, Approx: c.bits&cellApprox != 0, ApproxKind: c.approxKind(), Partial: c.bits&cellPartial != 0,
			Scope: s.strs[c.scope], Derived: c.bits&cellDerived != 0, Corrected: c.bits&cellCorrected != 0, Unsure: c.bits&cellUnsure != 0,
			Flags: append([]string{}, s.flagSets[c.flags]...)},
		Source: Source{FactID: s.factID(c), ReportID: r.id, Quote: string(s.quotes[s.quoteStart[c.quote]:s.quoteStart[c.quote+1]])},
	}
}

func (s *Snapshot) cellsAt(idx []int32) []Cell {
	out := make([]Cell, len(idx))
	for i, c := range idx {
		out[i] = s.cell(c)
	}
	return out
}

// slice returns the cells of an indicator-year; empty when there are none.
func (s *Snapshot) slice(ind, year int) span {
	if ind < 0 || ind >= len(s.slices) || year < s.minYear || year-s.minYear >= len(s.slices[ind]) {
		return span{}
	}
	return s.slices[ind][year-s.minYear]
}

func (s *Snapshot) sliceStats(ind, year int) sliceStats {
	if ind < 0 || ind >= len(s.stats) || year < s.minYear || year-s.minYear >= len(s.stats[ind]) {
		return sliceStats{}
	}
	return s.stats[ind][year-s.minYear]
}

// indicator returns the catalog index of code, -1 if unknown.
func (s *Snapshot) indicator(code string) int {
	if i, ok := s.indicatorOf[code]; ok {
		return i
	}
	return -1
}

// cellOf finds the cell of jurisdiction j for an indicator and year (-1 if none).
func (s *Snapshot) cellOf(j int32, ind, year int) int32 {
	cs := s.jurCells[s.jurStart[j]:s.jurStart[j+1]]
	k := sort.Search(len(cs), func(k int) bool {
		c := &s.cells[cs[k]]
		if int(c.ind) != ind {
			return int(c.ind) > ind
		}
		return int(s.reports[c.report].year) >= year
	})
	if k < len(cs) {
		c := &s.cells[cs[k]]
		if int(c.ind) == ind && int(s.reports[c.report].year) == year {
			return cs[k]
		}
	}
	return -1
}

// jurIndicatorCells returns the cells of jurisdiction j for an indicator, oldest year first.
func (s *Snapshot) jurIndicatorCells(j int32, ind int) []int32 {
	cs := s.jurCells[s.jurStart[j]:s.jurStart[j+1]]
	lo := sort.Search(len(cs), func(k int) bool { return int(s.cells[cs[k]].ind) >= ind })
	hi := sort.Search(len(cs), func(k int) bool { return int(s.cells[cs[k]].ind) > ind })
	return cs[lo:hi]
}

// scopeFilter is a Scope resolved against the snapshot: the range of
// jurisdictions inside the parent and the level's string index.
type scopeFilter struct {
	lo, hi int32 // jurisdictions [lo, hi)
	level  int32 // -1: any level; -2: a level no report has
	whole  bool  // no parent: every jurisdiction
}

// scope resolves s: jurisdictions inside the parent division (not the
// parent itself) are a range, since juris is sorted by code.
func (sn *Snapshot) scope(s Scope) scopeFilter {
	f := scopeFilter{lo: 0, hi: int32(len(sn.juris)), level: -1, whole: s.Parent == ""}
	if s.Parent != "" {
		f.lo, f.hi = sn.prefixRange(s.Parent)
		if f.lo < f.hi && sn.juris[f.lo].code == s.Parent {
			f.lo++
		}
	}
	if s.Level != "" {
		f.level = -2
		if l, ok := sn.levelOf[s.Level]; ok {
			f.level = l
		}
	}
	return f
}

// prefixRange returns the resolved jurisdictions whose code starts with p
// (p itself included): a range, since juris is sorted by code.
func (sn *Snapshot) prefixRange(p string) (lo, hi int32) {
	resolved := sort.Search(len(sn.juris), func(i int) bool { return sn.juris[i].code == "" })
	lo = int32(sort.Search(resolved, func(i int) bool { return sn.juris[i].code >= p }))
	hi = int32(sort.Search(resolved, func(i int) bool {
		return sn.juris[i].code > p && !strings.HasPrefix(sn.juris[i].code, p)
	}))
	return lo, hi
}

// report reports whether a report (its jurisdiction and level) is in scope.
func (f scopeFilter) report(r *snapReport) bool {
	return r.jur >= f.lo && r.jur < f.hi && (f.level == -1 || r.level == f.level)
}

func (f scopeFilter) has(sn *Snapshot, cell int32) bool {
	return f.report(&sn.reports[sn.cells[cell].report])
}

// scopeCells returns the cells of a slice in scope, in slice order
// (largest value first), at most limit of them (0: all). A parent's cells
// are found by binary search in the slice's jurisdiction order.
func (sn *Snapshot) scopeCells(sp span, f scopeFilter, limit int) []int32 {
	var out []int32
	if f.whole {
		for i := sp.start; i < sp.end && (limit <= 0 || len(out) < limit); i++ {
			if f.level == -1 || sn.reports[sn.cells[i].report].level == f.level {
				out = append(out, i)
			}
		}
		return out
	}
	r := sn.parentRange(sp, f)
	for _, i := range sn.byJur[r.start:r.end] {
		if f.has(sn, i) {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	if limit > 0 {
		out = out[:min(limit, len(out))]
	}
	return out
}

// eachInScope calls fn for each cell of a slice in scope, in no order.
func (sn *Snapshot) eachInScope(sp span, f scopeFilter, fn func(int32)) {
	if !f.whole {
		r := sn.parentRange(sp, f)
		for _, i := range sn.byJur[r.start:r.end] {
			if f.has(sn, i) {
				fn(i)
			}
		}
		return
	}
	for i := sp.start; i < sp.end; i++ {
		if f.level == -1 || sn.reports[sn.cells[i].report].level == f.level {
			fn(i)
		}
	}
}

// parentRange returns the part of a slice's jurisdiction order inside f's range.
func (sn *Snapshot) parentRange(sp span, f scopeFilter) span {
	ord := sn.byJur[sp.start:sp.end]
	jurOf := func(k int) int32 { return sn.reports[sn.cells[ord[k]].report].jur }
	lo := sort.Search(len(ord), func(k int) bool { return jurOf(k) >= f.lo })
	hi := sort.Search(len(ord), func(k int) bool { return jurOf(k) >= f.hi })
	return span{sp.start + int32(lo), sp.start + int32(hi)}
}

// Generation is the warehouse generation the snapshot is of.
func (s *Snapshot) Generation() uint64 { return s.gen }

// Patched says whether the snapshot was built as a patch of an older one.
func (s *Snapshot) Patched() bool { return s.patched }

// BuildSteps are the steps of the build that made s and how long each took
// (for the debug log).
func (s *Snapshot) BuildSteps() []BuildStep { return s.steps }

// Size is how much a snapshot holds.
type Size struct {
	// Values counts the headline values (jurisdiction-year-indicators).
	Values int
	// Reports counts the reports that count.
	Reports int
	// QuoteBytes is the size of the values' quotes, WastedQuoteBytes the
	// part of it no value uses any more (patches leave it; see keepValues).
	QuoteBytes, WastedQuoteBytes int
}

// Size says how much the snapshot holds, for logs.
func (s *Snapshot) Size() Size {
	return Size{Values: len(s.cells), Reports: len(s.reports), QuoteBytes: len(s.quotes), WastedQuoteBytes: s.waste.bytes}
}
