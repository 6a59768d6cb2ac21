package layout

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fazhi/fazhi/ingest/anyof"
)

// Table is a table written with | between its cells: one row a line (|
// 行政处罚 | 9 |), or, as web pages often flatten them, one cell or a few
// cells a line with the | marks on lines of their own; or a table whose
// marks were lost, as text taken from a PDF or a page's cells comes out:
// one cell a line, or a row's cells apart by spaces (行政处罚 5).
type Table struct {
	Span Span
	// Rows are the lines that hold a whole row (two | marks or more).
	Rows []Row
	// Cells are all the cells of the table in reading order, empty ones left
	// out: what a table flattened one cell a line still keeps.
	Cells []Cell
}

// Row is one row of a table.
type Row struct {
	// Line is the row's index into Layout.Lines.
	Line  int
	Cells []Cell
	// Header is set for a row of column names: two or more cells with text
	// and no number after the first (| 信息内容 | 本年制发件数 | 现行有效件数 |).
	Header bool
}

// Cell is one cell of a row; empty cells are kept in Rows, so that columns
// line up. Text is the text of Span, but for a label whose two characters
// a PDF set apart (合 计), given without the space.
type Cell struct {
	Span Span
	Text string
}

// maxBareCellRunes bounds a line without | read as a cell of a table
// flattened one cell a line.
const maxBareCellRunes = 40

func (l *Layout) readTables() {
	for i := 0; i < len(l.Lines); {
		if !l.cellLine(i) {
			i++
			continue
		}
		j, pipes := l.tableEnd(i)
		if pipes < 2 {
			i = j + 1
			continue
		}
		t := Table{Span: Span{l.Lines[i].Start, l.Lines[j-1].End}}
		for k := i; k < j; k++ {
			ln := &l.Lines[k]
			ln.Kind = TableRow
			cs := cells(l.Text, ln.Span)
			if ruleRow(cs) {
				continue // | --- | --- |: the line under a header, no cells
			}
			if strings.Count(l.LineText(k), "|") >= 2 {
				row := Row{Line: k, Cells: cs}
				row.Header = isHeaderRow(cs)
				t.Rows = append(t.Rows, row)
			}
			for _, c := range cs {
				if c.Text != "" {
					t.Cells = append(t.Cells, c)
				}
			}
		}
		l.Tables = append(l.Tables, t)
		i = j
	}
	l.readBareTables()
}

// ruleRow reports whether a row's cells are rules only, as a Markdown
// table writes under its header (| --- | :---: |): dashes, colons and
// spaces, at least one dash.
func ruleRow(cs []Cell) bool {
	dash := false
	for _, c := range cs {
		if strings.Trim(c.Text, "-—:： ") != "" {
			return false
		}
		dash = dash || strings.ContainsAny(c.Text, "-—")
	}
	return dash
}

// Bounds of a table without | marks: at least minBareLines short lines in
// a row, minBareFigures of them (or one row of minRowFigures) and at least
// one in four ending in a figure, and two or more named cells. Running
// text, even broken into short lines, has few lines that end in a figure
// set apart.
const (
	minBareLines   = 4
	minBareFigures = 2
	// minRowFigures figures make a table of one row of them under its
	// header lines (the fifteen outcome columns of the 政府信息公开 format).
	minRowFigures = 5
)

