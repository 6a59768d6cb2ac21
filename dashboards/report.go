package dashboards

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

type reportPage struct {
	Title      string
	Nav        string
	Report     warehouse.Report
	Paragraphs []paragraph
	Groups     []factGroup
	Flagged    int
	Pager      reportPager
	// History is the report's and its facts' corrections, oldest first.
	History []historyRow
	// Session is the logged-in user; CanWrite: an analyst, who may add a
	// missing fact (Indicators are the choices).
	Session    *warehouse.Session
	CanWrite   bool
	Indicators []readmodel.Indicator
	// CanRetire: an admin, who may retire the report.
	CanRetire bool
}

// reportPageChars is how much of a report's text one page shows: a whole
// real report (under 100,000 characters) is one page; a huge one is read
// in pages, so that no reader makes the server build a huge answer.
const reportPageChars = 100_000

// reportPager says which page of the text is shown; Pages is 1 for a
// report that fits one page.
type reportPager struct {
	Page, Pages  int
	Prev, Next   string // links, "" at the ends
	From, To     int    // the characters shown
	ReportFacts  int    // facts of the whole report
	FactsOnPages bool   // the facts listed are this page's only
}

// paragraph is one line of the report text cut into plain text and marked
// numbers.
type paragraph struct {
	Pieces []piece
}

// piece is either plain text or a number that one or more facts point at.
type piece struct {
	Text  string
	Facts []warehouse.Fact // empty for plain text
}

// factGroup lists a category's facts in the sidebar.
type factGroup struct {
	Label string
	Facts []reportFact
}

type reportFact struct {
	warehouse.Fact
	Name    string
	Display string
	Badges  []badge
	Marked  bool // its number is marked in the text
	// History is the fact's corrections, oldest first.
	History []historyRow
}

func (h *Handler) report(c *gin.Context) {
	ctx := c.Request.Context()
	id := c.Param("id")
	from, err := h.reportPageStart(c, id)
	if err != nil {
		if errors.Is(err, warehouse.ErrNotFound) {
			h.fail(c, http.StatusNotFound, "没有这份报告："+id+"。", err)
			return
		}
		h.fail(c, http.StatusBadRequest, err.Error(), err)
		return
	}
	r, err := h.db.ReportPart(ctx, id, warehouse.ReportWindow{TextOffset: from, TextLimit: reportPageChars, FactsInText: true})
	if errors.Is(err, warehouse.ErrRetired) {
		h.retiredReport(c, id)
		return
	}
	if errors.Is(err, warehouse.ErrNotFound) {
		h.fail(c, http.StatusNotFound, "没有这份报告："+id+"。", err)
		return
	}
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取报告失败。", err)
		return
	}
	if from > 0 && from >= r.Chars {
		h.fail(c, http.StatusBadRequest, "这份报告只有"+itoa(r.Chars)+"字，没有从第"+itoa(from)+"字开始的一页。", nil)
		return
	}
	snap, ok := h.snapshot(c)
	if !ok {
		return
	}
	inds := snap.Catalog()
	pager := newReportPager(r, from)
	if pager.Pages > 1 {
		pager.ReportFacts, pager.FactsOnPages = r.FactsInReport, true
	}
	// Spans are offsets in the whole text; this page starts at from.
	local := make([]warehouse.Fact, len(r.Facts))
	for i, f := range r.Facts {
		f.Start, f.End = f.Start-from, f.End-from
		local[i] = f
	}
	paras, marked := markFacts(publishedText(r.Text), local)
	page := reportPage{Title: reportTitle(r), Nav: "report", Report: r, Paragraphs: paras, Pager: pager}
	page.Groups, page.Flagged = groupFacts(r.Facts, inds, marked)
	hist, byFact, err := h.reportHistory(c, id, catalogByCode(inds))
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取修改记录失败。", err)
		return
	}
	page.History = hist
	for _, g := range page.Groups {
		for i := range g.Facts {
			g.Facts[i].History = byFact[g.Facts[i].FactID]
		}
	}
	if s, ok := h.Session(c.Request); ok {
		page.Session, page.CanWrite = &s, warehouse.RoleRank(s.User.Role) >= warehouse.RoleRank(warehouse.RoleAnalyst)
		page.Indicators = inds
		page.CanRetire = warehouse.RoleRank(s.User.Role) >= warehouse.RoleRank(warehouse.RoleAdmin)
	}
	h.render(c, http.StatusOK, "report.html", page)
}

