package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/anyof"
	"github.com/fazhi/fazhi/ingest/layout"
)

// A body table lists bodies, one a row, with the same figures for each in
// its columns: a town's villages with their mediation cases (村(社区) /
// 受理纠纷 / 调解成功 / 调解成功率, then 东坪村 / 46 / 45 / 97.8, …, 合计 /
// 155 / 152 / 98.1), a county's towns, a bureau's committees. Each row is
// one body's: its figures are read as the sentence its column names make
// and carry the body's name as their scope. The total row sums the bodies
// listed, which need not be all of the writer's (the town's own committee
// takes cases beside its villages'), so it is scoped to them (各村(社区))
// unless the caption says it is the whole jurisdiction's (全镇…统计表).
var (
	// bodyColumns name a first column of bodies.
	bodyColumns = []string{"村", "社区", "镇", "乡", "街道", "苏木", "嘎查", "牧委会", "单位", "部门", "名称", "调委会", "委员会", "地区", "区域", "站", "所", "组织", "法庭", "中队", "大队"}
	// itemColumns name a first column of items or periods, no bodies
	// (项目 / 2021年 / 2022年; 月份 / 受理 / 办结).
	itemColumns = []string{"项目", "指标", "类别", "类型", "种类", "内容", "事项", "月份", "时间", "年度", "序号", "方式", "结果"}
	// bodySuffixes close the name of a body (东坪村, 河口社区, 镇调委会).
	bodySuffixes = []string{"村", "社区", "镇", "乡", "街道", "苏木", "嘎查", "牧委会", "委员会", "调委会", "局", "所", "站", "室", "中心", "法庭", "办", "队", "院", "庭"}
	// wholeCaptions say that a table's total is the whole jurisdiction's.
	wholeCaptions = []string{"全市", "全县", "全区", "全镇", "全乡", "全街道", "全旗"}
	// subtotalLabels name rows that sum some of the rows above.
	subtotalLabels = []string{"小计"}
)

// bodyTableRow is one body's row of a body table.
type bodyTableRow struct {
	label  layout.Cell
	values []layout.Cell
}

// bodyTable reads t as a body table and reports whether it is one. caption
// is the table's caption and unit the unit it gives its counts.
func (x *run) bodyTable(t layout.Table, caption, unit string) bool {
	heads, rows := bodyTableShape(withoutSerials(t))
	if len(rows) == 0 || !bodyHeads(heads) {
		return false
	}
	bodies, totals := 0, 0
	for _, r := range rows {
		switch l := trimSpace(r.label.Text); {
		case slices.Contains(totalLabels, l) || slices.Contains(subtotalLabels, l):
			totals++
		case anyof.Suffix(l, bodySuffixes...):
			bodies++
		}
	}
	// Most rows name bodies, and there are two or more of them.
	if bodies < 2 || bodies*2 < len(rows)-totals {
		return false
	}
	group := bodyGroup(caption, heads[0].Text)
	// A row of the writer's own committee (镇人民调解委员会 in a town's
	// table, beside its villages' and a police-station room's) makes the
	// total the whole's; the own row keeps its name as its scope, a part
	// of the whole, as the seeds' 区政府 40 of 全区各级 56 does.
	if slices.ContainsFunc(rows, func(r bodyTableRow) bool { return x.ownBody(trimSpace(r.label.Text)) }) {
		group = ""
	}
	read := x.readStarts()
	for _, r := range rows {
		label := trimSpace(r.label.Text)
		scope := label
		switch {
		case slices.Contains(subtotalLabels, label):
			continue // a part of the bodies, named by nothing
		case slices.Contains(totalLabels, label):
			scope = group
			if anyof.Contains(label, wholeCaptions...) {
				scope = "" // 全镇: the whole's own row
			}
		}
		n := len(x.facts)
		x.bodyRow(heads[1:], r, caption, "", unit, &scope, read)
		// The writer's own committee's row that repeats the whole's figures
		// (街道调委会 612 597 under 街道各级调解组织共受理…612件) is the whole's
		// summary, as the total's row is.
		if (scope == group || x.ownBody(label)) && x.statedWhole(x.facts[:n], x.facts[n:]) {
			for i := n; i < len(x.facts); i++ {
				x.facts[i].Scope = "" // the total the text gave as the whole's: its second mention
			}
		}
	}
	return true
}

