package dashboards

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/fazhi/fazhi/warehouse/readmodel"
)

// Every page reads its parameters once, with one name for each thing
// (year, level, parent, indicator …) on every page. A value the page does
// not know is never ignored silently: the page falls back to its default
// and says so in a notice above its content.

// notices are what a page tells the reader about the parameters it got.
type notices []string

func (n *notices) add(s string) { *n = append(*n, s) }

// Values of the year and level parameters besides a year and a level.
const (
	// yearLatest is each jurisdiction's latest year (the compare page only).
	yearLatest = "latest"
	// levelAll is every level in one view.
	levelAll = "all"
)

// scopeQuery is the part of a page's query that narrows it: year, area
// and level. Zero values mean "not chosen": the page picks its default.
type scopeQuery struct {
	Year int
	// Latest: each jurisdiction's latest year, a choice of the compare page.
	Latest bool
	// Parent is a division code (2 digits a province, 4 a city, 6 a
	// county); only jurisdictions inside it are shown.
	Parent string
	Level  string
	// AllLevels: the reader chose every level.
	AllLevels bool
}

// parseScope reads year, parent and level; latestOK allows year=latest.
func parseScope(q url.Values, n *notices, latestOK bool) scopeQuery {
	var s scopeQuery
	switch y := q.Get("year"); {
	case y == "":
	case y == yearLatest && latestOK:
		s.Latest = true
	default:
		v, err := strconv.Atoi(y)
		if err != nil || v < 1990 || v > 2100 {
			n.add("年份“" + y + "”无法识别，已按默认年份显示。")
			break
		}
		s.Year = v
	}
	switch l := q.Get("level"); {
	case l == "":
	case l == levelAll:
		s.AllLevels = true
	case slices.Contains(levelChoices, l):
		s.Level = l
	default:
		n.add("层级“" + l + "”无法识别（可选：" + strings.Join(levelChoices, "、") + "），已按默认层级显示。")
	}
	if p := q.Get("parent"); p != "" {
		if isAreaCode(p) {
			s.Parent = p
		} else {
			n.add("地区代码“" + p + "”无法识别（应为2、4、6位的统计用区划代码，例如33），已显示全国。")
		}
	}
	return s
}

// isAreaCode reports whether p looks like the code of a province (2
// digits), city (4) or county (6).
func isAreaCode(p string) bool {
	return (len(p) == 2 || len(p) == 4 || len(p) == 6) && strings.Trim(p, "0123456789") == ""
}

// retiredParams are parameter names earlier versions of the pages used,
// with what to use instead.
var retiredParams = map[string]string{
	"province": "parent", "city": "parent", "county": "parent",
}

// unknownParams adds a notice for every parameter the page does not read.
func unknownParams(q url.Values, n *notices, known ...string) {
	var names []string
	for k := range q {
		if !slices.Contains(known, k) {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	for _, k := range names {
		if use, ok := retiredParams[k]; ok {
			n.add("参数“" + k + "”已不再使用，地区请用“" + use + "”（例如 " + use + "=" + q.Get(k) + "），已显示全国。")
			continue
		}
		n.add("这个页面没有参数“" + k + "”，已忽略。")
	}
}

// selectOption is one choice of a selector.
type selectOption struct {
	Value    string
	Label    string
	Selected bool
}

// areaSelect is one level of the area selectors: the divisions below Up
// that have reports ("" for the provinces).
type areaSelect struct {
	Label   string
	Up      string
	Options []selectOption
}

// scopeView is what the selectors of a page's scope show.
type scopeView struct {
	Parent string
	Areas  []areaSelect
	Years  []selectOption
	Levels []selectOption
}

// areaLabels name the levels of the area selectors, from the top.
var areaLabels = []string{"省份", "市 / 区", "区 / 县"}

// areaSelects builds the area selectors down to parent, one per level, and
// checks that parent is a division with reports: when it is not, a notice
// says so and the returned parent is "".
func areaSelects(s *readmodel.Snapshot, parent string, n *notices) ([]areaSelect, string) {
	var out []areaSelect
	up, chosen := "", ""
	for level := 0; level < len(areaLabels); level++ {
		groups := s.PeerGroups(up)
		if len(groups) == 0 {
			break
		}
		sel := areaSelect{Label: areaLabels[level], Up: up}
		next := ""
		for _, d := range groups {
			on := parent != "" && strings.HasPrefix(parent, d.Code)
			if on {
				next = d.Code
			}
			sel.Options = append(sel.Options, selectOption{Value: d.Code, Label: d.Name + "（" + strconv.Itoa(d.Reports) + "）", Selected: on})
		}
		out = append(out, sel)
		if next == "" {
			break // nothing chosen at this level: no selector below it
		}
		chosen, up = next, next
	}
	if parent != "" && chosen != parent {
		n.add("没有地区代码为“" + parent + "”的报告，已显示全国。")
		for i := range out {
			for k := range out[i].Options {
				out[i].Options[k].Selected = false
			}
		}
		return out[:min(len(out), 1)], ""
	}
	return out, parent
}

// yearOptions are the year selector's choices: the default first (its
// label says what it is), then latest when the page offers it, then the
// years.
func yearOptions(years []int, sq scopeQuery, defaultLabel string, latest bool) []selectOption {
	out := []selectOption{{Value: "", Label: defaultLabel, Selected: sq.Year == 0 && !sq.Latest}}
	if latest {
		out = append(out, selectOption{Value: yearLatest, Label: "各辖区最新年份（年份可能不同）", Selected: sq.Latest})
	}
	for _, y := range years {
		out = append(out, selectOption{Value: strconv.Itoa(y), Label: strconv.Itoa(y) + "年", Selected: sq.Year == y})
	}
	return out
}

// levelOptions are the level selector's choices: the default first, the
// levels, then every level together (labelled as mixing them) when the
// default is one level.
func levelOptions(sq scopeQuery, defaultLabel string, allOption bool) []selectOption {
	out := []selectOption{{Value: "", Label: defaultLabel, Selected: sq.Level == "" && !sq.AllLevels}}
	for _, l := range levelChoices {
		out = append(out, selectOption{Value: l, Label: l, Selected: sq.Level == l})
	}
	if allOption {
		out = append(out, selectOption{Value: levelAll, Label: "全部层级（不同层级不宜直接比较）", Selected: sq.AllLevels})
	}
	return out
}

// scope is the warehouse scope of the query's area and level.
func (s scopeQuery) scope() readmodel.Scope {
	return readmodel.Scope{Parent: s.Parent, Level: s.Level}
}

// values encodes the scope for links (CSV downloads, mode switches).
func (s scopeQuery) values() url.Values {
	v := url.Values{}
	switch {
	case s.Latest:
		v.Set("year", yearLatest)
	case s.Year != 0:
		v.Set("year", strconv.Itoa(s.Year))
	}
	if s.Parent != "" {
		v.Set("parent", s.Parent)
	}
	switch {
	case s.AllLevels:
		v.Set("level", levelAll)
	case s.Level != "":
		v.Set("level", s.Level)
	}
	return v
}
