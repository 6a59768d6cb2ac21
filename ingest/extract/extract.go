package extract

import (
	"github.com/fazhi/fazhi/ingest/anyof"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/cnnum"
	"github.com/fazhi/fazhi/ingest/layout"
	"github.com/fazhi/fazhi/ingest/textnorm"
)

// Version names the extractor: its frames, weights and code. It changes
// whenever a change to them can change the facts of a report, so that stored facts can
// say which extractor produced them (provenance) and a re-ingest can tell
// stale facts.
const Version = "extract/2026-12-04.234"

// Options tell the extractor what it cannot see in the text alone.
type Options struct {
	// Jurisdiction is the report's jurisdiction name (桥头镇); optional.
	Jurisdiction string `json:"jurisdiction"`
	// Level is its administrative level: 省 市 区 县 乡 镇 街道. Towns and
	// street offices are never reconsideration organs, so their 行政复议案件
	// are cases brought against them.
	Level string `json:"level"`
	// Year is the report year. Figures of a later year are plans, and year
	// prefixes glued to a count by lost punctuation are stripped only in
	// its range. 0 means: infer it from the opening of the text.
	Year int `json:"year"`
	// Layout is the text's layout (layout.Read); nil means Extract reads it.
	// Numbers on the page's furniture and metadata lines and in the plans
	// section are no facts.
	Layout *layout.Layout `json:"-"`
	// department carries a department writer (see respondentOnly) into the
	// reading of a table's rows, whose text does not name it.
	department bool
}

func (o Options) town() bool {
	switch o.Level {
	case "乡", "镇", "街道", "苏木":
		return true
	}
	return anyof.Suffix(o.Jurisdiction, "镇", "乡", "街道", "苏木")
}

// respondentOnly reports a writer that is no reconsideration organ, so that
// the reconsideration cases it counts are cases brought against it: a town
// or street office, or a department of a government (我局共发生行政复议案件
// 23件), which since the reform of 2020–2023 leaves reconsideration to the
// government it serves.
func (x *run) respondentOnly() bool {
	return x.opt.town() || x.department
}

// writesAsDepartment reports a report written by a department of a
// government, which names itself 我局, 本局 or 局机关 — other than the justice
// bureau, which houses the government's reconsideration office and
// reports the government's caseload as its own work (我局作为县政府行政复议
// 机构, 县政府统一行使行政复议职责,由我局具体承办).
func writesAsDepartment(text string) bool {
	return namesItselfBureau(text) && !anyof.Contains(text, reconsiderationOffice...)
}

// namesItselfBureau reports whether text holds 我局, 本局 or 局机关: one
// pass over the text for 局, the word all three share.
func namesItselfBureau(text string) bool {
	for from := 0; ; {
		k := strings.Index(text[from:], "局")
		if k < 0 {
			return false
		}
		at := from + k
		if anyof.Suffix(text[:at], "我", "本") || strings.HasPrefix(text[at:], "局机关") {
			return true
		}
		from = at + len("局")
	}
}

// bureauTitle reports whether a report's title names a department as its
// writer (国家税务总局…滨江区税务局2023年法治税务建设情况报告, 某县自然资源局关于…):
// the words before its year or 关于 end with 局, and they are not a justice
// bureau's (see writesAsDepartment).
func bureauTitle(title string) bool {
	writer := title
	if i := strings.Index(writer, "关于"); i >= 0 {
		writer = writer[:i]
	}
	for i := 0; i+4 <= len(writer); i++ {
		if writer[i] == '2' && writer[i+1] == '0' && isDigitByte(writer[i+2]) && isDigitByte(writer[i+3]) {
			writer = writer[:i]
			break
		}
	}
	return strings.HasSuffix(writer, "局") && !strings.HasSuffix(writer, "司法局")
}

// reconsiderationOffice are the words of a justice bureau, the office that
// handles a government's reconsideration cases.
var reconsiderationOffice = []string{"司法局", "司法行政", "行政复议机构", "行政复议职责"}

// Extract returns the facts of text — the normalised report (valid UTF-8,
// half-width punctuation and digits) — ordered by Start. Derived rates carry
// the span and quote of the count they were derived from, and follow it.
// Start and End count runes of text. Extract is safe for concurrent use.
func Extract(text string, opt Options) []Fact {
	return extract(text, opt, nil)
}

// Observation is what the model saw of one number: its place, value and
// the codes that could read it, with their feature vectors (see Features).
// ./fit learns the weights from observations matched to annotated facts.
type Observation struct {
	// Start and End are byte offsets of the number in the text.
	Start, End int
	Value      float64
	RawUnit    string
	Codes      []ObservedCode
	// Dropped is set when the model read the number as a fact that the
	// post-processing then dropped (a part of a stated total).
	Dropped bool
}

