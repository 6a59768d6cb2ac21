package jurisdiction

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/datasets/divisions"
)

// A candidate wins when its score reaches minScore and leads the next one
// by minMargin. One ancestor named in the text (a county, 4; a city, 3)
// passes minScore; a lone province name (2) or a lone two-character short
// form (临海, 2 unless written as a place) does not.
const (
	minScore  = 3
	minMargin = 2
	// strongBonus is added for an ancestor written in the title, the
	// signature or directly before the name (钟山区荷城街道).
	strongBonus = 6
	// maxRelatives caps the points from siblings and children named in the
	// text; maxHomonyms skips relatives whose name is too common to tell
	// places apart (城关镇 names 88 towns).
	maxRelatives = 3
	maxHomonyms  = 5
)

// levelWeight is what naming an ancestor of each level is worth.
var levelWeight = map[divisions.Level]float64{divisions.County: 4, divisions.City: 3, divisions.Province: 2}

type scored struct {
	code  string
	score float64
	notes []string
}

// rank scores every division called subj.name by the clues of d, best first.
func (r *Resolver) rank(codes []string, subj subject, d *document) []scored {
	strong := map[string]bool{}
	for _, n := range subj.strong {
		strong[n] = true
	}
	paths := make([][]divisions.Division, len(codes))
	var needles []string
	for i, c := range codes {
		paths[i] = r.t.Path(c)
		for _, a := range ancestors(paths[i]) {
			if sh := shortName(a.Name); sh != "" && d.counts[a.Name] == 0 {
				needles = append(needles, sh)
			}
		}
	}
	shortCounts := newFinder(needles).count(d.body, acceptShort, placedShort)
	named := r.named(d)
	out := make([]scored, len(codes))
	for i, c := range codes {
		s := scored{code: c}
		for _, a := range ancestors(paths[i]) {
			w := levelWeight[a.Level]
			sh := shortName(a.Name)
			switch {
			case strong[a.Name] || sh != "" && shortInLines(subj.lines, sh):
				s.score += w + strongBonus
				s.notes = append(s.notes, "written with "+a.Name)
			case d.counts[a.Name] > 0:
				s.score += w
				s.notes = append(s.notes, a.Name+" named")
			case sh != "" && shortCounts[sh].any > 0:
				// Two-character short forms are often common words
				// (灯塔, 会理): alone they count less unless written as a
				// place (临海各镇街, 临海人民).
				if utf8.RuneCountInString(sh) >= 3 || shortCounts[sh].placed > 0 {
					s.score += w - 1
				} else {
					s.score += w - 2
				}
				s.notes = append(s.notes, sh+" named")
			}
		}
		if len(paths[i]) == 0 {
			out[i] = s
			continue
		}
		rel := relatives(paths[i][len(paths[i])-1], subj.name, named)
		if len(rel) > 0 {
			s.score += float64(min(len(rel), maxRelatives))
			s.notes = append(s.notes, fmt.Sprintf("neighbours %s named", strings.Join(rel[:min(len(rel), maxRelatives)], " ")))
		}
		out[i] = s
	}
	slices.SortStableFunc(out, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.code, b.code)
	})
	return out
}

func ancestors(path []divisions.Division) []divisions.Division {
	if len(path) == 0 {
		return nil
	}
	return path[:len(path)-1]
}

// shortInLines reports whether a short form stands alone in one of lines
// (东莞 in 东莞司法局桥头分局, not 桥头 in 桥头镇人民政府).
func shortInLines(lines []string, sh string) bool {
	for _, l := range lines {
		for i := 0; ; {
			j := strings.Index(l[i:], sh)
			if j < 0 {
				break
			}
			if acceptShort(l, i+j, i+j+len(sh)) {
				return true
			}
			i += j + len(sh)
		}
	}
	return false
}

// namedDivision is a division the text names, with its parent.
type namedDivision struct {
	name, code, parent string
}

// named returns the divisions the text names, leaving out names shared by
// more than maxHomonyms places (城关镇 tells nothing about where it is).
func (r *Resolver) named(d *document) []namedDivision {
	var out []namedDivision
	for name := range d.counts {
		codes := r.ix.codes[name]
		if len(codes) > maxHomonyms {
			continue
		}
		for _, c := range codes {
			if div, ok := r.t.Get(c); ok {
				out = append(out, namedDivision{name: name, code: c, parent: div.ParentCode})
			}
		}
	}
	slices.SortFunc(out, func(a, b namedDivision) int { return cmp.Compare(a.code, b.code) })
	return out
}

// relatives returns the distinct names of the division's siblings and
// children among named, other than self.
func relatives(me divisions.Division, self string, named []namedDivision) []string {
	var out []string
	for _, k := range named {
		if k.code == me.Code || k.name == self || (k.parent != me.Code && (me.ParentCode == "" || k.parent != me.ParentCode)) {
			continue
		}
		if !slices.Contains(out, k.name) {
			out = append(out, k.name)
		}
	}
	return out
}

// shortFollowers are what, written right after a short form, show that it
// is part of another name (朝阳 in 朝阳街道, 朝阳路, 朝阳县) and not the
// division itself.
var shortFollowers = []string{"街道", "镇", "乡", "村", "路", "街", "社区", "大道", "小区", "县", "区", "市", "省", "州", "旗", "里", "巷", "苑", "园", "桥", "湖", "山", "河", "江", "门", "站"}

// placeFollowers are what, written right after a short form, show that it
// names a place: 临海各镇街, 临海全市, 临海人民, 临海境内.
var placeFollowers = []string{"各", "全", "地区", "辖区", "境内", "城区", "籍", "范围", "当地", "人民", "市委", "区委", "县委", "市政府", "区政府", "县政府"}

// placedShort reports whether the short form at s[start:end] is followed by
// a word that shows it names a place.
func placedShort(s string, _, end int) bool {
	return hasAnyPrefix(s[end:], placeFollowers...)
}

// acceptShort reports whether the short form at s[start:end] stands alone.
func acceptShort(s string, start, end int) bool {
	if start > 0 {
		prev, _ := utf8.DecodeLastRuneInString(s[:start])
		if prev == '新' || prev == '老' || prev == '小' || prev == '大' {
			return false
		}
	}
	return !hasAnyPrefix(s[end:], shortFollowers...)
}
