package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/anyof"

	"github.com/fazhi/fazhi/ingest/cnnum"
	"github.com/fazhi/fazhi/ingest/layout"
)

// tableCells are the facts of the tables of a 政府信息公开工作年度报告, the
// report format every government body publishes the same way: the row
// label, the column whose cell holds the figure ("" for the row's last
// value: the 总计 column), and the code. The cell carries no unit; the
// table's is the code's.
// formatCell is a cell of the disclosure format a code reads: its row's
// label, its column's name, and where it stands in a row of width figures
// when the table names no columns.
type formatCell struct {
	row, column, code string
	width, pos        int
}

// Where a table gives the format's rows with no column names (| 行政规范性
// 文件 | 0 | 0 | 0 | / | 行政许可 | 7 |), the format's columns are in its
// order: a row of width cells has its figure at pos.
var tableCells = []formatCell{
	{"行政规范性文件", "本年制发", "legality.normative_documents", 3, 0},
	{"行政规范性文件", "现行有效", "legality.normative_documents", 3, 2},
	{"行政许可", "处理决定", "enforcement.licensing_cases", 1, 0},
	{"行政处罚", "处理决定", "enforcement.penalty_cases", 1, 0},
	{"本年新收政府信息公开申请数量", "", "disclosure.requests", 0, 0},
}

// formatRow reports whether label is a row of the disclosure format that a
// code reads.
func formatRow(label string) bool {
	return slices.ContainsFunc(tableCells, func(tc formatCell) bool { return tc.row == label })
}

// formatRows reports whether t holds two rows of the disclosure format's
// items or more (行政规范性文件, 行政许可, 行政处罚), however its columns are
// named.
func formatRows(t layout.Table) bool {
	n := 0
	for _, c := range t.Cells {
		if formatRow(rowLabel(c.Text)) {
			n++
		}
	}
	return n >= 2
}

// headerCell opens a table's column names.
const headerCell = "信息内容"

// tableConfidence is the confidence of a figure read from its row and
// column: the table format is fixed, the reading is a lookup.
const tableConfidence = 0.9

// tables records the figures of the layout's tables: the cells of the
// 政府信息公开 format by its rows and columns, and the rows of any other
// table of figures (附表:主要法治指标完成情况, | 受理矛盾纠纷(件) | 156 | 173 |)
// as the sentence its label, figure and unit make.
func (x *run) tables() {
	for _, t := range x.opt.Layout.Tables {
		if x.inPlans(t.Span.Start) {
			continue
		}
		switch {
		case x.casesTable(t):
		case disclosureTable(t) || isDisclosureReport(x.opt.Layout) && formatRows(t):
			x.table(t)
		default:
			x.figureTable(t)
		}
	}
}

// casesTable reads section 四 of the 政府信息公开工作年度报告 format, the
// reconsiderations and lawsuits over the writer's disclosure: its last
// fifteen figures are the reconsiderations' outcomes (结果维持, 结果纠正,
// 其他结果, 尚未审结, 总计), then the same five of the lawsuits filed
// directly (未经复议直接起诉) and of those filed after a reconsideration
// (复议后起诉). The writer is the respondent, and every figure is scoped
// to the disclosure. Where one of the two blocks of lawsuits is all zeros
// the other is the writer's lawsuits; where both hold cases each is read
// with its own scope. It reports whether t is such a table.
func (x *run) casesTable(t layout.Table) bool {
	if x.casesByRow(t) {
		return true
	}
	named := 0
	for _, c := range t.Cells {
		if anyof.Contains(c.Text, "未经复议直接起诉", "复议后起诉") {
			named++
		}
	}
	if named < 2 {
		return false
	}
	// The figures follow the last column name; a heading after them (the
	// next section's, read into a table without | marks) ends them. Written
	// as three tables of five (行政复议 / 结果维持 | … | 总计 / 5 | 2 | 1 | 1 | 9,
	// then 行政诉讼(未经复议直接起诉) …), the runs of five make the fifteen.
	var figures, run []layout.Cell
	var fives [][]layout.Cell
	for _, c := range t.Cells {
		if numberCell(c.Text) {
			run = append(run, c)
			continue
		}
		if len(run) > 0 {
			figures = run
			fives = append(fives, run)
		}
		run = nil
	}
	if len(run) > 0 {
		figures = run
		fives = append(fives, run)
	}
	if len(fives) == 3 && len(fives[0]) == 5 && len(fives[1]) == 5 && len(fives[2]) == 5 {
		figures = slices.Concat(fives...)
	}
	fact := func(code, scope string, c layout.Cell) {
		if x.tableFact(code, c, c) {
			x.facts[len(x.facts)-1].Scope = scope
		}
	}
	if len(figures) != 15 {
		if len(figures) > 5 && len(figures) < 10 && strings.TrimSpace(x.text[t.Span.End:]) == "" {
			// The text ends inside the row (| 8 | 1 | 2 | 0 | 11 | 3): the
			// reconsiderations' five are whole, the lawsuits' are not.
			fact("reconsideration.upheld", disclosureScope, figures[0])
			fact("reconsideration.corrected", disclosureScope, figures[1])
			fact("reconsideration.as_respondent", disclosureScope, figures[4])
		}
		return true // the format's table, not its figures as the format lays them out
	}
	fact("reconsideration.upheld", disclosureScope, figures[0])
	fact("reconsideration.corrected", disclosureScope, figures[1])
	fact("reconsideration.as_respondent", disclosureScope, figures[4])
	direct, after := figures[5:10], figures[10:15]
	blocks := [][]layout.Cell{direct}
	scopes := []string{disclosureScope}
	switch {
	case allZero(direct) && !allZero(after):
		blocks = [][]layout.Cell{after}
	case !allZero(direct) && !allZero(after):
		blocks = [][]layout.Cell{direct, after}
		scopes = []string{disclosureScope + "(未经复议直接起诉)", disclosureScope + "(复议后起诉)"}
	}
	for k, b := range blocks {
		fact("litigation.won", scopes[k], b[0])
		fact("litigation.lost", scopes[k], b[1])
		fact("litigation.pending", scopes[k], b[3])
		fact("litigation.cases", scopes[k], b[4])
	}
	return true
}

// casesByRow reads the same section of the format laid out a kind a row
// (| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | / | 行政复议 | 4
// | 1 | 0 | 0 | 5 | / | 行政诉讼 | 2 | 0 | 0 | 1 | 3 |): the reconsiderations'
// row and the lawsuits', each scoped to the disclosure. It reports whether
// t is such a table.
func (x *run) casesByRow(t layout.Table) bool {
	if len(t.Rows) < 2 || !t.Rows[0].Header {
		return false
	}
	head := t.Rows[0].Cells
	col := func(name string) int {
		return slices.IndexFunc(head, func(c layout.Cell) bool { return trimSpace(c.Text) == name })
	}
	upheld, corrected, pending, total := col("结果维持"), col("结果纠正"), col("尚未审结"), col("总计")
	if upheld < 1 || corrected < 1 || pending < 1 || total < 1 {
		return false
	}
	for _, r := range t.Rows[1:] {
		if len(r.Cells) != len(head) {
			continue
		}
		fact := func(code string, c layout.Cell) {
			if x.tableFact(code, r.Cells[0], c) {
				x.facts[len(x.facts)-1].Scope = disclosureScope
			}
		}
		switch label := trimSpace(r.Cells[0].Text); {
		case strings.Contains(label, "复议"):
			fact("reconsideration.upheld", r.Cells[upheld])
			fact("reconsideration.corrected", r.Cells[corrected])
			fact("reconsideration.as_respondent", r.Cells[total])
		case strings.Contains(label, "诉讼"):
			fact("litigation.won", r.Cells[upheld])
			fact("litigation.lost", r.Cells[corrected])
			fact("litigation.pending", r.Cells[pending])
			fact("litigation.cases", r.Cells[total])
		}
	}
	return true
}

