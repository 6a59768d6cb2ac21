package dashboards

import (
	"errors"
	"net/http"
	"sort"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
)

type reportPage struct {
	Title      string
	Nav        string
	Report     warehouse.Report
	Paragraphs []paragraph
	Groups     []factGroup
	Flagged    int
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
}

func (h *Handler) report(c *gin.Context) {
	ctx := c.Request.Context()
	r, err := h.db.Report(ctx, c.Param("id"))
	if errors.Is(err, warehouse.ErrNotFound) {
		h.fail(c, http.StatusNotFound, "没有这份报告："+c.Param("id")+"。", err)
		return
	}
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取报告失败。", err)
		return
	}
	inds, err := h.db.Indicators(ctx)
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取指标失败。", err)
		return
	}
	// The text as published (one rune for one, so the spans still fit).
	paras, marked := markFacts(publishedText(r.Text), r.Facts)
	page := reportPage{Title: reportTitle(r), Nav: "report", Report: r, Paragraphs: paras}
	page.Groups, page.Flagged = groupFacts(r.Facts, inds, marked)
	h.render(c, http.StatusOK, "report.html", page)
}

// reportTitle names a report for people: its title, or jurisdiction and year.
func reportTitle(r warehouse.Report) string {
	if r.Title != "" {
		return r.Title
	}
	name := r.JurisdictionName
	if name == "" {
		name = "未识别辖区"
	}
	if r.Year != 0 {
		return name + " " + itoa(r.Year) + "年法治政府建设情况报告"
	}
	return name + " 法治政府建设情况报告"
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
func groupFacts(facts []warehouse.Fact, inds []warehouse.Indicator, marked map[string]bool) ([]factGroup, int) {
	byCode := map[string]warehouse.Indicator{}
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