// reportPageStart reads which page of a report's text to show: ?from=N (a
// character offset, a multiple of the page size), or ?fact=ID (the page
// holding that fact's number; links to #fact-ID from other pages land here
// when the fact is not on the first page).
func (h *Handler) reportPageStart(c *gin.Context, id string) (int, error) {
	if v := c.Query("fact"); v != "" {
		f, err := h.db.Fact(c.Request.Context(), v)
		if err != nil || f.ReportID != id {
			return 0, nil // the first page; the fact is not this report's
		}
		return f.Start / reportPageChars * reportPageChars, nil
	}
	v := c.Query("from")
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n%reportPageChars != 0 {
		return 0, fmt.Errorf("参数 from 应为 0 或 %d 的整数倍（从第几个字开始的一页），而不是 %q。", reportPageChars, v)
	}
	return n, nil
}

func newReportPager(r warehouse.Report, from int) reportPager {
	p := reportPager{Page: from/reportPageChars + 1, Pages: max(1, (r.Chars+reportPageChars-1)/reportPageChars),
		From: from, To: min(r.Chars, from+reportPageChars), ReportFacts: r.FactsTotal}
	base := "/reports/" + url.PathEscape(r.ReportID) + "?from="
	if from > 0 {
		p.Prev = base + itoa(from-reportPageChars)
	}
	if r.TextTruncated {
		p.Next = base + itoa(from+reportPageChars)
	}
	return p
}

// reportTitle names a report for people: its title, or jurisdiction and year.
func reportTitle(r warehouse.Report) string {
	return titleOf(r.Title, r.JurisdictionName, r.Year)
}

// markFacts cuts text (runes) into paragraphs at newlines and marks the
// spans the facts point at. Facts with the same span share one mark; a span
// that overlaps an earlier mark is left unmarked (the sidebar still lists
// it). It returns which fact IDs got a mark.
func markFacts(text string, facts []warehouse.Fact) ([]paragraph, map[string]bool) {
	runes := []rune(text)
	type span struct {
		start, end int
		facts      []warehouse.Fact
	}
	bySpan := map[[2]int]*span{}
	var spans []*span
	for _, f := range facts {
		if f.Start < 0 || f.End > len(runes) || f.End <= f.Start {
			continue
		}
		k := [2]int{f.Start, f.End}
		if s, ok := bySpan[k]; ok {
			s.facts = append(s.facts, f)
			continue
		}
		s := &span{start: f.Start, end: f.End, facts: []warehouse.Fact{f}}
		bySpan[k] = s
		spans = append(spans, s)
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	marked := map[string]bool{}
	var paras []paragraph
	cur := paragraph{}
	plain := func(from, to int) {
		for from < to {
			nl := strings.IndexRune(string(runes[from:to]), '\n')
			if nl < 0 {
				cur.Pieces = append(cur.Pieces, piece{Text: string(runes[from:to])})
				return
			}
			n := len([]rune(string(runes[from:to])[:nl]))
			if n > 0 {
				cur.Pieces = append(cur.Pieces, piece{Text: string(runes[from : from+n])})
			}
			paras = append(paras, cur)
			cur = paragraph{}
			from += n + 1
		}
	}
	pos := 0
	for _, s := range spans {
		if s.start < pos {
			continue // overlaps the previous mark
		}
		plain(pos, s.start)
		cur.Pieces = append(cur.Pieces, piece{Text: string(runes[s.start:s.end]), Facts: s.facts})
		for _, f := range s.facts {
			marked[f.FactID] = true
		}
		pos = s.end
	}
	plain(pos, len(runes))
	if len(cur.Pieces) > 0 {
		paras = append(paras, cur)
	}
	return paras, marked
}

// groupFacts orders a report's facts by category (the dashboards' order) and
// position, and counts the flagged ones.
func groupFacts(facts []warehouse.Fact, inds []readmodel.Indicator, marked map[string]bool) ([]factGroup, int) {
	byCode := map[string]readmodel.Indicator{}
	for _, i := range inds {
		byCode[i.Code] = i
	}
	byCat := map[string][]reportFact{}
	flagged := 0
	for _, f := range facts {
		ind := byCode[f.Indicator]
		name := ind.NameZH
		if name == "" {
			name = f.Indicator
		}
		if len(f.Flags) > 0 {
			flagged++
		}
		cat := strings.SplitN(f.Indicator, ".", 2)[0]
		f.Scope = publishedText(f.Scope)
		byCat[cat] = append(byCat[cat], reportFact{
			Fact: f, Name: name, Display: displayValue(f.Value, f.Unit, f.ApproxKind),
			Badges: valueBadges(f.Scope != "", f.Scope, f.Derived, f.Corrected, f.Flags),
			Marked: marked[f.FactID],
		})
	}
	var out []factGroup
	for _, cat := range categoryOrder {
		if fs := byCat[cat]; len(fs) > 0 {
			out = append(out, factGroup{Label: categoryLabels[cat], Facts: fs})
			delete(byCat, cat)
		}
	}
	for cat, fs := range byCat {
		out = append(out, factGroup{Label: cat, Facts: fs})
	}
	return out, flagged
}
