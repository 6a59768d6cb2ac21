package extract

import (
	"sort"
	"strings"
	"sync"
)

// refKind is the role a lexicon word plays for a rule.
type refKind uint8

const (
	refLeft refKind = iota
	refRight
	refDomain
	refNot
	refScope
	refPlan
	refBreak
	refSince
	refSelf // a way the report names its own government; idx 1 = town, 0 = higher
)

type ref struct {
	kind refKind
	idx  int32 // rule index, domain bit, zero rule or scope word index
}

type crule struct {
	rule
	units      uint64 // bit i set: rawUnits[i] accepted
	domainMask uint64
	notMask    uint64
	kind       string
	unit       string
}

// lexicon is the compiled trigger lexicon, built once and never changed.
type lexicon struct {
	m     *matcher
	refs  [][]ref
	rules []crule
}

var compiled = sync.OnceValue(compile)

func compile() *lexicon {
	lx := &lexicon{}
	ids := map[string]int32{}
	var words []string
	add := func(w string, r ref) {
		id, ok := ids[w]
		if !ok {
			id = int32(len(words))
			ids[w] = id
			words = append(words, w)
			lx.refs = append(lx.refs, nil)
		}
		lx.refs[id] = append(lx.refs[id], r)
	}
	names := make([]string, 0, len(domains))
	for name := range domains {
		names = append(names, name)
	}
	sort.Strings(names)
	bit := map[string]int32{}
	for i, name := range names {
		bit[name] = int32(i)
		for _, w := range domains[name] {
			add(w, ref{refDomain, int32(i)})
		}
	}
	for i, r := range rules {
		ind, ok := Lookup(r.code)
		if !ok {
			panic("extract: lexicon rule for unknown code " + r.code)
		}
		cr := crule{rule: r, kind: ind.Kind, unit: ind.Unit}
		for _, f := range strings.Fields(r.units) {
			k := unitIndex(f)
			if k < 0 {
				panic("extract: lexicon rule with unknown unit " + f)
			}
			cr.units |= 1 << uint(k)
		}
		for _, d := range r.domain {
			b, ok := bit[d]
			if !ok {
				panic("extract: lexicon rule with unknown domain " + d)
			}
			cr.domainMask |= 1 << uint(b)
		}
		for _, d := range r.notDomain {
			b, ok := bit[d]
			if !ok {
				panic("extract: lexicon rule with unknown domain " + d)
			}
			cr.notMask |= 1 << uint(b)
		}
		lx.rules = append(lx.rules, cr)
		for _, w := range r.left {
			add(w, ref{refLeft, int32(i)})
		}
		for _, w := range r.right {
			add(w, ref{refRight, int32(i)})
		}
		for _, w := range r.not {
			add(w, ref{refNot, int32(i)})
		}
	}
	for i, w := range scopeWords {
		add(w, ref{refScope, int32(i)})
	}
	for i, w := range planWords {
		add(w, ref{refPlan, int32(i)})
	}
	for i, w := range sinceFounded {
		add(w, ref{refSince, int32(i)})
	}
	for i, w := range breakdownMarkers {
		add(w, ref{refBreak, int32(i)})
	}
	for _, w := range townSelf {
		add(w, ref{refSelf, 1})
	}
	for _, w := range countySelf {
		add(w, ref{refSelf, 0})
	}
	lx.m = newMatcher(words)
	return lx
}
