package ingest

import (
	"bytes"
	"io"
	"testing"
	"testing/iotest"
)

// readSized reads what io.ReadAll of the first max+1 bytes reads, whatever
// size the file was listed with (it may have grown or shrunk since) and
// however the reader splits its reads.
func FuzzReadSized(f *testing.F) {
	f.Add([]byte("通城镇人民政府"), int64(21), int64(100))
	f.Add([]byte("grew after its stat"), int64(4), int64(100))
	f.Add([]byte("shrank"), int64(600), int64(100))
	f.Add([]byte("past the limit"), int64(14), int64(5))
	f.Add([]byte(""), int64(0), int64(0))
	f.Add([]byte("exactly"), int64(7), int64(7))
	f.Fuzz(func(t *testing.T, data []byte, size, max int64) {
		if size < 0 || max < 0 || size > 1<<20 || max > 1<<20 {
			return
		}
		want, _ := io.ReadAll(io.LimitReader(bytes.NewReader(data), max+1))
		for _, r := range []io.Reader{bytes.NewReader(data), iotest.OneByteReader(bytes.NewReader(data)), iotest.HalfReader(bytes.NewReader(data))} {
			got, err := readSized(r, size, max)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("readSized(%d bytes, size %d, max %d) = %q, %v; want %q", len(data), size, max, got, err, want)
			}
		}
	})
}