// ObservedCode is one code's best reading of a number.
type ObservedCode struct {
	Code     string
	Features []float64
}

// Observe extracts text like Extract and calls fn for every number the
// model weighed, in text order.
func Observe(text string, opt Options, fn func(Observation)) []Fact {
	return extract(text, opt, fn)
}

func extract(text string, opt Options, trace func(Observation)) []Fact {
	lx := compiled()
	if opt.Year == 0 {
		opt.Year = inferYear(text)
	}
	if opt.Layout == nil || opt.Layout.Text != text {
		opt.Layout = layout.Read(text, "")
	}
	x := &run{
		text:    text,
		opt:     opt,
		lx:      lx,
		plan:    opt.Layout.PlansStart(),
		planEnd: opt.Layout.PlansEnd(opt.Year),
		cands:   make([]cand, 0, len(text)/256),
		bounds:  make([]int32, 0, len(text)/128),
		stops:   make([]int32, 0, len(text)/128),
		partE:   -1,
		prevS:   -1,
		shadowS: -1,
		sent:    sentHits{S: -1},
		nyS:     -1,
		cumS:    -1,
		para: struct {
			start, upto int
			mentions    []mention
			buf         []hit
		}{start: -1},
		glued: struct{ S, from, at int }{-1, 0, -1},
		colon: struct{ S, upto, at int }{-1, 0, -1},
		trace: trace,
	}
	if opt.Year > 0 {
		x.next = itoa(opt.Year + 1)
	}
	x.readMixed()
	x.numbers()
	x.facts = make([]found, 0, len(x.cands)/2+len(x.seeds)+4)
	x.scanSentences()
	if opt.Level == "" && opt.Jurisdiction == "" {
		x.opt.Level = x.inferLevel()
	}
	x.department = opt.department || writesAsDepartment(text) || bureauTitle(opt.Layout.Title.Text)
	for i, c := range x.cands {
		next := cand{n: cnnum.Number{Start: len(text)}}
		if i+1 < len(x.cands) {
			next = x.cands[i+1]
		}
		prevU := 0
		if i > 0 && x.cands[i-1].S == c.S {
			prevU = x.cands[i-1].unitEnd
		}
		x.decide(c, prevU, next)
	}
	x.zeros()
	x.listZeros()
	x.tables()
	x.dropTableRestatements()
	x.scopeDisclosureReport()
	sortAppended(x.facts, func(f *found) int { return f.start })
	x.scopeDisclosureCauses()
	x.spreadEachRate()
	// Applications give way to the cases accepted first, so that a 其中
	// part that is the acceptance (收到申请88件,其中受理81件) is kept.
	x.dropApplications()
	x.dropFiledCases()
	x.dropOnTimeRates()
	x.dropBreakdowns()
	x.dropSummedItems()
	x.dropParts()
	x.dropChannelParts()
	x.flushObservations()
	out := make([]Fact, 0, len(x.facts)+4)
	// Byte offsets → rune offsets, in one forward pass over the starts
	// (facts may share a number: 行政复议案件2件(均驳回申请)).
	count := utf8.RuneCountInString
	if x.valid {
		count = textnorm.CountRunes
	}
	pos, runes := 0, 0
	k := 0 // the next candidate whose rune offset may be taken
	for _, f := range x.facts {
		// The last candidate at or before the fact, if the scan counted
		// its characters, saves counting from the previous fact on.
		for k < len(x.cands) && x.cands[k].n.Start <= f.start {
			if c := x.cands[k]; c.runes >= 0 && c.n.Start > pos {
				pos, runes = c.n.Start, c.runes
			}
			k++
		}
		runes += count(text[pos:f.start])
		pos = f.start
		f.Fact.Start = runes
		f.Fact.End = runes + count(text[f.start:f.end])
		if f.Fact.Flags == nil {
			f.Fact.Flags = []string{}
		}
		out = append(out, f.Fact)
	}
	return derive(out)
}

// found is a fact with its byte offsets and sentence, before rune
// conversion.
type found struct {
	Fact
	start, end int // bytes of the number
	sent       int // byte offset of the sentence start
	after      int // byte offset of 其中 in the sentence before the number, or -1
	// ownAct: the number's own words hold an act of its frame (承办法律援助
	// 案件34宗), not only an object (劳动争议案件1宗).
	ownAct bool
}