// allZero reports whether every cell holds 0.
func allZero(cs []layout.Cell) bool {
	for _, c := range cs {
		if strings.Trim(c.Text, "0.") != "" {
			return false
		}
	}
	return true
}

// disclosureTable reports whether t is a table of the 政府信息公开工作年度报告
// format: its column header, one of its row labels, or a cell naming
// 政府信息公开; a row label of the format counts with its column only
// (行政规范性文件 under 本年制发件数, not in a table of legality reviews).
func disclosureTable(t layout.Table) bool {
	for _, c := range t.Cells {
		if c.Text == headerCell || strings.Contains(c.Text, "政府信息公开") || strings.Contains(c.Text, "申请人情况") {
			return true
		}
		for _, tc := range tableCells {
			if tc.row == rowLabel(c.Text) && (tc.column == "" || slices.ContainsFunc(t.Cells, func(h layout.Cell) bool { return strings.Contains(h.Text, tc.column) })) {
				return true
			}
		}
	}
	return false
}

// Words of a figure table's cells.
var (
	// tableUnits are the classifiers a unit column or brackets give
	// (受理矛盾纠纷(件), 数量(件), 调解矛盾纠纷 | 88 | 件).
	// A count's unit may carry 万 (办件量(万件) | 48.3): the row reads as
	// prose does, 48.3万件.
	tableUnits = []string{"件", "次", "场", "场次", "份", "册", "人", "人次", "名", "个", "家", "项", "条", "篇", "期", "起", "宗", "户次", "卷", "%", "元", "万元", "亿元",
		"万件", "万次", "万份", "万人", "万人次", "万户次", "万条"}
	// valueColumns name the column of a table's figures where no column
	// is the report year's (| 项目 | 数量(件) |); currentColumns the current
	// period's (本年合计), previousColumns another period's (上年合计).
	valueColumns    = []string{"数量", "数值", "合计", "总数", "完成", "件数", "案件数", "次数"}
	currentColumns  = []string{"本年", "今年", "本期", "当年"}
	previousColumns = []string{"上年", "去年", "上期", "同期", "上一年"}
	// targetColumns name a column of targets or plans, not of figures
	// (2023年目标, 计划完成); a column of outcomes may name a plan without
	// being one (列入计划逐步解决: see targetColumn).
	targetColumns = []string{"目标", "计划", "预计", "任务", "力争"}
	// doneColumns name the column of what was done beside the targets.
	doneColumns = []string{"完成值", "完成数", "实际完成", "实际", "实绩", "完成情况"}
	// unitColumns name a column of units (| 指标 | 单位 | 2022年 |).
	unitColumns = []string{"单位", "计量单位"}
	// changeColumns name a column of the change from one year to the
	// next (同比, 增减, 增长率).
	changeColumns = []string{"同比", "增减", "增长", "增幅", "变化", "比上年", "较上年", "环比"}
	// totalLabels name the row of a whole's totals in a table whose
	// columns are the counts (项目 / 调解组织(个) / 受理纠纷(件) / 全市合计 /
	// 1,046 / 18,734).
	totalLabels = []string{"合计", "总计", "总数", "全市", "全县", "全区", "全镇", "全乡", "全街道",
		"全市合计", "全县合计", "全区合计", "全镇合计", "全乡合计", "全街道合计", "全年合计",
		"全市总计", "全县总计", "全区总计", "全镇总计"}
	// partLabels open the label of a row that is a part of a row before
	// (其中:调解成功).
	partLabels = []string{"其中:", "其中：", "其中,", "其中"}
)

// unitLabels open the unit a table gives its cells (单位:件).
var unitLabels = []string{"单位:", "单位：", "计量单位:", "计量单位："}

// approxCellMarks may close a table's figure (12000余): it is a bound.
var approxCellMarks = []string{"余", "多"}

// maxColumnName bounds a column name that gives a year (2022年完成情况).
const maxColumnName = 10

// tableRow is a row of a figure table: its label, the cell of its figure
// for the report year and the unit the table gives it.
type tableRow struct {
	label, value layout.Cell
	unit         string
	// item is the label without its part marker; part is set for a row
	// that is a part of a row before (其中:受理).
	item string
	part bool
	// listed marks a part that continues the list of the part before it
	// (the columns a total column sums: 其中维持142件、驳回61件).
	listed bool
	// others are the row's figures of the other years' columns (项目 /
	// 2021年 / 2022年: the 2021 cell of a 2022 report), which prose
	// reading of the row's line must not take for the year's.
	others []layout.Cell
	// sentence opens a sentence of its own: the row is of another topic
	// than the rows before it (see caseTopicRows); topic, when set, is the
	// category of the codes its figure may have (a reconsideration's row
	// has no lawsuits pending).
	sentence bool
	topic    string
}

// targetColumn reports whether a column's name is a target's or a plan's
// (2023年目标, 计划完成, 目标值, 预计): a target word opens it, after a year,
// or closes it — not one inside an outcome's name (列入计划逐步解决).
func targetColumn(name string) bool {
	t := trimSpace(name)
	if y := yearHeadPrefix(t); y > 0 {
		t = t[y:]
	}
	return anyof.Prefix(t, targetColumns...) || anyof.Suffix(t, targetColumns...) || anyof.Suffix(t, "目标值", "计划数")
}

// yearHeadPrefix returns the length of the year a column's name opens
// with (2023年), or 0.
func yearHeadPrefix(s string) int {
	if len(s) >= 4+len("年") && isDigit4(s[:4]) && strings.HasPrefix(s[4:], "年") {
		return 4 + len("年")
	}
	return 0
}

// caseRowWords name a row of cases or of their outcomes, counted in 件
// where the table writes no unit.
var caseRowWords = []string{"案件", "审结", "维持", "驳回", "纠错", "调解和解", "被申请人", "被告", "撤诉", "胜诉", "败诉"}

// caseTopics name the kinds of case a row of a table of cases by kind
// counts (| 行政复议 | 2 | 1 | 0 |).
var caseTopics = []string{"行政复议", "行政诉讼", "行政应诉", "复议", "诉讼", "应诉"}

