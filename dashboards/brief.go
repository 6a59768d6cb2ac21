package dashboards

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

type briefPage struct {
	Title    string
	Nav      string
	Notices  notices
	Brief    readmodel.Brief
	AsOf     string
	Sources  []briefSource
	Sections []briefSection
	Notes    []briefNote
	// Conflicts say, one an indicator, which values the jurisdiction's
	// reports of the year disagree on (no line, no rank: 待核实).
	Conflicts []briefConflictView
}

type briefConflictView struct {
	NameZH  string
	Reports []conflictReport
}

type briefSource struct {
	ReportID string
	Title    string
	Ingested string
}

type briefSection struct {
	Label string
	Lines []briefLineView
}

type briefLineView struct {
	readmodel.BriefLine
	Display string
	Badges  []badge
	// History lists the other years' values, each kept on one line.
	History []string
	// Mismatch says in words that the rate the report states disagrees
	// with its own counts ("报告写100%，按7/8计算为87.5%"); "" when it agrees.
	Mismatch string
	// RankText is the line's place among its peers in words; Better says
	// which way is better when the indicator has a direction and the line
	// a rank.
	RankText  string
	RankTitle string
	Better    string
	Note      int
}

type briefNote struct {
	N        int
	Quote    string
	ReportID string
	FactID   string
}

// briefParams are the parameters the brief reads.
var briefParams = []string{"jurisdiction", "year"}

// brief is the printable one-page brief of a jurisdiction and year: its
// headline indicators, their rank among peers, their history, and every
// value's source sentence as a footnote.
func (h *Handler) brief(c *gin.Context, s *readmodel.Snapshot) {
	var n notices
	code := c.Query("jurisdiction")
	year, err := strconv.Atoi(c.Query("year"))
	if strings.Trim(code, "0123456789") != "" || code == "" || err != nil {
		h.fail(c, http.StatusBadRequest, "请指定辖区代码和年份，例如 /brief?jurisdiction=110105019&year=2023。", err)
		return
	}
	unknownParams(c.Request.URL.Query(), &n, briefParams...)
	b, err := s.Brief(code, year, h.minCases())
	if errors.Is(err, warehouse.ErrNotFound) {
		h.fail(c, http.StatusNotFound, "没有辖区代码为“"+code+"”的辖区在"+strconv.Itoa(year)+"年的数据。", err)
		return
	}
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取简报数据失败。", err)
		return
	}
	page := h.buildBrief(b)
	page.Notices = n
	h.render(c, http.StatusOK, "brief.html", page)
}

// buildBrief lays the brief out by topic, one footnote per distinct
// sentence (several values often come from one).
func (h *Handler) buildBrief(b readmodel.Brief) briefPage {
	page := briefPage{Title: b.JurisdictionName + " " + strconv.Itoa(b.Year) + "年 法治政府建设数据简报", Nav: "brief", Brief: b,
		AsOf: h.when(b.AsOf)}
	for _, s := range b.Sources {
		page.Sources = append(page.Sources, briefSource{ReportID: s.ReportID, Title: summaryTitle(s), Ingested: h.when(s.IngestedAt)})
	}
	for _, c := range b.Conflicts {
		v := briefConflictView{NameZH: c.NameZH}
		for i, id := range c.ReportIDs {
			if i < len(c.Values) {
				v.Reports = append(v.Reports, conflictReport{ReportID: id, Display: displayValue(c.Values[i], c.Unit, "")})
			}
		}
		page.Conflicts = append(page.Conflicts, v)
	}
	byCat := map[string][]briefLineView{}
	for _, l := range b.Lines {
		l.Scope = publishedText(l.Scope)
		v := briefLineView{BriefLine: l, Display: rateText(l.Value, l.Unit, l.ApproxKind, l.Numerator, l.Denominator),
			Badges: valueBadges(l.Partial, l.Scope, l.Derived, l.Corrected, l.Flags)}
		if l.Unranked == readmodel.UnrankedMismatch {
			v.Display, v.Mismatch = displayValue(l.Value, l.Unit, l.ApproxKind), v.Display
		}
		v.RankText, v.RankTitle = briefRank(l, h.minCases())
		if l.Rank > 0 && l.Peers > 1 && l.Tied < l.Peers {
			v.Better = betterText(l.Better)
		}
		for _, y := range l.History {
			v.History = append(v.History, strconv.Itoa(y.Year)+"年 "+displayValue(y.Value, l.Unit, y.ApproxKind))
		}
		byCat[l.Category] = append(byCat[l.Category], v)
	}
	noteOf := map[string]int{}
	for _, cat := range categoryOrder {
		lines := byCat[cat]
		if len(lines) == 0 {
			continue
		}
		for i := range lines {
			quote := publishedText(lines[i].Quote)
			if n, ok := noteOf[lines[i].ReportID+"\x00"+quote]; ok {
				lines[i].Note = n
				continue
			}
			page.Notes = append(page.Notes, briefNote{N: len(page.Notes) + 1, Quote: quote,
				ReportID: lines[i].ReportID, FactID: lines[i].FactID})
			lines[i].Note = len(page.Notes)
			noteOf[lines[i].ReportID+"\x00"+quote] = lines[i].Note
		}
		page.Sections = append(page.Sections, briefSection{Label: categoryLabels[cat], Lines: lines})
	}
	return page
}

