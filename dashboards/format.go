package dashboards

import (
	"html/template"
	"math"
	"strconv"
	"strings"
)

var templateFuncs = template.FuncMap{
	"number":    formatNumber,
	"flagLabel": flagLabel,
	"flagTitle": flagTitle,
}

// flagNames are the data-quality flags in the words of a legal affairs office.
var flagNames = map[string][2]string{
	"rate_mismatch":      {"比率存疑", "报告所述比率与其给出的两个数字相差超过0.5个百分点"},
	"part_exceeds_whole": {"部分大于总数", "例如调解成功数大于受理数"},
	"partial_year":       {"非全年", "数字只覆盖年内一段时间(如截至10月30日)"},
	"ceiling":            {"100%", "报告称比率为100%"},
	"duplicate_mention":  {"重复提及", "报告中同一数字出现不止一次"},
}

func flagLabel(flag string) string {
	if n, ok := flagNames[flag]; ok {
		return n[0]
	}
	return flag
}

func flagTitle(flag string) string {
	if n, ok := flagNames[flag]; ok {
		return n[1]
	}
	return "数据质量提示"
}

// formatNumber writes a value the Chinese way: 万 and 亿 for large numbers,
// at most two decimals, no thousands separators; rates keep their decimals.
func formatNumber(v float64, unit string) string {
	abs := math.Abs(v)
	var s string
	switch {
	case unit == "%":
		s = trimFloat(v, 2) + "%"
		return s
	case abs >= 1e8:
		s = trimFloat(v/1e8, 2) + "亿"
	case abs >= 1e4:
		s = trimFloat(v/1e4, 2) + "万"
	default:
		s = trimFloat(v, 2)
	}
	return s + unit
}

// trimFloat formats v with at most prec decimals and no trailing zeros.
func trimFloat(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// displayValue is how a headline value is shown: approximate values (written
// with 余 多 约 超 ...) carry "≥", because the reports use these words for
// lower bounds far more than for estimates.
func displayValue(v float64, unit string, approx bool) string {
	s := formatNumber(v, unit)
	if approx {
		s = "≥" + s
	}
	return s
}

// badge is a small label beside a value: how it was stated or computed, and
// what a reader should know about it.
type badge struct {
	Label string `json:"label"`
	Title string `json:"title"`
	Warn  bool   `json:"warn"`
}

// valueBadges are the badges of a headline value, the same in tables, chart
// panels and report pages.
func valueBadges(approx, partial bool, scope string, derived, corrected bool, flags []string) []badge {
	var out []badge
	if approx {
		out = append(out, badge{Label: "≥", Title: "报告写作“余、多、超、约”等:实际数可能更大或为估计"})
	}
	if partial {
		out = append(out, badge{Label: "部分", Title: "报告只给出了下属机构的数字:" + scope})
	}
	if derived {
		out = append(out, badge{Label: "推算", Title: "由报告中的两个数字推算,报告本身未写出"})
	}
	if corrected {
		out = append(out, badge{Label: "✎ 已更正", Title: "分析人员更正过这个数字"})
	}
	for _, f := range flags {
		out = append(out, badge{Label: flagLabel(f), Title: flagTitle(f), Warn: true})
	}
	return out
}

// factView is one fact as the facts panel shows it (see assets/fazhi.js).
type factView struct {
	FactID   string  `json:"fact_id"`
	ReportID string  `json:"report_id"`
	Value    float64 `json:"value"`
	Display  string  `json:"display"`
	Scope    string  `json:"scope"`
	Quote    string  `json:"quote"`
	Badges   []badge `json:"badges"`
}

// provenanceCell is what clicking one bar or point shows.
type provenanceCell struct {
	Title string     `json:"title"`
	Facts []factView `json:"facts"`
}

func itoa(n int) string { return strconv.Itoa(n) }