// caseTopicRows reads a table whose rows are kinds of case and whose
// columns are the count and its outcomes (| 类别 | 收案(件) | 维持/驳回(胜诉)
// | 纠错(败诉) | 撤回/撤诉 | 审理中 |, then | 行政复议 | 2 | 1 | 0 | 1 | 0 |
// and | 行政诉讼 | 4 | 2 | 1 | 0 | 1 |): each row is a sentence of its
// own, its first figure the count (行政复议收案2件) and the others its
// parts by outcome (其中维持、驳回1件,纠错0件…), each column's head read in
// the row's words — of a head that names both kinds' outcomes (维持/驳回
// (胜诉), 撤回/撤诉), the lawsuits' for a row of lawsuits (胜诉, 撤诉) and
// the other for a reconsideration's. nil when t is no such table.
func caseTopicRows(t layout.Table, tableUnit string) []tableRow {
	if len(t.Rows) < 3 || !t.Rows[0].Header {
		return nil
	}
	head := t.Rows[0].Cells
	if len(head) < 3 {
		return nil
	}
	for _, c := range head[1:] {
		if numberCell(c.Text) || yearOf(c.Text) > 0 {
			return nil
		}
	}
	var out []tableRow
	for _, r := range t.Rows[1:] {
		cs := r.Cells
		if len(cs) == len(head) && slices.Contains(totalLabels, trimSpace(cs[0].Text)) {
			continue // both kinds summed: no count of either
		}
		if len(cs) != len(head) || !slices.Contains(caseTopics, trimSpace(cs[0].Text)) {
			return nil
		}
		lawsuit := strings.Contains(cs[0].Text, "诉")
		topic := "reconsideration"
		if lawsuit {
			topic = "litigation"
		}
		for k := 1; k < len(cs); k++ {
			if k > 1 && emptyCell(cs[k].Text) {
				continue // — under 终止 for lawsuits: no such outcome
			}
			if !numberCell(cs[k].Text) {
				return nil
			}
			name := headFor(head[k].Text, lawsuit)
			unit := cmp.Or(bracketUnit(head[k].Text), tableUnit, "件")
			item := name
			row := tableRow{label: cs[0], value: cs[k], unit: rowUnit(head[k].Text, cellUnit(cs[k].Text, unit)), topic: topic}
			if k == 1 {
				item, row.sentence = trimSpace(cs[0].Text)+name, true // 行政复议收案
			} else {
				row.part = true // 其中维持、驳回
			}
			row.label.Text, row.item = item, item
			out = append(out, row)
		}
	}
	if len(out) == 0 {
		return nil
	}
	out[0].sentence = false
	return out
}

// emptyCell reports whether a table's cell is a dash that fills a column
// that does not apply (—, -, /).
func emptyCell(s string) bool {
	s = trimSpace(s)
	return s != "" && strings.Trim(s, "—-－/／一") == ""
}

// headFor returns a column's head as a row of lawsuits (lawsuit) or of
// reconsiderations reads it: of 维持/驳回(胜诉) 胜诉 or 维持、驳回, of
// 撤回/撤诉 撤诉 or 撤回; the head without its unit's brackets otherwise.
func headFor(h string, lawsuit bool) string {
	h = trimSpace(h)
	if u := bracketUnit(h); u != "" {
		h = h[:strings.LastIndexAny(h, "(（")]
	}
	if open := strings.IndexAny(h, "(（"); open > 0 && anyof.Suffix(h, ")", "）") {
		inner := strings.TrimRight(strings.TrimLeft(h[open:], "(（"), ")）")
		if lawsuit {
			return inner
		}
		h = h[:open]
	}
	alts := strings.FieldsFunc(h, func(r rune) bool { return r == '/' || r == '／' })
	if len(alts) < 2 {
		return h
	}
	var suits, others []string
	for _, a := range alts {
		if strings.Contains(a, "诉") {
			suits = append(suits, a)
		} else {
			others = append(others, a)
		}
	}
	switch {
	case lawsuit && len(suits) > 0:
		return strings.Join(suits, "、")
	case !lawsuit && len(others) > 0:
		return strings.Join(others, "、")
	}
	return strings.Join(alts, "、")
}

// figureTable records the rows of a table of figures (附表:主要法治指标完成
// 情况; a statistics table one cell a line): each row's label with its
// figure and unit, the rows read together as the sentence a writer would
// make of them (受理矛盾纠纷173件,调解成功169件,…), so that a row's topic
// carries to the parts and outcomes after it (收到行政复议申请88件,其中受理81
// 件,审结76件,其中维持41件) as in prose. Where the columns are years (| 指标 |
// 2021年 | 2022年 |) the figure is the report year's, and a table with no
// column of that year gives none.
func (x *run) figureTable(t layout.Table) {
	// The table's caption, before the rows, names their topic (2022年全县
	// 行政复议、行政应诉案件情况统计表) and may give their unit (单位:件).
	caption, unit := captionUnit(x.caption(t))
	if caption == "" {
		// 审结案件处理结果如下: the sentence that leads into the table names
		// the rows' topic where no caption does.
		caption = x.leadIn(t)
	}
	if x.bodyTable(t, caption, unit) || x.periodTable(t, caption, unit) {
		return
	}
	var rows []tableRow
	if len(t.Rows) > 0 {
		rows = x.gridRows(t, unit)
	} else {
		rows = x.cellRows(t.Cells, unit)
	}
	if len(rows) == 0 {
		return
	}
	if len(x.lx.topics.ScanRange(caption, 0, len(caption), nil)) == 0 {
		// 主要指标对比: / 受理(件) 261 223: rows whose caption names no topic
		// take the topic of the prose right before the table.
		caption = x.topicBefore(t) + caption
	}
	if slices.ContainsFunc(rows, func(r tableRow) bool { return len(r.others) > 0 }) {
		// The span of the caption (2021—2022年信访事项受理情况) is the year
		// columns': the rows hold the report year's figures alone.
		caption = withoutYearSpan(caption, x.opt.Year)
	}
	rows = totalFirst(rows)
	// A row of cases ended with no outcome (终止 beside 调解和解 in a
	// reconsideration's outcome table) counts nothing the catalog has; read
	// in the rows' sentence it would borrow the act of the row before.
	rows = slices.DeleteFunc(rows, func(r tableRow) bool { return slices.Contains(endedLabels, trimSpace(r.label.Text)) })
	if len(rows) == 0 {
		return
	}
	// The sentences of the rows, and where each row's figure stands in
	// them (in runes, as facts count): one text for each run of rows of a
	// topic, so that no run lends its topic to the next.
	type rowText struct {
		b     strings.Builder
		at    map[int]int // figure's rune offset → row
		runes int
	}
	texts := []*rowText{{at: map[int]int{}}}
	if caption != "" {
		caption += ","
	}
	for k := range rows {
		for _, p := range partLabels {
			if rest, ok := strings.CutPrefix(rows[k].label.Text, p); ok {
				rows[k].item, rows[k].part = rest, true
				break
			}
		}
		if !rows[k].part {
			rows[k].item = rows[k].label.Text
		}
	}
	var topics uint64 // of the rows of the text so far
	for k, r := range rows {
		item, part := r.item, ""
		if r.part {
			part = "其中"
		}
		if open := strings.LastIndexAny(item, "(（"); open > 0 && anyof.Suffix(item, ")", "）") {
			// 受理矛盾纠纷(件): the unit is written after the figure; a
			// qualifier closing the label goes before it, as prose has it
			// (行政复议案件(被申请) → 被申请行政复议案件); brackets inside the
			// label stay (村(社区)法律顾问).
			if bracketUnit(item) == "" {
				item = strings.TrimRight(strings.TrimLeft(item[open:], "(（"), ")）") + item[:open]
			} else {
				item = item[:open]
			}
		}
		// A row's parts follow it in its clause; the row after the parts
		// closes the breakdown.
		sep := ","
		switch {
		case k == 0:
			sep = caption
		case r.sentence:
			sep = "。"
		case !r.part && !r.listed && x.newTopic(item, topics):
			// A row that names a topic of its own in full (| 人民调解受理案件
			// (件) | 1864 | under | 受理行政复议申请(件) | 52 |) opens a text
			// of its own: the topic of the rows before is not its own. An
			// outcome's word (调解和解 among a reconsideration's) is no topic.
			texts = append(texts, &rowText{at: map[int]int{}})
			sep, topics = "", 0
		case r.listed:
			sep, part = "、", ""
		case part == "" && rows[k-1].part:
			sep = ";"
		}
		topics |= x.topicsOf(caption) | x.topicsOf(item)
		// A row's label is one name: 调解、和解后终止 reads as one outcome,
		// not as a list of items each read apart.
		t := texts[len(texts)-1]
		head := sep + part + strings.ReplaceAll(item, "、", "")
		t.b.WriteString(head)
		t.runes += utf8.RuneCountInString(head)
		t.at[t.runes] = k
		figure := strings.TrimSuffix(r.value.Text, "%")
		t.b.WriteString(figure)
		t.b.WriteString(r.unit)
		t.runes += utf8.RuneCountInString(figure) + utf8.RuneCountInString(r.unit)
	}
	read := x.readStarts()
	first := len(x.facts)
	for _, t := range texts {
		t.b.WriteString("。")
		for _, f := range extract(t.b.String(), Options{Year: x.opt.Year, Level: x.opt.Level, Jurisdiction: x.opt.Jurisdiction, department: x.department}, nil) {
			k, ok := t.at[f.Start]
			if !ok || f.Derived || rows[k].topic != "" && !strings.HasPrefix(f.Indicator, rows[k].topic+".") {
				continue
			}
			n := len(x.facts)
			x.rowFact(f, rows[k].label, rows[k].value, read)
			if slices.Contains(totalLabels, trimSpace(rows[k].label.Text)) {
				x.statedCodes(n) // 合计161 under 审结161件: the conclusions' second mention
			}
		}
	}
	x.dropSplitCells(first)
	x.dropOtherYearCells(rows)
}