type run struct {
	// head is the report's opening up to its first full stop (see
	// opening), found once; headSet tells whether it was.
	head    string
	headSet bool
	// department: the writer is a department of a government (see
	// respondentOnly).
	department bool
	// respective is the reading of the last figure of a 分别 list over
	// bodies, in the sentence at S, of unit, ending at end: a later figure
	// of the list that no frame reads is read so.
	respective struct {
		S, unit, end int
		reading      reading
	}
	gaps   gapMemo     // runeGap's counts for the number being read
	titles titleMemo   // insideTitle's closing marks for it
	ev     evidenceSet // the evidence of the number being read
	scores []reading   // its readings, reused from number to number
	// shadows parallels the hits of the sentence starting at shadowS:
	// what shadowedBy answered for each.
	shadows []shadowMemo
	shadowS int
	// speaksAsTown caches townSpeaks: 0 not yet read, 1 yes, 2 no.
	speaksAsTown int8
	// sent caches the hits of the sentence of the last number decided.
	sent sentHits
	// shadowBuf is scratch space for shadowers; heads and conflicts for
	// decide, reused from number to number.
	shadowBuf        []int
	heads, conflicts []headAt
	// trace, when set, is told every number the model weighed.
	trace        func(Observation)
	observations []Observation
	decided      map[int]bool // starts of the numbers the model read as facts
	text         string
	opt          Options
	lx           *lexicon
	hits         []hit
	spans        []span // the stretches of text the matcher scanned for hits
	// plan and planEnd bound the plans for next year (planEnd: an appendix
	// after them, or the end of the text); mixed are the sections of
	// problems and plans together, problemParts their parts headed as the
	// problems (see inPlans).
	plan, planEnd       int
	mixed, problemParts []layout.Span
	next                string // the year after the report year, written out
	cands               []cand
	seeds               []seed // object words of the zero rules
	valid               bool   // the text is valid UTF-8
	facts               []found
	// bounds are the ends of the sentence boundaries in the text, stops
	// the starts of those sentenceEnd stops at (see noteBoundary).
	bounds, stops []int32
	// colons are the offsets of the colons (:) in the text.
	colons []int
	// runes is the number of characters before the candidate being read,
	// or -1 (see numbers).
	runes int
	// lastN and lastS cache the sentence start of the previous number;
	// boundary is the end of the last sentence boundary numbers has
	// passed; partS, partE and partial the partial-year answer of a sentence.
	lastN, lastS, boundary int
	partS, partE           int
	partial, partDone      bool
	// prevS and prevMask cache the domains of the sentence before the one
	// starting at prevS.
	prevS    int
	prevMask uint64
	// nyS and nyAt cache where next year (x.next + 年) is first named in
	// the sentence starting at nyS (-1: nowhere).
	nyS, nyAt int
	// cumS and cumAt: the first 累计 of the sentence at cumS (-1: none),
	// which most sentences lack.
	cumS, cumAt int
	// bodies is the last 分别 list of bodies read (街道调委会、驻所调解室、诉调
	// 对接工作站分别受理纠纷318件、142件和76件): its items and their shared
	// noun, its sentence [S, E) and the clause after it (C), for a 分别 list
	// of figures in a later clause of that sentence or in the sentence right
	// after that names no items (调解成功率分别为98.1%、96.5%和94.7%).
	bodies struct {
		S, E, C int
		items   [][2]int
		word    string
		counted bool // a counted set's (三个调解室): see clause.counted
	}
	// itemHits is scratch space for itemScope's scan of an item heading.
	itemHits []hit
	// glued caches the first glued enumerator at or after from in the
	// sentence starting at S (-1: none).
	glued struct{ S, from, at int }
	// colon caches colonAfterFigure for the sentence starting at S, up to
	// byte upto: the colon's offset, or -1.
	colon struct{ S, upto, at int }
	// para caches the sub-body mentions of the last paragraph asked for.
	para struct {
		start, upto int // the paragraph, scanned up to upto
		mentions    []mention
		buf         []hit
	}
}

// observe notes what the model saw of candidate c, for the trace.
func (x *run) observe(c cand, codes []reading, _ float64) {
	if x.trace == nil {
		return
	}
	o := Observation{Start: c.n.Start, End: c.n.End, Value: c.n.Value * c.u.scale, RawUnit: c.u.text}
	if strings.HasSuffix(x.text[c.n.Start:c.n.End], "万") || strings.HasSuffix(x.text[c.n.Start:c.n.End], "亿") {
		o.Value = c.n.Value // the multiplier was read with the number
	}
	for _, r := range codes {
		code := catalog[r.code].Code
		if f := &x.lx.frames[r.frame]; f.town != "" && x.respondentOnly() {
			code = f.town
		}
		o.Codes = append(o.Codes, ObservedCode{Code: code, Features: append([]float64(nil), r.x[:]...)})
	}
	x.observations = append(x.observations, o)
}

