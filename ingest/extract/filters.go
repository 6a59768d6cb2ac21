package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/anyof"
)

// skipBefore reports numbers that are ordinals, open a quote or a title,
// state a required minimum or maximum, or are negated: 第3次, 第二届, “两个
// 维护”, 至少1次, 不少于4次, 不超过3次, 无一起, 未发生一起. (Frequencies,
// 每月2次, are isFrequency's.)
func skipBefore(s string, i int) bool {
	head := s[max(0, i-12):i]
	r, _ := utf8.DecodeLastRuneInString(head)
	switch r {
	case '第', '“', '《', '无', '届':
		// 无一起行政诉讼案件: none, stated by the zero rules.
		return true
	case '少':
		return strings.HasSuffix(head, "至少")
	case '于':
		return anyof.Suffix(head, "不少于", "不低于")
	case '过':
		return strings.HasSuffix(head, "不超过")
	case '有':
		return anyof.Suffix(head, "没有", "未有")
	case '生':
		return anyof.Suffix(head, "未发生", "没有发生")
	case '现':
		return anyof.Suffix(head, "未出现", "没有出现")
	}
	return false
}

// jointMotions reports a count of deputies' suggestions and members'
// proposals together (承办人大代表建议和政协提案312件): of two codes, so of
// neither (realdev 039's separate counts are each their own).
func jointMotions(left string) bool {
	i, j := strings.LastIndex(left, "建议"), strings.LastIndex(left, "提案")
	if i < 0 || j < 0 {
		return false
	}
	lo, hi := min(i, j), max(i, j)
	// The two objects joined, the number theirs: no figure between them
	// or after them (分别承办人大代表建议、政协提案168件、215件 lists them).
	return !hasDigit(left[lo:]) && !strings.ContainsFunc(left[lo:], isCNNumeral) && anyof.Contains(left[lo:hi], "和", "及", "与", "、")
}

// reviewsCode is the catalog index of legality.reviews.
var reviewsCode = catalogIndex("legality.reviews")

// catalogIndex returns the index in the catalog of code (-1 when it has none).
func catalogIndex(code string) int {
	return slices.IndexFunc(catalog, func(i Indicator) bool { return i.Code == code })
}

// wonCode and withdrawnCode are the catalog indexes of litigation.won and
// litigation.withdrawn.
var (
	wonCode       = catalogIndex("litigation.won")
	withdrawnCode = catalogIndex("litigation.withdrawn")
)

// litigationCasesCode is the catalog index of litigation.cases.
var litigationCasesCode = catalogIndex("litigation.cases")

// concludedLawsuits reports whether the clause of the number at N, in the
// sentence at S, counts lawsuits concluded (已审结3件 after 行政诉讼案件4件):
// it holds a concluding verb (审结, 已判决) and nothing else, and its
// sentence before it, or the sentence before that, names lawsuits (作为被告
// 的行政诉讼案件11件,其中二审案件3件。已审结9件,全部胜诉).
func (x *run) concludedLawsuits(S, C, N int) bool {
	from := S
	if S > 0 {
		from = x.sentenceStart(S - 1)
	}
	return concludedLawsuits(x.text, from, C, N)
}

// concludedLawsuits reports whether the clause [C, N) holds a concluding
// verb and nothing else, and s[S:C] names lawsuits.
func concludedLawsuits(s string, S, C, N int) bool {
	head := strings.TrimPrefix(trimSpace(s[C:N]), "其中")
	switch head {
	case "审结", "已审结", "办结", "已办结", "结案", "已结案", "共审结", "全年审结", "判决", "已判决", "审理终结", "已审理终结",
		"一审判决", "二审判决", "一审审结", "一审结案":
	default:
		return false
	}
	return anyof.Contains(s[S:C], "行政诉讼", "诉讼案件", "应诉案件")
}

// contractReviewsCode is the catalog index of legality.contract_reviews.
var contractReviewsCode = catalogIndex("legality.contract_reviews")

