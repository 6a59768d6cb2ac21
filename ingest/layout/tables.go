package layout

import "strings"

// Table is a run of consecutive table rows (| 行政处罚 | 9 |).
type Table struct {
	Span Span
	Rows []Row
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

// Cell is one cell of a row; empty cells are kept, so that columns line up.
type Cell struct {
	Span Span
	Text string
}

func (l *Layout) readTables() {
	var cur *Table
	for i, ln := range l.Lines {
		if ln.Kind != TableRow {
			cur = nil
			continue
		}
		if cur == nil {
			l.Tables = append(l.Tables, Table{Span: ln.Span})
			cur = &l.Tables[len(l.Tables)-1]
		}
		row := Row{Line: i, Cells: cells(l.Text, ln.Span)}
		row.Header = isHeaderRow(row.Cells)
		cur.Rows = append(cur.Rows, row)
		cur.Span.End = ln.End
	}
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
// optional decimal point, thousands commas and %.
func isNumberCell(s string) bool {
	s = strings.TrimSuffix(s, "%")
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