// flushObservations tells the trace every observation, marking those whose
// fact the post-processing dropped (parts of a total, applications before
// the cases accepted): the model's answer does not decide them.
func (x *run) flushObservations() {
	if x.trace == nil {
		return
	}
	kept := map[int]bool{}
	for _, f := range x.facts {
		kept[f.start] = true
	}
	for _, o := range x.observations {
		if x.decided[o.Start] && !kept[o.Start] {
			o.Dropped = true
		}
		x.trace(o)
	}
}

// inPlans reports whether byte offset off lies in the plans for next year:
// from the first plans section to an appendix, or in a section of problems
// and plans together (存在问题及2023年工作计划), at any depth under it,
// unless a part of it headed as the problems holds off or the sentence
// looks back on the year (过去一年,…全年实现行政诉讼零败诉).
func (x *run) inPlans(off int) bool {
	if off >= x.plan && off < x.planEnd {
		return true
	}
	for _, m := range x.mixed {
		if !m.Contains(off) {
			continue
		}
		for _, p := range x.problemParts {
			if p.Contains(off) {
				return false
			}
		}
		return !x.looksBack(off)
	}
	return false
}

// readMixed notes the sections of problems and plans together, and the
// parts of them headed as the problems, for inPlans.
func (x *run) readMixed() {
	for _, sec := range x.opt.Layout.Sections {
		if sec.Mixed {
			x.mixed = append(x.mixed, sec.Span)
		}
	}
	if len(x.mixed) == 0 {
		return
	}
	for _, sec := range x.opt.Layout.Sections {
		if sec.Kind != layout.Problems {
			continue
		}
		for _, m := range x.mixed {
			if m.Contains(sec.Span.Start) && sec.Span.Start > m.Start {
				x.problemParts = append(x.problemParts, sec.Span)
			}
		}
	}
}

// backMarks open a sentence that looks back on the report's year;
// problemMarks, before a figure in its sentence, make it a shortcoming of
// the year (仍存在一些问题:…全镇现有持证执法人员仅17名).
var (
	backMarks    = []string{"过去一年", "过去的一年", "一年来", "回顾", "今年以来"}
	problemMarks = []string{"问题:", "问题：", "不足:", "不足：", "短板:", "差距:"}
)

// looksBack reports whether the sentence that holds off (up to its full
// stop or line start, across semicolons) looks back on the report's year:
// it opens with a backMark or with the year itself (2022年,), or states
// the year's problems before off.
func (x *run) looksBack(off int) bool {
	// A sentence is read back at most maxBack bytes (one with no full stop
	// for longer is no sentence of the year's looking back).
	lo := max(0, off-maxBack)
	P := max(lo, strings.LastIndex(x.text[lo:off], "。")+len("。")+lo, strings.LastIndexByte(x.text[lo:off], '\n')+1+lo)
	t := strings.TrimLeft(x.text[P:off], " ")
	if anyof.Prefix(t, backMarks...) || anyof.Contains(t, problemMarks...) {
		return true
	}
	y := itoa(x.opt.Year) + "年"
	return x.opt.Year > 0 && strings.HasPrefix(t, y) && anyof.Prefix(t[len(y):], ",", "，", "全年", "以来")
}

// sortAppended sorts s stably by key, as slices.SortStableFunc does, for a
// slice that is mostly sorted already: the facts of the numbers in text
// order and then those of zero statements and tables; stated facts and
// then derived rates. It sorts what follows the sorted run and merges it
// in from the back, moving each element (a fact is some 200 bytes) at most
// once, where a stable sort of the whole moves them again and again.
func sortAppended[E any](s []E, key func(*E) int) {
	n := 1 // s[:n] is sorted
	for n < len(s) && key(&s[n-1]) <= key(&s[n]) {
		n++
	}
	if n >= len(s) {
		return
	}
	tail := slices.Clone(s[n:])
	slices.SortStableFunc(tail, func(a, b E) int { return key(&a) - key(&b) })
	// Merge from the back: on equal keys the tail's element goes after, as
	// it came after in s.
	i, j := n-1, len(tail)-1
	for k := len(s) - 1; j >= 0; k-- {
		if i >= 0 && key(&s[i]) > key(&tail[j]) {
			s[k] = s[i]
			i--
		} else {
			s[k] = tail[j]
			j--
		}
	}
}
