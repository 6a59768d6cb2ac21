package extract

import (
	"github.com/fazhi/fazhi/ingest/wordmatch"
	"sort"
	"strings"
	"sync"
)

// refKind is the role a lexicon word plays.
type refKind uint8

const (
	refObject       refKind = iota // an object of frame idx
	refAct                         // an act of frame idx
	refConflict                    // a conflicting act of frame idx
	refDomain                      // a word of domain bit idx
	refScope                       // a scope word (scopeWords[idx])
	refPlan                        // a plan word (planWords[idx])
	refBreak                       // a breakdown marker (其中)
	refSince                       // 成立以来 and kin (sinceFounded[idx])
	refSelf                        // a way the report names its own government; idx 1 = town, 0 = higher
	refAward                       // an award act (awardActs)
	refOtherHead                   // a noun that, nearer the number, is what frame idx's figure counts instead
	refSentConflict                // a word that, anywhere before the number in its sentence, rules frame idx down
	refPlace                       // a place a classifier may count (countedPlaces)
	refNot                         // a topic that, in the number's item, rules frame idx out
	refSentVeto                    // a word that, anywhere before the number in its sentence, rules frame idx out
	refHeadVeto                    // a word that, in the sentence's first clause before the number, rules frame idx out
	refName                        // the name of a body that holds an act (组织部 holds 组织): never an act
	refSubjectNot                  // a body that, as the subject of the number's clause, rules frame idx out
)

type ref struct {
	kind refKind
	idx  int32
}

// cframe is a compiled frame.
type cframe struct {
	frame
	codeIdx    int // index of code in the catalog
	townIdx    int // index of town in the catalog, -1 when none
	units      uint64
	typical    uint64
	domainMask uint64
	notMask    uint64
	// itemNotMask are the topics of itemNotDomains; exemptMask those that
	// lift them (law, studyBodies).
	itemNotMask, exemptMask uint64
	// wideMask are the topics of domainMask that count anywhere in the
	// sentence (sentenceWideDomains).
	wideMask uint64
	kind     string
	unit     string
	stock    bool
}

// hit is one occurrence of a lexicon word.
type hit = wordmatch.Hit

// lexicon is the compiled frames, built once and never changed.
type lexicon struct {
	m      *wordmatch.Matcher
	refs   [][]ref
	frames []cframe
	// wordRunes is the length in runes of each word; frameCount the number
	// of frames it is an object or act of (活动, 事项, 受理 are many's).
	wordRunes  []int
	frameCount []int
	// longest is the length in bytes of the longest word.
	longest int
	// framed marks the words that speak for or against a frame's reading
	// of a number; marker the words of a topic, a plan or a breakdown.
	framed, marker []bool
	// isAct marks the acts; units are the units a word's frames accept as
	// objects or acts (every unit for a conflicting act: 不予受理 is no 受理,
	// whatever it counts).
	isAct []bool
	units []uint64
	// readUnits are the units of the frames a word is an object or act of.
	readUnits []uint64
	// domains are the topic bits a word sets; plan and breakdown mark the
	// plan words and breakdown markers: what the decision asks of every
	// marker word of a sentence, without walking its refs.
	domains         []uint64
	plan, breakdown []bool
	// scoping marks the scope words and the words of sinceFounded: the
	// only ones scope reads. farActive marks the acts and sentence
	// conflicts: the only words read outside the number's clause.
	scoping, farActive []bool
	// topics finds only the topic words (topicMasks[id] the bits of word
	// id), scopes only scopeWords: the sentence before a number and the
	// paragraph before it are read for nothing else, and a small
	// automaton's table stays in the cache.
	topics, scopes *wordmatch.Matcher
	topicMasks     []uint64
	// caseMask holds the topics of case counts (litigation,
	// reconsideration, petitions, arbitration), which compete for bare
	// outcomes (审结142件).
	caseMask uint64
}

var compiled = sync.OnceValue(compile)