// ownBody reports whether a body table's row label names the writer's own
// committee: its level and a committee (镇人民调解委员会, 街道调委会 in a
// town's report, 县人民调解委员会 in a county's), or the writer's name and
// one.
func (x *run) ownBody(label string) bool {
	levels := []string{"县", "区", "市", "旗"}
	switch {
	case x.opt.town():
		levels = []string{"镇", "乡", "街道"}
	case x.opt.Level == "" && x.opt.Jurisdiction == "":
		levels = append(levels, "镇", "乡", "街道") // the writer's level unknown: any
	}
	if j := x.opt.Jurisdiction; j != "" && strings.HasPrefix(label, j) {
		return slices.Contains(ownCommittees, label[len(j):])
	}
	for _, l := range levels {
		if rest, ok := strings.CutPrefix(label, l); ok && slices.Contains(ownCommittees, rest) {
			return true
		}
	}
	return false
}

// ownCommittees are the writer's own mediation committee as a table row
// names it after the writer's level or name.
var ownCommittees = []string{"人民调解委员会", "调委会", "调解委员会", "人民调解中心"}

// statedWhole reports whether every figure of a body table's total row
// (row, not empty) repeats a figure of the jurisdiction's own, unscoped,
// of the same code stated before: the bodies listed are then all of the
// whole (全县…共受理矛盾纠纷2841件 above 各乡镇 rows whose 合计 is 2841).
func (x *run) statedWhole(before, row []found) bool {
	if len(row) == 0 {
		return false
	}
	for _, f := range row {
		if !slices.ContainsFunc(before, func(g found) bool {
			return g.Scope == "" && g.Indicator == f.Indicator && g.Value == f.Value
		}) {
			return false
		}
	}
	return true
}

// periodColumns name a first column of periods (月份 / 受理 / 调解成功, then
// 1月 / 21 / 21, …, 合计 / 311 / 305); periodEnds close a period's label.
// kindColumns name a first column of kinds (类别 / 受理数 / 调解成功数, then
// 婚姻家庭 / 96 / 95, …, 合计 / 386 / 379).
var (
	periodColumns = []string{"月份", "季度", "月度", "时间", "期间", "时段"}
	periodEnds    = []string{"月", "季度", "月份", "上半年", "下半年"}
	kindColumns   = []string{"类别", "类型", "种类", "纠纷类型", "案件类型", "案由"}
)

// periodTable reads t as a table of the year's periods, or of the kinds of
// what it counts, and reports whether it is one: its total row is the
// year's figures, read as the sentence its column names make (受理311件,
// 调解成功305件); the periods' or kinds' rows are parts of it and are not
// read.
func (x *run) periodTable(t layout.Table, caption, unit string) bool {
	heads, rows := bodyTableShape(withoutSerials(t))
	if len(rows) == 0 {
		return false
	}
	head := trimSpace(heads[0].Text)
	// 类别, 纠纷类型; or 活动类别 over columns of measures (场次 / 参与人次).
	byKind := slices.Contains(kindColumns, head) || anyof.Suffix(head, kindColumns...) && measureColumns(heads[1:])
	if !byKind && !anyof.Contains(head, periodColumns...) {
		return false
	}
	var total *bodyTableRow
	periods, months, quarters := 0, 0, 0
	for i, r := range rows {
		switch l := trimSpace(r.label.Text); {
		case slices.Contains(totalLabels, l):
			total = &rows[i]
		case byKind:
			periods++
		case anyof.Suffix(l, periodEnds...):
			periods++
			if strings.HasSuffix(l, "季度") {
				quarters++
			} else if strings.HasSuffix(l, "月") {
				months++
			}
		default:
			return false
		}
	}
	if periods < 2 || byKind && total == nil {
		return false // kinds with no total: read as any table
	}
	// Months or quarters that are not the whole year (4月 to 6月 of a
	// campaign) total a part of it: shown, never ranked.
	partial := months > 0 && months < 12 || quarters > 0 && quarters < 4
	if total == nil {
		return true
	}
	read := x.readStarts()
	n := len(x.facts)
	// 活动类别 / 场次 / 参与人次, then 合计 / 73 / 7030: the total is the
	// kind's (活动合计73场次), as prose names what it counts.
	lead, kind := "", ""
	if k, ok := anyof.CutSuffix(head, kindColumns...); ok && k != "" {
		lead, kind = k+"合计", k
	}
	x.bodyRow(heads[1:], *total, caption, lead, unit, nil, read) // the reading's own scope: a campaign's months
	x.statedCodes(n)
	for i := n; i < len(x.facts); i++ {
		if f := &x.facts[i]; partial && !slices.Contains(f.Flags, FlagPartialYear) {
			f.Flags = append(f.Flags, FlagPartialYear)
		}
	}
	if byKind {
		x.kindParts(heads[1:], rows, caption, kind, unit, n, read)
	}
	return true
}

