package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkRead measures the layout reader over the sample and real report
// texts of the datasets, concatenated report by report (each read on its
// own, as the pipeline does).
func BenchmarkRead(b *testing.B) {
	var texts []string
	size := 0
	for _, g := range []string{"reports/*.txt", "realdev/*.txt", "realpool/*/*.txt"} {
		paths, err := filepath.Glob(filepath.Join("..", "..", "datasets", g))
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			texts = append(texts, strings.ReplaceAll(string(data), "\r\n", "\n"))
			size += len(data)
		}
	}
	if len(texts) == 0 {
		b.Fatal("no report texts in datasets/")
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			Read(t, "")
		}
	}
}