// dropOtherYearCells drops the figures prose reading took from the cells
// of other years' columns (负责人出庭应诉率 92.4% 100% under 2021年 /
// 2022年: the 92.4): the rows give the year's own.
func (x *run) dropOtherYearCells(rows []tableRow) {
	other := map[int]bool{}
	for _, r := range rows {
		for _, c := range r.others {
			other[c.Span.Start] = true
		}
	}
	if len(other) == 0 {
		return
	}
	x.facts = slices.DeleteFunc(x.facts, func(f found) bool { return other[f.start] })
}

// yearSpanDashes join the two years of a span: 2021—2022年, 2021-2022年.
var yearSpanDashes = []string{"—", "－", "-", "–", "~", "～", "至", "到"}

// withoutYearSpan returns caption without its span of years (2021—2022年)
// when the span holds year.
func withoutYearSpan(caption string, year int) string {
	for i := 0; i+4 <= len(caption); i++ {
		from := yearOf(caption[i : i+4])
		if from == 0 || i > 0 && caption[i-1] >= '0' && caption[i-1] <= '9' {
			continue
		}
		rest := caption[i+4:]
		dash, ok := "", false
		for _, d := range yearSpanDashes {
			if strings.HasPrefix(rest, d) {
				dash, ok = d, true
				break
			}
		}
		if !ok || len(rest) < len(dash)+4 {
			continue
		}
		to := yearOf(rest[len(dash) : len(dash)+4])
		if to == 0 || year < from || year > to {
			continue
		}
		end := i + 4 + len(dash) + 4
		for _, w := range []string{"年度", "年"} {
			if strings.HasPrefix(caption[end:], w) {
				end += len(w)
				break
			}
		}
		return caption[:i] + caption[end:]
	}
	return caption
}

// tableReferences open a sentence that speaks of the table before it: 表中
// 依申请公开58件已全部按期答复 restates the table's row, no figure of its own.
var tableReferences = []string{"表中", "上表中", "上表", "如上表", "表内", "该表中"}

// dropTableRestatements drops a figure of a sentence that opens by
// referring to the table (表中…58件) where a table of the text gives the same
// code the same value and scope: the row's second mention.
func (x *run) dropTableRestatements() {
	tables := x.opt.Layout.Tables
	if len(tables) == 0 {
		return
	}
	inTable := func(f found) bool {
		for _, t := range tables {
			if f.start >= t.Span.Start && f.start < t.Span.End {
				return true
			}
		}
		return false
	}
	drop := make([]bool, len(x.facts))
	for i, f := range x.facts {
		if inTable(f) || !anyof.Prefix(strings.TrimLeft(x.text[f.sent:f.start], " "), tableReferences...) {
			continue
		}
		for _, g := range x.facts {
			if g.Indicator == f.Indicator && g.Value == f.Value && g.Scope == f.Scope && inTable(g) {
				drop[i] = true
				break
			}
		}
	}
	x.dropMarked(drop)
}

// dropSplitCells drops the table's figures from first on that split a
// figure the text states before as their sum: 维持、驳回137件 above | 维持 | 96 |
// 驳回 | 41 |. Two or more cells of one code, unscoped, whose sum is a stated
// unscoped figure of the code, are that figure told apart, no figures of
// their own.
func (x *run) dropSplitCells(first int) {
	sums := map[string]float64{}
	cells := map[string]int{}
	for _, f := range x.facts[first:] {
		if f.Scope == "" {
			sums[f.Indicator] += f.Value
			cells[f.Indicator]++
		}
	}
	split := map[string]bool{}
	for code, sum := range sums {
		if cells[code] >= 2 && slices.ContainsFunc(x.facts[:first], func(g found) bool {
			return g.Indicator == code && g.Scope == "" && g.Value == sum
		}) {
			split[code] = true
		}
	}
	if len(split) == 0 {
		return
	}
	out := x.facts[:first]
	for _, f := range x.facts[first:] {
		if f.Scope != "" || !split[f.Indicator] {
			out = append(out, f)
		}
	}
	x.facts = out
}

// caption returns the caption of table t: the line right before it, or
// for a table flattened one cell a line a cell before its first row, when
// short, no sentence and naming a table (统计表, 情况表, …情况); or "".
func (x *run) caption(t layout.Table) string {
	ok := func(s string) bool {
		s, _ = captionUnit(s)
		return s != "" && !strings.Contains(s, "。") && utf8.RuneCountInString(s) <= 40 && anyof.Suffix(s, "表", "情况", "统计", "指标")
	}
	if len(t.Rows) == 0 {
		for _, c := range t.Cells {
			if numberCell(c.Text) {
				break
			}
			if ok(c.Text) {
				return c.Text
			}
		}
	}
	if len(t.Rows) > 0 && len(t.Cells) > 0 && t.Cells[0].Span.Start < t.Rows[0].Cells[0].Span.Start {
		// A caption read into the table's span above its header (表1
		// 2025年…统计表, the table number set apart from the title).
		head := trimSpace(x.text[t.Span.Start:t.Rows[0].Cells[0].Span.Start])
		if !strings.Contains(head, "\n") && ok(head) {
			return head
		}
	}
	before := strings.TrimRight(x.text[:t.Span.Start], " \n")
	line := before[strings.LastIndexByte(before, '\n')+1:]
	if u, isUnit := anyof.CutPrefix(trimSpace(line), unitLabels...); isUnit && countUnit(u) != "" {
		// 统计表 / 单位:件 / 项目 …: the unit's line between the caption
		// and the cells; the caption is read with it.
		above := strings.TrimRight(before[:len(before)-len(line)], " \n")
		if c := trimSpace(above[strings.LastIndexByte(above, '\n')+1:]); ok(c) {
			return c + "(" + trimSpace(line) + ")"
		}
		return "(" + trimSpace(line) + ")" // the unit without a caption
	}
	if line = trimSpace(line); ok(line) {
		return line
	}
	return ""
}