// kindParts records the figures of the kinds' rows of a table by kind
// whose codes the total's figures (from n on) do not have: a part with a
// code of its own (法治讲座 / 16 beside 合计 / 73 活动 is 16 lectures),
// as prose records 其中法治讲座16场. A kind's figure of a code the total
// has is its breakdown, no figure of its own; one of another group than
// the total's is a kind's name read as an act (劳动争议 / 31 among the
// disputes mediated is no arbitration).
func (x *run) kindParts(heads []layout.Cell, rows []bodyTableRow, caption, kind, unit string, n int, read map[int]bool) {
	totals, groups := map[string]bool{}, map[string]bool{}
	for _, f := range x.facts[n:] {
		totals[f.Indicator] = true
		groups[indicatorGroup(f.Indicator)] = true
	}
	// The columns whose total the total row's reading gave no code (组织数
	// (个) / 286 beside 合计): what every kind's cell of such a column reads
	// as (乡镇调委会 / 19: organisations) is the total's code too, and the
	// kinds' cells its breakdown.
	uncoded := map[int]bool{}
	for _, r := range rows {
		if !slices.Contains(totalLabels, trimSpace(r.label.Text)) {
			continue
		}
		for k, v := range r.values {
			if !slices.ContainsFunc(x.facts[n:], func(f found) bool { return f.start >= v.Span.Start && f.start < v.Span.End }) {
				uncoded[k] = true
			}
		}
	}
	column := func(r bodyTableRow, f found) int {
		return slices.IndexFunc(r.values, func(v layout.Cell) bool { return f.start >= v.Span.Start && f.start < v.Span.End })
	}
	var parts [][2]int          // the kinds' facts kept: index into x.facts, column
	codes := map[int][]string{} // column → the codes its kinds' cells read as
	kinds := 0
	for _, r := range rows {
		label := trimSpace(r.label.Text)
		if slices.Contains(totalLabels, label) {
			continue
		}
		kinds++
		m := len(x.facts)
		lead := label
		if slices.Contains(actKinds, kind) {
			lead = kind + label // 审查类别 / 市政府规范性文件: 审查市政府规范性文件, a review
		}
		x.bodyRow(heads, r, caption, lead, unit, nil, read)
		kept := slices.DeleteFunc(x.facts[m:], func(f found) bool {
			return totals[f.Indicator] || !groups[indicatorGroup(f.Indicator)]
		})
		x.facts = x.facts[:m+len(kept)]
		for i := m; i < len(x.facts); i++ {
			if k := column(r, x.facts[i]); k >= 0 && uncoded[k] {
				codes[k] = append(codes[k], x.facts[i].Indicator)
				parts = append(parts, [2]int{i, k})
			}
		}
	}
	// A column whose every kind reads as one code: the kinds' breakdown.
	// One where most do (法治宣传进村入户 / 宪法宣传周 / 民法典主题宣传:
	// events, 法治讲座: lectures) is the total's of that code, which the
	// total's cell states (合计 / 64: events), its kinds of the code its
	// breakdown, the others parts with a code of their own.
	breakdown := map[int]string{}
	for k, cs := range codes {
		if len(cs) == kinds && kinds >= 2 && !slices.ContainsFunc(cs, func(c string) bool { return c != cs[0] }) {
			breakdown[k] = cs[0]
		} else if c, n := majority(cs); n >= 2 && 2*n > kinds {
			breakdown[k] = c
			x.totalCell(rows, k, c)
		}
	}
	if len(breakdown) == 0 {
		return
	}
	drop := make([]bool, len(x.facts))
	for _, p := range parts {
		if c, ok := breakdown[p[1]]; ok && x.facts[p[0]].Indicator == c {
			drop[p[0]] = true
		}
	}
	x.dropMarked(drop)
}

// actKinds name a column of kinds by the act done to them (审查类别): a
// kind's row is read with the act (审查市政府规范性文件9件, a review).
var actKinds = []string{"审查", "审核", "合法性审查"}

// majority returns the code most of cs are and how many are it.
func majority(cs []string) (string, int) {
	best, n := "", 0
	for _, c := range cs {
		if k := countFunc(cs, func(d string) bool { return d == c }); k > n {
			best, n = c, k
		}
	}
	return best, n
}

// totalCell records the total row's figure of column k as code.
func (x *run) totalCell(rows []bodyTableRow, k int, code string) {
	for _, r := range rows {
		if slices.Contains(totalLabels, trimSpace(r.label.Text)) && k < len(r.values) {
			n := len(x.facts)
			if x.tableFact(code, r.label, r.values[k]) {
				x.statedCodes(n)
			}
			return
		}
	}
}