// mixedReviewList reports whether item, the words of a figure's list item,
// lists kinds (重大行政决策、合同协议等事项; 政府合同及其他涉法事项) of which one
// is a contract and another something else reviewed (a decision, a
// document, 其他…): the count is of every review, not of contracts alone.
func mixedReviewList(item string) bool {
	list := item
	if p := strings.LastIndex(item, "等"); p >= 0 {
		list = item[:p]
	}
	contracts, others := false, false
	for _, it := range strings.FieldsFunc(list, func(r rune) bool { return r == '、' || r == '及' || r == '和' }) {
		if strings.HasPrefix(it, "其他") || strings.HasPrefix(it, "其它") {
			others = true // 政府合同及其他涉法事项
			continue
		}
		switch {
		case strings.Contains(it, "合同") || strings.Contains(it, "协议"):
			contracts = true
		case anyof.Contains(it, reviewedKinds...):
			others = true
		}
	}
	return contracts && others
}

// reviewedKinds are the kinds of things a legality review takes beside
// contracts.
var reviewedKinds = []string{"决策", "规范性文件", "文件", "决定", "会议纪要", "议题", "事项"}

// submitsForFiling reports a clause in which the writer submits its
// documents for the filing review (报送区政府备案审查规范性文件3件), not one
// reviewing those others submitted (对各部门报送的规范性文件开展备案审查).
func submitsForFiling(left string) bool {
	p := strings.Index(left, "报送")
	if p < 0 {
		return false
	}
	// 报送的, 报送备案的: the documents submitted, named by what befell them.
	rest := left[p+len("报送"):]
	return !strings.Contains(rest[:prefixLen(rest, 3*3)], "的")
}

// remainderOutcomes, after a remainder's figure, give it a code: the rest
// are pending (其余3件尚在审理中) or had an outcome (其余2件原告撤诉).
var remainderOutcomes = append([]string{"撤诉", "胜诉", "败诉", "驳回", "维持", "撤销", "纠错", "调解", "和解", "办结", "审结"}, pendingActs...)

// remainder reports a clause opening with the rest of a total stated
// before it (已办结109件,其余3件正在按程序办理; 剩余5件): what is left of
// the total, no count of its own — unless the clause gives them an outcome
// of their own (其余3件尚在审理中, 其余2件原告撤诉: remainderOutcomes, in
// decide).
func remainder(left string) bool {
	return anyof.Prefix(left, "其余", "剩余", "余下") && len(left) <= len("其余的")
}

// isFrequency reports a clause before a number that makes it a rate of
// recurrence or a figure per body, not a total: 每月开展法治宣传活动2次,
// 每个村配备1名调解员, 各村均配备1名调解员.
func isFrequency(m marks, rate bool) bool {
	return m.mei || !rate && m.jun
}

// planStarts are the first years of the five-year plans a span may start
// from: the law-publicity plans (七五, 八五) and the national plans (十三五,
// 十四五).
var planStarts = []struct {
	name  string
	start int
}{{"十三五", 2016}, {"十四五", 2021}, {"十五五", 2026}, {"六五", 2011}, {"七五", 2016}, {"八五", 2021}, {"九五", 2026}}

// planStart returns the first year of the plan clause names, or 0.
func planStart(clause string) int {
	for _, p := range planStarts {
		if strings.Contains(clause, p.name) {
			return p.start
		}
	}
	return 0
}

// stepsBefore reports a figure of the steps a process took before its
// outcome: 经 (经过) right before it, 后 after it in its clause (经3次现场
// 调解后双方达成协议).
func stepsBefore(s string, C, N, U int) bool {
	if !anyof.Suffix(s[C:N], "经", "经过") {
		return false
	}
	e := clauseEnd(s, U)
	return strings.Contains(s[U:e], "后")
}

// exampleCase reports one case told of as an example: 一 in words after 的
// (调处的一起山林权属纠纷) or after 为/是/系 (败诉案件为一起违法建设强制拆除程序
// 瑕疵案件), a case the sentence describes, no count.
func exampleCase(s string, C, N int, chinese bool, value float64) bool {
	return chinese && value == 1 && anyof.Suffix(s[C:N], "的", "为", "是", "系")
}