// readBareTables reads the tables without | marks: runs of lines that can
// be cells (short, no sentence in them) outside the tables with marks,
// among which figures stand on their own lines or apart by spaces. Their
// lines keep their kinds: a heading among them stays one.
func (l *Layout) readBareTables() {
	// The tables with marks, in line order, mark their lines.
	inTable := make([]bool, len(l.Lines))
	k := 0
	for i := range l.Lines {
		for k < len(l.Tables) && l.Tables[k].Span.End < l.Lines[i].Start {
			k++
		}
		inTable[i] = k < len(l.Tables) && l.Lines[i].Start >= l.Tables[k].Span.Start && l.Lines[i].End <= l.Tables[k].Span.End
	}
	for i := 0; i < len(l.Lines); {
		j := i
		for j < len(l.Lines) && !inTable[j] && (l.bareTableLine(j) || j > i && l.pageBreakIn(j)) {
			j++
		}
		if j == i {
			i++
			continue
		}
		var cs []Cell
		lines, figures, numbers := 0, 0, 0
		afterFigure := false
		for k := i; k < j; k++ {
			if l.Lines[k].Kind == Furniture && !isNumberCell(l.LineText(k)) {
				continue // a page's number or running title inside the table
			}
			row := fields(l.Text, l.Lines[k].Span)
			if len(row) == 0 {
				continue
			}
			unitCell := afterFigure && len(row) == 1 && runes(row[0].Text) <= maxUnitCellRunes
			// A numbered label with its figures (一、本年新收政府信息公开申请
			// 数量 31 2 0 0 1 0 34) reads as a heading, and is a row.
			figureRow := len(row) >= 2 && isFigureCell(row[len(row)-1].Text)
			if (l.Lines[k].Kind != Heading || figureRow) && !unitCell {
				// A section's heading may open or close the run; a unit's
				// cell after a figure (法治宣传活动 / 42 / 场) is the row's.
				lines++
			}
			afterFigure = isFigureCell(row[len(row)-1].Text)
			if afterFigure {
				figures++
			}
			for _, c := range row {
				if isNumberCell(c.Text) {
					numbers++
				}
			}
			cs = append(cs, row...)
		}
		// One row of figures under header lines may stand below more lines
		// than a fourth of the run (行政复议 行政诉讼 / 结果 结果 其他… / 14 2 3 1 20 9).
		if lines >= minBareLines && (figures >= minBareFigures && 4*figures >= lines || numbers >= minRowFigures && figures >= 1) && len(cs)-numbers >= 2 {
			l.Tables = append(l.Tables, Table{Span: Span{l.Lines[i].Start, l.Lines[j-1].End}, Cells: cs, Rows: l.spacedGrid(i, j)})
		} else if lines == minBareLines-1 {
			// A header and two rows of figures under it, four columns or
			// more (类别 结果维持 … 总计 / 行政复议 1 0 0 0 1 / 行政诉讼 …): a
			// grid that short is still no prose.
			if rows := l.spacedGrid(i, j); len(rows) == 3 && len(rows[0].Cells) >= 4 {
				l.Tables = append(l.Tables, Table{Span: Span{l.Lines[i].Start, l.Lines[j-1].End}, Cells: cs, Rows: rows})
			}
		}
		i = j
	}
	slices.SortFunc(l.Tables, func(a, b Table) int { return a.Span.Start - b.Span.Start })
}

// spacedGrid returns the rows of lines i to j of a table without | marks
// when they form a grid: a header row of column names (项目 2024年 2023年
// 增减) and under it rows of as many cells apart by spaces, each a label
// and its figures, as a PDF's text gives a table. Lines of one cell (a
// heading, a page's number) are no rows; any other count of cells, as a
// label broken by a space gives, and there is no grid (nil).
func (l *Layout) spacedGrid(i, j int) []Row {
	var rows []Row
	width := 0
	for k := i; k < j; k++ {
		cs := fields(l.Text, l.Lines[k].Span)
		if len(cs) < 2 || width == 0 && numberedCaption(l.LineText(k)) {
			continue // 表1 2025年…统计表: the caption above the header
		}
		if width == 0 {
			if len(cs) < 3 || !isHeaderRow(cs) {
				return nil
			}
			width = len(cs)
			rows = append(rows, Row{Line: k, Cells: cs, Header: true})
			continue
		}
		if len(cs) != width || isNumberCell(cs[0].Text) {
			return nil
		}
		for _, c := range cs[1:] {
			if !isFigureCell(c.Text) {
				return nil
			}
		}
		rows = append(rows, Row{Line: k, Cells: cs})
	}
	if len(rows) < 3 {
		return nil
	}
	return rows
}

// pageBreakIn reports whether line i is a page's furniture (its number,
// the report's running title) between two lines of a table's cells.
func (l *Layout) pageBreakIn(i int) bool {
	return l.Lines[i].Kind == Furniture && i+1 < len(l.Lines) && l.bareTableLine(i+1)
}

// maxUnitCellRunes bounds a unit's cell after a figure (场, 人次, 户次).
const maxUnitCellRunes = 2

// isFigureCell reports whether a cell of a table without | marks holds a
// figure, perhaps closed by the bound a writer gives it (12000余).
func isFigureCell(s string) bool {
	if t, ok := anyof.CutSuffix(s, "余", "多"); ok {
		s = t
	}
	return isNumberCell(s)
}

