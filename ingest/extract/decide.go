package extract

import (
	"cmp"
	"github.com/fazhi/fazhi/ingest/anyof"
	"github.com/fazhi/fazhi/ingest/choice"
	"github.com/fazhi/fazhi/ingest/textnorm"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Where a word stands relative to the number it may describe.
type place uint8

const (
	nowhere  place = iota
	near           // ends right before the number in its list item
	left           // earlier in the number's list item
	right          // right after the classifier
	rightFar       // a few words after the classifier, before any other figure
	shared         // heading the clause, shared with an earlier figure
	prev           // in the clause before (the number's clause holds fillers only)
	inSent         // elsewhere in the sentence
	inJun          // in the clause 均 or 全部 opens after the classifier
)

// maxNearGap is how many runes of filler may stand between a near word and
// the number (共, 达, 累计, 各类…), and between the classifier and a right word.
const (
	maxNearGap  = 4
	maxRightGap = 3
	maxRightFar = 14
)

// clause is the structure around one number: the stretches of text its
// words are looked for in (byte offsets).
type clause struct {
	S, E  int // the sentence
	C, E0 int // the number's clause
	Li    int // start of the number's own list item
	N, U  int // the number and the end of its classifier
	Rend  int // end of the right-hand words: the next figure, 、 or the clause end
	// listVerb is where the verb after a 对 list starts (对58件文件、37份合同
	// 进行合法性审查): its act is every item's; 0 when there is none.
	listVerb  int
	C1        int // start of the clause before, when the number's clause holds fillers only (else C)
	sharedOK  bool
	deng      int // 等 closing a list in the item, -1
	listFirst int // end of the first item of a list closed by 共计/合计 before the number, -1
	jun       int // 均/全部 after the classifier, -1
	junEnd    int // end of the clause it opens
	fenbie    bool
	// body is the span of the body a 分别 list pairs the figure with (街
	// 道调委会、驻所调解室分别受理纠纷41件、37件), {0, 0} when none; bodyWord
	// is the body noun its items share (东片区、西片区调解室: 调解室).
	body     [2]int
	bodyWord string
	// counted marks a body of a counted set (三个调解室, 两个调委会): one
	// of several, so never the writer's own single body.
	counted bool
}

// evidenceSet is the evidence of one number, one entry per frame that a
// word of its sentence names, in the order the words came. The run reuses
// it from number to number.
type evidenceSet struct {
	slot   []int32 // per frame: its index in list plus one; 0 when absent
	list   []evidence
	frames []int32 // frames[i] is the frame of list[i]
}

// evidence returns the run's evidence set, emptied, for n frames.
func (x *run) evidence(n int) *evidenceSet {
	es := &x.ev
	if len(es.slot) != n {
		// list never grows past n entries, so pointers into it stay valid
		// while one number is read.
		*es = evidenceSet{slot: make([]int32, n), list: make([]evidence, 0, n), frames: make([]int32, 0, n)}
	}
	for _, f := range es.frames {
		es.slot[f] = 0
	}
	es.list, es.frames = es.list[:0], es.frames[:0]
	return es
}

// get returns frame f's evidence, adding an empty one.
func (es *evidenceSet) get(f int32) *evidence {
	if k := es.slot[f]; k > 0 {
		return &es.list[k-1]
	}
	es.list = append(es.list, evidence{dist: math.MaxInt32, leftEnd: -1, rightStart: math.MaxInt32})
	es.frames = append(es.frames, f)
	es.slot[f] = int32(len(es.list))
	return &es.list[len(es.list)-1]
}

// lookup returns frame f's evidence, or nil.
func (es *evidenceSet) lookup(f int32) *evidence {
	if k := es.slot[f]; k > 0 {
		return &es.list[k-1]
	}
	return nil
}

// evidence is what the words around a number say of one frame.
type evidence struct {
	// foreign: another code's object stands near the number or right of
	// it, and this frame has no object there.
	foreign  bool
	obj, act place
	// leftEnd is the end of its nearest word on the left, rightStart the
	// start of its nearest word on the right (for the other-head test).
	leftEnd, rightStart int
	actEnd              int // end of its nearest act on the left
	// actStart is where that act starts; actNoun says it is one of the
	// frame's objects too (行政处罚案件 holds the act 处罚); firstAct is
	// where the frame's first act on the left starts, plus one (0: none).
	actStart, firstAct int
	actNoun            bool
	// rightObjStart and rightObjEnd are its last object after the classifier.
	rightObjStart, rightObjEnd int
	otherHead                  bool
	vetoed                     bool // a topic of its not list stands in the item
	otherSubject               bool // a body of its subjectNot is the clause's subject (subjectNotUnlessAct)
	sentConflict               bool
	// sentVeto: a word of its sentenceVetoes stands in an earlier item of
	// the sentence; it rules the frame out unless the number's own item
	// names the frame's object.
	sentVeto           bool
	objBeforeDeng      bool // an object lies before a 等 that an act follows
	actAfterDeng       bool
	afterDeng          bool // a word of it follows the 等
	objAfterDeng       bool
	conflict           bool
	conflictBeforeDeng bool
	actInSentence      bool
	// actBeforeBreak: an act of the frame stands before the breakdown
	// marker (其中) that the number is a part after.
	actBeforeBreak bool
	actInJun       bool // an act of the frame in the 均 clause
	ownObject      bool // an object that is no other frame's
	specific       bool
	generic        bool
	first          bool // a word of it is in the first item of a combined list
	award          bool
	dist           int // runes from its nearest word to the number
	supportedRight bool
}

// decide reads one number with its classifier and records its facts; prevU
// is the end of the previous number's classifier (0 when none), nx the next
// candidate (Start len(text) when none).
func (x *run) decide(c cand, prevU int, nx cand) {
	s := x.text
	n, u := c.n, c.u
	N, U, S := n.Start, c.unitEnd, c.S
	if S != x.partS {
		x.partS, x.partE, x.partDone = S, c.E, false
	}
	hs := x.hits
	E := x.sentEnd(S, U)
	sh := x.sentenceHits(S, E)
	k0 := sh.k0
	if k0 == len(hs) || int(hs[k0].Start) > E {
		return // no lexicon word in the sentence
	}
	if sh.units&(1<<uint(u.index)) == 0 {
		// No frame that counts in this classifier has a word here: a frame
		// reads a number only through one of its words.
		return
	}
	cl, mk := x.structure(c, prevU, nx)
	// Hard filters: what no frame may read.
	if signedCell(s, N) {
		// 行政复议(件) 7 -2件: a table's change column, set apart and signed.
		return
	}
	if fromLevel(s, cl.C, N, U) {
		// 由86.2%提升至98.7%: the level before the change, not the year's.
		return
	}
	if stepsBefore(s, cl.C, N, U) || exampleCase(s, cl.C, N, n.Chinese, n.Value) {
		// 经3次现场调解后双方达成协议: the rounds of one case's process;
		// 石板村调委会调处的一起山林权属纠纷: one case told of, an example.
		return
	}
	if quotedTarget(s, cl.C, N, U) || requiredFigure(s[cl.C:N]) {
		// 县司法局下达的“行政诉讼败诉率不高于5%”目标已顺利完成: a target
		// quoted, no figure of the year.
		return
	}
	if countedInTotal(s[U:x.sentEnd(S, U)]) {
		// 开展…活动6场,参与群众800余人次,已计入全年总数: a part of the
		// year's total stated before.
		return
	}
	if describedCases(s, cl.C, N, U) {
		// 败诉的1件为某村民诉乡人民政府限期拆除决定案: the case counted
		// before, told of.
		return
	}
	if n.Chinese && !chineseCountOK(s, N, U) || mk.open > mk.close || isFrequency(mk, u.index == percentUnit.index) ||
		isGrowth(s, cl.C, N) || x.otherYear(S, cl.C, N) || respectiveOtherYear(s, S, mk.fenbie, N, cl.E0, x.opt.Year) || someBodies(s[cl.C:N]) || targetBefore(s[cl.C:N]) || remainder(s[cl.C:N]) && !anyof.Contains(s[U:cl.E0], remainderOutcomes...) {
		return
	}
	if orgUnit(u) && nx.n.Start < cl.E0 && !orgUnit(nx.u) && !anyof.Prefix(s[U:], "、", "和", "及", "与", "(", "等", "以上", "左右") &&
		anyof.Suffix(s[cl.C:N], "、", "和", "及", "与") {
		// Counted bodies, named after the count and joined to another body,
		// that are the subject of a later figure of their clause: 街道调委会
		// 和21个社区调委会共有人民调解员168名 (some of the bodies, not all of
		// them; 全街道12个社区调委会共有人民调解员97名 counts them all).
		return
	}
	lo := min(cl.C1, cl.C)
	inSentence := hs[k0:sh.kEnd]
	if sh.ended && !x.anyReader(sh, inSentence, lo, cl, u.index) && !(cl.jun >= 0 && x.concludedLawsuits(S, cl.C, N)) {
		// No word that could read the number stands in its clause or its
		// phrase: no frame will score it. (The shadow memo is filled in
		// word order where the sentence's end is not final. Lawsuits
		// judged, with their outcome after 均 — 已判决7件,均判决驳回… —
		// go on to that outcome.)
		return
	}
	var (
		// domMask: the topics up to the number's phrase; sentMask: before
		// the number; wholeMask: anywhere in the sentence.
		domMask, sentMask, wholeMask uint64
		// earlierMask: the topics of the sentence's clauses before the
		// number's.
		earlierMask uint64
		// itemMask: the topics named in the number's list item.
		itemMask uint64
		planSeen bool
		brk      = -1
	)
	ev := x.evidence(len(x.lx.frames))
	get := ev.get
	// The sentence's topics, plan words and last breakdown marker first:
	// a plan ends the reading, and a frame's act needs to know whether a
	// marker follows it.
	for _, i := range sh.markers {
		h := inSentence[i]
		hStart, hEnd := int(h.Start), int(h.End)
		if d := x.lx.domains[h.Word]; d != 0 && !qualifiedAway(s, S, hStart, hEnd) {
			if hEnd <= max(N, cl.Rend) {
				domMask |= d
				// An item of fillers shares the head of its clause, and its
				// topic (分别开展“法治乌兰牧骑”巡回演出18场、11场).
				if hStart >= cl.Li || cl.sharedOK && hStart >= cl.C {
					itemMask |= d
				}
			}
			wholeMask |= d
			if hEnd <= N {
				sentMask |= d
			}
			if hEnd <= cl.C {
				earlierMask |= d
			}
		}
		if hEnd <= N {
			planSeen = planSeen || x.lx.plan[h.Word]
			if x.lx.breakdown[h.Word] {
				brk = hStart
			}
		}
	}
	if planSeen {
		return
	}
	heads, conflicts := x.heads[:0], x.conflicts[:0]
	defer func() { x.heads, x.conflicts = heads, conflicts }()
	// After 分别 an item that names its own object is read alone: the other
	// items' objects are theirs (开展法治讲座、法治宣传活动分别为6场和18场),
	// while an item of acts only shares the object of the list (受理、调解成功
	// 矛盾纠纷分别为120件、118件).
	ownItemObject := cl.fenbie && x.itemHasObject(inSentence, sh.framed, cl.Li, cl.N)
	cause := causeSpan(s, cl.Li, N)
	for _, i := range sh.framed {
		h := inSentence[i]
		hStart, hEnd := int(h.Start), int(h.End)
		if insideCompound(s, hStart, hEnd) {
			continue // 调解 in 协调解决: no word of the frame's
		}
		p := cl.placeOf(s, hStart, hEnd)
		if (p == inSent || p == inJun) && sh.ended && !x.lx.farActive[h.Word] {
			// Outside the number's clause only acts and sentence conflicts
			// count. (Where the sentence's end is only a bound on the
			// look-ahead, the shadow memo below must still be filled in
			// the order the words come: see shadowOf.)
			continue
		}
		if p == nowhere {
			if hStart >= U && hEnd <= cl.Rend {
				// Far right of the number, still in its phrase: only a head
				// noun counts there (2期…学习贯彻…精神专题轮训班).
				for _, r := range x.lx.refs[h.Word] {
					if r.kind == refOtherHead {
						heads = append(heads, headAt{frame: r.idx, start: hStart, end: hEnd, place: nowhere})
					}
				}
			}
			continue
		}
		shadow := x.shadowOf(inSentence, k0, int(i), S, u.index)
		// What the object and act refs of the word ask of its place, the
		// same for every frame: found once per word (-1: not yet).
		gap, titled, label := -1, -1, -1
		refs := x.lx.refs[h.Word]
		inBody := inside(s, hStart, hEnd, bodyCompounds)
		for _, r := range refs {
			if shadow != nil && (r.kind == refObject || r.kind == refAct) || inBody && r.kind == refObject {
				continue
			}
			if shadow != nil && (r.kind == refConflict || r.kind == refNot) && sameFrame(x.lx.refs[shadow.Word], r.idx) {
				continue // part of the frame's own longer word (备案审查)
			}
			switch r.kind {
			case refObject, refAct:
				if p == inJun {
					// 重大行政决策事项9项,均经过合法性审查: the act all of them
					// had; one step of a list of procedures they all went
					// through (均履行公众参与、专家论证、合法性审查等法定程序,
					// 均经合法性审查和集体讨论)
					// counts no reviews.
					if r.kind == refAct && !procedureList(s[cl.jun:cl.junEnd]) {
						get(r.idx).actInJun = true
					}
					continue
				}
				if p == inSent {
					if r.kind == refAct {
						e := get(r.idx)
						e.actInSentence = true
						if hEnd <= N && brk >= hEnd {
							e.actBeforeBreak = true
						}
					}
					continue
				}
				if s[hStart:hEnd] == "学习" && attending(s[:hStart]) {
					continue // 法治大讲堂学习5期: the lectures attended
				}
				if r.kind == refAct && negated(s[:hStart]) {
					// 尚有40余人未取得执法证: the act did not happen.
					get(r.idx).vetoed = true
					continue
				}
				if r.kind == refAct && prospective(s[:hStart]) {
					// 拟出台规范性文件3件, 拟出台的3件规范性文件: not done, so
					// not this frame's count (a review of them may be).
					get(r.idx).vetoed = true
					continue
				}
				if titled < 0 {
					// A title's words name a law or a document, not what is
					// counted, on either side of the number: 4次组织班子成员
					// 学习《行政处罚法》 counts study, no penalty cases.
					titled = b2i(hStart >= lo && hEnd <= N && x.insideTitle(hEnd, N) || hStart >= U && openTitle(s[U:hStart]))
				}
				if titled == 1 {
					continue
				}
				if cause[0] < cause[1] && hStart >= cause[0] && hEnd <= cause[1] {
					// 因政府信息公开引起的行政复议3件: the cause names no act
					// or object of what is counted.
					continue
				}
				if r.kind == refObject {
					if label < 0 {
						label = b2i(kindLabel(s[hEnd:]))
					}
					if label == 1 {
						continue
					}
				}
				e := get(r.idx)
				if r.kind == refObject {
					if p == shared && (!cl.sharedOK || ownItemObject) {
						continue
					}
					e.obj = better(e.obj, p)
					if x.lx.frameCount[h.Word] == 1 {
						e.ownObject = true
					}
				} else {
					e.act = better(e.act, p)
					e.actInSentence = true
					if (p == near || p == left) && hEnd > e.actEnd {
						e.actStart, e.actEnd = hStart, hEnd
						e.actNoun = hasRef(refs, refObject, r.idx)
					}
					if (p == near || p == left) && (e.firstAct == 0 || hStart+1 < e.firstAct) {
						e.firstAct = hStart + 1
					}
				}
				if p == right || p == rightFar {
					e.supportedRight = true
					e.rightStart = min(e.rightStart, hStart)
					if r.kind == refObject && hEnd > e.rightObjEnd {
						e.rightObjStart, e.rightObjEnd = hStart, hEnd
					}
				}
				if p == near || p == left {
					e.leftEnd = max(e.leftEnd, hEnd)
				}
				if cl.deng >= 0 && hStart < cl.deng && hStart >= cl.Li {
					if r.kind == refObject {
						e.objBeforeDeng = true
					}
				} else if cl.deng >= 0 && hStart > cl.deng {
					if r.kind == refAct {
						e.actAfterDeng = true
					} else {
						e.objAfterDeng = true
					}
					e.afterDeng = true
				}
				if r.kind == refObject && cl.listFirst >= 0 && hEnd <= cl.listFirst && hStart >= cl.Li {
					e.first = true
				}
				if w := x.lx.wordRunes[h.Word]; w >= 4 {
					e.specific = true
				}
				if x.lx.frameCount[h.Word] >= 4 {
					e.generic = true
				}
				if gap < 0 {
					gap = x.runeGap(hStart, hEnd, N, U)
				}
				e.dist = min(e.dist, gap)
			case refConflict:
				if prospective(s[:hStart]) {
					continue // 对拟出台的3件规范性文件进行合法性审核: a review
				}
				if hStart >= U && strings.Contains(s[U:hStart], "并") {
					continue // 办理依申请公开3件并全部按期答复: what was then done with them
				}
				if p == near || p == left || p == right || p == rightFar || p == shared {
					conflicts = append(conflicts, headAt{frame: r.idx, start: hStart, end: hEnd, place: p})
				}
			case refOtherHead:
				if ofPart(s, U, hStart) {
					continue
				}
				if p == near || p == left || p == right || p == rightFar {
					heads = append(heads, headAt{frame: r.idx, start: hStart, end: hEnd, place: p})
				}
			case refPlace:
				if p == right && x.runeGap(hStart, hEnd, N, U) <= 1 {
					heads = append(heads, headAt{frame: -1, start: hStart, end: hEnd, place: p})
				}
			case refNot:
				if ofPart(s, U, hStart) {
					continue
				}
				if p == near || p == left || p == right || p == rightFar {
					get(r.idx).vetoed = true
				}
			case refSentConflict:
				// In the number's clause or the one before it: 组织法治培训40场次,
				// 覆盖800余人次 are trainees; a training plan three clauses
				// and two figures back (纳入…培训计划,…学习100余次,…讲座36场
				// 受众4万余人) is another statement's.
				// After the number in its own clause too: 社区工作者120余人参加
				// 民法典专题培训.
				if hEnd <= N && hStart >= x.clauseBefore(S, cl.C) || hStart >= U && hEnd <= cl.E0 {
					get(r.idx).sentConflict = true
				}
			case refSentVeto:
				// In an earlier item with a figure of its own, it is ruled
				// on once the number's item is read (…法律援助案件643件,信访
				// 事项受理977件: the item names its petitions); the subject
				// of the sentence rules every item (街道公共法律服务工作站…,
				// 全年接待来访群众1860人次).
				if hEnd <= N && (hStart >= cl.Li || !hasDigit(s[hEnd:cl.Li])) {
					get(r.idx).vetoed = true
				} else if hEnd <= N {
					get(r.idx).sentVeto = true
				}
			case refHeadVeto:
				// A campaign that heads the sentence with a count of its own
				// (开展…专项整治行动42次,…查处各类违法行为1437起) is one item of
				// the year's work, no heading over the figures after it.
				// Nor does one after which a clause opens the whole year's
				// figures (开展…专项整治,全年开展执法巡查420余次,立案查处…21件).
				if e := clauseEnd(s, hStart); hEnd <= N && clauseStart(s, hStart, S) == S && !hasDigit(s[S:e]) && !(e < N && anyof.Contains(s[e:N], "全年", "年内", "本年度")) {
					get(r.idx).vetoed = true
				}
			case refSubjectNot:
				if hStart >= cl.C && hEnd <= N && !anyof.Contains(s[cl.C:hStart], subjectBreakers...) {
					if x.lx.frames[r.idx].subjectNotUnlessAct {
						get(r.idx).otherSubject = true
					} else {
						get(r.idx).vetoed = true // 街道党校开展学习…2场次
					}
				}
			case refAward:
				// An honour before the number in its item makes it a count of
				// honours, of any frame (荣获…称号1次); after the classifier,
				// or a gain (获得, 获批) anywhere, it makes a stock a flow
				// (2名调解员获评…, 获得执法资格的人员8名).
				if p == near || p == left || p == right || p == rightFar {
					for f := range x.lx.frames {
						switch {
						case (p == near || p == left) && !slices.Contains(gainActs, s[hStart:hEnd]):
							get(int32(f)).vetoed = true
						case x.lx.frames[f].stock:
							get(int32(f)).award = true
						}
					}
				}
			}
		}
	}
	// An act of another count, nearer the number than the frame's own act
	// (or anywhere in the item when the frame has none there), makes the
	// number that count: 审查…规范性文件24件 is a review. Acts inside the
	// object's own words are modifiers: 拟签订的合同协议进行合法性审查216件.
	for i := range ev.list {
		if e := &ev.list[i]; e.otherSubject && e.act != near && e.act != left {
			e.vetoed = true // 区人民法院全年受理一审行政案件340件
		}
		if e := &ev.list[i]; e.sentVeto && e.obj != near && e.obj != left {
			e.vetoed = true
		}
	}
	for _, cf := range conflicts {
		e := ev.lookup(cf.frame)
		if e == nil {
			continue
		}
		if cf.start >= U && partAside(s[U:cf.start]) {
			// 发生行政诉讼案件7件(其中复议后起诉4件): what the part aside
			// says of some of the cases is no other count of them all.
			continue
		}
		if f := &x.lx.frames[cf.frame]; f.liftedBy != nil && cf.start >= cl.C && slices.Contains(f.lifted, s[cf.start:cf.end]) && anyof.Contains(s[cl.C:cf.start], f.liftedBy...) {
			continue // 劳动争议调解组织受理劳动争议案件约410件: the body mediates them
		}
		if e.first && cf.start >= cl.listFirst && cf.end <= N {
			// Another item of a combined count whose first item names the
			// frame's object (学法、专题研讨、主题宣讲等活动共计15次): the
			// count is the first item's. (A list of acts on one object,
			// 排查、调处、化解各类矛盾纠纷共计326件, names it in no item.)
			continue
		}
		if (e.act == right || e.act == rightFar) && (e.rightObjEnd > 0 && e.rightObjStart >= cf.end || cf.end <= N && e.obj != nowhere) && strings.HasPrefix(s[cf.end:], "的") &&
			!negated(s[:cf.start]) && !anyof.Prefix(s[cf.start:cf.end], "未", "不") {
			// An act in a relative clause on the object that the frame's
			// own act then governs is a modifier: 对19份以市政府名义签订的合同
			// 进行合法性审查, 对局机关签订的合同18份进行合法性审查; not 对调解
			// 不成的5件纠纷,引导…诉讼: no act after; not 对12件暂未化解的矛盾
			// 纠纷进行跟踪化解: what did not happen).
			continue
		}
		switch {
		case cf.place == right || cf.place == rightFar:
			e.conflict = true // 1起行政处罚案件被撤销: what befell the cases counted
		case e.act == near || e.act == left:
			// An act of another count qualifying the object the frame's act
			// governs (审查镇政府签订的各类合同38份) is a modifier.
			if cf.end > e.actEnd && !(cf.start >= e.actEnd && strings.HasPrefix(s[cf.end:], "的")) {
				e.conflict = true
			}
			// When that act is the object's own noun and the frame's only
			// act there, an act of another count before it in its phrase is
			// what befell the things counted: 被复议撤销的行政处罚案件2件 are
			// reversals, 减少对企业的重复检查2.1万次 checks spared (评查后办理
			// 行政处罚案件 has the frame's own act between).
			if e.actNoun && cf.end <= e.actStart && e.firstAct == e.actStart+1 && !strings.ContainsAny(s[cf.end:e.actStart], "、,") {
				e.conflict = true
			}
		case cf.place == shared:
			// 化解A612起、B487起: the act heading the list. A word right
			// before an earlier figure is that item's own (行政复议1件、行政
			// 诉讼2件, 行政复议案件3件、行政诉讼案件2件: 复议 is the first
			// item's object, no head of the list), and so are the words of
			// another item of a 分别 list (被申请行政复议和被提起行政诉讼的案件
			// 分别为4件、13件).
			if (e.act == nowhere || e.act == shared) && !itemObjectEnds(s, cf.end) && !cl.fenbie {
				e.conflict = true
			}
		case cl.deng >= 0 && cf.start < cl.deng:
			e.conflictBeforeDeng = true // counts unless an act of the frame follows 等
		default:
			e.conflict = true
		}
	}
	// After the classifier the last noun of a phrase is its head: in
	// 86件行政许可案卷 the count is of 案卷, 行政许可 only says whose.
	for i := range ev.list {
		e := &ev.list[i]
		if e.rightObjEnd == 0 {
			continue
		}
		for j := range ev.list {
			if g := &ev.list[j]; j != i && g.rightObjStart >= e.rightObjEnd &&
				utf8.RuneCountInString(s[e.rightObjEnd:g.rightObjStart]) <= 1 && g.rightObjEnd > e.rightObjEnd {
				e.otherHead = true
			}
		}
	}
	// A figure qualified right after it as holding last year's cases
	// (…66件,含上年度结转6件) is a caseload, no intake count — unless the
	// writer calls the whole its intake (受理…436件(含上年结转12件)): the
	// figure stated is recorded, as a total concluded that holds carried-over
	// cases is (realdev README 040).
	if carriesOver(s[U:]) && !anyof.Contains(s[cl.Li:N], intakeActs...) {
		for i, fi := range ev.frames {
			if slices.Contains(intakeCodes, x.lx.frames[fi].code) {
				ev.list[i].vetoed = true
			}
		}
	}
	// A noun nearer the number than a frame's own words is what it counts.
	for _, hd := range heads {
		for i, fi := range ev.frames {
			e := &ev.list[i]
			if hd.frame >= 0 && hd.frame != fi {
				continue
			}
			switch {
			case hd.place == near || hd.place == left:
				if e.leftEnd >= 0 && hd.end > e.leftEnd && e.rightStart == math.MaxInt32 &&
					!sitting(s[cl.Li:hd.start], s[hd.start:hd.end], x.lx.frames[fi].sittings) {
					e.otherHead = true
				}
			default:
				// Right of the number, the phrase's last noun is its head:
				// a head noun before the frame's words, or after its object
				// (27期学习贯彻…系列讲座 counts lectures).
				if e.leftEnd < 0 && (hd.start < e.rightStart || e.rightObjEnd > 0 && hd.start >= e.rightObjEnd) {
					e.otherHead = true
				}
			}
		}
	}
	prevMask, prevDone := uint64(0), false
	borrowed := func(mask uint64) bool {
		if !prevDone {
			if x.prevS != S {
				x.prevS, x.prevMask = S, x.prevDomains(S)
			}
			prevMask, prevDone = x.prevMask, true
		}
		return prevMask&mask != 0
	}
	anyAfterDeng := false
	for i, fi := range ev.frames {
		e := &ev.list[i]
		anyAfterDeng = anyAfterDeng || e.afterDeng
		if e.obj == near || e.obj == right {
			for j, fj := range ev.frames {
				if fj != fi && x.lx.frames[fj].codeIdx != x.lx.frames[fi].codeIdx {
					ev.list[j].foreign = true
				}
			}
		}
	}
	// A、B等C: C is what is counted. A frame whose words all lie before the
	// 等 gives way to a frame whose object follows it (审查合同、协议等法律文书86份).
	headAfterDeng := false
	for i, fi := range ev.frames {
		if e := &ev.list[i]; e.afterDeng && e.allowed(&x.lx.frames[fi]) {
			headAfterDeng = true
		}
	}
	m := committed()
	best := reading{code: -1}
	scores := x.scores[:0]
	// A sentence that opens by taking a part (其中,调解结案612件 after an
	// arbitration's caseload) counts parts of the total before: of a case
	// total (lawsuits, reconsiderations, petitions, arbitrations), only
	// frames of the total's topic read them, or of a case topic the part
	// names itself; 调解 is said of every kind of case, and only a word
	// pinned to mediation (人民调解) makes the part people's mediation.
	partOfCases := sentMask&x.lx.caseMask == 0 && partSentence(s, S, N) && borrowed(x.lx.caseMask)
	// So does a clause that opens with 其中 after clauses of a case topic
	// (审结1098件,仲裁结案率94.4%,其中调解结案683件), or after clauses that
	// borrow one from across a semicolon (…受理劳动人事争议案件386件;审结372
	// 件,其中调解结案241件).
	totalMask := earlierMask
	partInSentence := !partOfCases && strings.HasPrefix(trimSpace(s[cl.C:N]), "其中")
	if partInSentence && totalMask&x.lx.caseMask == 0 && sentMask&x.lx.caseMask == 0 && borrowed(x.lx.caseMask) && caseCount(s[S:cl.C]) {
		totalMask = prevMask
	}
	partInSentence = partInSentence && totalMask&x.lx.caseMask != 0
	for i, fi := range ev.frames {
		e := &ev.list[i]
		if e.obj == nowhere && e.act == nowhere {
			continue
		}
		cf := &x.lx.frames[fi]
		if cf.organOnly && x.respondentOnly() {
			continue
		}
		if partOfCases && cf.domainMask != 0 && !borrowed(cf.domainMask) && !pinnedItem(s[cl.Li:N], cf.domains) {
			continue
		}
		if partInSentence && cf.domainMask != 0 && (cf.domainMask&totalMask == 0 || cf.notMask&totalMask != 0) && !pinnedItem(s[cl.Li:N], cf.domains) {
			continue // a part of a total of another topic, or of one the frame is not (an arbitration's 调解结案)
		}
		// A topic the frame is not (复议 for mediation) rules it out
		// anywhere in the sentence before the number, but not from another
		// item when the number's own item is pinned to the frame's topic:
		// 办理行政复议案件89件,各级人民调解组织调解纠纷5200余件 (其中调解结案5件
		// stays the reconsideration's, 调解率65.2% the arbitration's).
		notTopic := sentMask&cf.notMask != 0 && (itemMask&cf.notMask != 0 || !pinnedItem(s[cl.Li:N], cf.domains)) &&
			(cf.notDomainsLifted == nil || !anyof.Contains(s[cl.Li:N], cf.notDomainsLifted...))
		if cf.units&(1<<uint(u.index)) == 0 || notTopic ||
			itemMask&cf.itemNotMask != 0 && itemMask&cf.exemptMask == 0 {
			continue
		}
		var fx [numFeatures]float64
		// A combined count closing a list is the first item's, whatever
		// head the list closes with (法治讲座、文艺演出等活动共计60余场).
		if !e.allowed(cf) || headAfterDeng && !e.afterDeng && e.objBeforeDeng && !e.first {
			continue
		}
		switch {
		case cf.domainMask == 0:
		case cf.topicInItem:
			if itemMask&cf.domainMask == 0 {
				continue // 文艺演出 of no named law topic
			}
			fx[fDomain] = 1
		case domMask&cf.domainMask != 0:
			fx[fDomain] = 1
		case borrowed(cf.domainMask) && (cf.domainMask&x.lx.caseMask == 0 || (earlierMask|sentMask)&x.lx.caseMask == 0):
			if m := cf.notMask & x.lx.caseMask; m != 0 && borrowed(m) && !pinnedItem(s[cl.Li:N], cf.domains) {
				// The sentence lent is of a case topic the frame is not too
				// (调解结案 in an arbitration's caseload, then 涉案金额…万元):
				// whose figure it is, is not told.
				continue
			}
			fx[fDomainPrev] = 1
		case cf.needDomain && wholeMask&cf.wideMask != 0:
			// The topic a frame needs may follow in the sentence:
			// 举办各类培训班5期,培训执法人员600余人次.
			fx[fDomainPrev] = 1
		case cf.needDomain || e.generic && !e.specific:
			continue // only common words, and nothing of their topic
		default:
			fx[fNoDomain] = 1
		}
		e.features(cf, anyAfterDeng, &fx)
		if cf.typical&(1<<uint(u.index)) != 0 {
			fx[fTypical] = 1
		}
		if e.obj == nowhere && e.foreign {
			fx[fForeignObject] = 1
		}
		if cf.kind == KindRate && u.index != percentUnit.index {
			continue
		}
		r := reading{frame: int(fi), code: cf.codeIdx, score: m.score(&fx), x: fx}
		scores = append(scores, r)
	}
	if len(scores) == 0 {
		x.concludedOutcome(c, cl, S, N)
		return
	}
	x.scores = scores
	// One score per code: its best frame, in code order.
	slices.SortFunc(scores, func(a, b reading) int {
		if a.code != b.code {
			return a.code - b.code
		}
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return a.frame - b.frame
	})
	codes := scores[:0]
	for _, r := range scores {
		if len(codes) == 0 || codes[len(codes)-1].code != r.code {
			codes = append(codes, r)
		}
	}
	if slices.ContainsFunc(codes, func(r reading) bool { return r.code == reviewsCode }) && submitsForFiling(s[cl.C:N]) {
		// 报送区政府备案审查规范性文件3件: its own documents, filed, not
		// documents it reviewed.
		codes = slices.DeleteFunc(codes, func(r reading) bool { return r.code == reviewsCode })
	}
	p := make([]float64, len(codes))
	for i, r := range codes {
		p[i] = r.score
	}
	pNone := choice.Normalize(p, m.none)
	for i, r := range codes {
		r.p = p[i]
		if r.p > best.p {
			best = r
		}
	}
	x.observe(c, codes, pNone)
	if (best.code < 0 || best.p <= pNone) && cl.body != [2]int{} && x.respective.S == S && x.respective.unit == u.index && x.respective.end < N && cl.sharedOK {
		// 桃源村人民调解委员会、杏花村人民调解委员会分别受理21件、17件: a
		// later body's figure of a 分别 list, an item of fillers, is read as
		// the figure before it was.
		best = x.respective.reading
		best.p *= 0.9
	}
	if best.code < 0 || best.p <= pNone {
		x.concludedOutcome(c, cl, S, N)
		return
	}
	if best.code == wonCode && anyof.Contains(s[U:cl.Rend], "撤诉", "撤回起诉") {
		// 4件判决驳回原告诉讼请求、1件原告主动撤诉: the figure's own words
		// after it name its outcome, not the judgment of the item before.
		if k := slices.IndexFunc(codes, func(r reading) bool { return r.code == withdrawnCode }); k >= 0 {
			r := codes[k]
			r.p = max(r.p, best.p)
			best = r
		}
	}
	if best.code == contractReviewsCode && mixedReviewList(s[cl.Li:N]) {
		// 审查重大行政决策、合同协议等事项71件: the list names more than
		// contracts, and the count is of all the reviews.
		if k := slices.IndexFunc(codes, func(r reading) bool { return r.code == reviewsCode }); k >= 0 {
			r := codes[k]
			r.p = best.p
			best = r
		}
	}
	if mixedOutcomes(s[cl.Li:N], catalog[best.code].Category) {
		// 其中直接纠错和调解和解后申请人撤回21件: two outcomes counted as
		// one, the figure of neither.
		return
	}
	if catalog[best.code].Category == "mediation" && x.preSuitBefore(S) {
		// The outcome of pre-suit mediations counted before in the sentence
		// (开展行政争议诉前调解17件,成功化解11件) has no code of its own.
		return
	}
	E0 := cl.E0
	if cl.jun >= 0 && best.x[fActRight] > 0 && !x.readsBeforeJun(cl, best) {
		E0 = clauseEnd(s, cl.jun)
	}
	if brk < 0 {
		brk = x.colonAfterFigure(S, N)
	}
	if p := parenAfterFigure(s, cl.C, N); p > brk {
		// 配备人民调解员1132名(专职调解员87名): a bracket right after a
		// figure breaks it down, as a colon after one does (also after a
		// 其中 earlier in the sentence).
		brk = p
	}
	if brk < 0 && partitiveOpener(s, S, N) {
		brk = S
	}
	if p := partitiveFigure(s, cl.C, N); p > brk {
		brk = p
	}
	if catalog[best.code].Category == "supervision" && jointMotions(s[cl.C:N]) && !cl.fenbie && !anyof.Prefix(s[U:], "、", "和") {
		return // 承办人大代表建议和政协提案312件: of both codes, so of neither
	}
	before := len(x.facts)
	if cl.body != [2]int{} {
		x.respective.S, x.respective.unit, x.respective.end, x.respective.reading = S, u.index, U, best
	}
	x.add(n, u, U, S, cl.C, E0, brk, &x.lx.frames[best.frame], best.p)
	if len(x.facts) > before {
		f := &x.facts[before]
		// The clause's body scopes its figure; the writer itself (县政府,
		// 我区) leaves a figure over its disclosure the disclosure's.
		if sc := x.bodyScope(f.Indicator, cl); cl.body != [2]int{} && (sc != "" || f.Scope != disclosureScope) {
			f.Scope = sc
		}
		f.ownAct = best.x[fActNear] > 0 || best.x[fActLeft] > 0 || best.x[fActRight] > 0
		// 自2018年…以来,累计解答法律咨询5.6万人次: years of it, not the
		// report year's: kept with its period flagged, like a part of a
		// year, so that it is shown but never ranked or compared.
		if !x.lx.frames[best.frame].stock && !slices.Contains(f.Flags, FlagPartialYear) && x.cumulativeBefore(S, N) && sinceCumulative(s, S, cl.C, N, x.opt.Year) {
			f.Flags = append(f.Flags, FlagPartialYear)
		}
	}
	if cl.jun >= 0 {
		x.secondFact(c, cl, best, brk)
	}
}

// itemHasObject reports whether a frame's object word lies in [from, to).
func (x *run) itemHasObject(inSentence []hit, framed []int32, from, to int) bool {
	for _, i := range framed {
		h := inSentence[i]
		if int(h.Start) < from || int(h.End) > to {
			continue
		}
		for _, r := range x.lx.refs[h.Word] {
			if r.kind == refObject {
				return true
			}
		}
	}
	return false
}

// headAt is a word that may head a number's phrase instead of a frame's
// own (a head noun, a counted place), or an act of another count.
type headAt struct {
	frame int32 // -1: a counted place, any frame
	start int
	end   int
	place place
}

// b2i is 1 for true and 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// sentHits are the hits of one sentence, sorted out once for all its
// numbers.
type sentHits struct {
	S, E int // the sentence asked for; S is -1 before the first
	// k0 and kEnd bound its hits in the run's: the first that ends after S,
	// the first after k0 that starts at E or later.
	k0, kEnd int
	// units are the units its words (those that start at S or later) may
	// read; markers and framed the indexes in hits[k0:kEnd] of those words
	// that are markers or framed (lexicon.marker, lexicon.framed).
	units           uint64
	markers, framed []int32
	// ended: E is the sentence's end (a boundary or the end of the text),
	// not a bound on how far sentenceEnd looks; every number of the
	// sentence then sees the same hits.
	ended bool
}

// anyReader reports whether an object or act of a frame that counts in
// unit stands where it can read the number: from lo to the number, or in
// its phrase after the classifier (the places of placeOf that set a
// frame's object or act).
func (x *run) anyReader(sh *sentHits, inSentence []hit, lo int, cl clause, unit int) bool {
	bit := uint64(1) << uint(unit)
	for _, i := range sh.framed {
		h := inSentence[i]
		if x.lx.readUnits[h.Word]&bit == 0 {
			continue
		}
		if a, b := int(h.Start), int(h.End); a >= lo && b <= cl.N || a >= cl.U && b <= cl.Rend {
			return true
		}
	}
	return false
}

// atSentenceEnd reports whether sentenceEnd stopped at byte E for a
// boundary (or the end of s) rather than at its look-ahead bound.
func atSentenceEnd(s string, E int) bool {
	if E >= len(s) {
		return true
	}
	switch s[E] {
	case '\n', ';', '!', '?':
		return true
	}
	return strings.HasPrefix(s[E:], "。")
}

// sentenceHits returns the hits of the sentence [S, E).
func (x *run) sentenceHits(S, E int) *sentHits {
	sh := &x.sent
	if sh.S == S && sh.E == E {
		return sh
	}
	hs := x.hits
	k0 := sort.Search(len(hs), func(k int) bool { return int(hs[k].End) > S })
	kEnd := k0
	for kEnd < len(hs) && int(hs[kEnd].Start) < E {
		kEnd++
	}
	*sh = sentHits{S: S, E: E, k0: k0, kEnd: kEnd, markers: sh.markers[:0], framed: sh.framed[:0], ended: atSentenceEnd(x.text, E)}
	for i, h := range hs[k0:kEnd] {
		if int(h.Start) < S {
			continue
		}
		sh.units |= x.lx.units[h.Word]
		if x.lx.marker[h.Word] {
			sh.markers = append(sh.markers, int32(i))
		}
		if x.lx.framed[h.Word] {
			sh.framed = append(sh.framed, int32(i))
		}
	}
	return sh
}

// reading is one frame's score for a number.
type reading struct {
	frame, code int
	score, p    float64
	x           [numFeatures]float64
}

// allowed reports whether the frame may read the number at all: its needed
// act and object are there, no act of another count and no nearer head noun
// stands in the number's item, no award makes a stock a flow.
func (e *evidence) allowed(cf *cframe) bool {
	switch {
	case cf.needAct && e.act == nowhere && !e.actBeforeBreak && !(e.actInJun && e.ownObject):
		// An act in the 均 clause makes the count its own only for an object
		// of its own (事项9项,均经过合法性审查); an outcome of cases of many
		// kinds comes as a second fact (复议案件7件,均由省政府维持).
		return false
	case cf.needObject && e.obj == nowhere:
		return false
	case e.conflict || e.conflictBeforeDeng && !e.actAfterDeng:
		return false
	case e.otherHead, e.vetoed:
		return false
	case e.award && cf.stock:
		return false
	}
	return true
}

// features sets the features of a frame's evidence.
func (e *evidence) features(cf *cframe, anyAfterDeng bool, fx *[numFeatures]float64) {
	switch e.obj {
	case near:
		fx[fObjNear] = 1
		if cf.kind == KindRate {
			fx[fRateHead] = 1
		}
	case left:
		fx[fObjLeft] = 1
	case right:
		fx[fObjRight] = 1
	case rightFar:
		fx[fObjRightFar] = 1
	case shared:
		fx[fObjShared] = 1
	case prev:
		fx[fObjPrev] = 1
	}
	switch e.act {
	case near:
		fx[fActNear] = 1
	case left:
		fx[fActLeft] = 1
	case right, rightFar:
		fx[fActRight] = 1
	case shared:
		fx[fActShared] = 1
	case prev:
		fx[fActPrev] = 1
	case nowhere:
		if e.actInSentence {
			fx[fActSentence] = 1
		}
	}
	if e.sentConflict {
		fx[fSentenceConflict] = 1
	}
	if e.specific {
		fx[fSpecific] = 1
	}
	if e.obj != nowhere && e.act != nowhere && e.obj != prev && e.act != prev {
		fx[fBoth] = 1
	}
	if anyAfterDeng && e.objBeforeDeng && !e.afterDeng {
		fx[fBeforeDeng] = 1
	}
	if e.first {
		fx[fCombinedFirst] = 1
	}
	if e.dist < math.MaxInt32 {
		fx[fDistance] = math.Log1p(float64(e.dist))
	}
	if e.generic && !e.specific {
		fx[fGeneric] = 1
	}
}

// colonAfterFigure returns the offset of the last colon between S and N
// that follows a figure and its unit (主动公开政府信息总数171条:基层政务公开领域
// 信息124条,…): what follows such a colon breaks the figure down, as after
// 其中. -1 if there is none.
func colonAfterFigure(s string, S, N int) int {
	for i := N - 1; i > S; i-- {
		if s[i] == ':' && colonFollowsFigure(s, S, i) {
			return i
		}
	}
	return -1
}

// colonAfterFigure is colonAfterFigure(x.text, S, N) for the numbers of a
// sentence, which come in text order: it tries only the colons numbers
// noted (x.colons), only those the previous number's call did not, and
// keeps the answer.
func (x *run) colonAfterFigure(S, N int) int {
	c := &x.colon
	if c.S != S || N < c.upto {
		c.S, c.upto, c.at = S, S+1, -1
	}
	// The colons numbers noted, from the last before N back to upto.
	for k := sort.SearchInts(x.colons, N) - 1; k >= 0 && x.colons[k] >= max(c.upto, S+1); k-- {
		if colonFollowsFigure(x.text, S, x.colons[k]) {
			c.at = x.colons[k]
			break
		}
	}
	c.upto = N
	return c.at
}

// parenAfterFigure returns the offset of the bracket the number at N
// stands in when that bracket opens right after a figure and its unit in
// the clause from C (…1132名(专职调解员87名)), else -1.
func parenAfterFigure(s string, C, N int) int {
	if strings.IndexByte(s[C:N], '(') < 0 {
		return -1 // most clauses have none
	}
	// The innermost bracket still open at N: brackets inside it (村(社区)
	// 调委会18个) are closed.
	depth := 0
	for p := N - 1; p >= C; p-- {
		switch s[p] {
		case ')':
			depth++
		case '(':
			if depth > 0 {
				depth--
				continue
			}
			if colonFollowsFigure(s, C, p) {
				return p
			}
			return -1
		}
	}
	return -1
}

// colonFollowsFigure reports whether the colon at i follows a figure and
// its unit, in the sentence starting at S.
func colonFollowsFigure(s string, S, i int) bool {
	j := i
	for k := 0; k < maxUnitRunes && j > S; k++ {
		r, size := utf8.DecodeLastRuneInString(s[S:j])
		if r < 0x4E00 || r > 0x9FFF {
			break
		}
		j -= size
	}
	return j < i && j > S && s[j-1] >= '0' && s[j-1] <= '9'
}

// maxUnitRunes is the longest unit colonAfterFigure looks back over (人次,
// 万元).
const maxUnitRunes = 2

// kindLabel reports whether an object word is followed by 类 that makes it
// the label of a kind of something else counted: 受理案件中…行政处罚类17件
// counts reconsideration cases about penalties. 行政处罚类案件 stays the
// object's.
func kindLabel(after string) bool {
	rest, ok := strings.CutPrefix(after, "类")
	return ok && !strings.HasPrefix(rest, "案件") && !strings.HasPrefix(rest, "案")
}

// ownNounAfter reports whether the text after a classifier goes on with a
// word (292个电子证照) rather than a clause break or a classifier's tail
// (次, 余, 左右, 以上).
func ownNounAfter(after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	return r >= 0x4E00 && r <= 0x9FFF && !strings.ContainsRune(classifierTails, r)
}

// classifierTails may follow a classifier within the figure: 件次, 余人,
// 左右, 以上, 的 (…件的).
const classifierTails = "次余多左以之的"

// better returns the stronger of two places.
func better(a, b place) place {
	rank := func(p place) int {
		switch p {
		case near:
			return 6
		case right:
			return 5
		case left:
			return 4
		case rightFar:
			return 3
		case shared:
			return 2
		case prev:
			return 1
		}
		return 0
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}

// shadowMemo remembers, for one hit of a sentence, the words that could
// shadow it (shadowers), whatever the unit: the numbers of a sentence ask
// of the same hits again and again, in different units.
type shadowMemo struct {
	set bool // the hit has been asked about
	n   int8 // how many of by hold shadowers; -1 when more than fit
	// by are indexes into the run's hits, in the order shadowedBy tries them.
	by [3]int32
}

// shadowOf is shadowedBy(inSentence, i, …, unit) for the hits of the
// sentence at S, which start at index k0 of the run's hits. The numbers
// are decided in text order, so their sentences come one after the other
// and never again: the memo holds the current sentence's hits only. What
// it holds was found with the hits of the number that asked first; the
// numbers of a sentence longer than sentenceEnd looks ahead may see more
// hits, so there every word is asked about in the order the words come.
func (x *run) shadowOf(inSentence []hit, k0, i, S, unit int) *hit {
	if S != x.shadowS {
		x.shadowS, x.shadows = S, x.shadows[:0]
	}
	for len(x.shadows) <= i {
		x.shadows = append(x.shadows, shadowMemo{})
	}
	m := &x.shadows[i]
	if !m.set {
		m.set, m.n = true, 0
		x.shadowBuf = shadowers(x.shadowBuf[:0], inSentence, i, x.lx)
		for _, j := range x.shadowBuf {
			if int(m.n) == len(m.by) {
				m.n = -1
				break
			}
			m.by[m.n] = int32(k0 + j)
			m.n++
		}
	}
	if m.n < 0 {
		if j := shadowedBy(inSentence, i, x.lx, unit); j >= 0 {
			return &inSentence[j]
		}
		return nil
	}
	bit := uint64(1) << uint(unit)
	for _, j := range m.by[:m.n] {
		if x.lx.units[x.hits[j].Word]&bit != 0 {
			return &x.hits[j]
		}
	}
	return nil
}

// shadowedBy returns the longer frame word that hit i lies inside (调解
// inside 调解成功, 审查 inside 合法性审查), or that cuts an object's end
// (compound nouns are headed on the right: 专题研讨班 is a 研讨班), and
// that can read a number in unit: its index in hs, or -1. Only the longer
// word is read as an object or act.
func shadowedBy(hs []hit, i int, lx *lexicon, unit int) int {
	bit := uint64(1) << uint(unit)
	var buf [16]int
	for _, j := range shadowers(buf[:0], hs, i, lx) {
		// Only a word that can read this number shadows: 行政许可事项 (items,
		// counted in 项) does not hide 行政许可 from 1250件.
		if lx.units[hs[j].Word]&bit != 0 {
			return j
		}
	}
	return -1
}

// shadowers appends to out, in order, the indexes of the hits near hit i
// that would shadow it in some unit (see shadowedBy).
func shadowers(out []int, hs []hit, i int, lx *lexicon) []int {
	h := hs[i]
	objectOnly := !lx.isAct[h.Word]
	for j := max(i-3, 0); j < len(hs) && j <= i+12; j++ {
		if j == i {
			continue
		}
		g := hs[j]
		if int(g.End)-lx.longest >= int(h.End) {
			// Hits are ordered by end: this one and all after it start
			// at or after h's end.
			break
		}
		if int(g.Start) >= int(h.End) || lx.units[g.Word] == 0 {
			continue
		}
		if g.Start <= h.Start && g.End >= h.End && g.End-g.Start > h.End-h.Start ||
			objectOnly && g.Start > h.Start && g.Start < h.End && g.End > h.End {
			out = append(out, j)
		}
	}
	return out
}

func sameFrame(rs []ref, frame int32) bool {
	for _, r := range rs {
		if (r.kind == refObject || r.kind == refAct) && r.idx == frame {
			return true
		}
	}
	return false
}

// placeOf tells where a word at [a, b) stands relative to the number.
func (cl *clause) placeOf(s string, a, b int) place {
	switch {
	case b <= cl.N && a >= cl.Li:
		if fillerGap(s[b:cl.N]) {
			return near
		}
		return left
	case b <= cl.N && a >= cl.C && a < cl.Li:
		// The clause's head, before an earlier figure: its act governs the
		// items after it (化解婚姻家庭纠纷612起、邻里纠纷487起); its object is
		// shared only by an item of fillers (来访126批次、389人次).
		return shared
	case b <= cl.N && a >= cl.C1 && a < cl.C:
		return prev
	case cl.jun >= 0 && a >= cl.jun && b <= cl.junEnd:
		return inJun
	case cl.listVerb > 0 && a >= cl.listVerb && b <= cl.E0:
		return rightFar
	case a >= cl.U && b <= cl.Rend:
		gap := utf8.RuneCountInString(s[cl.U:a])
		switch {
		case gap <= maxRightGap && !numberFollows(s, b):
			return right
		case gap <= maxRightFar && !numberFollows(s, b):
			return rightFar
		}
		return nowhere
	case a >= cl.S && b <= cl.E:
		return inSent
	}
	return nowhere
}

// bareShares name a share without saying of what: 覆盖率, 配备率.
var bareShares = []string{"覆盖率", "配备率", "聘请率"}

// bareShare reports whether clause, before its figure, is a bare share's
// name and fillers (覆盖率, 覆盖率达, 配备率为).
func bareShare(clause string) bool {
	t, ok := anyof.CutPrefix(trimSpace(clause), bareShares...)
	return ok && fillerOnly(t)
}

// listVerbs follow the list of objects of a 对 phrase: 对58件文件、37份合同
// 进行合法性审查.
var listVerbs = []string{"进行", "开展", "实施", "予以", "作出", "提出"}

// listVerbAt returns where the verb that closes a 对 phrase's list of
// items starts in s[from:to] — the items after the number's, then the
// verb, with no figure after it — or 0.
func listVerbAt(s string, from, to int) int {
	if !strings.HasPrefix(s[from:], "、") {
		return 0
	}
	best := -1
	for _, v := range listVerbs {
		if p := strings.Index(s[from:to], v); p >= 0 && (best < 0 || p < best) {
			best = p
		}
	}
	if best < 0 || hasDigit(s[from+best:to]) || !hasDigit(s[from:from+best]) {
		return 0
	}
	return from + best
}

// fillerGap reports whether s, between a word and the number, holds only a
// few runes of filler (共, 达, 累计, 各类…).
func fillerGap(s string) bool {
	s = trimSpace(s)
	if s == "" {
		return true
	}
	if len(s) > maxNearGap*utf8.UTFMax || utf8.RuneCountInString(s) > maxNearGap {
		return false
	}
	return fillerOnly(s) || allNearFillers(s)
}

// nearFillers are the characters a near gap may consist of.
const nearFillers = "共计达为约近超逾余了各类项共有累计合计总计分别是至已实现完成全年“”\""

// nearFiller is strings.ContainsRune(nearFillers, r), as a table: it is
// asked of every word in a number's list item.
var nearFiller = newRuneSet(nearFillers)

// allNearFillers reports whether s is made of nearFillers only:
// strings.Trim(s, nearFillers) == "".
func allNearFillers(s string) bool {
	for _, r := range s {
		if !nearFiller.has(r) {
			return false
		}
	}
	return true
}

// runeGap is the distance in runes between a word at [a, b) and the number
// at [N, U).
// Every word of a long sentence asks, in text order: the count goes on
// from the last word's (gaps), not again from the number.
func (x *run) runeGap(a, b, N, U int) int {
	count := utf8.RuneCountInString
	if x.valid {
		count = textnorm.CountRunes
	}
	g := &x.gaps
	if g.N != N {
		*g = gapMemo{N: N, left: -1, right: -1}
	}
	switch {
	case b <= N:
		if g.left >= 0 && b >= g.left {
			g.leftRunes -= count(x.text[g.left:b])
		} else {
			g.leftRunes = count(x.text[b:N])
		}
		g.left = b
		return g.leftRunes
	case a >= U:
		if g.right >= 0 && a >= g.right {
			g.rightRunes += count(x.text[g.right:a])
		} else {
			g.rightRunes = count(x.text[U:a])
		}
		g.right = a
		return g.rightRunes
	}
	return 0
}

// gapMemo is runeGap's count for the number at N: the runes from the last
// word's end on the left (left) to N, and from U to the last word's start
// on the right (right); -1 before any.
type gapMemo struct {
	N, left, right        int
	leftRunes, rightRunes int
}

// structure reads the clause around candidate c.
func (x *run) structure(c cand, prevU int, nx cand) (clause, marks) {
	s := x.text
	N, U, S := c.n.Start, c.unitEnd, c.S
	C, mk := clauseMarks(s, N, S)
	cl := clause{S: S, E: x.sentEnd(S, U), C: C, N: N, U: U, deng: -1, listFirst: -1, jun: -1}
	cl.E0 = clauseEnd(s, U)
	if gluedEnumerator(s[U:]) {
		cl.E0 = U
	}
	// The number's own list item: after the figure before it in the clause
	// (政府合同40件、会议纪要3件), else the whole clause: the items of a list
	// with one figure share its act (审查重大行政决策、重大合同等法律事务137件).
	cl.Li = C
	if prevU > C && prevU <= N && !fromLevel(s, C, prevU-1, prevU) {
		cl.Li = prevU
		// The previous figure's own words (1件驳回原告诉讼请求、2件原告撤诉)
		// end at the 、 that starts this one's item.
		if p := strings.LastIndex(s[prevU:N], "、"); p >= 0 {
			cl.Li = prevU + p + len("、")
		}
	}
	// An item holding nothing but fillers shares the head of its clause
	// with the figures before it: 来访126批次、389人次; 受理、办结…分别为.
	cl.sharedOK = cl.Li > C && fillerOnly(strings.Trim(s[cl.Li:N], "、和及与 "))
	// A clause of fillers before the number reads its object from the
	// clause before (信访案件168批次,505人次), unless the number is followed
	// by its own noun (…网办率100%,292个电子证照跨部门调用).
	cl.C1 = C
	if C > S && fillerOnly(s[C:N]) && !ownNounAfter(s[U:]) {
		cl.C1 = clauseStart(s, C-1, S)
	}
	// So does a clause of a bare share's name (…全部配备法律顾问,覆盖率
	// 100%): the clause before says whose share it is.
	if C > S && c.u.index == percentUnit.index && bareShare(s[C:N]) {
		cl.C1 = clauseStart(s, C-1, S)
	}
	if mk.deng >= cl.Li {
		cl.deng = mk.deng
	}
	// The right-hand words end at the next figure, the next item or the clause end.
	cl.Rend = cl.E0
	if nx.n.Start > U && nx.n.Start < cl.Rend {
		// The next figure's item starts at the 、 before it: 举办法治讲座4次、
		// 挂宣传横幅12条 (宣传 is the 12's).
		cl.Rend = nx.n.Start
		if p := strings.LastIndex(s[U:cl.Rend], "、"); p >= 0 {
			cl.Rend = U + p
		}
	}
	if cl.Rend < cl.E0 && strings.Contains(s[C:N], "对") {
		cl.listVerb = listVerbAt(s, cl.Rend, cl.E0)
	}
	// 均/全部 after the classifier: the figure is also that of an outcome.
	t, single := s[U:], false
	t = strings.TrimPrefix(strings.TrimPrefix(t, "("), ",")
	// The people the cases involve may stand between (来信来访78件、121人次,
	// 均按期办结): 均 is said of the cases.
	t = pastPeopleCount(t)
	if strings.HasPrefix(t, "经") {
		// 3件,经市政府审理均予维持: the body and the process before 均, or
		// in a clause of its own (2件,经县政府审理,均维持原行政行为).
		e := clauseEnd(t, 0)
		if p := strings.Index(t[:e], "均"); p > 0 && utf8.RuneCountInString(t[:p]) <= 10 {
			t = t[p:]
		} else if next := strings.TrimPrefix(t[e:], ","); p < 0 && utf8.RuneCountInString(t[:e]) <= 12 && !hasDigit(t[:e]) && strings.HasPrefix(next, "均") {
			t = next
		} else if p := singleOutcome(t); c.n.Value == 1 && p > 0 && strings.HasPrefix(s[U:], ",") {
			// 1件,经区政府复议维持: the one case's outcome, told in a clause
			// of its own (1件经法院判决驳回… is the figure's own act).
			t, single = t[p:], true
		}
	} else if p := deciderBefore(t[:clauseEnd(t, 0)]); p > 0 {
		t = t[p:] // 4件,市政府已全部作出维持决定: the body that decided them
	} else if p := junAfterObject(t); p > 0 {
		t = t[p:] // 被诉的2件行政诉讼案件均胜诉: the cases named, then 均
	}
	if !single && c.n.Value == 1 && strings.HasPrefix(s[U:], ",") {
		if p := laterSingleOutcome(t); p >= 0 {
			// 1件,系土地征收补偿纠纷,经县人民法院审理,判决驳回原告诉讼
			// 请求: the one case told of, then its outcome.
			t, single = t[p:], true
		}
	}
	if anyof.Prefix(t, "均由", "全部由", "均已由", "已全部由") && !anyof.Contains(t[:clauseEnd(t, 0)], decisionOutcomes...) {
		// 3件,均由市政府审结: another body concluded them, no outcome stated
		// (均由省政府维持 states one).
		t = ""
	}
	// An outcome stated for them (1件,结果为维持) holds for all the cases
	// counted, as 均 says — not outcomes with their own figures (结果为维持8
	// 件、撤销2件).
	if anyof.Prefix(t, "结果为", "结果均为", "结果是") && hasDigit(t[:clauseEnd(t, 0)]) {
		t = ""
	}
	if single || anyof.Prefix(t, junMarks...) {
		cl.jun = len(s) - len(t)
		cl.junEnd = clauseEnd(s, cl.jun)
		cl.Rend = min(cl.Rend, cl.jun)
	}
	// 受理、办结信访事项分别为213件、210件: the k-th figure after 分别 goes
	// with the k-th item of the list before it (行政诉讼、行政复议案件分别为
	// 5件和8件).
	if mk.fenbie >= 0 && mk.fenbie >= C {
		// The figures' list starts at the first digit after 分别; the
		// items are the list between 分别 and it (分别承办人大代表建议、政协
		// 委员提案168件、215件), or else the last items before 分别, as many
		// as there are figures (街道、社区两级调委会受理、化解矛盾纠纷分别为386件、
		// 379件: 街道 is no item).
		first := firstDigit(s, mk.fenbie, N)
		k, total := 0, 1
		for _, sep := range respectiveSeps {
			k += strings.Count(s[first:N], sep)
			total += strings.Count(s[first:cl.E0], sep)
		}
		after := mk.fenbie + len("分别")
		var items [][2]int
		if between := strings.TrimLeft(s[after:first], "为是:"); strings.Contains(between, "、") {
			items = splitItems(s, after, first)
		} else {
			// Quoted names side by side (“老兵调解工作室”“巾帼调解工作室”分别…),
			// or items apart by 、 or a word.
			if items = quotedItems(s, C, mk.fenbie); items == nil {
				items = splitItems(s, C, mk.fenbie)
			}
			if len(items) > total {
				items = items[len(items)-total:]
			}
		}
		// Fewer items than figures (分别举办“法律进社区”“法律进企业”主题宣传
		// 活动18场、11场: no 、 between the names) pair nothing: each figure
		// is read with its clause.
		actBefore := false
		if len(items) >= 2 && mk.fenbie <= items[len(items)-1][1] {
			// Bodies, then their act, then 分别 (城关派出所、新集派出所、马店派出所
			// 开展矛盾纠纷排查分别为320次、214次、186次): the last item ends with
			// its body noun.
			if end := bodyNounEnd(s, items[len(items)-1]); end > 0 {
				items[len(items)-1][1], actBefore = end, true
			}
		}
		word, bodies := bodyList(s, items)
		var counted [2]int // the noun of a counted set of bodies (三个调解室)
		if len(items) < 2 && total >= 2 {
			counted = countedBodies(s, C, mk.fenbie, total)
		}
		switch {
		case bodies && k < len(items) && len(items) == total && (actBetween(s[after:first]) || actBefore):
			// Bodies before 分别 and their act after it: every figure is
			// read with the act, and belongs to its body.
			cl.body, cl.bodyWord = items[k], word
			x.bodies.S, x.bodies.E, x.bodies.C, x.bodies.items, x.bodies.word = S, cl.E, cl.E0, items, word
			x.bodies.counted = false
			if k < total-1 {
				// 均调解成功 after the last figure holds for each body's.
				if p := respectiveJun(s, U, cl.E); p >= 0 {
					cl.jun, cl.junEnd = p, clauseEnd(s, p)
				}
			}
		case len(items) < 2 && k < total && total == len(x.bodies.items) && x.afterBodies(S, C):
			// The figures of the bodies the sentence before listed.
			cl.body, cl.bodyWord, cl.counted = x.bodies.items[k], x.bodies.word, x.bodies.counted
		case len(items) < 2 && total >= 2 && k < total && counted != [2]int{}:
			// A counted set of bodies before 分别 (三个调解室受理矛盾纠纷分别为
			// 64件、41件、23件): each figure is one body's, none the whole's.
			cl.body, cl.bodyWord, cl.counted = counted, "", true
			// A later clause's 分别 list (调解成功分别为62件、39件、23件) is of
			// the same bodies.
			x.bodies.S, x.bodies.E, x.bodies.C, x.bodies.items, x.bodies.word = S, cl.E, cl.E0, slices.Repeat([][2]int{cl.body}, total), ""
			x.bodies.counted = true
		case k < len(items) && len(items) >= total && !figuresNameItems(s, first, cl.E0):
			cl.Li = items[k][0]
			cl.C = C
			cl.sharedOK = true
			cl.fenbie = true
			// The item's words are near the figure for all that stands between.
			cl.N, cl.Li = items[k][1], items[k][0]
		}
	}
	// A combined count closing a list (A、B和C共计20件) is the first item's.
	if head := s[cl.Li:N]; combinedCount(head) {
		if p := firstItemEnd(head); p >= 0 {
			cl.listFirst = cl.Li + p
		}
	}
	return cl, mk
}

// combinedCount reports whether head, the words of a list item before its
// number, ends with a word of a combined count (共计, 合计, 总计, 累计, 共),
// perhaps followed by a qualifier (共计约).
func combinedCount(head string) bool {
	// Most items end otherwise: rule them out on their last character
	// before trimming.
	switch r, _ := utf8.DecodeLastRuneInString(head); r {
	case '计', '共', '余', '多', '约', '近', ' ':
	default:
		return false
	}
	return anyof.Suffix(strings.TrimRight(head, "余多约近 "), "共计", "合计", "总计", "累计", "共")
}

// splitItems returns the items [start, end) of the list s[from:to],
// separated by 、 (和 and 及 before the last).
func splitItems(s string, from, to int) [][2]int {
	// Modifiers listed before the head (作为被申请人、被告的行政复议和行政诉
	// 讼案件分别为6件和11件) go with the head's items, each in its turn: the
	// items are the head's, the modifiers stay in the first.
	head := from
	if p := strings.LastIndex(s[from:to], "的"); p >= 0 && !strings.Contains(s[from+p:to], "、") {
		head = from + p + len("的")
	}
	for _, at := range []int{head, from} {
		if at == from && strings.Contains(s[from:to], "、") {
			break
		}
		// Two items joined by a word: 诉讼和复议案件分别为….
		for _, sep := range respectiveSeps[1:] {
			if p := strings.Index(s[at:to], sep); p > 0 {
				return [][2]int{{from, at + p}, {at + p + len(sep), to}}
			}
		}
	}
	var out [][2]int
	at := from
	for at < to {
		p := strings.Index(s[at:to], "、")
		if p < 0 {
			out = append(out, [2]int{at, to})
			break
		}
		out = append(out, [2]int{at, at + p})
		at += p + len("、")
	}
	return out
}

// quotedItems returns the quoted names s[from:to] ends with, side by side
// with no 、 between them (“老兵调解工作室”“巾帼调解工作室”), each with its
// quotes; nil when there are fewer than two.
func quotedItems(s string, from, to int) [][2]int {
	var out [][2]int
	end := to
	for end > from && strings.HasSuffix(s[from:end], "”") {
		open := strings.LastIndex(s[from:end], "“")
		if open < 0 {
			break
		}
		out = append(out, [2]int{from + open, end})
		end = from + open
	}
	if len(out) < 2 {
		return nil
	}
	slices.Reverse(out)
	return out
}

// figuresNameItems reports whether the figures of a 分别 list, from the
// first at first to the clause end, each follow words of their own (分别开
// 展会前学法14次、法治专题学习4次): the items before 分别 are then their
// subjects, not what they count, and each figure is read with its own words.
// A bare list (分别为213件、210件; 41件和37件) names none.
func figuresNameItems(s string, first, end int) bool {
	at := first
	for at < end {
		next := -1
		for _, sep := range respectiveSeps {
			if p := strings.Index(s[at:end], sep); p >= 0 && (next < 0 || at+p < next) {
				next = at + p
			}
		}
		if next < 0 {
			return false
		}
		_, size := utf8.DecodeRuneInString(s[next:])
		next += size
		digit := firstDigit(s, next, end)
		if digit == end {
			return false
		}
		if words := strings.Trim(s[next:digit], " "); utf8.RuneCountInString(words) >= 2 && !fillerOnly(words) {
			return true
		}
		at = digit
	}
	return false
}

// respectiveSeps separate the items and the figures of a 分别 list.
var respectiveSeps = []string{"、", "和", "及", "与"}

// firstItemEnd returns the end of the first item of a list in head (items
// separated by 、 和 及), or -1 when head holds no list.
func firstItemEnd(head string) int {
	best := -1
	for _, sep := range []string{"、", "和", "及", "并"} {
		if p := strings.Index(head, sep); p >= 0 && (best < 0 || p < best) {
			best = p
		}
	}
	return best
}

// readsBeforeJun reports whether the best reading's right-hand word lies
// before the 均 (so that the quote need not reach past it).
func (x *run) readsBeforeJun(cl clause, r reading) bool {
	return cl.jun < 0 || r.x[fActRight] == 0
}

// secondFact adds the outcome that 均 or 全部 after the classifier states for
// all the cases counted: 行政复议案件2件(均驳回申请), 行政诉讼案件2件,均胜诉.
func (x *run) secondFact(c cand, cl clause, first reading, brk int) {
	s := x.text
	if catalog[first.code].Category == "legality" {
		// 印发规范性文件15件,全部经合法性审核: the procedure the documents
		// went through, no count of reviews of its own (p4, p14).
		return
	}
	end := clauseEnd(s, cl.jun)
	if end == cl.jun || junNegated(s[cl.jun:end]) {
		return // 均无败诉或被纠错情形 states zeros, no outcome of the cases
	}
	if cl.U <= cl.jun && otherKindNamed(s[cl.U:cl.jun], catalog[first.code].Category) {
		// 复议、诉讼案件分别为2件、1件,复议案件均被维持: the cases the 均
		// clause names are the other figure's.
		return
	}
	if end < len(s) && s[end] == ',' {
		// A clause that goes on telling of them (均为未经复议直接起诉,目前尚在
		// 审理中) states their outcome too.
		if t := s[end+1 : clauseEnd(s, end+1)]; !hasDigit(t) && anyof.Prefix(t, "目前", "现", "尚", "均", "已", "且") {
			end += 1 + len(t)
		}
	}
	hs := x.hits
	m := committed()
	var best *cframe
	bestP := 0.0
	for k := sort.Search(len(hs), func(k int) bool { return int(hs[k].Start) >= cl.jun }); k < len(hs) && int(hs[k].End) <= end; k++ {
		for _, r := range x.lx.refs[hs[k].Word] {
			if r.kind != refAct {
				continue
			}
			cf := &x.lx.frames[r.idx]
			// The 均 clause tells the outcome of the cases counted: a code
			// of their own topic (诉讼案件2件,均已审结 is no reconsideration).
			// It is an outcome: a frame that needs its act (胜诉, 驳回, 审结), not
			// one that reads a number by its object (承办人大代表建议12件、政协
			// 提案9件,均已按期办结 states no more proposals).
			if cf.codeIdx == first.code || !cf.needAct || cf.units&(1<<uint(c.u.index)) == 0 || catalog[cf.codeIdx].Category != catalog[first.code].Category {
				continue
			}
			if cf.organOnly && (x.respondentOnly() || catalog[first.code].Code == "reconsideration.as_respondent") {
				continue // 作为被申请人的复议案件2件,均已审结: another body's work
			}
			var fx [numFeatures]float64
			fx[fActRight] = 1
			if cf.domainMask != 0 {
				fx[fDomain] = 1
			}
			sc := []float64{m.score(&fx)}
			choice.Normalize(sc, m.none)
			if sc[0] > bestP {
				best, bestP = cf, sc[0]
			}
		}
	}
	if best == nil && catalog[first.code].Category == "litigation" && strings.Contains(s[cl.jun:end], "维持") &&
		!anyof.Contains(s[cl.jun:end], "复议", "原判", "一审", "二审", "判决") && !strings.Contains(s[c.S:cl.jun], "上诉") {
		// The court upheld the acts sued over (被提起行政诉讼2件,结果均为
		// 维持): the lawsuits were won. (维持 alone, outside such a clause,
		// is a reconsideration's; 维持原判 of an appeal is the judgement's,
		// which the writer may have lost.)
		for i := range x.lx.frames {
			if cf := &x.lx.frames[i]; catalog[cf.codeIdx].Code == "litigation.won" && cf.units&(1<<uint(c.u.index)) != 0 {
				var fx [numFeatures]float64
				fx[fActRight], fx[fDomain] = 1, 1
				sc := []float64{m.score(&fx)}
				choice.Normalize(sc, m.none)
				best, bestP = cf, sc[0]
				break
			}
		}
	}
	if best != nil && bestP > 0.5 {
		before := len(x.facts)
		x.add(c.n, c.u, c.unitEnd, c.S, cl.C, end, brk, best, bestP*first.p)
		if len(x.facts) > before && cl.body != [2]int{} {
			x.facts[before].Scope = x.bodyScope(x.facts[before].Indicator, cl)
		}
	}
}

// singleOutcome returns where, in t, the words after a count of one case
// opened by 经 (经区政府复议维持), its outcome stands — said of the one
// case as 均 says it of many — when the clause names the body or the
// process before it in at most ten characters and has no figure of its
// own; -1 otherwise.
func singleOutcome(t string) int {
	cl := t[:clauseEnd(t, 0)]
	if hasDigit(cl) {
		return -1
	}
	for _, w := range decisionOutcomes {
		if p := strings.Index(cl, w); p > 0 && utf8.RuneCountInString(cl[:p]) <= 10 {
			return p
		}
	}
	return -1
}

// outcomeWords name the outcomes of reconsiderations and lawsuits, each
// with its code (驳回 is a reconsideration upheld, a lawsuit won).
var outcomeWords = map[string][]struct{ word, code string }{
	"reconsideration": {{"纠错", "corrected"}, {"撤销", "corrected"}, {"确认违法", "corrected"}, {"变更", "corrected"},
		{"维持", "upheld"}, {"驳回", "upheld"}, {"调解和解", "settled"}, {"和解", "settled"}},
	"litigation": {{"胜诉", "won"}, {"驳回", "won"}, {"败诉", "lost"}, {"撤诉", "withdrawn"}, {"审理中", "pending"}},
}

// mixedOutcomes reports whether item, the words of a figure's list item,
// joins outcomes of two codes of category with 和, 及, 或 or 、 (直接纠错
// 和调解和解后申请人撤回): one count of both, the figure of neither.
func mixedOutcomes(item, category string) bool {
	words := outcomeWords[category]
	if words == nil || !strings.ContainsAny(item, "和及或、") {
		return false
	}
	first := ""
	for _, w := range words {
		if !strings.Contains(item, w.word) || w.word == "和解" && strings.Contains(item, "调解和解") {
			continue
		}
		switch {
		case first == "":
			first = w.code
		case w.code != first:
			return true
		}
	}
	return false
}

// laterSingleOutcome returns where the outcome of one case starts in t,
// the text after its classifier: in the clause right after the figure's,
// or after clauses that tell what the case was (系…纠纷, 为…案) or how it
// was heard (经县人民法院审理), at most two of them, with no figure; -1
// when there is none.
func laterSingleOutcome(t string) int {
	at := 0
	for i := 0; i < 3; i++ {
		u := t[at:]
		if i > 0 || !anyof.Prefix(u, "系", "为", "属", "经") {
			// The outcome, in the clause right after the figure's (1件,判决
			// 驳回原告诉讼请求) or after those that tell of the case.
			cl := u[:clauseEnd(u, 0)]
			for _, w := range decisionOutcomes {
				// Not an outcome denied (无败诉, 未被纠错).
				if p := strings.Index(cl, w); p >= 0 && (utf8.RuneCountInString(cl[:p]) <= 4 || deciderHead(cl[:p])) && !hasDigit(cl) && !strings.ContainsAny(cl[:p], "无未没零不非") {
					return at + p
				}
			}
		}
		if !anyof.Prefix(u, "系", "为", "属", "经") {
			return -1
		}
		e := clauseEnd(u, 0)
		if hasDigit(u[:e]) || !strings.HasPrefix(u[e:], ",") {
			return -1
		}
		at += e + len(",")
	}
	return -1
}

// concludedOutcome records the outcome after 均 of lawsuits concluded
// (作为被告的行政诉讼案件4件,已审结3件,均胜诉; 已判决7件,均判决驳回原告诉讼
// 请求), a figure no frame reads: the lawsuits concluded have no code,
// their outcome has.
func (x *run) concludedOutcome(c cand, cl clause, S, N int) {
	if cl.jun >= 0 && x.concludedLawsuits(S, cl.C, N) {
		x.secondFact(c, cl, reading{code: litigationCasesCode, p: 1}, -1)
	}
}

// junMarks, right after a figure's classifier, state an outcome of all the
// cases it counts: 均驳回申请, 全部调解成功, 结果为维持.
var junMarks = []string{"均", "全部", "都", "已全部", "已经全部", "全都", "结果为", "结果均为", "结果是"}

// junNegated reports whether the clause of 均 or 全部 (t) denies what
// follows: 均无败诉, 均未被纠错, 全部没有.
func junNegated(t string) bool {
	for _, m := range junMarks {
		if r, ok := strings.CutPrefix(t, m); ok {
			return anyof.Prefix(r, "无", "未", "没有", "不")
		}
	}
	return false
}

// intakeActs name a case count as the cases taken in.
var intakeActs = []string{"受理", "收到", "接收"}

// carryOverMarks, right after a figure, say it holds cases carried over
// from last year: 办理复议案件66件,含上年度结转6件.
var carryOverMarks = []string{"含上年", "包括上年", "其中上年", "含结转", "包括结转", "含往年"}

// carriesOver reports whether the text after a figure's classifier opens
// with a carry-over qualifier, after at most a comma or a bracket.
func carriesOver(after string) bool {
	for _, p := range []string{",", "，", "(", "（"} {
		if strings.HasPrefix(after, p) {
			after = after[len(p):]
			break
		}
	}
	return anyof.Prefix(after, carryOverMarks...)
}

// sitting reports whether a meeting head is the sitting of a frame's own
// body: every word of sittings stands in the item before it (理论学习
// 中心组(扩大)会议: 中心组 and 学习). A bracketed 扩大 may stand anywhere.
func sitting(before, head string, sittings []string) bool {
	if len(sittings) == 0 || head != "会议" {
		return false
	}
	for _, w := range sittings {
		if !strings.Contains(before, w) {
			return false
		}
	}
	return true
}

// attending tells whether 学习 right after before is the verb of attending
// a lecture or training (attendedNouns), a title's closing mark between:
// 参加“新时代法治大讲堂”学习5期, 参加法治专题讲座学习3次.
func attending(before string) bool {
	before = strings.TrimRight(before, "”\"’》」)")
	return anyof.Suffix(before, attendedNouns...)
}

// decisionSteps are the steps of a major decision's procedure besides its
// legality review.
var decisionSteps = []string{"集体讨论", "公众参与", "专家论证", "风险评估", "集体决策"}

// procedureList reports whether a 均 clause lists steps of a procedure the
// things counted all went through (均履行公众参与、专家论证…, 均经合法性审查和
// 集体讨论), not one review by its reviewers (均经镇司法所和法律顾问进行合法性
// 审查).
func procedureList(jun string) bool {
	return strings.Contains(jun, "、") || strings.Contains(jun, "和") && anyof.Contains(jun, decisionSteps...)
}

// qualifiedAway tells whether the topic word s[start:end] is qualified so
// that it names no topic of its own: party rules (partyQualified) or a
// lawsuit's route (lawsuitRoute).
func qualifiedAway(s string, S, start, end int) bool {
	return partyQualified(s, S, start, end) || lawsuitRoute(s, start, end)
}

// lawsuitRoutes are the routes a lawsuit took (未经复议直接起诉, 复议后起诉,
// the columns of the 政府信息公开 format): their 复议 is the lawsuit's, no
// reconsideration counted.
var lawsuitRoutes = []string{"未经复议", "未经行政复议", "复议后起诉", "复议后提起", "复议后向法院", "经复议后"}

// lawsuitRoute tells whether the reconsideration word s[start:end] stands
// in one of lawsuitRoutes.
func lawsuitRoute(s string, start, end int) bool {
	if w := s[start:end]; w != "复议" && w != "行政复议" {
		return false
	}
	window := s[max(0, start-len("未经行政")):min(len(s), end+len("后向法院"))]
	return anyof.Contains(window, lawsuitRoutes...)
}

// partyQualified tells whether the law word s[start:end] (条例, 法规) is
// qualified by 党 or 纪, so names the party's rules, no law: within its
// title (《中国共产党纪律处分条例》) or in the two characters before it
// (党内法规, 党纪条例).
func partyQualified(s string, S, start, end int) bool {
	if !slices.Contains(partyQualifiable, s[start:end]) {
		return false
	}
	from := max(S, start-6)
	if p := strings.LastIndex(s[max(S, start-60):start], "《"); p >= 0 && !strings.Contains(s[max(S, start-60)+p:start], "》") {
		from = max(S, start-60) + p
	}
	return strings.ContainsAny(s[from:start], "党纪")
}

// hasRef reports whether rs holds a ref of kind to frame.
func hasRef(rs []ref, kind refKind, frame int32) bool {
	for _, r := range rs {
		if r.kind == kind && r.idx == frame {
			return true
		}
	}
	return false
}

// sortOpener reports whether ph, a sentence's first clause, sorts what was
// counted before: 从类型看, 按纠纷类型分, 分类别看 (no figure, at most ten
// characters).
func sortOpener(ph string) bool {
	if hasDigit(ph) || utf8.RuneCountInString(ph) > 10 {
		return false
	}
	return anyof.Prefix(ph, "从", "按", "分") && anyof.Suffix(ph, "看", "分", "划分", "来看", "统计") &&
		anyof.Contains(ph, sortKinds...) // 从全年来看 sorts nothing
}

// sortKinds are what a sort opener sorts by.
var sortKinds = []string{"类型", "类别", "种类", "领域", "来源", "结果", "性质", "形式", "对象", "案由", "方式"}

// partSentence reports whether the sentence starting at S opens, before
// N, by taking a part of what the sentence before counted: 其中, or a
// partitive opener (受理的纠纷中).
func partSentence(s string, S, N int) bool {
	return strings.HasPrefix(strings.TrimLeft(s[S:N], " "), "其中") || partitiveOpener(s, S, N)
}

// partitiveHeads are the things counted that a partitive opener names.
var partitiveHeads = []string{"纠纷", "案件", "申请", "事项", "诉讼", "复议", "文件", "合同", "案卷", "来访", "信访"}

// partitiveOpener reports whether the sentence starting at S opens, before
// N, with a phrase that names things counted before and takes a part of
// them, as 其中 does: 受理的纠纷中, 办结的案件中, 上述案件中 (a clause of no
// figure, of at most 15 characters, ending in a head noun and 中, with 的
// or a demonstrative before it). The parts that follow break down the
// sentence before.
func partitiveOpener(s string, S, N int) bool {
	k := strings.IndexAny(s[S:N], ",:")
	if k < 0 {
		return bareWholeOpener(strings.TrimLeft(s[S:N], " "))
	}
	ph := strings.TrimLeft(s[S:S+k], " ")
	if sortOpener(ph) {
		return true // 从类型看,婚姻家庭纠纷132件…
	}
	if !strings.HasSuffix(ph, "中") || hasDigit(ph) || utf8.RuneCountInString(ph) > 15 {
		return false
	}
	ph = strings.TrimSuffix(ph, "中")
	if !anyof.Suffix(ph, partitiveHeads...) {
		return false
	}
	return strings.Contains(ph, "的") || anyof.Prefix(strings.TrimPrefix(ph, "在"), "上述", "以上", "这些", "前述", "所")
}

// bareWholeOpener reports whether a sentence's words before its first
// figure open with the things counted before and 中, no comma after
// (法律援助案件中刑事法律援助案件417件): a short noun of a head of
// partitiveHeads, with no act or place before it.
func bareWholeOpener(left string) bool {
	p := strings.Index(left, "中")
	if p <= 0 || utf8.RuneCountInString(left[:p]) > 8 || hasDigit(left[:p]) {
		return false
	}
	ph := left[:p]
	return anyof.Suffix(ph, partitiveHeads...) && !anyof.Prefix(ph, "在", "从", "对", "开展", "办理", "受理", "全")
}

// partitiveFigure returns the offset of the 中 after a whole named with its
// figure before the number in its clause, whose part the number is (136项
// 进驻事项中可全程网上办理129项), or -1: a figure, its classifier, a short
// noun and 中.
func partitiveFigure(s string, C, N int) int {
	p := strings.LastIndex(s[C:N], "中")
	if p < 0 {
		return -1
	}
	i := C
	for i < C+p && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == C {
		return -1
	}
	u, ok := readUnit(s[i : C+p])
	if !ok {
		return -1
	}
	noun := s[i+len(u.text) : C+p]
	if n := utf8.RuneCountInString(noun); n < 2 || n > 8 || hasDigit(noun) || strings.ContainsAny(noun, ",、;") {
		return -1
	}
	return C + p
}

// firstDigit returns the offset of the first ASCII digit in s[from:to], or
// to when there is none.
func firstDigit(s string, from, to int) int {
	for i := from; i < to; i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return i
		}
	}
	return to
}