// requiredFigure reports a figure a requirement sets (县委依法治县办年初要求
// 全县乡镇行政诉讼败诉率不高于5%): 要求 in its clause and a bound right
// before it.
func requiredFigure(clause string) bool {
	return strings.Contains(clause, "要求") && anyof.Suffix(clause, "不高于", "不超过", "不低于", "低于", "高于", "达到", "保持在", "控制在")
}

// quotedTarget reports a figure inside quotation marks that name a target
// (“行政诉讼败诉率不高于5%”目标, “调解成功率达98%以上”的要求).
func quotedTarget(s string, C, N, U int) bool {
	open := strings.LastIndex(s[C:N], "“")
	if open < 0 || strings.Contains(s[C+open:N], "”") {
		return false
	}
	e := clauseEnd(s, U)
	closing := strings.Index(s[U:e], "”")
	if closing < 0 {
		return false
	}
	after := strings.TrimPrefix(s[U+closing+len("”"):], "的")
	return anyof.Prefix(after, "目标", "任务", "要求", "指标")
}

// countedInTotal reports whether the rest of a figure's sentence says it
// is counted in a total stated elsewhere (已计入全年总数, 已含在上述数据中): a
// part, no figure of its own.
func countedInTotal(rest string) bool {
	return anyof.Contains(rest, "已计入", "计入全年", "已含在", "已包含在", "已统计在")
}

// describedCases reports a figure that names cases counted before so as
// to tell what they were: an attribute and 的 right before it, 为, 是 or
// 系 right after its classifier (败诉的1件为某村民诉乡人民政府…案).
func describedCases(s string, C, N, U int) bool {
	return N > C && strings.HasSuffix(s[C:N], "的") && anyof.Prefix(s[U:], "为", "是", "系")
}

// chineseCountOK rejects Chinese numerals that are labels or slogans:
// “两个维护”, 三项制度, 一次性, 四个意识, 五项法定程序 (after the list of
// the procedures it counts).
func chineseCountOK(s string, start, unitEnd int) bool {
	after := s[unitEnd:min(len(s), unitEnd+18)]
	if strings.HasPrefix(after, "”") || strings.HasPrefix(after, "\"") {
		return false
	}
	// 七项工作制度, 六项内容: a label counted in words.
	for _, w := range []string{"工作制度", "内容", "方面", "原则", "举措", "措施"} {
		if strings.Contains(after, w) {
			return false
		}
	}
	for _, w := range []string{"制度", "机制", "原则", "要求", "举措", "任务", "目标", "工程", "行动", "清单", "体系", "模式", "标准", "意识", "自信", "维护", "服务", "功能", "结合", "到位", "建设", "方面", "重点", "规范", "能力", "环节", "关口", "渠道", "平台", "法定程序", "程序", "步骤", "流程", "职能", "职责"} {
		if strings.HasPrefix(after, w) {
			return false
		}
	}
	return true
}

// someBodies reports whether a clause's words before its figure make the
// figure one of some of the writer's bodies, unnamed: 部分镇街综合执法队持证
// 人员不足10人, 个别部门持证率不足90% — no count of any one body, nor of the
// whole. The clause must open with them (after an ordinal, 一是, or 仍有):
// 对部分村开展普法活动12场 counts the writer's events.
func someBodies(clause string) bool {
	// The words open the clause: its first 16 characters hold them or
	// nothing does.
	t := trimSpace(clause)
	if len(t) > 48 {
		t = t[:48]
	}
	if !strings.Contains(t, "部分") && !strings.Contains(t, "个别") && !strings.Contains(t, "少数") && !strings.Contains(t, "一些") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t); strings.ContainsRune("一二三四五六七八九十", r) && strings.HasPrefix(t[utf8.RuneLen(r):], "是") {
		t = t[utf8.RuneLen(r)+len("是"):]
	}
	// The whole before the part: 全县部分乡镇, 江山县部分乡镇.
	for _, w := range []string{"部分", "个别", "少数"} {
		if p := strings.Index(t, w); p > 0 && utf8.RuneCountInString(t[:p]) <= 6 && anyof.Suffix(t[:p], "县", "区", "市", "镇", "乡", "街道", "旗") {
			t = t[p:]
			break
		}
	}
	for _, lead := range []string{"仍有", "还有", "尚有", "有"} {
		if r, ok := strings.CutPrefix(t, lead); ok {
			t = r
			break
		}
	}
	for _, w := range []string{"部分", "个别", "少数", "一些"} {
		if r, ok := strings.CutPrefix(t, w); ok && anyof.Prefix(r, someBodyWords...) {
			return true
		}
	}
	return false
}