// bareTableLine reports whether line i can be a cell, or a row of cells
// apart by spaces, of a table without | marks: short, no sentence in it,
// and the report's own text (a figure alone on its line, which reads as a
// page number, included).
func (l *Layout) bareTableLine(i int) bool {
	s := l.LineText(i)
	switch k := l.Lines[i].Kind; {
	case k != Prose && k != Heading && k != Furniture:
		return false
	case isNumberCell(s):
		return true
	case k == Furniture || longer(s, maxBareCellRunes) && !spacedRow(s):
		return false
	}
	// A part's label may keep its colon: 其中:调解成功.
	s = strings.TrimPrefix(strings.TrimPrefix(s, "其中:"), "其中：")
	return !hasSentencePunct(s)
}

// numberedCaption reports whether s is a table's numbered caption: 表 and
// its number, then the title (表1 2025年霞溪镇矛盾纠纷调处情况统计表).
func numberedCaption(s string) bool {
	rest, ok := strings.CutPrefix(s, "表")
	if !ok {
		return false
	}
	d := len(rest) - len(strings.TrimLeft(rest, "0123456789"))
	if d == 0 || d > 2 {
		return false
	}
	title := strings.TrimSpace(rest[d:])
	return title != "" && !longer(title, maxBareRowRunes) && anyof.Suffix(title, "表", "情况", "统计", "指标", "一览")
}

// hasSentencePunct reports whether s holds a mark of running text (。;,:),
// a comma that separates thousands (6,418) aside.
func hasSentencePunct(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == ',' && i > 0 && i+1 < len(s) && isDigitByte(s[i-1]) && isDigitByte(s[i+1]) {
			continue
		}
		if strings.ContainsRune(",;:", rune(s[i])) {
			return true
		}
	}
	return strings.ContainsAny(s, "。；，：")
}

// maxBareRowRunes bounds a row of cells apart by spaces (the fifteen
// outcome columns of the 政府信息公开 format's section on its cases).
const maxBareRowRunes = 160

// spacedRow reports whether s, longer than a cell, is a row of cells apart
// by spaces: three or more, none longer than a cell.
func spacedRow(s string) bool {
	if longer(s, maxBareRowRunes) {
		return false
	}
	// Counted in place, as strings.Fields would split it (U+3000 is a
	// space): most lines tested are prose.
	cells, run := 0, 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			run = 0
			continue
		}
		if run == 0 {
			cells++
		}
		if run++; run > maxBareCellRunes {
			return false
		}
	}
	return cells >= 3
}

// fields splits a line at its runs of spaces (ASCII, ideographic, tabs)
// into cells.
func fields(text string, line Span) []Cell {
	var out []Cell
	start := -1
	for i, r := range text[line.Start:line.End] {
		space := r == ' ' || r == '\t' || r == '\u3000'
		switch {
		case space && start >= 0:
			out = append(out, Cell{Span: Span{line.Start + start, line.Start + i}, Text: text[line.Start+start : line.Start+i]})
			start = -1
		case !space && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, Cell{Span: Span{line.Start + start, line.End}, Text: text[line.Start+start : line.End]})
	}
	if len(out) == 0 {
		return nil // a line of spaces only
	}
	// A label of two characters set apart (合 计, 小 计, as a PDF spaces a
	// short label to its column's width) is one cell, its Text without
	// the space.
	if len(out) > 1 && isLoneHan(out[0].Text) {
		// The second character alone, or with the row's figure glued on
		// (合 计186); not a column's name (村 受理 调解成功).
		if r, n := utf8.DecodeRuneInString(out[1].Text); unicode.Is(unicode.Han, r) && (n == len(out[1].Text) || isNumberCell(out[1].Text[n:])) {
			out = append([]Cell{{Span: Span{out[0].Span.Start, out[1].Span.End}, Text: out[0].Text + out[1].Text}}, out[2:]...)
		}
	}
	// The normaliser takes out a space between a Chinese character and a
	// figure: 行政许可 0 comes as 行政许可0, and 行政规范性文件 1 0 3 as
	// 行政规范性文件1 0 3, a label and its cell.
	if len(out) > 1 && isNumberCell(out[1].Text) {
		if label, figure, ok := labelFigure(text, out[0]); ok {
			out = append([]Cell{label, figure}, out[1:]...)
		}
	}
	// So a header's label and its year columns come as one: 项目 2024年
	// 2023年 增减 as 项目2024年2023年 增减, and 序号 指标名称 单位 2023年
	// 2024年 as 序号 指标名称 单位2023年2024年.
	for k := 0; k < len(out); k++ {
		// One year column is a column when a change column follows it (项目
		// 2024年 同比 as 项目2024年 同比); alone it may be a label's year.
		minYears := 2
		if k+1 < len(out) && anyof.Prefix(out[k+1].Text, changeHeads...) {
			minYears = 1
		}
		if heads := yearHeads(text, out[k], minYears); heads != nil {
			out = slices.Insert(slices.Delete(out, k, k+1), k, heads...)
			k += len(heads) - 1
		}
	}
	// And a unit column's cell and the figure after it: 行政处罚案件 件 3862
	// 4205 as 行政处罚案件 件3862 4205.
	for k := 1; k+1 < len(out); k++ {
		if !isNumberCell(out[k+1].Text) {
			continue
		}
		if label, figure, ok := labelFigure(text, out[k]); ok && isUnitCell(label.Text) {
			out = slices.Insert(slices.Delete(out, k, k+1), k, label, figure)
			k++
		}
	}
	if label, figure, ok := labelFigure(text, out[len(out)-1]); ok {
		out = append(out[:len(out)-1], label, figure)
	}
	return out
}

