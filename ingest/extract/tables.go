package extract

import (
	"strings"

	"github.com/fazhi/fazhi/ingest/cnnum"
	"github.com/fazhi/fazhi/ingest/layout"
)

// tableCells are the facts of the tables of a 政府信息公开工作年度报告, the
// report format every government body publishes the same way: the row
// label, the column whose cell holds the figure ("" for the row's last
// value: the 总计 column), and the code. The cell carries no unit; the
// table's is the code's.
var tableCells = []struct {
	row, column, code string
}{
	{"行政规范性文件", "本年制发", "legality.normative_documents"},
	{"行政规范性文件", "现行有效", "legality.normative_documents"},
	{"行政许可", "处理决定", "enforcement.licensing_cases"},
	{"行政处罚", "处理决定", "enforcement.penalty_cases"},
	{"本年新收政府信息公开申请数量", "", "disclosure.requests"},
}

// headerCell opens a table's column names.
const headerCell = "信息内容"

// tableConfidence is the confidence of a figure read from its row and
// column: the table format is fixed, the reading is a lookup.
const tableConfidence = 0.9

// tables records the figures of the layout's tables.
func (x *run) tables() {
	for _, t := range x.opt.Layout.Tables {
		if t.Span.Start >= x.plan {
			continue
		}
		x.table(t)
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
			for j := i + 1; j+1 < len(cs) && !numberCell(cs[j].Text) && !numberCell(cs[j+1].Text); j++ {
				columns = append(columns, cs[j].Text)
				i = j
			}
			continue
		}
		label := rowLabel(c.Text)
		if !isRowLabel(label) {
			continue
		}
		// The row's values: the numbers that follow its label.
		var values []layout.Cell
		for j := i + 1; j < len(cs) && numberCell(cs[j].Text); j++ {
			values = append(values, cs[j])
		}
		for _, tc := range tableCells {
			if tc.row != label {
				continue
			}
			k := len(values) - 1
			if tc.column != "" {
				k = columnIndex(columns, tc.column)
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

func isRowLabel(s string) bool {
	for _, tc := range tableCells {
		if tc.row == s {
			return true
		}
	}
	return false
}

func columnIndex(columns []string, want string) int {
	for k, c := range columns {
		if strings.Contains(c, want) {
			return k
		}
	}
	return -1
}

// numberCell reports whether a cell holds a whole number, signed in a
// column of changes (本年增/减: -1, +2).
func numberCell(s string) bool {
	if len(s) > 1 && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != ',' {
			return false
		}
	}
	return true
}

// tableFact records the figure of cell value in the row labelled label.
func (x *run) tableFact(code string, label, value layout.Cell) {
	n, ok := cnnum.ParseAt(x.text, value.Span.Start)
	if !ok || n.End != value.Span.End {
		return
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
}