// targetBefore reports whether a figure is a target's, named right before
// it: 距离省定目标100%仍有差距, 目标为95%.
func targetBefore(left string) bool {
	return anyof.Suffix(left, "目标", "目标为", "目标是", "目标值", "指标为", "任务数")
}

// someBodyWords name the bodies that 部分 may pick some of.
var someBodyWords = []string{"镇街", "乡镇", "镇(街)", "街道", "部门", "单位", "村", "社区", "执法部门", "执法单位", "执法队", "行政机关", "机关"}

// growthWords directly before a number make it a change, not a level:
// 同比增加13%, 增长5件.
var growthWords = []string{"同比增加", "同比增长", "同比下降", "同比减少", "同比上升", "同比提高", "环比", "增加", "增长", "下降", "减少", "上升", "提高", "提升", "降低", "增幅", "降幅", "同比", "比上年", "较上年", "较去年"}

// growthFillers may stand between a growth word and its figure: 增长了13%,
// 同比增长约13%, 下降近三成.
const growthFillers = "了约近超逾共计"

func isGrowth(s string, C, N int) bool {
	left := s[max(C, N-30):N]
	if !growthHint(left) {
		return false
	}
	// The growth word ends right before the number or one or two characters
	// before it (增长了13%, 同比增长约13%), with no 至 到 为 达 between: 增长至
	// 300件 is a level.
	for gap := 0; gap <= 6 && gap <= len(left); gap += 3 {
		head, mid := left[:len(left)-gap], left[len(left)-gap:]
		if strings.Contains(mid, "至") || strings.Contains(mid, "到") || strings.Contains(mid, "为") || strings.Contains(mid, "达") {
			break
		}
		if strings.Trim(mid, growthFillers) != "" {
			// Words of their own between (农贸市场提升改造2个重大项目): the
			// growth word is another phrase's.
			break
		}
		for _, w := range growthWords {
			if strings.HasSuffix(head, w) {
				return true
			}
		}
	}
	return false
}

// planWords in the sentence before a number mark a plan or a target.
var planWords = []string{"下一步", "力争", "争取", "预计", "计划于", "计划在", "计划开展", "计划完成", "计划全年", "计划年内", "计划今年", "目标是", "目标为", "明年", "下一年", "今后", "拟于", "拟在", "拟开展", "拟举办", "拟完成", "将力争", "确保完成"}

// isPlan reports a number of a plan or target (力争, 计划开展, next year's
// 2025年) or of an earlier year (2021年受理…, 去年) in its sentence (from
// S) or clause (from C).
func isPlan(s string, S, C, N, year int, hs []hit, lx *lexicon) bool {
	for k := sort.Search(len(hs), func(k int) bool { return int(hs[k].End) > S }); k < len(hs) && int(hs[k].End) <= N; k++ {
		if int(hs[k].Start) < S {
			continue
		}
		for _, r := range lx.refs[hs[k].Word] {
			if r.kind == refPlan {
				return true
			}
		}
	}
	return otherYear(s, S, C, N, year, itoa(year+1))
}

// otherYear reports a figure of next year's plans (2025年 in the sentence of
// a 2024 report; next is the next year written out) or of an earlier year
// (in its clause).
func otherYear(s string, S, C, N, year int, next string) bool {
	if year > 0 {
		left := s[S:N]
		if p := strings.Index(left, next); p >= 0 && strings.HasPrefix(left[p+len(next):], "年") {
			return true
		}
	}
	return priorYear(s[C:N], year)
}