// unitCells are the units a table's unit column holds.
var unitCells = []string{"件", "次", "人", "人次", "个", "项", "场", "场次", "份", "条", "篇", "宗", "起", "期", "户", "户次", "家", "元", "万元", "亿元", "万件", "万人次", "批次", "卷", "名"}

// isUnitCell reports whether s is a unit column's cell.
func isUnitCell(s string) bool {
	return slices.Contains(unitCells, s)
}

// labelFigure splits a cell that is a label glued to its figure (行政许可0)
// into the two: the figure's digits after a Chinese character.
func labelFigure(text string, c Cell) (label, figure Cell, ok bool) {
	// The figure may hold thousands commas and a decimal point (行政检查6,418),
	// or be a rate (负责人出庭应诉率92.4%), but starts with a digit.
	body := strings.TrimSuffix(c.Text, "%")
	fig := body[len(strings.TrimRight(body, "0123456789,.")):]
	fig = strings.TrimLeft(fig, ",.")
	d := len(fig) + len(c.Text) - len(body)
	if len(fig) == 0 || d == len(c.Text) || !isNumberCell(c.Text[len(c.Text)-d:]) {
		return Cell{}, Cell{}, false
	}
	if r, _ := utf8.DecodeLastRuneInString(c.Text[:len(c.Text)-d]); !unicode.Is(unicode.Han, r) {
		return Cell{}, Cell{}, false
	}
	cut := c.Span.End - d
	return Cell{Span: Span{c.Span.Start, cut}, Text: c.Text[:len(c.Text)-d]}, Cell{Span: Span{cut, c.Span.End}, Text: text[cut:c.Span.End]}, true
}

// isLoneHan reports whether s is one Chinese character.
func isLoneHan(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && unicode.Is(unicode.Han, r)
}

// yearHeads splits a cell made of a label and the year columns glued to
// it (项目2024年2023年), minYears of them at least, into those cells; nil
// when c is no such cell.
func yearHeads(text string, c Cell, minYears int) []Cell {
	i := strings.Index(c.Text, "20")
	if i <= 0 {
		return nil
	}
	if r, _ := utf8.DecodeLastRuneInString(c.Text[:i]); !unicode.Is(unicode.Han, r) {
		return nil
	}
	out := []Cell{{Span: Span{c.Span.Start, c.Span.Start + i}, Text: c.Text[:i]}}
	for rest := c.Text[i:]; rest != ""; {
		n := yearHeadLen(rest)
		if n == 0 {
			return nil
		}
		at := c.Span.End - len(rest)
		out = append(out, Cell{Span: Span{at, at + n}, Text: text[at : at+n]})
		rest = rest[n:]
	}
	if len(out) < 1+minYears {
		return nil // one year only: a label such as 2024年度报告 is none
	}
	return out
}

// changeHeads open the name of a column of the change from the year
// before (同比, 增减, 比上年).
var changeHeads = []string{"同比", "增减", "增长", "增幅", "变化", "比上年", "较上年", "环比"}