// correctionKinds are the kinds of a reconsideration's correction of the
// act reviewed, as the outcome tables name them.
var correctionKinds = []string{"撤销", "变更", "确认违法", "责令履行", "撤销或部分撤销", "部分撤销"}

// countFunc returns how many of s satisfy f.
func countFunc[T any](s []T, f func(T) bool) int {
	n := 0
	for _, v := range s {
		if f(v) {
			n++
		}
	}
	return n
}

// totalFirst reads rows that close with their total (| 重大行政决策合法性审查
// | 4 | … | 合计 | 74 |) as prose writes a total and its parts: 合计74件,
// 其中重大行政决策合法性审查4件、…, so that a part of the total's own code
// is no figure of its own and a part with a code of its own is. Rows with
// parts marked already, or no total last, are returned as they are.
func totalFirst(rows []tableRow) []tableRow {
	last := len(rows) - 1
	if last < 2 || !slices.Contains(totalLabels, trimSpace(rows[last].label.Text)) {
		return rows
	}
	for _, r := range rows[:last] {
		if r.part || slices.Contains(totalLabels, trimSpace(r.label.Text)) {
			return rows
		}
	}
	out := append([]tableRow{rows[last]}, rows[:last]...)
	for k := 1; k < len(out); k++ {
		out[k].item, out[k].part, out[k].listed = out[k].label.Text, true, k > 1
	}
	return out
}

// topicsOf returns the domain bits of the topic words in s.
func (x *run) topicsOf(s string) uint64 {
	var mask uint64
	for _, h := range x.lx.topics.ScanRange(s, 0, len(s), nil) {
		mask |= x.lx.topicMasks[h.Word]
	}
	return mask
}

// newTopic reports whether s names in full (four characters or more:
// 人民调解, 行政复议, 法治宣传) a topic none of topics is.
func (x *run) newTopic(s string, topics uint64) bool {
	for _, h := range x.lx.topics.ScanRange(s, 0, len(s), nil) {
		if m := x.lx.topicMasks[h.Word]; m&topics == 0 && utf8.RuneCountInString(s[h.Start:h.End]) >= 4 {
			return true
		}
	}
	return false
}

// topicBefore returns the topic words (行政复议, 人民调解…) of the sentence
// right before t, or of the one before that when it names none (a caption
// line of no topic); "" when neither does.
func (x *run) topicBefore(t layout.Table) string {
	end := t.Span.Start
	for read := 0; read < 2 && end > 0; {
		P := x.sentenceStart(end - 1)
		if strings.TrimSpace(x.text[P:end]) == "" {
			end = P // a line break alone
			continue
		}
		read++
		var words []string
		for _, h := range x.lx.topics.ScanRange(x.text, P, end, nil) {
			if w := x.text[h.Start:h.End]; !slices.Contains(words, w) {
				words = append(words, w)
			}
		}
		if len(words) > 0 {
			return strings.Join(words, "")
		}
		end = P
	}
	return ""
}

// leadIns close the line that leads into a table (…处理结果如下:).
var leadIns = []string{"如下:", "如下：", "如下表:", "如下表：", "见下表:", "见下表：", "如下表。", "见下表。", "如下。"}

// leadIn returns the line before t when it leads into it (2025年,区政府共收
// 到行政复议申请402件,…审结案件处理结果如下:), without its closing mark; ""
// otherwise. Its own figures are read where it stands, not again with the
// table's.
func (x *run) leadIn(t layout.Table) string {
	before := strings.TrimRight(x.text[:t.Span.Start], " \n")
	line := trimSpace(before[strings.LastIndexByte(before, '\n')+1:])
	if _, isUnit := anyof.CutPrefix(line, unitLabels...); isUnit {
		// …情况如下: / 单位:件 / the cells: the lead-in above the unit's line.
		before = strings.TrimRight(before[:strings.LastIndexByte(before, '\n')+1], " \n")
		line = trimSpace(before[strings.LastIndexByte(before, '\n')+1:])
	}
	for _, w := range leadIns {
		if l, ok := strings.CutSuffix(line, w); ok {
			return l
		}
	}
	return ""
}

// captionUnit splits the unit a caption gives its cells off it: 2022年行政
// 复议案件审结情况统计表(单位:件) is …统计表 with unit 件; "" when none.
func captionUnit(caption string) (string, string) {
	open := strings.LastIndexAny(caption, "(（")
	if open < 0 || !anyof.Suffix(caption, ")", "）") {
		return caption, ""
	}
	inner := strings.TrimRight(caption[open:], ")）")
	inner = strings.TrimLeft(inner, "(（")
	u, ok := anyof.CutPrefix(inner, unitLabels...)
	if !ok || countUnit(u) == "" {
		return caption, ""
	}
	return caption[:open], countUnit(u)
}

// countUnit returns the unit of the counts a table's unit line gives: the
// unit itself (件), or the first of a list that is no percentage (件、%;
// 个/件/%); "" when u is no unit or list of units.
func countUnit(u string) string {
	if slices.Contains(tableUnits, u) {
		return u
	}
	count := ""
	for _, p := range strings.FieldsFunc(u, func(r rune) bool { return r == '、' || r == '/' || r == ',' || r == '，' }) {
		if !slices.Contains(tableUnits, p) {
			return ""
		}
		if count == "" && p != "%" {
			count = p
		}
	}
	return count
}

