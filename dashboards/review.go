package dashboards

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

// reviewReasons are the reasons an item is in the review queue, in words:
// the extractor's flags and the queue's own reasons.
var reviewReasons = []struct{ code, label string }{
	{"low_confidence", "提取把握不足"},
	{"rate_mismatch", "比率存疑"},
	{"part_exceeds_whole", "部分大于总数"},
	{"partial_year", "非全年"},
	{"ceiling", "比率为100%"},
	{"duplicate_mention", "重复提及"},
	{"approx_headline", "代表值是约数"},
	{"unresolved_jurisdiction", "辖区未定位"},
	{"low_confidence_jurisdiction", "辖区把握不足"},
	{"no_year", "年份未识别"},
	{"duplicate_report", "同一辖区同一年度有多份报告"},
}

func reasonLabel(code string) string {
	for _, r := range reviewReasons {
		if r.code == code {
			return r.label
		}
	}
	return code
}

// reviewPageSize is how many items one page of the queue shows.
const reviewPageSize = 20

// reviewPage is the data of 待核实.
type reviewPage struct {
	Title, Nav string
	// Session is the logged-in user; CanWrite says they may act (analyst).
	Session  *warehouse.Session
	CanWrite bool
	Reasons  []selectOption
	Kinds    []selectOption
	// Area and Year are the filters as typed; IndicatorOptions the choice of indicator.
	Area, Year       string
	IndicatorOptions []selectOption
	Notices          notices
	Items            []reviewRow
	Indicators       []readmodel.Indicator
	Page             int
	Prev, Next       string
	Done             string
	// SearchFor is the report whose jurisdiction was searched for by name
	// (Search); Found are the divisions found.
	SearchFor, Search string
	Found             []warehouse.Candidate
}

// reviewRow is one item of the queue as the page shows it.
type reviewRow struct {
	warehouse.ReviewItem
	Why []string
	// Confidence is the extractor's, in words (把握 62%); empty if unknown.
	Confidence    string
	IndicatorName string
	Display       string
	// Before, Number and After are the quote cut around the number.
	Before, Number, After string
}

// reviewDone are the notices after an action, by the done parameter.
var reviewDone = map[string]string{
	"confirm": "已确认，该数字现在参与排名。", "set": "已更正数值。", "reject": "已删去该数字（原记录保留在修改记录中）。",
	"indicator": "已改为另一指标。", "jurisdiction": "已设定辖区。", "year": "已设定年度。", "counts": "已选定以该报告为准。",
}

// review shows the queue: GET /review[?reason=R][&kind=K][&area=CODE][&year=Y][&indicator=I][&page=N][&for=ID&q=NAME].
func (h *Handler) review(c *gin.Context) {
	q := c.Request.URL.Query()
	p := reviewPage{Title: "待核实", Nav: "review", Page: 1, Done: reviewDone[q.Get("done")]}
	if s, ok := h.Session(c.Request); ok {
		p.Session, p.CanWrite = &s, warehouse.RoleRank(s.User.Role) >= warehouse.RoleRank(warehouse.RoleAnalyst)
	}
	f := warehouse.ReviewFilter{Limit: reviewPageSize + 1}
	p.Reasons = []selectOption{{Value: "", Label: "全部原因"}}
	for _, r := range reviewReasons {
		sel := q.Get("reason") == r.code
		if sel {
			f.Reason = r.code
		}
		p.Reasons = append(p.Reasons, selectOption{Value: r.code, Label: r.label, Selected: sel})
	}
	p.Kinds = []selectOption{{Value: "", Label: "全部"}}
	for _, k := range []selectOption{{Value: warehouse.ReviewKindFact, Label: "数字"}, {Value: warehouse.ReviewKindReport, Label: "报告的辖区或年度"},
		{Value: warehouse.ReviewKindDuplicate, Label: "重复报告"}} {
		k.Selected = q.Get("kind") == k.Value
		if k.Selected {
			f.Kind = k.Value
		}
		p.Kinds = append(p.Kinds, k)
	}
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n > 1 && n < 100000 {
		p.Page = n
	}
	f.Offset = (p.Page - 1) * reviewPageSize
	area, year, y := areaYearFilter(q, &p.Notices)
	p.Area, f.Area, p.Year, f.Year = area, area, year, y
	ctx := c.Request.Context()
	snap, ok := h.snapshot(c)
	if !ok {
		return
	}
	p.Indicators = snap.Catalog()
	p.IndicatorOptions = []selectOption{{Value: "", Label: "全部指标"}}
	for _, ind := range p.Indicators {
		sel := q.Get("indicator") == ind.Code
		if sel {
			f.Indicator = ind.Code
		}
		p.IndicatorOptions = append(p.IndicatorOptions, selectOption{Value: ind.Code, Label: ind.NameZH, Selected: sel})
	}
	items, err := h.db.Review(ctx, f)
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取待核实清单失败。", err)
		return
	}
	cat := catalogByCode(p.Indicators)
	if len(items) > reviewPageSize {
		items = items[:reviewPageSize]
		p.Next = pageURL(q, p.Page+1)
	}
	if p.Page > 1 {
		p.Prev = pageURL(q, p.Page-1)
	}
	for _, it := range items {
		p.Items = append(p.Items, newReviewRow(it, cat))
	}
	if id, name := q.Get("for"), strings.TrimSpace(q.Get("q")); reportIDPattern.MatchString(id) && name != "" {
		p.SearchFor, p.Search = id, name
		if p.Found, err = h.db.SearchDivisions(ctx, name, 20); err != nil {
			h.fail(c, http.StatusInternalServerError, "查找辖区失败。", err)
			return
		}
	}
	h.render(c, http.StatusOK, "review.html", p)
}

