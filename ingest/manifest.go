package ingest

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Manifest holds what a manifest file tells about report files: a CSV with
// the header file,url,jurisdiction_code,year (every column but file may be
// empty). It is keyed by the files' cleaned absolute paths.
type Manifest struct {
	byFile map[string]Meta
	// Path is the manifest's own path, for messages.
	Path string
}

// ErrBadManifest marks a manifest that cannot be read.
var ErrBadManifest = errors.New("bad manifest")

// manifestColumns are the manifest's columns, in order.
var manifestColumns = []string{"file", "url", "jurisdiction_code", "year"}

// ReadManifestFile reads the manifest at path; its file column is absolute
// or relative to the manifest's folder.
func ReadManifestFile(path string) (Manifest, error) {
	f, err := os.Open(path)
	if err != nil {
		return Manifest{}, fmt.Errorf("manifest: %w", err)
	}
	defer f.Close()
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return Manifest{}, fmt.Errorf("manifest: %w", err)
	}
	m, err := ReadManifest(f, dir)
	m.Path = path
	return m, err
}

// ReadManifest reads a manifest from r; relative file names are resolved
// against dir.
func ReadManifest(r io.Reader, dir string) (Manifest, error) {
	m := Manifest{byFile: map[string]Meta{}}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return m, fmt.Errorf("%w: no header: %w", ErrBadManifest, err)
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff") // Excel's byte-order mark
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.ToLower(h))] = i
	}
	if _, ok := col["file"]; !ok {
		return m, fmt.Errorf("%w: the header must be %s", ErrBadManifest, strings.Join(manifestColumns, ","))
	}
	for k := range col {
		if !slices.Contains(manifestColumns, k) {
			return m, fmt.Errorf("%w: unknown column %q (the columns are %s)", ErrBadManifest, k, strings.Join(manifestColumns, ","))
		}
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return m, nil
		}
		if err != nil {
			return m, fmt.Errorf("%w: %w", ErrBadManifest, err)
		}
		file := get(rec, "file")
		if file == "" {
			return m, fmt.Errorf("%w: line %d has no file", ErrBadManifest, line)
		}
		meta := Meta{URL: get(rec, "url"), JurisdictionCode: get(rec, "jurisdiction_code")}
		if c := meta.JurisdictionCode; c != "" && !validCode(c) {
			return m, fmt.Errorf("%w: line %d: jurisdiction_code %q is not a division code (2, 4, 6 or 9 digits)", ErrBadManifest, line, c)
		}
		if y := get(rec, "year"); y != "" {
			n, err := strconv.Atoi(y)
			if err != nil || n < 1990 || n > 2100 {
				return m, fmt.Errorf("%w: line %d: year %q is not a year", ErrBadManifest, line, y)
			}
			meta.Year = n
		}
		if !filepath.IsAbs(file) {
			file = filepath.Join(dir, file)
		}
		m.byFile[filepath.Clean(file)] = meta
	}
}

// Lookup returns what the manifest says of the file at path.
func (m Manifest) Lookup(path string) (Meta, bool) {
	if m.byFile == nil {
		return Meta{}, false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return Meta{}, false
	}
	meta, ok := m.byFile[filepath.Clean(abs)]
	return meta, ok
}

// LookupUpload returns what the manifest says of an uploaded file named as
// the client sent it, for a manifest read with ReadManifest(r, ""): the row
// whose file is that name (cleaned), else the one row whose file has the
// same base name (a browser sends base names only).
func (m Manifest) LookupUpload(name string) (Meta, bool) {
	if meta, ok := m.byFile[filepath.Clean(name)]; ok {
		return meta, true
	}
	var found Meta
	n := 0
	for file, meta := range m.byFile {
		if filepath.Base(file) == filepath.Base(name) {
			found, n = meta, n+1
		}
	}
	if n != 1 {
		return Meta{}, false
	}
	return found, true
}

// Files lists the files the manifest names (cleaned), sorted.
func (m Manifest) Files() []string {
	out := make([]string, 0, len(m.byFile))
	for f := range m.byFile {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// Len is the number of files the manifest names.
func (m Manifest) Len() int { return len(m.byFile) }

// Apply sets the Meta of every input the manifest names and within on all
// of them, and returns how many inputs the manifest named.
func (m Manifest) Apply(inputs []Input, within string) int {
	n := 0
	for i := range inputs {
		if meta, ok := m.Lookup(inputs[i].Name); ok {
			inputs[i].Meta = meta
			n++
		}
		if within != "" {
			inputs[i].Meta.Within = within
		}
	}
	return n
}

func validCode(c string) bool {
	switch len(c) {
	case 2, 4, 6, 9:
	default:
		return false
	}
	for i := 0; i < len(c); i++ {
		if c[i] < '0' || c[i] > '9' {
			return false
		}
	}
	return true
}