// gridRows returns the rows of a table written one row a line: the figure
// of each row is in the column the header names for the report year, or
// in its column of figures (数量), or is the row's only figure.
func (x *run) gridRows(t layout.Table, tableUnit string) []tableRow {
	if rows := transposedRows(t, tableUnit); rows != nil {
		return rows
	}
	if rows := caseTopicRows(t, tableUnit); rows != nil {
		return rows
	}
	if rows, ok := x.yearRows(t); ok {
		return rows
	}
	col, unit := -1, ""
	unitCol := -1 // a column of units (| 指标 | 单位 | 2021年 | 2022年 |)
	header := false
	numbered := false    // a first column of row numbers (| 序号 | 指标名称 | …)
	var otherYears []int // the columns of other years (2021年 in a 2022 report)
	var out []tableRow
	for _, r := range t.Rows {
		if numbered && len(r.Cells) > 1 {
			r.Cells = r.Cells[1:]
		} else if len(r.Cells) > 1 && anyof.Prefix(r.Cells[0].Text, "序号", "编号") {
			numbered = true
			r.Cells = r.Cells[1:]
		}
		if r.Header || yearsHeader(r.Cells) {
			header = true
			col, unit = headerColumn(r.Cells, x.opt.Year)
			if col == -2 {
				return nil // columns of other years only
			}
			if col > 0 && strings.HasSuffix(trimSpace(r.Cells[col].Text), "次数") && slices.ContainsFunc(t.Rows, func(r layout.Row) bool {
				return len(r.Cells) > 0 && slices.Contains(totalLabels, trimSpace(r.Cells[0].Text))
			}) {
				// | 学习形式 | 次数 | with a 合计 row: the forms are of
				// several codes (中心组学法, 法治讲座), and their total of none.
				return nil
			}
			unitCol = slices.IndexFunc(r.Cells, func(c layout.Cell) bool { return anyof.Contains(c.Text, unitColumns...) })
			otherYears = otherYears[:0]
			for j, c := range r.Cells {
				if y := yearOf(c.Text); j > 0 && y > 0 && y != x.opt.Year {
					otherYears = append(otherYears, j)
				}
			}
			continue
		}
		if len(r.Cells) < 2 || numberCell(r.Cells[0].Text) {
			continue
		}
		k := col
		if k < 0 {
			if header && len(r.Cells) > 2 {
				continue // several figures and no column to tell which
			}
			k = 1
		}
		if k >= len(r.Cells) || !numberCell(r.Cells[k].Text) {
			continue
		}
		u := cmp.Or(unit, tableUnit)
		if unitCol > 0 && unitCol < len(r.Cells) && slices.Contains(tableUnits, r.Cells[unitCol].Text) {
			u = r.Cells[unitCol].Text
		}
		if u == "" && anyof.Contains(r.Cells[0].Text, caseRowWords...) {
			u = "件" // | 审结 | 81 | 66 |: cases, counted in 件 where no unit is written
		}
		if u := rowUnit(r.Cells[0].Text, cellUnit(r.Cells[k].Text, u)); u != "" {
			var others []layout.Cell
			for _, j := range otherYears {
				if j < len(r.Cells) && numberCell(r.Cells[j].Text) {
					others = append(others, r.Cells[j])
				}
			}
			out = append(out, tableRow{label: r.Cells[0], value: r.Cells[k], unit: u, others: others})
		}
	}
	return out
}

// yearRows reads a table whose rows are years under a header of counts
// (年度 / 受理案件(件) / 结案(件) / 结案率, then 2023年 / 412 / 398 / 96.60%):
// the report year's row gives each column's figure, named by its head;
// the other years' rows are no figures of the year. ok is false when t is
// no such table; a table of other years' rows only gives none.
func (x *run) yearRows(t layout.Table) (rows []tableRow, ok bool) {
	if len(t.Rows) < 2 || !t.Rows[0].Header {
		return nil, false
	}
	head := t.Rows[0].Cells
	var mine []layout.Cell
	var others [][]layout.Cell
	for _, r := range t.Rows[1:] {
		if len(r.Cells) != len(head) || yearOf(r.Cells[0].Text) == 0 {
			return nil, false
		}
		if yearOf(r.Cells[0].Text) == x.opt.Year {
			mine = r.Cells
		} else {
			others = append(others, r.Cells)
		}
	}
	for k, h := range head[1:] {
		if bracketUnit(h.Text) == "" && !strings.HasSuffix(trimSpace(h.Text), "率") {
			return nil, false // a column of no count or rate: no table of counts
		}
		if mine == nil {
			continue
		}
		u := rowUnit(h.Text, cellUnit(mine[k+1].Text, ""))
		if u == "" || !numberCell(mine[k+1].Text) {
			continue
		}
		row := tableRow{label: h, value: mine[k+1], unit: u}
		for _, o := range others {
			row.others = append(row.others, o[k+1])
		}
		rows = append(rows, row)
	}
	return rows, true
}

// headerColumn returns the column of a header row that holds the report
// year's figures, and the unit its brackets give: the column of that year
// (2022年, 2022年完成, 2022), or the current period's (本年, 今年), or, with
// no year column, the column of figures (数量(件)) that is no other
// period's (上年合计); -1 when the header names none, -2 when its year
// columns are of other years only or it holds targets.
func headerColumn(cells []layout.Cell, year int) (int, string) {
	years, targets, current, named, done := false, false, -1, -1, -1
	for k, c := range cells {
		if k == 0 {
			continue
		}
		switch {
		case targetColumn(c.Text):
			targets = true // | 指标 | 2023年目标 |: targets, not figures
		case anyof.Contains(c.Text, doneColumns...):
			if done < 0 {
				done = k // | 目标值 | 完成值 |: what was done
			}
		case yearOf(c.Text) > 0:
			if yearOf(c.Text) == year {
				return k, bracketUnit(c.Text)
			}
			years = true
		case anyof.Contains(c.Text, currentColumns...):
			if current < 0 {
				current = k
			}
		case anyof.Contains(c.Text, previousColumns...):
		case named < 0 && anyof.Contains(c.Text, valueColumns...):
			named = k
		}
	}
	switch {
	case years:
		return -2, ""
	case current > 0:
		return current, bracketUnit(cells[current].Text)
	case done > 0:
		return done, bracketUnit(cells[done].Text)
	case targets:
		return -2, ""
	case named > 0:
		return named, cmp.Or(bracketUnit(cells[named].Text), countColumnUnit(cells[named].Text))
	}
	return -1, ""
}

// endedLabels name a table row of cases ended with no outcome.
var endedLabels = []string{"终止", "终止审理", "其他终止", "终止审查"}

// countColumnUnit returns the classifier a column named for a count names
// (件数, 案件数, 承办件数 → 件; 次数 → 次), "" for any other name.
func countColumnUnit(name string) string {
	// 件数, 案件数, and a count of what was done (承办件数, 受理件数); 次数.
	switch t := strings.TrimSpace(name); {
	case strings.HasSuffix(t, "件数"):
		return "件"
	case strings.HasSuffix(t, "次数"):
		return "次"
	}
	return ""
}

// yearsHeader reports whether a row is a header of bare years: after its
// label cell, consecutive years (| 指标 | 2021 | 2022 |), which no row of
// figures is.
func yearsHeader(cs []layout.Cell) bool {
	if len(cs) < 3 {
		return false
	}
	for k := 1; k < len(cs); k++ {
		y := yearOf(cs[k].Text)
		if y == 0 || k > 1 && y != yearOf(cs[k-1].Text)+1 {
			return false
		}
	}
	return true
}

// shareRow reports whether a row gives shares only: each figure a
// percentage (| 占比 | 58.5% | 7.4% | … | 100% |).
func shareRow(cs []layout.Cell) bool {
	if len(cs) < 2 {
		return false
	}
	for _, c := range cs[1:] {
		if !strings.HasSuffix(c.Text, "%") || !numberCell(c.Text) {
			return false
		}
	}
	return true
}