// clauseBefore returns the start of the clause before the one starting at
// C in the sentence starting at S (S when C is the sentence's first).
func (x *run) clauseBefore(S, C int) int {
	if C <= S {
		return S
	}
	return clauseStart(x.text, C-1, S)
}

// pinnedTopics are words that hold an item to one topic whatever the
// sentence's other topics: 人民调解 is never a reconsideration's or an
// arbitration's.
var pinnedTopics = map[string][]string{
	"mediation": {"人民调解", "调解委员会", "调委会", "调解组织"},
	// A long summary sentence names advisers' work and petitions apart
	// (…社区法律顾问提供法律咨询730余人次,…受理信访事项82件).
	"petition": {"信访事项", "信访案件", "信访件"},
}

// pinnedItem reports whether item holds a word that pins it to one of
// domains.
func pinnedItem(item string, domains []string) bool {
	for _, d := range domains {
		if anyof.Contains(item, pinnedTopics[d]...) {
			return true
		}
	}
	return false
}

// signedCell reports whether the number at N is signed (+ or -) and set
// apart by a space or a table's mark before its sign: a change, as a
// table's change column writes it (7 -2件, 3318 +4.2%), never a count.
func signedCell(s string, N int) bool {
	if N < 2 || s[N-1] != '-' && s[N-1] != '+' {
		return false
	}
	b := s[N-2]
	return b == ' ' || b == '|' || b == '\t'
}

