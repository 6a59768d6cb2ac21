package readmodel

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"
)

// The ranking marks and the ratio's index live in what was snapCell's
// padding: five million cells at national scale stay 40 bytes each.
func TestSnapCellSize(t *testing.T) {
	if n := unsafe.Sizeof(snapCell{}); n != 40 {
		t.Errorf("snapCell is %d bytes; want 40", n)
	}
}

// A patch merges the cells read anew into the base's sorted slices; the
// order must be the one a build from scratch sorts them into, ties of
// value and of name included.
func TestMergedSlicesAreSortedSlices(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	s := &Snapshot{strs: []string{"", "甲镇", "乙镇", "丙街道"}, catalog: make([]Indicator, 3)}
	for j := range 40 {
		s.juris = append(s.juris, snapJuris{key: string(rune('a'+j%26)) + string(rune('a'+j/26))})
	}
	const minYear, nYears = 2020, 3
	repYear := make([]int32, 200)
	for r := range repYear {
		repYear[r] = int32(minYear + rng.IntN(nYears))
		s.reports = append(s.reports, snapReport{name: int32(1 + rng.IntN(3)), jur: int32(r % 40), year: repYear[r]})
	}
	// Values from a small set, so that many tie; one slot stays empty.
	var cells []snapCell
	for range 400 {
		c := snapCell{value: float64(rng.IntN(5)), report: int32(rng.IntN(len(s.reports))), ind: uint16(rng.IntN(3))}
		if c.ind == 2 && repYear[c.report] == minYear+1 {
			continue
		}
		cells = append(cells, c)
	}
	b := &snapshotBuilder{s: s, fromBase: -1}
	s.cells = slices.Clone(cells)
	starts, _ := b.groupCells(repYear, minYear, nYears)
	b.sortSlices(starts)
	want := slices.Clone(s.cells)

	// The base's part of each slice in order, then the new cells unsorted.
	var kept, added []snapCell
	for k := range len(starts) - 1 {
		run := slices.Clone(want[starts[k]:starts[k+1]])
		rng.Shuffle(len(run), func(i, j int) { run[i], run[j] = run[j], run[i] })
		head := rng.IntN(len(run) + 1)
		slices.SortFunc(run[:head], s.compareCells)
		kept = append(kept, run[:head]...)
		added = append(added, run[head:]...)
		b.keptRuns = append(b.keptRuns, keptRun{ind: k / nYears, year: minYear + k%nYears, end: len(kept)})
	}
	rng.Shuffle(len(added), func(i, j int) { added[i], added[j] = added[j], added[i] })
	s.cells = append(kept, added...)
	b.fromBase = len(kept)
	gotStarts, slotOf, fresh := b.mergePatch(repYear, minYear, nYears)
	if !slices.Equal(gotStarts, starts) {
		t.Fatalf("slices start at %v after the merge; a build's at %v", gotStarts, starts)
	}
	nFresh := 0
	for i := range want {
		if s.compareCells(s.cells[i], want[i]) != 0 {
			t.Fatalf("cell %d after the merge: %+v; a sort gives %+v", i, s.cells[i], want[i])
		}
		if k := int(s.cells[i].ind)*nYears + int(repYear[s.cells[i].report]) - minYear; int(slotOf[i]) != k {
			t.Fatalf("cell %d is in slot %d; slotOf says %d", i, k, slotOf[i])
		}
		if fresh[i] {
			nFresh++
		}
	}
	if nFresh != len(added) {
		t.Errorf("%d cells marked fresh; %d were read anew", nFresh, len(added))
	}
}
