package jurisdiction

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/datasets/divisions"
)

// subject is the jurisdiction a report names for itself, before it is
// resolved to a code.
type subject struct {
	name string
	// lines are the title or signature lines the name came from; names and
	// short forms written there are the writer's own statement of where the
	// jurisdiction lies.
	lines []string
	// strong holds other division names written together with it (the
	// chain 六盘水市钟山区 before 荷城街道, the names of the signature).
	strong   []string
	evidence string
}

// subject finds the jurisdiction's name: from the title when it names one,
// else from the signature, else from the most named division of the level
// the report calls itself by (我镇, 我街道, 本区).
func (r *Resolver) subject(d *document) (subject, bool) {
	var s subject
	found := false
	selfLevel, selfCount := dominant(d.selfRefs)
	if d.title != "" && containsAny(d.title, titleWords...) {
		s, found = r.fromTitle(d.title)
	}
	for _, t := range d.titles {
		if found {
			break
		}
		s, found = r.fromTitle(t)
		// A line of the opening that names a division of another tier
		// than the report calls itself (依法治区 in a town's report) is
		// not its title.
		if found && selfCount >= 3 && isTownLevel(selfLevel) != isTownLevel(levelOf(s.name)) {
			found = false
		}
	}
	sig, sigOK := r.fromSignature(d)
	switch {
	case found:
		if sigOK {
			s.strong = append(s.strong, sig.strong...)
			s.strong = append(s.strong, sig.name)
			s.lines = append(s.lines, sig.lines...)
		}
	case sigOK && !(isTownLevel(selfLevel) && !isTownLevel(levelOf(sig.name)) && selfCount >= 2):
		s, found = sig, true
	default:
		ref, ok := r.fromSelfRef(d, selfLevel, selfCount)
		if !ok && sigOK {
			ref, ok = sig, true
		} else if ok && sigOK {
			ref.strong = append(ref.strong, sig.strong...)
			ref.strong = append(ref.strong, sig.name)
			ref.lines = append(ref.lines, sig.lines...)
		}
		s, found = ref, ok
	}
	if !found {
		return subject{}, false
	}
	s.strong = append(s.strong, adjacentBefore(d.mentions, s.name)...)
	return s, true
}

func isTownLevel(l string) bool { return l == "街道" || l == "镇" || l == "乡" || l == "苏木" }

// selfRefOrder lists the keys of the self-reference counts, lowest level
// first.
var selfRefOrder = []string{"街道", "镇", "乡", "区", "县", "旗", "市"}

// dominant returns the most frequent key of counts (ties: the first in
// selfRefOrder) and its count.
func dominant(counts map[string]int) (string, int) {
	best, n := "", 0
	for _, l := range selfRefOrder {
		if counts[l] > n {
			best, n = l, counts[l]
		}
	}
	return best, n
}

// titleWords mark a given title as a report's own title rather than a
// site's name (临海市人民政府) that would name the wrong body.
var titleWords = []string{"法治", "依法行政", "依法治", "报告", "情况", "总结"}

// titleMarkers end the part of a title that names the jurisdiction.
var titleMarkers = []string{"法治", "依法行政", "依法治"}

// orgSuffixes are the names of bodies that follow a jurisdiction's name.
var orgSuffixes = []string{"人民政府", "办事处", "党工委", "工作委员会", "委员会", "管委会", "党委", "政府", "司法局", "司法所", "工委"}

// fromTitle reads the jurisdiction from a title such as
// 古城街道2024年度法治政府建设情况报告 or 城东区人民政府2020年法治政府建设工作情况:
// the last division named before 法治.
func (r *Resolver) fromTitle(title string) (subject, bool) {
	head := title
	cut := len(head)
	for _, m := range titleMarkers {
		if i := strings.Index(head, m); i >= 0 && i < cut {
			cut = i
		}
	}
	head = head[:cut]
	ev := fmt.Sprintf("title %q", clip(title, 40))
	if ms := r.ix.scan(head, 2, nil); len(ms) > 0 {
		s := subject{name: ms[len(ms)-1].name, lines: []string{head}, evidence: ev}
		for _, m := range ms[:len(ms)-1] {
			s.strong = append(s.strong, m.name)
		}
		return s, true
	}
	if name := bareName(head); name != "" {
		return subject{name: name, lines: []string{head}, evidence: ev}, true
	}
	return subject{}, false
}