func newReviewRow(it warehouse.ReviewItem, cat map[string]readmodel.Indicator) reviewRow {
	r := reviewRow{ReviewItem: it}
	for _, why := range it.Reasons {
		r.Why = append(r.Why, reasonLabel(why))
	}
	if it.ReviewFact != nil {
		ind := indicatorOf(cat, it.Indicator)
		r.IndicatorName, r.Display = ind.NameZH, formatNumber(it.Value, it.Unit)
		if c := it.ExtractorConfidence; c != nil {
			r.Confidence = "把握 " + strconv.Itoa(int(math.Round(100**c))) + "%"
		}
		r.Before, r.Number, r.After = it.Quote, "", ""
		if i := strings.Index(it.Quote, it.Number); it.Number != "" && i >= 0 {
			r.Before, r.Number, r.After = it.Quote[:i], it.Number, it.Quote[i+len(it.Number):]
		}
	}
	return r
}

func pageURL(q url.Values, page int) string {
	v := url.Values{}
	for _, k := range []string{"reason", "kind", "area", "year", "indicator"} {
		if q.Get(k) != "" {
			v.Set(k, q.Get(k))
		}
	}
	v.Set("page", strconv.Itoa(page))
	return "/review?" + v.Encode()
}

var (
	reportIDPattern = regexp.MustCompile(`^[0-9a-f]{16}$`)
	factIDPattern   = regexp.MustCompile(`^[0-9a-f]{16}-[0-9a-z]{1,24}$`)
)

// writer is the analyst a form that writes comes from: the session, its
// form token checked. On refusal it has answered and reports false.
func (h *Handler) writer(c *gin.Context, role string) (warehouse.Session, bool) {
	s, ok := h.Session(c.Request)
	switch {
	case !ok:
		h.fail(c, http.StatusUnauthorized, "请先登录，再进行核实或更正。", nil)
	case warehouse.RoleRank(s.User.Role) < warehouse.RoleRank(role):
		h.fail(c, http.StatusForbidden, "您的账户角色为"+roleNames[s.User.Role]+"，不能进行这项操作。", nil)
	case !validForm(c, s):
		h.fail(c, http.StatusForbidden, "表单已失效，请刷新页面后再试。", nil)
	default:
		return s, true
	}
	return s, false
}

