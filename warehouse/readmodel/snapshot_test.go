package readmodel

import (
	"testing"
	"unsafe"
)

// The ranking marks live in snapCell's padding: five million cells at
// national scale stay 40 bytes each.
func TestSnapCellSize(t *testing.T) {
	if n := unsafe.Sizeof(snapCell{}); n != 40 {
		t.Errorf("snapCell is %d bytes; want 40", n)
	}
}
