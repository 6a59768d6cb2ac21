package dashboards

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
)

// reportsPageSize is how many reports one page of 报告列表 shows.
const reportsPageSize = 50

// reportsPage is the data of 报告列表.
type reportsPage struct {
	Title, Nav string
	Notices    notices
	Name, Area string
	Year       string
	Levels     []selectOption
	Statuses   []selectOption
	Rows       []warehouse.ReportListRow
	Total      int
	Page       int
	Prev, Next string
	// CanUpload: the user may upload (admin).
	CanUpload bool
}

var reportStatuses = []selectOption{
	{Value: "", Label: "全部"},
	{Value: warehouse.StatusResolved, Label: "辖区已定位"},
	{Value: warehouse.StatusUnresolved, Label: "辖区未定位"},
	{Value: warehouse.StatusDuplicate, Label: "同一辖区年度有多份"},
	{Value: warehouse.StatusLowCoverage, Label: "信息量少（少于" + strconv.Itoa(warehouse.LowCoverage) + "项指标）"},
	{Value: warehouse.StatusRetired, Label: "已撤下"},
}

// reports lists every report: GET /reports[?q=NAME][&area=CODE][&year=Y][&level=L][&status=S][&page=N].
func (h *Handler) reports(c *gin.Context) {
	q := c.Request.URL.Query()
	p := reportsPage{Title: "报告列表", Nav: "reports", Page: 1}
	if s, ok := h.Session(c.Request); ok {
		p.CanUpload = warehouse.RoleRank(s.User.Role) >= warehouse.RoleRank(warehouse.RoleAdmin)
	}
	f := parseReportList(q, &p)
	rows, total, err := h.db.ReportList(c.Request.Context(), f)
	if errors.Is(err, warehouse.ErrInvalidQuery) {
		p.Notices.add("筛选条件无法识别，已显示全部报告。")
		rows, total, err = h.db.ReportList(c.Request.Context(), warehouse.ReportListFilter{Limit: reportsPageSize})
	}
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取报告列表失败。", err)
		return
	}
	p.Rows, p.Total = rows, total
	if p.Page > 1 {
		p.Prev = reportsURL(q, p.Page-1)
	}
	if p.Page*reportsPageSize < total {
		p.Next = reportsURL(q, p.Page+1)
	}
	h.render(c, http.StatusOK, "reports.html", p)
}

// areaYearFilter reads the area (a division code prefix) and the year of a
// workbench list, the year as written and as a number ("" and 0 for none);
// a value that cannot be one is named in a notice and ignored.
func areaYearFilter(q url.Values, n *notices) (area, year string, y int) {
	if a := strings.TrimSpace(q.Get("area")); a != "" {
		if len(a) <= 12 && strings.Trim(a, "0123456789") == "" {
			area = a
		} else {
			n.add("地区代码“" + a + "”无法识别（应为统计用区划代码的前几位，例如33），已忽略。")
		}
	}
	if ys := strings.TrimSpace(q.Get("year")); ys != "" {
		if v, err := strconv.Atoi(ys); err == nil && v >= 1990 && v <= 2100 {
			year, y = ys, v
		} else {
			n.add("年份“" + ys + "”无法识别，已忽略。")
		}
	}
	return area, year, y
}

// parseReportList reads the list's parameters into a filter and the page.
func parseReportList(q url.Values, p *reportsPage) warehouse.ReportListFilter {
	f := warehouse.ReportListFilter{Limit: reportsPageSize}
	p.Name = strings.TrimSpace(q.Get("q"))
	f.Name = p.Name
	area, year, y := areaYearFilter(q, &p.Notices)
	p.Area, f.Area, p.Year, f.Year = area, area, year, y
	p.Levels = []selectOption{{Value: "", Label: "全部"}}
	for _, l := range levelChoices {
		sel := q.Get("level") == l
		if sel {
			f.Level = l
		}
		p.Levels = append(p.Levels, selectOption{Value: l, Label: l, Selected: sel})
	}
	for _, s := range reportStatuses {
		s.Selected = q.Get("status") == s.Value && s.Value != ""
		if s.Selected {
			f.Status = s.Value
		}
		p.Statuses = append(p.Statuses, s)
	}
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n > 1 && n < 1000000 {
		p.Page = n
	}
	f.Offset = (p.Page - 1) * reportsPageSize
	return f
}

func reportsURL(q url.Values, page int) string {
	v := url.Values{}
	for _, k := range []string{"q", "area", "year", "level", "status"} {
		if q.Get(k) != "" {
			v.Set(k, q.Get(k))
		}
	}
	v.Set("page", strconv.Itoa(page))
	return "/reports?" + v.Encode()
}