// statedCodes gives the facts from n on, a table's totals, the code of a
// figure the text states before them with the same value and unit (全年共
// 受理劳动人事争议仲裁案件468件 above the quarters' 合计 468, 审结161件 above
// an outcome table's 合计 161): they are its second mention, whatever the
// bare column name suggests.
func (x *run) statedCodes(n int) {
	for i := n; i < len(x.facts); i++ {
		f := &x.facts[i]
		if k := slices.IndexFunc(x.facts[:n], func(g found) bool {
			return g.Scope == "" && g.Value == f.Value && g.Unit == f.Unit
		}); k >= 0 {
			f.Indicator = x.facts[k].Indicator
		}
	}
}

// bodyTableShape returns the column names and the rows of t when each row
// is a name and as many figures as the header names after its first
// column, and nothing else follows; nil otherwise.
func bodyTableShape(t layout.Table) (heads []layout.Cell, rows []bodyTableRow) {
	if len(t.Rows) > 0 {
		for _, r := range t.Rows {
			switch {
			case heads == nil && r.Header:
				heads = r.Cells
			case heads == nil:
				return nil, nil
			case len(r.Cells) != len(heads) || numberCell(r.Cells[0].Text) || !allFigures(r.Cells[1:]):
				return nil, nil
			default:
				rows = append(rows, bodyTableRow{label: r.Cells[0], values: r.Cells[1:]})
			}
		}
		return heads, rows
	}
	cs := t.Cells
	first := slices.IndexFunc(cs, func(c layout.Cell) bool { return numberCell(c.Text) }) - 1
	if first < 2 {
		return nil, nil
	}
	n := 0
	for first+1+n < len(cs) && numberCell(cs[first+1+n].Text) {
		n++
	}
	if n < 2 || first < n+1 {
		return nil, nil
	}
	heads = cs[first-n-1 : first]
	if slices.ContainsFunc(heads, func(c layout.Cell) bool { return numberCell(c.Text) }) {
		return nil, nil
	}
	for i := first; i < len(cs); i += n + 1 {
		if i+n >= len(cs) || numberCell(cs[i].Text) || !allFigures(cs[i+1:i+1+n]) {
			return nil, nil
		}
		rows = append(rows, bodyTableRow{label: cs[i], values: cs[i+1 : i+1+n]})
	}
	return heads, rows
}

// serialColumn names a first column of row numbers (序号 / 村(社区) / …,
// then 1 / 东坪村 / 46 / 45, 2 / 西坪村 / …).
const serialColumn = "序号"

// withoutSerials returns t without a first column of row numbers before
// the bodies' names; a row without its number (合计 / 155 / 152) keeps its
// cells. t itself when its first column is no 序号.
func withoutSerials(t layout.Table) layout.Table {
	if len(t.Rows) > 0 {
		if !t.Rows[0].Header || len(t.Rows[0].Cells) < 3 || trimSpace(t.Rows[0].Cells[0].Text) != serialColumn {
			return t
		}
		out := t
		out.Rows = make([]layout.Row, len(t.Rows))
		for i, r := range t.Rows {
			if i == 0 || len(r.Cells) > 0 && numberCell(r.Cells[0].Text) {
				r.Cells = r.Cells[1:]
			}
			out.Rows[i] = r
		}
		return out
	}
	cs := t.Cells
	w := slices.IndexFunc(cs, func(c layout.Cell) bool { return numberCell(c.Text) }) // 序号 and the names
	if len(cs) == 0 || trimSpace(cs[0].Text) != serialColumn || w < 3 {
		return t
	}
	out := t
	out.Cells = append([]layout.Cell(nil), cs[1:w]...)
	for i, row := w, 1; i < len(cs); row++ {
		if cs[i].Text == itoa(row) {
			i++ // the row's number
		}
		end := min(i+w-1, len(cs))
		out.Cells = append(out.Cells, cs[i:end]...)
		i = end
	}
	return out
}

// allFigures reports whether every cell holds a figure.
func allFigures(cs []layout.Cell) bool {
	return !slices.ContainsFunc(cs, func(c layout.Cell) bool { return !numberCell(c.Text) })
}

// bodyHeads reports whether column names are a body table's: the first
// names bodies, the others are no years, targets or units.
func bodyHeads(heads []layout.Cell) bool {
	if len(heads) < 3 {
		return false
	}
	h := trimSpace(heads[0].Text)
	if utf8.RuneCountInString(h) > 8 || !anyof.Contains(h, bodyColumns...) || anyof.Contains(h, itemColumns...) {
		return false
	}
	for _, c := range heads[1:] {
		if yearOf(c.Text) > 0 || anyof.Contains(c.Text, targetColumns...) || slices.Contains(tableUnits, c.Text) ||
			slices.Contains(totalLabels, trimSpace(c.Text)) {
			return false
		}
	}
	return true
}