// reviewFact acts on a fact: POST /review/facts/{id} with action confirm,
// set (value), indicator (indicator) or reject, and a reason.
func (h *Handler) reviewFact(c *gin.Context) {
	s, ok := h.writer(c, warehouse.RoleAnalyst)
	if !ok {
		return
	}
	id, action, reason := c.Param("id"), c.PostForm("action"), strings.TrimSpace(c.PostForm("reason"))
	if !factIDPattern.MatchString(id) {
		h.fail(c, http.StatusNotFound, "没有这个数字。", nil)
		return
	}
	ctx := c.Request.Context()
	f, err := h.db.Fact(ctx, id)
	if err != nil {
		h.writeFailed(c, err)
		return
	}
	in := warehouse.CorrectionInput{FactID: id, Author: s.User.Name, Reason: reason}
	switch action {
	case "confirm":
		v := f.Value
		in.Action, in.Value = warehouse.ActionSet, &v
	case "set":
		v, ok := parseNumber(c.PostForm("value"))
		if !ok {
			h.fail(c, http.StatusBadRequest, "数值“"+c.PostForm("value")+"”不是数字。", nil)
			return
		}
		in.Action, in.Value = warehouse.ActionSet, &v
	case "reject":
		in.Action = warehouse.ActionReject
	case "indicator":
		// Another indicator: the fact is rejected and the same sentence and
		// value added under the new one, both in the history.
		to := c.PostForm("indicator")
		if to == "" || to == f.Indicator {
			h.fail(c, http.StatusBadRequest, "请选择另一个指标。", nil)
			return
		}
		in.Action = warehouse.ActionReject
		if _, err := h.db.Correct(ctx, in); err != nil {
			h.writeFailed(c, err)
			return
		}
		v := f.Value
		in = warehouse.CorrectionInput{Action: warehouse.ActionAdd, ReportID: f.ReportID, Indicator: to, Quote: f.Quote,
			Scope: f.Scope, Value: &v, Author: s.User.Name, Reason: reason + "（由" + f.Indicator + "改为" + to + "）"}
	default:
		h.fail(c, http.StatusBadRequest, "无法识别的操作。", nil)
		return
	}
	if _, err := h.db.Correct(ctx, in); err != nil {
		h.writeFailed(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/review?done="+action)
}

// reviewReport acts on a report: POST /review/reports/{id} with action
// jurisdiction (code), year (year) or counts, and a reason.
func (h *Handler) reviewReport(c *gin.Context) {
	s, ok := h.writer(c, warehouse.RoleAnalyst)
	if !ok {
		return
	}
	id, action := c.Param("id"), c.PostForm("action")
	if !reportIDPattern.MatchString(id) {
		h.fail(c, http.StatusNotFound, "没有这份报告。", nil)
		return
	}
	in := warehouse.ReportCorrectionInput{ReportID: id, Action: action, Author: s.User.Name, Reason: strings.TrimSpace(c.PostForm("reason"))}
	switch action {
	case warehouse.ReportJurisdiction:
		in.JurisdictionCode = c.PostForm("code")
		if in.JurisdictionCode == "" {
			h.fail(c, http.StatusBadRequest, "请选择一个候选辖区，或按名称查找后选择。", nil)
			return
		}
	case warehouse.ReportYear:
		y, err := strconv.Atoi(strings.TrimSpace(c.PostForm("year")))
		if err != nil {
			h.fail(c, http.StatusBadRequest, "年度应为四位数字，例如2023。", nil)
			return
		}
		in.Year = y
	case warehouse.ReportCounts:
	default:
		h.fail(c, http.StatusBadRequest, "无法识别的操作。", nil)
		return
	}
	if _, err := h.db.CorrectReport(c.Request.Context(), in); err != nil {
		h.writeFailed(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/review?done="+action)
}

// writeFailed answers a correction the warehouse refused.
func (h *Handler) writeFailed(c *gin.Context, err error) {
	switch {
	case errors.Is(err, warehouse.ErrNotFound):
		h.fail(c, http.StatusNotFound, "要更正的数字或报告不存在（可能已被删去）。", nil)
	case errors.Is(err, warehouse.ErrInvalidQuery):
		h.fail(c, http.StatusBadRequest, fmt.Sprintf("无法保存这项更正（%s）。请检查填写的内容，并写明理由。", err), nil)
	default:
		h.fail(c, http.StatusInternalServerError, "保存失败，请稍后再试。", err)
	}
}
