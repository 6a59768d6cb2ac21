package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/fazhi/fazhi/datasets/divisions"
)

// CorpusStats counts what WriteCorpus wrote.
type CorpusStats struct {
	Files int
	Bytes int64
	Facts int
}

// corpusReadme marks a corpus folder as synthetic.
const corpusReadme = `# Synthetic report corpus — not real reports

Written by fazhi's datasets/synth (TextConfig %+v) for benchmarks only.
Every file is made up: real division names and codes, sentence patterns of
real reports, numbers drawn at random. Each folder's truth.jsonl lists, for
every file beside it, the jurisdiction, year and facts it was written with
("synthetic": true). Never present these texts or their numbers as real.
`

// WriteCorpus writes the report files of cfg below dir (created), a
// truth.jsonl beside the files of each folder, and a README.md that says
// the corpus is synthetic.
func WriteCorpus(dir string, table *divisions.Table, cfg TextConfig) (CorpusStats, error) {
	var st CorpusStats
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return st, err
	}
	if err := os.WriteFile(filepath.Join(dir, "README.md"), fmt.Appendf(nil, corpusReadme, cfg), 0o644); err != nil {
		return st, err
	}
	truths := map[string]*bufio.Writer{}
	var files []*os.File
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	for r := range Texts(table, cfg) {
		path := filepath.Join(dir, filepath.FromSlash(r.Path))
		folder := filepath.Dir(path)
		w, ok := truths[folder]
		if !ok {
			if err := os.MkdirAll(folder, 0o755); err != nil {
				return st, err
			}
			f, err := os.Create(filepath.Join(folder, "truth.jsonl"))
			if err != nil {
				return st, err
			}
			files = append(files, f)
			w = bufio.NewWriter(f)
			truths[folder] = w
		}
		if err := os.WriteFile(path, r.Data, 0o644); err != nil {
			return st, err
		}
		line, err := json.Marshal(r.Truth)
		if err != nil {
			return st, err
		}
		w.Write(line)
		if err := w.WriteByte('\n'); err != nil {
			return st, err
		}
		st.Files++
		st.Bytes += int64(len(r.Data))
		st.Facts += len(r.Truth.Facts)
	}
	for _, w := range truths {
		if err := w.Flush(); err != nil {
			return st, err
		}
	}
	for _, f := range files {
		if err := f.Close(); err != nil {
			return st, err
		}
	}
	files = nil
	return st, nil
}