// bodyGroup names the bodies a table lists, the scope of its total: the
// caption's 各… word (2022年度各村(社区)人民调解情况统计表 → 各村(社区)), or
// else its first column's name with 各 (村(社区) → 各村(社区)); "" when the
// caption says the table is the whole jurisdiction's.
func bodyGroup(caption, column string) string {
	if anyof.Contains(caption, wholeCaptions...) {
		return ""
	}
	column = trimSpace(column)
	if i := strings.Index(caption, "各"); i >= 0 {
		if j := strings.Index(caption[i:], column); j >= 0 {
			return caption[i : i+j+len(column)]
		}
	}
	return "各" + column
}

// bodyRow records the figures of one row of a body table, read as the
// sentence its column names make after the caption and lead (…人民调解情况
// 统计表,受理纠纷46件,调解成功45件,调解成功率97.8%。), each with *scope (nil:
// the scope the reading gives it).
func (x *run) bodyRow(heads []layout.Cell, r bodyTableRow, caption, lead, unit string, scope *string, read map[int]bool) {
	var b strings.Builder
	at := make(map[int]int, len(heads)) // figure's rune offset → column
	runes := 0
	write := func(s string) {
		b.WriteString(s)
		runes += utf8.RuneCountInString(s)
	}
	if caption != "" {
		write(caption + ",")
	}
	write(lead)
	for k, h := range heads {
		item := trimSpace(h.Text)
		u := bracketUnit(item)
		if u != "" {
			item = item[:strings.LastIndexAny(item, "(（")]
		}
		switch {
		case u != "":
		case strings.HasSuffix(item, "率") || strings.HasSuffix(r.values[k].Text, "%"):
			u = "%"
		default:
			u = unit
			if words, mu, ok := measureHead(item); ok {
				item, u = words, mu // 参与人次: 参与7030人次
			}
		}
		if !slices.Contains(tableUnits, u) {
			continue
		}
		if k > 0 {
			write(",")
		}
		write(strings.ReplaceAll(item, "、", ""))
		at[runes] = k
		write(strings.TrimSuffix(r.values[k].Text, "%") + u)
	}
	write("。")
	for _, f := range extract(b.String(), Options{Year: x.opt.Year, Level: x.opt.Level, Jurisdiction: x.opt.Jurisdiction, department: x.department}, nil) {
		k, ok := at[f.Start]
		if !ok || f.Derived {
			continue
		}
		n := len(x.facts)
		x.rowFact(f, r.label, r.values[k], read)
		if len(x.facts) > n && scope != nil {
			x.facts[n].Scope = *scope
		}
	}
}

// measureHead splits a column name that names its figures by their unit
// (场次, 参与人次, 人数, 发放份数) into the words before the unit and the
// unit; ok is false for any other name (受理数, 调解成功).
func measureHead(h string) (words, unit string, ok bool) {
	if u := bracketUnit(h); u != "" && u != "%" {
		// 受众(人次): the words and the bracket's unit.
		words = trimSpace(h[:strings.LastIndexAny(h, "(（")])
		if words == "" || utf8.RuneCountInString(words) > maxMeasureWords {
			return "", "", false
		}
		return words, u, true
	}
	if stem, isCount := strings.CutSuffix(h, "数"); isCount && stem != "" {
		h = stem // 人数 → 人, 参与人数 → 参与 人
	}
	best := ""
	for _, u := range tableUnits {
		if u != "%" && len(u) > len(best) && strings.HasSuffix(h, u) {
			best = u
		}
	}
	words = strings.TrimSuffix(h, best)
	if best == "" || utf8.RuneCountInString(words) > maxMeasureWords {
		return "", "", false
	}
	return words, best, true
}

// measureColumns reports whether two or more column names all name their
// figures by a unit of this period's (场次 / 参与人次), none another
// period's or a target (上年件数).
func measureColumns(heads []layout.Cell) bool {
	for _, h := range heads {
		words, _, ok := measureHead(trimSpace(h.Text))
		if !ok || anyof.Contains(words, previousColumns...) || anyof.Contains(words, targetColumns...) {
			return false
		}
	}
	return len(heads) >= 2
}

// maxMeasureWords bounds the words before a measure column's unit
// (参与人次, 受教育人次).
const maxMeasureWords = 4

// indicatorGroup returns the group of an indicator code: mediation of
// mediation.cases_accepted.
func indicatorGroup(code string) string {
	group, _, _ := strings.Cut(code, ".")
	return group
}