// codeIndex maps catalog codes to their position.
var codeIndex = func() map[string]int {
	m := map[string]int{}
	for i, ind := range catalog {
		m[ind.Code] = i
	}
	return m
}()

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
			lx.wordRunes = append(lx.wordRunes, len([]rune(w)))
		}
		for _, have := range lx.refs[id] {
			if have == r {
				return
			}
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
	mask := func(list []string, what string) uint64 {
		var m uint64
		for _, d := range list {
			b, ok := bit[d]
			if !ok {
				panic("extract: frame with unknown " + what + " " + d)
			}
			m |= 1 << uint(b)
		}
		return m
	}
	lx.caseMask = mask(caseDomains, "domain")
	units := func(list string) uint64 {
		var m uint64
		for _, f := range strings.Fields(list) {
			k := unitIndex(f)
			if k < 0 {
				panic("extract: frame with unknown unit " + f)
			}
			m |= 1 << uint(k)
		}
		return m
	}
	for i, f := range frames {
		ind, ok := Lookup(f.code)
		if !ok {
			panic("extract: frame for unknown code " + f.code)
		}
		cf := cframe{frame: f, codeIdx: codeIndex[f.code], townIdx: -1, kind: ind.Kind, unit: ind.Unit,
			units: units(f.units), typical: units(f.typical), domainMask: mask(f.domains, "domain"), notMask: mask(f.notDomains, "domain"),
			wideMask:    mask(f.domains, "domain") & mask(sentenceWideDomains, "domain"),
			itemNotMask: mask(f.itemNotDomains, "domain"), exemptMask: mask([]string{"law", "studyBodies"}, "domain")}
		if f.town != "" {
			cf.townIdx = codeIndex[f.town]
		}
		for _, s := range stockCounts {
			cf.stock = cf.stock || s == f.code
		}
		lx.frames = append(lx.frames, cf)
		for _, w := range f.objects {
			add(w, ref{refObject, int32(i)})
		}
		for _, w := range f.acts {
			add(w, ref{refAct, int32(i)})
			// A word that holds another word of its frame names both: the
			// act 作出行政处罚 holds the object 行政处罚, the object 持证执法人员
			// the act 持证.
			if holdsAny(w, f.objects) {
				add(w, ref{refObject, int32(i)})
			}
		}
		for _, w := range f.objects {
			if holdsAny(w, f.acts) {
				add(w, ref{refAct, int32(i)})
			}
		}
		// The words of each other role, in the order the roles are read.
		for _, role := range []struct {
			words []string
			kind  refKind
		}{
			{f.conflicts, refConflict}, {f.not, refNot}, {f.otherHeads, refOtherHead},
			{f.sentenceConflicts, refSentConflict}, {f.sentenceVetoes, refSentVeto},
			{f.headVetoes, refHeadVeto}, {f.subjectNot, refSubjectNot},
		} {
			for _, w := range role.words {
				add(w, ref{role.kind, int32(i)})
			}
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
	for i, w := range awardActs {
		add(w, ref{refAward, int32(i)})
	}
	for i, w := range countedPlaces {
		add(w, ref{refPlace, int32(i)})
	}
	for i, w := range bodyNames {
		add(w, ref{refName, int32(i)})
	}
	for _, w := range townSelf {
		add(w, ref{refSelf, 1})
	}
	for _, w := range countySelf {
		add(w, ref{refSelf, 0})
	}
	lx.frameCount = make([]int, len(words))
	for id, rs := range lx.refs {
		seen := map[int32]bool{}
		for _, r := range rs {
			if (r.kind == refObject || r.kind == refAct) && !seen[r.idx] {
				seen[r.idx] = true
				lx.frameCount[id]++
			}
		}
	}
	lx.framed = make([]bool, len(words))
	lx.marker = make([]bool, len(words))
	lx.isAct = make([]bool, len(words))
	lx.units = make([]uint64, len(words))
	lx.readUnits = make([]uint64, len(words))
	lx.domains = make([]uint64, len(words))
	lx.plan = make([]bool, len(words))
	lx.breakdown = make([]bool, len(words))
	lx.scoping = make([]bool, len(words))
	lx.farActive = make([]bool, len(words))
	for id, rs := range lx.refs {
		for _, r := range rs {
			switch r.kind {
			case refDomain:
				lx.domains[id] |= 1 << uint(r.idx)
			case refPlan:
				lx.plan[id] = true
			case refBreak:
				lx.breakdown[id] = true
			case refScope, refSince:
				lx.scoping[id] = true
			case refAct, refSentConflict, refSentVeto, refHeadVeto, refSubjectNot:
				lx.farActive[id] = true
			}
			switch r.kind {
			case refConflict, refName:
				lx.units[id] = ^uint64(0)
			case refObject, refAct:
				lx.units[id] |= lx.frames[r.idx].units
				lx.readUnits[id] |= lx.frames[r.idx].units
				lx.isAct[id] = lx.isAct[id] || r.kind == refAct
			}
			switch r.kind {
			case refObject, refAct, refConflict, refOtherHead, refPlace, refNot, refSentConflict, refSentVeto, refHeadVeto, refAward, refSubjectNot:
				lx.framed[id] = true
			case refDomain, refPlan, refBreak:
				lx.marker[id] = true
			}
		}
	}
	lx.m = wordmatch.New(words)
	for _, w := range words {
		lx.longest = max(lx.longest, len(w))
	}
	var topicWords []string
	for id, d := range lx.domains {
		if d != 0 {
			topicWords = append(topicWords, words[id])
			lx.topicMasks = append(lx.topicMasks, d)
		}
	}
	lx.topics = wordmatch.New(topicWords)
	lx.scopes = wordmatch.New(scopeWords)
	return lx
}

// holdsAny reports whether w holds one of words other than itself.
func holdsAny(w string, words []string) bool {
	for _, o := range words {
		if o != w && strings.Contains(w, o) {
			return true
		}
	}
	return false
}