// bareName returns the division-like name that ends head once years and
// body names are taken off (新设镇人民政府2023年 → 新设镇), for names the
// division table does not know.
func bareName(head string) string {
	s := strings.TrimSpace(head)
	s = strings.TrimPrefix(s, "关于")
	s = strings.TrimPrefix(s, "中共")
	for changed := true; changed; {
		changed = false
		t := strings.TrimRight(s, "0123456789０１２３４５６７８９年度 　()（）《》“”\"")
		for _, o := range orgSuffixes {
			t = strings.TrimSuffix(t, o)
		}
		if t != s {
			s, changed = t, true
		}
	}
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 10 || levelOf(s) == "" {
		return ""
	}
	for _, r := range s {
		if r < 0x4e00 || r > 0x9fff {
			return ""
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("我本全各该区县市镇乡省", first) {
		return "" // 全区, 本镇, 区人民政府: no name
	}
	return s
}

// fromSignature reads the jurisdiction from the issuing bodies at the end:
// the lowest-level division they name (荷城街道 in
// 六盘水市钟山区人民政府荷城街道办事处), or a town of it written in short
// form before a body's name (桥头 in 东莞市司法局桥头分局).
func (r *Resolver) fromSignature(d *document) (subject, bool) {
	var best mention
	var bestLine string
	bestDepth := divisions.Level(0)
	var all []string
	for _, l := range d.signature {
		for _, m := range r.ix.scan(l, 2, nil) {
			all = append(all, m.name)
			if dp := r.depth(m.name); dp > bestDepth {
				best, bestLine, bestDepth = m, l, dp
			}
		}
	}
	if bestDepth == 0 {
		return subject{}, false
	}
	s := subject{name: best.name, lines: d.signature, evidence: fmt.Sprintf("signature %q", clip(bestLine, 40))}
	if bestDepth < divisions.Town {
		if child, ok := r.childInShortForm(best.name, bestLine[best.end:]); ok {
			s.name = child
			s.evidence = fmt.Sprintf("signature %q names %s of %s", clip(bestLine, 40), shortName(child), best.name)
		}
	}
	for _, n := range all {
		if n != s.name {
			s.strong = append(s.strong, n)
		}
	}
	return s, true
}

// depth returns the lowest level among the divisions called name.
func (r *Resolver) depth(name string) divisions.Level {
	var lv divisions.Level
	for _, c := range r.ix.codes[name] {
		if d, ok := r.t.Get(c); ok && d.Level > lv {
			lv = d.Level
		}
	}
	return lv
}

// childInShortForm looks in rest (the text after a division's name) for the
// short form of one of that division's children followed by the name of a
// body (分局, 司法所, 人民政府...), and returns the child's name when exactly
// one child fits.
func (r *Resolver) childInShortForm(parent, rest string) (string, bool) {
	codes := r.ix.codes[parent]
	if len(codes) > 3 {
		return "", false
	}
	found := ""
	for _, c := range codes {
		for _, ch := range r.t.Children(c) {
			sh := shortName(ch.Name)
			if sh == "" {
				continue
			}
			i := strings.Index(rest, sh)
			if i < 0 || !hasAnyPrefix(rest[i+len(sh):], "分局", "司法所", "人民政府", "政府", "办事处", "党委", "党工委", "管委会") {
				continue
			}
			if found != "" && found != ch.Name {
				return "", false
			}
			found = ch.Name
		}
	}
	return found, found != ""
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// fromSelfRef picks the division the report names most often among those of
// the level it calls itself by (我镇 → the most named 镇).
func (r *Resolver) fromSelfRef(d *document, level string, n int) (subject, bool) {
	if n < 2 {
		return subject{}, false
	}
	want := map[string]divisions.Level{"街道": divisions.Town, "镇": divisions.Town, "乡": divisions.Town, "区": divisions.County, "县": divisions.County, "旗": divisions.County, "市": divisions.City}[level]
	best, bestN, second := "", 0, 0
	for name, c := range d.counts {
		if levelOf(name) != level || !r.hasLevel(name, want) && !(level == "市" && r.hasLevel(name, divisions.County)) {
			continue
		}
		switch {
		case c > bestN || c == bestN && name < best:
			best, bestN, second = name, c, max(second, bestN)
		case c > second:
			second = c
		}
	}
	if bestN < 2 || bestN == second {
		return subject{}, false
	}
	return subject{name: best, evidence: fmt.Sprintf("self-reference 我%s/本%s ×%d, %s named ×%d", level, level, n, best, bestN)}, true
}

func (r *Resolver) hasLevel(name string, l divisions.Level) bool {
	for _, c := range r.ix.codes[name] {
		if d, ok := r.t.Get(c); ok && d.Level == l {
			return true
		}
	}
	return false
}

// adjacentBefore returns the names written directly before name in the
// text (广东省东莞市 before 桥头镇), which the writer gives as its parents.
func adjacentBefore(ms []mention, name string) []string {
	var out []string
	for i, m := range ms {
		if m.name != name {
			continue
		}
		for j := i - 1; j >= 0 && ms[j].end == ms[j+1].start; j-- {
			out = append(out, ms[j].name)
		}
	}
	return out
}

// clip shortens s to n runes for evidence notes.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