// otherKindNamed reports whether t, the words between a figure and its 均,
// names cases of another kind than category's: 复议案件 after a count of
// lawsuits, 诉讼案件 after one of reconsiderations.
func otherKindNamed(t, category string) bool {
	switch category {
	case "litigation":
		return strings.Contains(t, "复议")
	case "reconsideration":
		return strings.Contains(t, "诉讼")
	}
	return false
}

// deciderHead reports whether head, before an outcome word, names the body
// that decided and its act (复议机关决定维持, 市政府依法予以维持, 法院判决驳回).
func deciderHead(head string) bool {
	return utf8.RuneCountInString(head) <= 10 && anyof.Contains(head, "政府", "机关", "机构", "法院") &&
		anyof.Suffix(head, "决定", "判决", "裁定", "予以", "依法", "作出")
}

// deciderBefore returns where 均 or 全部 starts in clause when only the
// body that decided stands before it and an outcome after it (市政府已全部
// 作出维持决定, 法院均判决驳回原告诉讼请求, 一审均判决驳回: at most six
// characters, ending in a body word or an instance and perhaps 已), or 0. That body's concluding them (已由
// 市政府全部审结) is no outcome of the writer's.
func deciderBefore(clause string) int {
	for _, w := range []string{"已全部", "全部", "均"} {
		p := strings.Index(clause, w)
		if p <= 0 {
			continue
		}
		head := strings.TrimSuffix(clause[:p], "已")
		if utf8.RuneCountInString(head) <= 6 && !hasDigit(head) && anyof.Suffix(head, "政府", "法院", "复议机关", "复议机构", "机关", "一审", "二审", "终审") &&
			anyof.Contains(clause[p:], decisionOutcomes...) {
			return p
		}
	}
	return 0
}