// transposedRows returns the rows of a table of two rows whose columns are
// the rows' labels: a header of labels and one row of their figures (| 结案
// 方式 | 维持 | 驳回 | 纠错 | / | 件数 | 73 | 21 | 25 |), each figure read
// with its column's head, in the unit the figures' row names (件数, 数量(件))
// or the table's; rows of shares may follow. nil for any other table.
func transposedRows(t layout.Table, tableUnit string) []tableRow {
	if len(t.Rows) < 2 || !t.Rows[0].Header {
		return nil
	}
	// Rows of shares may follow the figures' (| 占比 | 58.5% | 7.4% |): the
	// figures' own parts, no figures of theirs.
	for _, r := range t.Rows[2:] {
		if !shareRow(r.Cells) {
			return nil
		}
	}
	head, fig := t.Rows[0].Cells, t.Rows[1].Cells
	if len(head) != len(fig) || len(head) < 3 {
		return nil
	}
	unit := bracketUnit(fig[0].Text)
	if u, ok := strings.CutSuffix(trimSpace(fig[0].Text), "数"); ok && slices.Contains(tableUnits, u) {
		unit = u // 件数, 人数, 次数
	} else if !anyof.Prefix(fig[0].Text, valueColumns...) {
		return nil // a body's or a period's row, not the figures'
	}
	unit = cmp.Or(unit, tableUnit)
	if unit == "" {
		return nil
	}
	var out []tableRow
	var total *tableRow
	for k := 1; k < len(head); k++ {
		if !numberCell(fig[k].Text) || numberCell(head[k].Text) || head[k].Text == "" {
			return nil
		}
		r := tableRow{label: head[k], value: fig[k], unit: rowUnit(head[k].Text, cellUnit(fig[k].Text, unit))}
		if slices.Contains(totalLabels, trimSpace(head[k].Text)) {
			if total != nil || k != len(head)-1 {
				return nil // a total among the columns: no reading of its parts
			}
			total = &r
			continue
		}
		out = append(out, r)
	}
	// Two or more kinds of correction (撤销 / 变更 / 确认违法 / 责令履行) are a
	// breakdown of the corrections, none of them the corrections counted.
	correction := func(r tableRow) bool { return slices.Contains(correctionKinds, trimSpace(r.label.Text)) }
	if countFunc(out, correction) >= 2 {
		out = slices.DeleteFunc(out, correction)
	}
	if total != nil {
		// The last column totals the others (维持 / 驳回 / … / 合计): the
		// total first, and the columns its parts, read as prose reads 合计354
		// 件,其中维持142件、驳回61件 — only a part with a code of its own
		// counts (专职 / 兼职 / 合计 gives none).
		for k := range out {
			out[k].item, out[k].part, out[k].listed = out[k].label.Text, true, k > 0
		}
		out = append([]tableRow{*total}, out...)
	}
	return out
}

// cellRows returns the rows of a table flattened one cell a line: a label,
// its figure, and perhaps a unit cell after it (调解矛盾纠纷 / 88 / 件). A
// label with more than one figure is read only when the column names
// before the first row name years and one is the report year's.
func (x *run) cellRows(cs []layout.Cell, tableUnit string) []tableRow {
	// A row is a label, perhaps its unit cell (a unit column before the
	// figures: 受理矛盾纠纷 / 件 / 238 / 264), and its figures.
	unitAt := func(i int) bool { return i < len(cs) && slices.Contains(tableUnits, cs[i].Text) }
	figuresAt := func(i int) int {
		if unitAt(i) && i+1 < len(cs) && numberCell(cs[i+1].Text) {
			return i + 1
		}
		if i < len(cs) && numberCell(cs[i].Text) {
			return i
		}
		return -1
	}
	first := -1
	for i := 0; i+1 < len(cs); i++ {
		if !numberCell(cs[i].Text) && !unitAt(i) && figuresAt(i+1) > 0 {
			first = i
			break
		}
	}
	if first < 0 {
		return nil
	}
	var years []int
	lastYear := -1
	for i, c := range cs[:first] {
		if targetColumn(c.Text) {
			return nil // a table of targets
		}
		if y := yearOf(c.Text); y > 0 {
			years = append(years, y)
			lastYear = i
		}
	}
	want := slices.Index(years, x.opt.Year)
	if len(years) > 0 && want < 0 {
		return nil // a table of other years
	}
	// Columns of the change after the years' (项目 / 2021年 / 2022年 / 同比):
	// a row's figures are then the years' and its changes.
	changes := 0
	if lastYear >= 0 && lastYear+1 < first {
		changes = first - lastYear - 1
		for _, c := range cs[lastYear+1 : first] {
			if !anyof.Contains(c.Text, changeColumns...) {
				changes = 0
				break
			}
		}
	}
	// The unit of the column of figures (项目 / 数量(件)), or the table's
	// (单位:件 on a line of its own).
	for _, c := range cs[:first] {
		if u := bracketUnit(c.Text); u != "" && anyof.Prefix(c.Text, valueColumns...) {
			tableUnit = u
		} else if u, ok := anyof.CutPrefix(c.Text, unitLabels...); ok && slices.Contains(tableUnits, u) {
			tableUnit = u
		}
	}
	// With no year columns, the column names right before the first row
	// (项目 / 数量(件) / 同比增减) say which of a row's figures is the count
	// and its unit, as a header row does.
	col, colUnit := -1, ""
	var transposed []layout.Cell // the column heads when each names a count with its unit
	wholeRead := false           // the whole's row of such a table was read
	if len(years) == 0 {
		if from := figuresAt(first + 1); from > 0 {
			n := 0
			for from+n < len(cs) && numberCell(cs[from+n].Text) {
				n++
			}
			if n > 1 && first >= n+1 {
				hdr := cs[first-n-1 : first]
				if !slices.ContainsFunc(hdr, func(c layout.Cell) bool { return numberCell(c.Text) || slices.Contains(tableUnits, c.Text) }) {
					k, u := headerColumn(hdr, x.opt.Year)
					if k == -2 {
						return nil // targets
					}
					if k > 0 {
						col, colUnit = k-1, u
					} else if !slices.ContainsFunc(hdr[1:], func(c layout.Cell) bool { return bracketUnit(c.Text) == "" }) {
						transposed = hdr[1:]
					}
				}
			}
		}
	}
	var out []tableRow
	for i := first; i < len(cs); i++ {
		label := cs[i]
		if numberCell(label.Text) || unitAt(i) {
			continue
		}
		unit := ""
		from := figuresAt(i + 1)
		if from < 0 {
			continue
		}
		if from == i+2 {
			unit = cs[i+1].Text
		}
		j := from
		for j < len(cs) && numberCell(cs[j].Text) {
			j++
		}
		if n := len(years) + changes; len(years) > 0 && j-from > n && j < len(cs) {
			// A figure past the year and change columns, before the next
			// label, is that row's number (序号: … 98.7 +2.2 | 10 | 12345
			// 热线工单办结), not this row's.
			j = from + n
		}
		values := cs[from:j]
		if unit == "" && unitAt(j) {
			unit = cs[j].Text
			j++
		}
		i = max(i, j-1)
		var value layout.Cell
		var others []layout.Cell
		switch {
		case len(values) == 0:
			continue
		case len(years) > 0 && (len(values) == len(years) || changes > 0 && len(values) == len(years)+changes):
			value = values[want]
			for k, v := range values[:len(years)] {
				if k != want {
					others = append(others, v)
				}
			}
		case len(years) == 0 && len(values) == 1:
			value = values[0]
			unit = cmp.Or(unit, tableUnit)
		case len(transposed) == len(values):
			// The whole's row of a table whose columns are the counts: each
			// figure is its column's, named by the column's head; the other
			// rows are parts or other bodies.
			// The label is the total word itself: not a part, a body, a
			// period or a change named beside it (全市法院诉调对接中心,
			// 上年全市合计, 1-6月合计, 全市总数同比增长); one such row only.
			if wholeRead || !slices.Contains(totalLabels, trimSpace(label.Text)) {
				continue
			}
			wholeRead = true
			for k, v := range values {
				if u := rowUnit(transposed[k].Text, cellUnit(v.Text, "")); u != "" {
					out = append(out, tableRow{label: transposed[k], value: v, unit: u})
				}
			}
			continue
		case col >= 0 && col < len(values):
			value = values[col]
			if unit == "" {
				unit = colUnit
			}
		default:
			continue
		}
		if u := rowUnit(label.Text, cellUnit(value.Text, unit)); u != "" {
			out = append(out, tableRow{label: label, value: value, unit: u, others: others})
		}
	}
	return out
}