// briefRank says a line's place among its peers honestly: equal values
// share a place ("并列第1"), and when every peer has the same value there
// is no place to speak of.
func briefRank(l readmodel.BriefLine, minCases int) (text, title string) {
	switch {
	case l.Unranked != "":
		return unrankedShort[l.Unranked], unrankedText(l.Unranked, l.Figure, l.Counts, readmodel.Indicator{Unit: l.Unit}, minCases)
	case l.Peers <= 1:
		return "—", "同级中没有其他可以比较的数值"
	case l.Tied == l.Peers:
		return strconv.Itoa(l.Peers) + "个相同", "同级" + strconv.Itoa(l.Peers) + "个辖区的数值都相同"
	case l.Tied > 1:
		return "并列第" + strconv.Itoa(l.Rank) + "/" + strconv.Itoa(l.Peers),
			strconv.Itoa(l.Tied) + "个辖区数值相同，并列第" + strconv.Itoa(l.Rank) + "，共" + strconv.Itoa(l.Peers) + "个"
	}
	return "第" + strconv.Itoa(l.Rank) + "/" + strconv.Itoa(l.Peers), "共" + strconv.Itoa(l.Peers) + "个辖区，排第" + strconv.Itoa(l.Rank)
}

// unrankedShort are the reasons a brief line is not ranked, short enough
// for its rank column.
var unrankedShort = map[string]string{
	readmodel.UnrankedUnresolved: "不排名：未定位",
	readmodel.UnrankedPartial:    "不排名：仅下属机构",
	readmodel.UnrankedPartYear:   "不排名：非全年",
	readmodel.UnrankedMismatch:   "不排名：比率与计数不符",
	readmodel.UnrankedSmall:      "不排名：样本少",
	readmodel.UnrankedUnsure:     "不排名：待核实",
}

// betterText says which way an indicator's better values lie.
func betterText(better string) string {
	switch better {
	case readmodel.BetterLower:
		return "越低越好"
	case readmodel.BetterHigher:
		return "越高越好"
	}
	return ""
}

// summaryTitle names a report for people: its title, or its jurisdiction
// and year.
func summaryTitle(r readmodel.ReportSummary) string {
	return titleOf(r.Title, r.JurisdictionName, r.Year)
}

// titleOf is a report's title, or when it has none one made of its
// jurisdiction's name and year (either may be unknown).
func titleOf(title, jurisdiction string, year int) string {
	if title != "" {
		return title
	}
	if jurisdiction == "" {
		jurisdiction = "未识别辖区"
	}
	if year != 0 {
		return jurisdiction + strconv.Itoa(year) + "年法治政府建设情况报告"
	}
	return jurisdiction + "法治政府建设情况报告"
}