// junAfterObject returns where 均 starts in t, the text after a figure's
// classifier, when only the cases' name stands before it (2件行政诉讼案件
// 均胜诉: 行政诉讼案件, 复议案件) and an outcome after it; 0 otherwise.
func junAfterObject(t string) int {
	cl := t[:clauseEnd(t, 0)]
	p := strings.Index(cl, "均")
	if p <= 0 || utf8.RuneCountInString(cl[:p]) > 8 || hasDigit(cl[:p]) || !strings.HasSuffix(cl[:p], "案件") ||
		anyof.Prefix(strings.TrimLeft(cl, ","), "其余", "剩余", "余下", "另") {
		return 0 // 败诉2件,其余案件均胜诉: the rest's outcome, not these cases'
	}
	if !anyof.Contains(cl[p:], decisionOutcomes...) {
		return 0
	}
	return p
}

// decisionOutcomes are the outcomes a deciding body's 均 or 全部 clause
// states of the cases before it.
var decisionOutcomes = []string{"维持", "驳回", "撤销", "确认违法", "纠错", "胜诉", "败诉", "化解", "调解成功"}

// negated reports whether the text before an act ends with its negation
// (未, 尚未, 没有, 未能): 未取得执法证.
func negated(before string) bool {
	return anyof.Suffix(before, "未", "没有", "未能")
}

