package dashboards

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
)

type briefPage struct {
	Title    string
	Nav      string
	Brief    warehouse.Brief
	Sections []briefSection
	Notes    []briefNote
}

type briefSection struct {
	Label string
	Lines []briefLineView
}

type briefLineView struct {
	warehouse.BriefLine
	Display string
	Badges  []badge
	History string
	Note    int
}

type briefNote struct {
	N        int
	Quote    string
	ReportID string
	FactID   string
}

// brief is the printable one-page brief of a jurisdiction and year: its
// headline indicators, their rank among peers, their history, and every
// value's source sentence as a footnote.
func (h *Handler) brief(c *gin.Context) {
	code := c.Query("jurisdiction")
	year, err := strconv.Atoi(c.Query("year"))
	if strings.Trim(code, "0123456789") != "" || code == "" || err != nil {
		h.fail(c, http.StatusBadRequest, "请指定辖区代码和年份,例如 /brief?jurisdiction=110105019&year=2023", err)
		return
	}
	b, err := h.db.Brief(c.Request.Context(), code, year)
	if errors.Is(err, warehouse.ErrNotFound) {
		h.fail(c, http.StatusNotFound, "没有这个辖区在这一年的数据", err)
		return
	}
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取简报数据失败", err)
		return
	}
	page := briefPage{Title: b.JurisdictionName + " " + strconv.Itoa(year) + "年 法治政府建设数据简报", Nav: "brief", Brief: b}
	byCat := map[string][]briefLineView{}
	for _, l := range b.Lines {
		v := briefLineView{BriefLine: l, Display: displayValue(l.Value, l.Unit, l.ApproxKind),
			Badges: valueBadges(l.ApproxKind, l.Partial, l.Scope, l.Derived, l.Corrected, l.Flags)}
		var hist []string
		for _, y := range l.History {
			hist = append(hist, strconv.Itoa(y.Year)+"年 "+displayValue(y.Value, l.Unit, y.ApproxKind))
		}
		v.History = strings.Join(hist, " · ")
		byCat[l.Category] = append(byCat[l.Category], v)
	}
	for _, cat := range categoryOrder {
		lines := byCat[cat]
		if len(lines) == 0 {
			continue
		}
		for i := range lines {
			page.Notes = append(page.Notes, briefNote{N: len(page.Notes) + 1, Quote: lines[i].Quote,
				ReportID: lines[i].ReportID, FactID: lines[i].FactID})
			lines[i].Note = len(page.Notes)
		}
		page.Sections = append(page.Sections, briefSection{Label: categoryLabels[cat], Lines: lines})
	}
	h.render(c, http.StatusOK, "brief.html", page)
}