// otherYear is otherYear for the report's year, in the sentence of the
// current candidate (x.partS to x.partE): where next year is named in the
// sentence is found once per sentence.
func (x *run) otherYear(S, C, N int) bool {
	s := x.text
	if x.opt.Year > 0 {
		if x.nyS != S {
			x.nyS, x.nyAt = S, -1
			for from := S; from < x.partE; {
				p := strings.Index(s[from:x.partE], x.next)
				if p < 0 {
					break
				}
				if at := from + p; strings.HasPrefix(s[at+len(x.next):], "年") {
					x.nyAt = at
					break
				}
				from += p + len(x.next)
			}
		}
		if x.nyAt >= 0 && x.nyAt+len(x.next)+len("年") <= N {
			return true
		}
	}
	if priorYear(s[C:N], x.opt.Year) {
		return true
	}
	return C > S && priorYear(yearClause(s[S:C]), x.opt.Year)
}

// yearClause returns the first clause of a sentence's text before the
// number's clause when it holds only a year (2021年,全镇法律援助案件为7件;
// 去年同期,): the year the whole sentence is of; "" otherwise. A day or a
// month (2019年5月,我镇…成立“江心调解室”,聘请特邀调解员7名) dates an
// event, whose stock may last.
func yearClause(before string) string {
	k := strings.IndexAny(before, ",;")
	if k < 0 || utf8.RuneCountInString(before[:k]) > 8 {
		return ""
	}
	c := trimSpace(before[:k])
	if !strings.Contains(c, "年") || strings.ContainsAny(c, "月日件次人个项份条场起") {
		return ""
	}
	return c
}

// comparedLevel reports a clause ending in the year a figure is compared
// with, right before the figure: 受理量较2021年的2854件增长9.5%, 比上年同期
// 的120件: the earlier level, not the year's.
func comparedLevel(left string) bool {
	t, ok := strings.CutSuffix(left, "的")
	if !ok {
		return false
	}
	t = strings.TrimSuffix(t, "同期")
	if t2, ok := strings.CutSuffix(t, "年"); ok && len(t2) >= 4 && isDigit4(t2[len(t2)-4:]) {
		t = t2[:len(t2)-4]
	} else {
		cut := false
		for _, w := range []string{"去年", "上年", "上一年"} {
			if t2, ok := strings.CutSuffix(t, w); ok {
				t, cut = t2, true
				break
			}
		}
		if !cut {
			return false
		}
	}
	return anyof.Suffix(t, "较", "比", "与", "同")
}

// priorYear reports a clause that dates its figure to an earlier year:
// 2021年受理矛盾纠纷120件 in a 2022 report, 去年同期. A span starting then
// (2019年以来, 2021年至今) is not one.
func priorYear(left string, year int) bool {
	if comparedLevel(left) {
		return true
	}
	if !strings.Contains(left, "年") {
		// Every word below and every written year holds 年.
		return year != 0 && bareYearOpening(left, year)
	}
	for _, w := range []string{"去年", "上年", "上一年", "前年"} {
		if p := strings.Index(left, w); p >= 0 && !anyof.Suffix(left[:p], "比", "较", "与") &&
			!(anyof.Suffix(left[:p], "由", "从") && changedTo(left[p+len(w):])) {
			return true
		}
	}
	if year == 0 {
		return false
	}
	if bareYearOpening(left, year) {
		return true
	}
	// A written year is four digits before a 年: look back from each 年.
	for p := 4; p+len("年") <= len(left); p += len("年") {
		k := strings.Index(left[p:], "年")
		if k < 0 {
			break
		}
		p += k
		i := p - 4
		if left[i] != '1' && left[i] != '2' || !isDigit4(left[i:i+4]) || i > 0 && left[i-1] >= '0' && left[i-1] <= '9' {
			continue
		}
		y := digits4(left[i:])
		rest := left[i+4+len("年"):]
		if strings.HasSuffix(left[:i], "由") && changedTo(rest) {
			continue // 由2021年的86.2%提升至98.7%: the level it rose to
		}
		if y < year && y > year-30 && anyof.Suffix(left[:i], "截至", "截止", "截止到") && anyof.Prefix(rest, "底", "末", "12月") {
			return true // 截至2021年底现行有效的158件: the stock a year before
		}
		if y < year && y > year-30 && !strings.HasPrefix(rest, "以来") && !strings.HasPrefix(rest, "至") && !strings.HasPrefix(rest, "起") && !strings.HasPrefix(rest, "-") && !strings.HasPrefix(rest, "度以来") && !strings.HasPrefix(rest, "来") && !anyof.Suffix(left[:i], "较", "比", "与", "自", "从", "于", "-", "至") {
			return true
		}
	}
	return false
}