// causeSpan returns the span of a cause phrase in [from, to), from 因 to
// its verb and 的 (因政府信息公开引起的, 因征地拆迁引发的), or an empty span.
func causeSpan(s string, from, to int) [2]int {
	i := strings.Index(s[from:to], "因")
	if i < 0 {
		return [2]int{}
	}
	i += from
	for _, v := range []string{"引起的", "引发的", "导致的", "产生的"} {
		if k := strings.Index(s[i:to], v); k > 0 && utf8.RuneCountInString(s[i:i+k]) <= 16 {
			return [2]int{i, i + k + len(v)}
		}
	}
	return [2]int{}
}

// preSuitBefore reports whether a pre-suit mediation count was read in the
// sentence starting at S.
func (x *run) preSuitBefore(S int) bool {
	for i := len(x.facts) - 1; i >= 0 && x.facts[i].sent == S; i-- {
		if x.facts[i].Indicator == "litigation.pre_suit_mediations" {
			return true
		}
	}
	return false
}

// changeTo are the words of a change to a new level: 由86.2%提升至98.7%.
var changeTo = []string{"提升至", "提升到", "提高至", "提高到", "上升至", "上升到", "增至", "增加至", "增加到", "增长至", "增长到", "下降至", "下降到", "降至", "降低至", "降低到", "减少至", "减少到"}

