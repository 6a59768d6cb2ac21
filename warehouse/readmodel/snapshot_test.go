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
	s := &Snapshot{strs: []string{"", "甲镇", "乙镇", "丙街道"}}
	for j := range 40 {
		s.juris = append(s.juris, snapJuris{key: string(rune('a'+j%26)) + string(rune('a'+j/26))})
	}
	for r := range 200 {
		s.reports = append(s.reports, snapReport{name: int32(1 + rng.IntN(3)), jur: int32(r % 40)})
	}
	// Three slices; values from a small set, so that many tie.
	var cells []snapCell
	starts := []int32{0}
	for range 3 {
		n := 30 + rng.IntN(40)
		for range n {
			cells = append(cells, snapCell{value: float64(rng.IntN(5)), report: int32(rng.IntN(len(s.reports)))})
		}
		starts = append(starts, int32(len(cells)))
	}
	b := &snapshotBuilder{s: s}
	s.cells = slices.Clone(cells)
	b.sortSlices(starts)
	want := slices.Clone(s.cells)

	// The base's part of each slice in order, then the new cells unsorted.
	fromBase := make([]int32, len(starts)-1)
	var patched []snapCell
	for k := range fromBase {
		run := slices.Clone(cells[starts[k]:starts[k+1]])
		head := rng.IntN(len(run) + 1)
		rng.Shuffle(len(run), func(i, j int) { run[i], run[j] = run[j], run[i] })
		slices.SortFunc(run[:head], s.compareCells)
		patched = append(patched, run...)
		fromBase[k] = int32(head)
	}
	s.cells = patched
	b.mergeSlices(starts, fromBase)
	for i := range want {
		if s.compareCells(s.cells[i], want[i]) != 0 {
			t.Fatalf("cell %d after the merge: %+v; a sort gives %+v", i, s.cells[i], want[i])
		}
	}
}
