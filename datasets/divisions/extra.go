package divisions

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
)

//go:generate go run ./genhosts -out hosts.tsv.gz
//go:generate go run ./genformer -src areacodes/result.csv -out former.tsv.gz

//go:embed hosts.tsv.gz
var hostsGz []byte

//go:embed former.tsv.gz
var formerGz []byte

// Hosts maps the tokens that government web addresses are made of (liujiang,
// psx, wx) to the provinces, cities and counties they can stand for. It is
// immutable and safe for concurrent use.
type Hosts struct {
	codes map[string][]string
	// maxLen is the longest token, in bytes.
	maxLen int
}

// LoadHosts parses the embedded address token table (hosts.tsv.gz, made by
// ./genhosts from the pinyin of the names).
func LoadHosts() (*Hosts, error) {
	data, err := gunzip(hostsGz)
	if err != nil {
		return nil, fmt.Errorf("load hosts: %w", err)
	}
	h := &Hosts{codes: make(map[string][]string, 32768)}
	for line := range strings.Lines(data) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		tok, codes, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("load hosts: bad line %q", line)
		}
		h.codes[tok] = strings.Split(codes, ",")
		h.maxLen = max(h.maxLen, len(tok))
	}
	return h, nil
}

// Codes returns the divisions token can stand for, sorted by code; nil for
// an unknown token. The slice must not be changed.
func (h *Hosts) Codes(token string) []string { return h.codes[token] }

// MaxLen is the length in bytes of the longest token.
func (h *Hosts) MaxLen() int { return h.maxLen }

// Former is a name a division had before a change: 余杭区 for the part of
// it that became 临平区 in 2021, 长乐市 for today's 长乐区.
type Former struct {
	Name    string
	OldCode string
	// From and Until are the first and last years the name stood for the area.
	From, Until int
	// Today are the codes of the divisions in use today that hold its area.
	Today []string
}

// FormerNames are the county-level and higher names no longer in use for
// their area since 1981, from the areacodes dataset.
type FormerNames struct {
	byName map[string][]Former
}

// LoadFormer parses the embedded table of former names (former.tsv.gz,
// made by ./genformer).
func LoadFormer() (*FormerNames, error) {
	data, err := gunzip(formerGz)
	if err != nil {
		return nil, fmt.Errorf("load former names: %w", err)
	}
	f := &FormerNames{byName: map[string][]Former{}}
	for line := range strings.Lines(data) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 6 {
			return nil, fmt.Errorf("load former names: bad line %q", line)
		}
		from, err1 := strconv.Atoi(parts[3])
		until, err2 := strconv.Atoi(parts[4])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("load former names: bad years in %q", line)
		}
		f.byName[parts[0]] = append(f.byName[parts[0]], Former{
			Name: parts[0], OldCode: parts[1], From: from, Until: until, Today: strings.Split(parts[5], ","),
		})
	}
	return f, nil
}

// Lookup returns the former uses of name, oldest first.
func (f *FormerNames) Lookup(name string) []Former { return f.byName[name] }

// Names returns every former name.
func (f *FormerNames) Names() []string {
	out := make([]string, 0, len(f.byName))
	for n := range f.byName {
		out = append(out, n)
	}
	return out
}

func gunzip(b []byte) (string, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return "", err
	}
	var buf strings.Builder
	if _, err := io.Copy(&buf, zr); err != nil {
		return "", err
	}
	return buf.String(), nil
}