// fromLevel reports whether the number at N (its unit ending at U) is the
// level a change starts from: 由 or 从 before it in its clause, a change to
// a new level right after it.
func fromLevel(s string, C, N, U int) bool {
	if !anyof.Prefix(s[U:], changeTo...) {
		return false
	}
	head := s[C:N]
	return strings.Contains(head, "由") || strings.Contains(head, "从")
}

// ofPart tells whether a word at start, right of the number's unit (which
// ends at u), is said of a part the number's total holds: 受理…436件(含上年
// 结转12件) — the part's topic or head, not the total's.
func ofPart(s string, u, start int) bool {
	return start >= u && anyof.Contains(s[u:start], breakdownMarkers...)
}

// partAside reports whether between, the text from a number's classifier
// to a word after it, opens a bracket that tells a part of the number
// (其中, 含, 包括) and has not closed it.
func partAside(between string) bool {
	rest, ok := strings.CutPrefix(between, "(")
	return ok && anyof.Prefix(rest, "其中", "含", "包括") && !strings.Contains(rest, ")")
}

// falseCompounds are words that hold a frame's word and mean something
// else: 协调解决 (to coordinate and settle) holds 调解 but mediates nothing;
// a 村务公开栏 is a noticeboard, a channel for government information too,
// no village affairs disclosed.
var falseCompounds = []string{"协调解决", "村务公开栏"}