// changedTo reports whether rest, what follows an earlier year after 由,
// states that year's figure and then a change to the number after it
// (的86.2%提升至).
func changedTo(rest string) bool {
	last := strings.LastIndexAny(rest, "0123456789")
	return last >= 0 && anyof.Suffix(rest, "至", "到", "为")
}

// bareYearOpening reports a clause that opens with an earlier year whose
// 年 the writer dropped (2023总共需办理复议案件66件): four digits at the very
// start, followed by a word rather than a unit or another digit.
func bareYearOpening(left string, year int) bool {
	if len(left) < 5 || !isDigit4(left[:4]) || left[4] >= '0' && left[4] <= '9' {
		return false
	}
	y := digits4(left)
	if y >= year || y <= year-30 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(left[4:])
	return r >= 0x4E00 && r <= 0x9FFF && !strings.ContainsRune(bareYearNotAfter, r)
}

// bareYearNotAfter after four digits make them a count or a range, not a
// year: 2023件, 2023余人, 2023年 (read by the rule for written years).
const bareYearNotAfter = "年件个次人名家项条场起万千百余多宗份篇期户元"

func itoa(v int) string {
	var b [8]byte
	i := len(b)
	for v > 0 && i > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return string(b[i:])
}

// inferYear finds the report year in the opening of the text: the first
// 19xx年 or 20xx年 there that is not inside a 《title》 and not part of a
// range (2021-2025年, 2021至2025年).
func inferYear(text string) int {
	head := text[:min(len(text), 1500)]
	depth := 0
	for i := 0; i+7 <= len(head); i++ {
		switch {
		case strings.HasPrefix(head[i:], "《"):
			depth++
		case strings.HasPrefix(head[i:], "》"):
			depth = max(depth-1, 0)
		}
		if depth > 0 || !(head[i] == '1' && head[i+1] == '9' || head[i] == '2' && head[i+1] == '0') || !isDigit4(head[i:i+4]) || !strings.HasPrefix(head[i+4:], "年") {
			continue
		}
		if i > 0 && head[i-1] >= '0' && head[i-1] <= '9' || anyof.Suffix(head[:i], "-", "—", "~", "至", "到") {
			continue
		}
		if rest := head[i+4+len("年"):]; strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "至") || strings.HasPrefix(rest, "到") {
			continue
		}
		return digits4(head[i:])
	}
	return 0
}