// rowUnit returns the unit of a row: the label's brackets (受理矛盾纠纷(件)),
// or else the unit of its column or cell; "" when neither is a classifier.
func rowUnit(label, unit string) string {
	if u := bracketUnit(label); u != "" {
		return u
	}

	if slices.Contains(tableUnits, unit) {
		return unit
	}
	return ""
}

// cellUnit is the unit a figure's cell carries (97.8%), or else unit.
func cellUnit(cell, unit string) string {
	if strings.HasSuffix(cell, "%") {
		return "%"
	}
	return unit
}

// bracketUnit returns the classifier in the closing brackets of s (数量(件),
// 执法人员持证率(%)), or "".
func bracketUnit(s string) string {
	open := strings.LastIndexAny(s, "(（")
	if open < 0 {
		return ""
	}
	u := strings.TrimLeft(strings.TrimRight(s[open:], ")）"), "(（")
	if slices.Contains(tableUnits, u) {
		return u
	}
	return ""
}

// yearOf returns the year a column name opens with (2022年, 2022年度,
// 2022年完成, 2022), between 2000 and 2099, or 0. A longer cell is a
// caption, no column name (2022年度法治建设工作数据统计表).
func yearOf(s string) int {
	if len(s) < 4 || s[:2] != "20" || !numberCell(s[:4]) || strings.Contains(s[:4], ".") || strings.Contains(s[:4], ",") ||
		utf8.RuneCountInString(s) > maxColumnName {
		return 0
	}
	if rest := s[4:]; rest != "" && !strings.HasPrefix(rest, "年") {
		return 0
	}
	n := 0
	for i := 0; i < 4; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// rowFact records the figure of cell value in the row labelled label,
// read as code with confidence conf (at most the table lookup's) and the
// scope the row's words give (村(社区)法律顾问提供法律服务).
// readStarts returns the starts of the figures read so far: a table's cell
// read already as prose is not read again (see rowFact).
func (x *run) readStarts() map[int]bool {
	read := make(map[int]bool, len(x.facts))
	for _, f := range x.facts {
		read[f.start] = true
	}
	return read
}

func (x *run) rowFact(f Fact, label, value layout.Cell, read map[int]bool) {
	if read[value.Span.Start] {
		return // read already, as prose
	}
	if x.tableFact(f.Indicator, label, value) {
		last := &x.facts[len(x.facts)-1]
		last.Confidence = min(f.Confidence, tableConfidence)
		last.Scope = f.Scope
		last.Approx, last.ApproxKind = f.Approx, f.ApproxKind
		// The row's unit scales its figure (涉及金额 | 万元 | 6253.4).
		last.Value = f.Value
	}
}

func (x *run) table(t layout.Table) {
	var columns []string
	cs := t.Cells
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		if c.Text == headerCell {
			// The column names run to the first row label: the cell a
			// figure follows.
			columns = columns[:0]
			// Another header's cell ends them: rows of blank cells (| 规章 | | |
			// |) give no figure to stop at.
			for j := i + 1; j+1 < len(cs) && !numberCell(cs[j].Text) && !numberCell(cs[j+1].Text) && cs[j].Text != headerCell; j++ {
				columns = append(columns, cs[j].Text)
				i = j
			}
			continue
		}
		label := rowLabel(c.Text)
		// The row's values: the numbers that follow its label.
		var values []layout.Cell
		for j := i + 1; j < len(cs) && numberCell(cs[j].Text); j++ {
			values = append(values, cs[j])
		}
		if end := i + 1 + len(values); !formatRow(label) && len(values) > 0 && end < len(cs) && formatRow(label+cs[end].Text) {
			// A label a PDF's column broke over two lines (行政规范性 2 1 9 /
			// 文件): its end follows the figures.
			label += cs[end].Text
		}
		if !formatRow(label) {
			continue
		}
		for _, tc := range tableCells {
			if tc.row != label {
				continue
			}
			k := len(values) - 1
			if tc.column != "" {
				k = columnIndex(columns, tc.column)
				if k < 0 && len(values) == tc.width {
					// No column of that name (none, or the first table's
					// heads over a row of the next): the format's order.
					k = tc.pos
				}
			}
			if k < 0 || k >= len(values) {
				continue
			}
			x.tableFact(tc.code, c, values[k])
		}
		i += len(values)
	}
}

// rowLabel strips the numbering of a row label: 一、本年新收政府信息公开申请数量,
// (一)予以公开.
func rowLabel(s string) string {
	if i := strings.Index(s, "、"); i > 0 && strings.Trim(s[:i], "一二三四五六七八九十") == "" {
		return s[i+len("、"):]
	}
	if strings.HasPrefix(s, "(") {
		if i := strings.Index(s, ")"); i > 0 && strings.Trim(s[1:i], "一二三四五六七八九十") == "" {
			return s[i+1:]
		}
	}
	return s
}

// columnIndex returns the index of the first column whose name holds want,
// or -1.
func columnIndex(columns []string, want string) int {
	for k, c := range columns {
		if strings.Contains(c, want) {
			return k
		}
	}
	return -1
}

// numberCell reports whether a cell holds a figure: a number, signed in a
// column of changes (本年增/减: -1, +2), a decimal in a column of rates
// (97.8, 97.8%).
func numberCell(s string) bool {
	s = strings.TrimSuffix(s, "%") // a rate's cell may carry its sign (97.8%)
	if t, ok := anyof.CutSuffix(s, approxCellMarks...); ok && t != "" && t[len(t)-1] >= '0' && t[len(t)-1] <= '9' {
		s = t // 12000余: a bound, read as prose reads it
	}
	if len(s) > 1 && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' || strings.Count(s, ".") > 1 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != ',' && s[i] != '.' {
			return false
		}
	}
	return true
}

// tableFact records the figure of cell value in the row labelled label,
// and reports whether the cell held one.
func (x *run) tableFact(code string, label, value layout.Cell) bool {
	n, ok := cnnum.ParseAt(x.text, value.Span.Start)
	end := value.Span.End
	if strings.HasSuffix(value.Text, "%") {
		end -= len("%")
	}
	if t, ok := anyof.CutSuffix(value.Text, approxCellMarks...); ok {
		end -= len(value.Text) - len(t) // 12000余: the bound is the row's reading's
	}
	if !ok || n.End != end {
		return false
	}
	ind, _ := Lookup(code)
	x.facts = append(x.facts, found{
		Fact: Fact{
			Indicator:  code,
			Value:      n.Value,
			Unit:       ind.Unit,
			Quote:      x.text[label.Span.Start:value.Span.End],
			Confidence: tableConfidence,
		},
		start: value.Span.Start,
		end:   value.Span.End,
		sent:  label.Span.Start,
		after: -1,
	})
	return true
}