// yearHeadLen returns the length of the year column name s opens with
// (2024年, 2024年度), or 0.
func yearHeadLen(s string) int {
	if len(s) < 4 || !isDigits(s[:4]) || !strings.HasPrefix(s, "20") || !strings.HasPrefix(s[4:], "年") {
		return 0
	}
	n := 4 + len("年")
	if strings.HasPrefix(s[n:], "度") {
		n += len("度")
	}
	return n
}

// cellLine reports whether line i holds a | of a table.
func (l *Layout) cellLine(i int) bool {
	k := l.Lines[i].Kind
	return k != Meta && k != Furniture && strings.Contains(l.LineText(i), "|")
}

// tableEnd returns the end of the table that starts at line i (a run of
// | lines and the short lines between them) and how many | lines it has.
func (l *Layout) tableEnd(i int) (end, pipes int) {
	j := i
	for ; j < len(l.Lines); j++ {
		switch {
		case l.cellLine(j):
			pipes++
		case l.bareCell(j) && j+1 < len(l.Lines) && l.cellLine(j+1) && !l.headsNewTable(j):
		default:
			return j, pipes
		}
	}
	return j, pipes
}

// headsNewTable reports whether line i, without a |, is a numbered section
// heading between a row of figures and a row of column names, each of two
// cells or more: a heading between two tables (| 予以公开 | 58 | / 三、…行政
// 复议、行政诉讼情况 / | 类别 | 结果维持 | …), not a cell of one flattened a
// cell a line, whose figures follow its label (一、本年新收…申请数量 /
// | 143 | …) or whose blocks its labels name (行政诉讼(复议后起诉) /
// 结果维持 | …).
func (l *Layout) headsNewTable(i int) bool {
	if i == 0 || !l.cellLine(i-1) || headingLevel(l.LineText(i)) == 0 {
		return false
	}
	before, after := cells(l.Text, l.Lines[i-1].Span), cells(l.Text, l.Lines[i+1].Span)
	return len(before) >= 2 && !isHeaderRow(before) && len(after) >= 3 && isHeaderRow(after)
}

// bareCell reports whether line i, without a |, can be a cell of a table
// flattened one cell a line: short, no sentence in it. A numbered row label
// (一、本年新收政府信息公开申请数量) reads as a heading on its own, and a
// figure alone on its line as a page number; between | lines they are
// cells.
func (l *Layout) bareCell(i int) bool {
	s := l.LineText(i)
	if longer(s, maxBareCellRunes) || strings.Contains(s, "。") {
		return false
	}
	switch l.Lines[i].Kind {
	case Prose, Heading:
		return true
	case Furniture:
		return i > 0 && l.cellLine(i-1) && isNumberCell(s)
	}
	return false
}

// cells splits a row at its | marks; a leading and a trailing | open and
// close the row and make no cell.
func cells(text string, line Span) []Cell {
	s := text[line.Start:line.End]
	var out []Cell
	pos := line.Start
	parts := strings.Split(s, "|")
	for k, p := range parts {
		start := pos
		pos += len(p) + 1
		v := strings.TrimSpace(p)
		if v == "" && (k == 0 || k == len(parts)-1) {
			continue
		}
		cs := start + strings.Index(p, v)
		out = append(out, Cell{Span: Span{cs, cs + len(v)}, Text: v})
	}
	return out
}

func isHeaderRow(cs []Cell) bool {
	named := 0
	for k, c := range cs {
		if c.Text == "" {
			continue
		}
		if k > 0 && isNumberCell(c.Text) {
			return false
		}
		named++
	}
	return named >= 2
}

// isNumberCell reports whether a cell holds a figure: digits with an
// optional decimal point, thousands commas and %, signed in a column of
// changes.
func isNumberCell(s string) bool {
	s = strings.TrimSuffix(s, "%")
	if len(s) > 1 && (s[0] == '+' || s[0] == '-') {
		s = s[1:] // a change column's cell (+6, -3)
	}
	if s == "" {
		return false
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] >= '0' && s[i] <= '9':
			digits++
		case s[i] == '.' || s[i] == ',':
		default:
			return false
		}
	}
	return digits > 0
}

// ColumnHeader returns the text of the header cell above cell col of row r
// of table t: the nearest header row before r with that column, or "".
func (t Table) ColumnHeader(r, col int) string {
	for k := r - 1; k >= 0; k-- {
		if t.Rows[k].Header && col < len(t.Rows[k].Cells) {
			return t.Rows[k].Cells[col].Text
		}
	}
	return ""
}