func isDigit4(s string) bool {
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// digits4 returns the value of the four digits s starts with, which
// isDigit4 has checked.
func digits4(s string) int {
	return int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
}

// partialYear reports a sentence whose figures cover only part of the year:
// 截至10月30日, 1-10月, 自5月1日以来.
func partialYear(sent string, year int) bool {
	// Only a run of digits that 月 follows names a month: find the 月s
	// (most sentences have none) and read the digits back from each.
	for at := 0; ; {
		p := strings.Index(sent[at:], "月")
		if p < 0 {
			return false
		}
		j := at + p
		at = j + len("月")
		i := j
		for i > 0 && sent[i-1] >= '0' && sent[i-1] <= '9' {
			i--
		}
		if i == j {
			continue
		}
		m := 0
		for k := i; k < j; k++ {
			m = m*10 + int(sent[k]-'0')
		}
		if m < 1 || m > 12 {
			continue
		}
		if monthPartial(sent, i, j, m, year) {
			return true
		}
	}
}

// monthPartial reports whether the month m written at sent[i:j] (before
// its 月) starts or ends a part of the year.
func monthPartial(sent string, i, j, m, year int) bool {
	head := sent[:i]
	tail := sent[j+len("月"):]
	if y, ok := yearBefore(head); ok {
		if year > 0 && y != year {
			// 2018年12月2日: a date of another year says nothing of this one.
			return false
		}
		head = head[:len(head)-len("2023年")] // 截至2023年10月底
	}
	// 截至10月 / 截止到9月底 / 1-10月 / 1至9月
	if m < 12 && (strings.HasSuffix(head, "截至") || strings.HasSuffix(head, "截止") || strings.HasSuffix(head, "截止到") || strings.HasSuffix(head, "截至到") || strings.HasSuffix(head, "1-") || strings.HasSuffix(head, "1至") || strings.HasSuffix(head, "1—")) {
		return true
	}
	// 自5月1日以来, 从6月12日成立以来, 5月1日起
	if m > 1 {
		d := 0
		k := 0
		for k < len(tail) && tail[k] >= '0' && tail[k] <= '9' {
			d = d*10 + int(tail[k]-'0')
			k++
		}
		rest := tail[k:]
		if k > 0 && strings.HasPrefix(rest, "日") {
			rest = rest[len("日"):]
		}
		if strings.HasPrefix(rest, "以来") || strings.HasPrefix(rest, "起") || strings.HasPrefix(rest, "成立以来") || strings.HasPrefix(rest, "至今") || strings.HasPrefix(rest, "开始") {
			return true
		}
	}
	return false
}

// yearBefore reads a year written just before a month: 2018年|12月.
func yearBefore(head string) (int, bool) {
	if !strings.HasSuffix(head, "年") || len(head) < 7 {
		return 0, false
	}
	d := head[len(head)-7 : len(head)-3]
	if !isDigit4(d) {
		return 0, false
	}
	return digits4(d), true
}

// townSelf and countySelf are the ways a report names its own government.
var (
	townSelf = []string{"我镇", "全镇", "本镇", "我乡", "全乡", "本乡", "我街道", "全街道", "本街道", "街道党工委", "街道办事处", "街道工委", "镇党委", "镇政府", "乡党委", "乡政府", "镇人民政府", "乡人民政府", "街道党委",
		"街道综合行政执法队", "镇综合行政执法队", "乡综合行政执法队"}
	countySelf = []string{"我区", "全区", "本区", "我县", "全县", "本县", "我市", "全市", "区委", "县委", "区政府", "县政府", "市政府"}
)

// inferLevel guesses from the way the report names itself in the sentences
// scanned (我镇, 全街道 against 全区, 县政府) whether it is a town's or street
// office's ("镇") or a higher level's (""), for callers that know neither
// the jurisdiction nor its level.
func (x *run) inferLevel() string {
	// A self-reference (我镇, 全区, 本街道) weighs twice a body's name (镇党委,
	// 区政府), which a town's report also writes of its parent (在区委、区
	// 政府的领导下, 区政府网站街道专栏).
	var n [2]int
	for _, h := range x.hits {
		for _, r := range x.lx.refs[h.Word] {
			if r.kind == refSelf {
				w := 1
				if anyof.Prefix(x.text[h.Start:h.End], "我", "全", "本") {
					w = 2
				}
				n[r.idx] += w
			}
		}
	}
	if n[1] > n[0] {
		return "镇"
	}
	return ""
}

// growthHint reports whether one of the last three characters before a
// number ends a growth word — the cheap test before the full comparison.
func growthHint(left string) bool {
	for k := 0; k < 3 && left != ""; k++ {
		r, size := utf8.DecodeLastRuneInString(left)
		if growthLast.has(r) {
			return true
		}
		left = left[:len(left)-size]
	}
	return false
}

// growthLast holds the last characters of growthWords.
var growthLast = func() (set runeSet) {
	for _, w := range growthWords {
		r, _ := utf8.DecodeLastRuneInString(w)
		set.add(r)
	}
	return set
}()

// sinceCumulative reports a flow summed over years (flagged as another
// period than the report year's): 累计 in the number's
// clause [C, N) after a span its sentence starts in a year before the
// report year (自2018年实施…以来,累计…; 2019年至今累计…), or over a plan's
// years (“八五”普法期间,累计…). 全年累计 and a
// span from the report year itself (2022年以来累计) are the year's.
func sinceCumulative(s string, S, C, N, year int) bool {
	if year == 0 {
		return false
	}
	// 累计 in the number's clause, or earlier in its sentence with no new
	// period named since (自2018年…以来,累计开展活动326期,惠及群众4.2万人次).
	k := strings.LastIndex(s[S:N], "累计")
	if k < 0 || k < C-S && (anyof.Contains(s[S+k:N], "今年", "全年", "当年", "本年") || lastWrittenYear(s[S+k:N]) > 0) {
		return false
	}
	left := s[S:N]
	for _, w := range []string{"以来", "至今", "期间"} {
		for from := 0; ; {
			p := strings.Index(left[from:], w)
			if p < 0 {
				break
			}
			p += from
			// The year the span starts from, in the clause of 以来 (对照2019年
			// 制定的方案,今年以来累计… starts this year).
			cs := strings.LastIndexAny(left[:p], ",;:")
			if y := lastWrittenYear(left[cs+1 : p]); w != "期间" && y > 0 && y < year && y > year-30 {
				return true
			}
			// Or the plan it starts from (“八五”普法启动以来: 2021; “八五”普法
			// 期间, the plan's years).
			if y := planStart(left[cs+1 : p]); y > 0 && y < year {
				return true
			}
			from = p + len(w)
		}
	}
	return false
}

// cumulativeBefore reports whether 累计 stands in the sentence at S before
// byte N, looking the sentence through once.
func (x *run) cumulativeBefore(S, N int) bool {
	if x.cumS != S {
		x.cumS, x.cumAt = S, -1
		if k := strings.Index(x.text[S:x.sentEnd(S, N)], "累计"); k >= 0 {
			x.cumAt = S + k
		}
	}
	return x.cumAt >= 0 && x.cumAt < N
}

// lastWrittenYear returns the last year written in s as four digits and
// 年 (2018年), or 0.
func lastWrittenYear(s string) int {
	for p := len(s); ; {
		k := strings.LastIndex(s[:p], "年")
		if k < 4 {
			return 0
		}
		if i := k - 4; isDigit4(s[i:k]) && (i == 0 || s[i-1] < '0' || s[i-1] > '9') {
			return digits4(s[i:])
		}
		p = k
	}
}

// respectiveOtherYear reports whether the number at N is a 分别 figure of a
// year other than the report's: years listed or spanned before 分别, one
// figure to each (2021年至2023年,…案件分别为7件、4件、2件: only the 2 of 2023
// is the year's).
func respectiveOtherYear(s string, S, fenbie, N, E, year int) bool {
	if fenbie < S || year == 0 || fenbie > N {
		return false
	}
	years := listedYears(s[S:fenbie])
	if len(years) < 2 || !slices.Contains(years, year) {
		return false
	}
	// The figures' list starts at the first digit after 分别, or right
	// after 分别 when its figures are in Chinese numerals (分别为一百件、九十件).
	first := firstDigit(s, fenbie, N+1)
	if first > N {
		first = fenbie + len("分别")
	}
	k, total := 0, 1
	for _, sep := range respectiveSeps {
		k += strings.Count(s[first:N], sep)
		total += strings.Count(s[first:E], sep)
	}
	return total == len(years) && k < total && years[k] != year
}

// listedYears returns the years a span (2021年至2023年, 2021—2023年) or a
// list (2021年、2022年和2023年) in s names, in order; nil when s names fewer
// than two.
func listedYears(s string) []int {
	var years []int
	for i := 0; i+4 <= len(s); i++ {
		if i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
			continue
		}
		if !isDigit4(s[i:]) {
			continue
		}
		y := digits4(s[i:])
		if y < 1990 || y > 2100 || len(s) > i+4 && s[i+4] >= '0' && s[i+4] <= '9' {
			continue
		}
		if len(years) > 0 && spanBefore(s[:i]) && y > years[len(years)-1] {
			for z := years[len(years)-1] + 1; z <= y; z++ {
				years = append(years, z)
			}
		} else {
			years = append(years, y)
		}
		i += 3
	}
	if len(years) < 2 {
		return nil
	}
	return years
}

// spanBefore reports whether s ends with the word or dash of a span of
// years (至, 到, -, —, ~), after the 年 of its first year.
func spanBefore(s string) bool {
	return anyof.Suffix(s, "年至", "年到", "年-", "年—", "年~", "至", "到", "-", "—", "~")
}
