package dashboards

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

// historyRow is one correction of a report or of one of its facts, in words.
type historyRow struct {
	At          time.Time
	Who, Why    string
	What        string
	FactID      string
	CarriedOver bool
}

// reportHistory is a report's history, oldest first: its own corrections
// and its facts', each fact's also by fact id.
func (h *Handler) reportHistory(c *gin.Context, id string, cat map[string]readmodel.Indicator) ([]historyRow, map[string][]historyRow, error) {
	hist, err := h.db.ReportHistory(c.Request.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	reps, facts, rets := hist.Report, hist.Facts, hist.Retirements
	var all []historyRow
	byFact := map[string][]historyRow{}
	for _, r := range rets {
		what := "撤下报告"
		if !r.Retired {
			what = "恢复报告"
		}
		all = append(all, historyRow{At: r.At, Who: r.Author, Why: r.Reason, What: what})
	}
	for _, r := range reps {
		all = append(all, historyRow{At: r.At, Who: r.Author, Why: r.Reason, What: reportChange(r), CarriedOver: r.CarriedFrom != nil})
	}
	for _, f := range facts {
		row := historyRow{At: f.At, Who: f.Author, Why: f.Reason, What: factChange(f, cat), FactID: f.FactID, CarriedOver: f.CarriedFrom != nil}
		all = append(all, row)
		byFact[f.FactID] = append(byFact[f.FactID], row)
	}
	// Both lists are oldest first; merge by time.
	sortHistory(all)
	return all, byFact, nil
}

func sortHistory(rows []historyRow) {
	for i := 1; i < len(rows); i++ {
		for j := i; j > 0 && rows[j].At.Before(rows[j-1].At); j-- {
			rows[j], rows[j-1] = rows[j-1], rows[j]
		}
	}
}

func reportChange(r warehouse.ReportCorrection) string {
	switch r.Action {
	case warehouse.ReportJurisdiction:
		if r.JurisdictionCode == "" {
			return "辖区改为未定位"
		}
		return "辖区设为" + r.JurisdictionName + "（" + r.JurisdictionCode + "）"
	case warehouse.ReportYear:
		return "年度设为" + itoa(r.Year) + "年"
	case warehouse.ReportCounts:
		return "选定以本报告为准（" + itoa(r.Year) + "年度）"
	}
	return r.Action
}

func factChange(f warehouse.FactHistoryEntry, cat map[string]readmodel.Indicator) string {
	ind := indicatorOf(cat, f.FactIndicator)
	name := ind.NameZH
	if name == "" {
		name = f.FactIndicator
	}
	orig := ""
	if f.Original != nil {
		orig = "（原为" + formatNumber(*f.Original, ind.Unit) + "）"
	}
	switch f.Action {
	case warehouse.ActionSet:
		if f.Value != nil && f.Original != nil && *f.Value == *f.Original {
			return name + "：确认无误" + orig
		}
		if f.Value != nil {
			return name + "：数值改为" + formatNumber(*f.Value, ind.Unit) + orig
		}
	case warehouse.ActionReject:
		return name + "：删去" + orig
	case warehouse.ActionAdd:
		v := ""
		if f.Value != nil {
			v = formatNumber(*f.Value, ind.Unit)
		}
		return "补充" + name + "：" + v + "（“" + publishedText(f.Quote) + "”）"
	}
	return name + "：" + f.Action
}

// addFact adds a fact the extractor missed from a sentence an analyst
// selected in the report text: POST /reports/{id}/facts with quote,
// indicator, value, scope and reason.
func (h *Handler) addFact(c *gin.Context) {
	s, ok := h.writer(c, warehouse.RoleAnalyst)
	if !ok {
		return
	}
	id := c.Param("id")
	if !reportIDPattern.MatchString(id) {
		h.fail(c, http.StatusNotFound, "没有这份报告。", nil)
		return
	}
	ctx := c.Request.Context()
	r, err := h.db.Report(ctx, id)
	if err != nil {
		h.writeFailed(c, err)
		return
	}
	quote, ok := storedPassage(r.Text, strings.TrimSpace(c.PostForm("quote")))
	if !ok {
		h.fail(c, http.StatusBadRequest, "所选句子不在这份报告的原文中：请在原文中选中一句话（不要跨段）。", nil)
		return
	}
	v, ok := parseNumber(c.PostForm("value"))
	if !ok {
		h.fail(c, http.StatusBadRequest, "数值“"+c.PostForm("value")+"”不是数字。", nil)
		return
	}
	corr, err := h.db.Correct(ctx, warehouse.CorrectionInput{Action: warehouse.ActionAdd, ReportID: id, Indicator: c.PostForm("indicator"),
		Quote: quote, Scope: strings.TrimSpace(c.PostForm("scope")), Value: &v, Author: s.User.Name, Reason: strings.TrimSpace(c.PostForm("reason"))})
	if err != nil {
		h.writeFailed(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/reports/"+id+"#fact-"+corr.FactID)
}

// storedPassage finds a passage of the text as the page shows it
// (publishedText: full-width punctuation where the stored text has ASCII)
// and returns it as stored. publishedText maps rune to rune, so the
// passage's runes are at the same places in both.
func storedPassage(text, shown string) (string, bool) {
	if shown == "" {
		return "", false
	}
	pub := publishedText(text)
	i := strings.Index(pub, shown)
	if i < 0 {
		return "", false
	}
	from := utf8.RuneCountInString(pub[:i])
	rs := []rune(text)
	return string(rs[from : from+utf8.RuneCountInString(shown)]), true
}

// parseNumber reads a number as a person types it (1,234 or 87.5).
func parseNumber(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(s), ",", ""), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// retirePage is the page of a retired report: what happened, and for an
// admin the form that restores it.
type retirePage struct {
	Title, Nav string
	ReportID   string
	Last       warehouse.Retirement
	Session    *warehouse.Session
	CanRestore bool
}

// retiredReport answers the page of a retired report.
func (h *Handler) retiredReport(c *gin.Context, id string) {
	hist, err := h.db.Retirements(c.Request.Context(), id)
	if err != nil || len(hist) == 0 {
		h.fail(c, http.StatusInternalServerError, "读取报告失败。", err)
		return
	}
	p := retirePage{Title: "报告已撤下", Nav: "report", ReportID: id, Last: hist[len(hist)-1]}
	if s, ok := h.Session(c.Request); ok {
		p.Session, p.CanRestore = &s, warehouse.RoleRank(s.User.Role) >= warehouse.RoleRank(warehouse.RoleAdmin)
	}
	h.render(c, http.StatusOK, "retired.html", p)
}

// retire retires (retire true) or restores a report: POST
// /reports/{id}/retire or /restore with a reason; admins only.
func (h *Handler) retire(retire bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		s, ok := h.writer(c, warehouse.RoleAdmin)
		if !ok {
			return
		}
		id := c.Param("id")
		if !reportIDPattern.MatchString(id) {
			h.fail(c, http.StatusNotFound, "没有这份报告。", nil)
			return
		}
		if _, err := h.db.RetireReport(c.Request.Context(), id, retire, s.User.Name, c.PostForm("reason")); err != nil {
			h.writeFailed(c, err)
			return
		}
		if retire {
			c.Redirect(http.StatusSeeOther, "/reports/"+id)
			return
		}
		c.Redirect(http.StatusSeeOther, "/reports/"+id+"#history")
	}
}