// bodyCompounds are the names of bodies that hold an object of a frame: a
// 公共法律服务工作站 (中心, 站, 室, 所) is no legal service an adviser gives
// (镇公共法律服务工作站受理法律援助申请11件), though its words still tell
// the topic of the sentence (a petition count beside it is no petition).
var bodyCompounds = []string{"法律服务工作站", "法律服务中心", "法律服务站", "法律服务室", "法律服务所", "法律服务平台", "法律服务窗口"}

// insideCompound reports whether the word s[start:end] is part of one of
// falseCompounds there.
func insideCompound(s string, start, end int) bool {
	return inside(s, start, end, falseCompounds)
}

// inside reports whether the word s[start:end] is part of one of the
// compounds there.
func inside(s string, start, end int, compounds []string) bool {
	w := s[start:end]
	for _, c := range compounds {
		k := strings.Index(c, w)
		if k < 0 || k == 0 && len(w) == len(c) {
			continue
		}
		if a := start - k; a >= 0 && a+len(c) <= len(s) && s[a:a+len(c)] == c {
			return true
		}
	}
	return false
}

// peopleUnits count the people of a count of cases (78件、121人次).
var peopleUnits = []string{"人次", "人", "批次"}

// pastPeopleCount returns t, the text after a count's classifier, past a
// count of the people its cases involve and the comma after it (、121人次,
// or 涉及486人次, before 均…); t itself when it opens with none.
func pastPeopleCount(t string) string {
	rest, ok := anyof.CutPrefix(t, "、", "涉及群众", "涉及")
	if !ok {
		return t
	}
	i := 0
	for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == ',' && i+1 < len(rest) && rest[i+1] >= '0' && rest[i+1] <= '9') {
		i++
	}
	if i == 0 {
		return t
	}
	after, ok := anyof.CutPrefix(rest[i:], peopleUnits...)
	if !ok {
		return t
	}
	if after, ok = strings.CutPrefix(after, ","); !ok || !anyof.Prefix(after, junMarks...) {
		return t
	}
	return after
}

// caseCount reports whether s holds a count of cases, a figure with 件, 起
// or 宗: what a 其中 after it can take a part of (审结372件,其中调解结案241
// 件), where 全镇10个村均建立调处中心,其中… takes a part of no count.
func caseCount(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' && (i+1 == len(s) || s[i+1] < '0' || s[i+1] > '9') && anyof.Prefix(s[i+1:], "件", "起", "宗") {
			return true
		}
	}
	// A count in Chinese numerals: 结案三百九十八件.
	for _, u := range []string{"件", "起", "宗"} {
		for from := 0; ; {
			k := strings.Index(s[from:], u)
			if k < 0 {
				break
			}
			if r, _ := utf8.DecodeLastRuneInString(s[:from+k]); strings.ContainsRune(chineseDigits, r) {
				return true
			}
			from += k + len(u)
		}
	}
	return false
}

// chineseDigits are the characters a count in Chinese numerals ends with.
const chineseDigits = "零〇一二两三四五六七八九十百千万"
