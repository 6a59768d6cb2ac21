package api

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"

	"github.com/fazhi/fazhi/warehouse/readmodel"
	"github.com/gin-gonic/gin"
)

func (h *Handler) health(c *gin.Context) {
	hs, err := h.db.Health(c.Request.Context())
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, healthResponse{Status: "ok", Reports: hs.Reports, Facts: hs.Facts})
}

type healthResponse struct {
	Status  string `json:"status"`
	Reports int    `json:"reports"`
	Facts   int    `json:"facts"`
}

// snapshot returns the current snapshot of the data, which every read of
// one request uses (a response never mixes two generations); after a
// failure it has answered the request and reports false.
func (h *Handler) snapshot(c *gin.Context) (*readmodel.Snapshot, bool) {
	s, err := h.db.Snapshot(c.Request.Context())
	if err != nil {
		h.fail(c, err)
		return nil, false
	}
	return s, true
}

func (h *Handler) indicators(c *gin.Context) {
	s, ok := h.snapshot(c)
	if !ok {
		return
	}
	c.JSON(http.StatusOK, indicatorsResponse{Indicators: s.Catalog()})
}

type indicatorsResponse struct {
	Indicators []readmodel.Indicator `json:"indicators"`
}

func (h *Handler) compare(c *gin.Context) {
	q := c.Request.URL.Query()
	f, err := parseCompare(q)
	if err != nil {
		h.fail(c, err)
		return
	}
	offset, limit, err := parsePage(q)
	if err != nil {
		h.fail(c, err)
		return
	}
	s, ok := h.snapshot(c)
	if !ok {
		return
	}
	ind, err := s.Indicator(f.Indicator)
	if err != nil {
		h.fail(c, err)
		return
	}
	p, err := s.ComparePaged(f, offset, limit)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, compareResponse{Indicator: ind.Code, Unit: ind.Unit, Rows: p.Rows, Total: p.Total,
		Offset: offset, Truncated: offset+len(p.Rows) < p.Total, Conflicts: p.Conflicts})
}

type compareResponse struct {
	Indicator string                 `json:"indicator"`
	Unit      string                 `json:"unit"`
	Rows      []readmodel.CompareRow `json:"rows"`
	// Conflicts are the jurisdiction-years left out of rows because their
	// reports disagree (until a person chooses which counts).
	Conflicts []readmodel.CompareConflict `json:"conflicts"`
	// Total counts every row; Truncated says more follow (ask again with
	// offset = offset + len(rows)).
	Total     int  `json:"total"`
	Offset    int  `json:"offset"`
	Truncated bool `json:"truncated"`
}

// parsePage reads ?offset=N&limit=N: by default every row (0: no limit).
// A national year of an indicator has tens of thousands of rows; pages of
// a thousand answer in a few milliseconds.
func parsePage(q url.Values) (offset, limit int, err error) {
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 {
			return 0, 0, fmt.Errorf("%w: limit must be a number of rows, 1 or more", errBadRequest)
		}
	}
	if v := q.Get("offset"); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset < 0 {
			return 0, 0, fmt.Errorf("%w: offset must be a number of rows, 0 or more", errBadRequest)
		}
	}
	return offset, limit, nil
}

var (
	indicatorCode = regexp.MustCompile(`^[a-z_]+\.[a-z_]+$`)
	divisionCode  = regexp.MustCompile(`^[0-9]{2,12}$`)
	levels        = map[string]bool{"街道": true, "镇": true, "乡": true, "苏木": true, "区": true, "县": true, "市": true, "旗": true}
)

// parseCompare reads ?indicator=CODE[&year=Y][&level=..][&parent=CODE].
func parseCompare(q url.Values) (readmodel.CompareFilter, error) {
	var f readmodel.CompareFilter
	f.Indicator = q.Get("indicator")
	if !indicatorCode.MatchString(f.Indicator) {
		return f, fmt.Errorf("%w: indicator must be a catalog code such as mediation.cases_accepted", errBadRequest)
	}
	if y := q.Get("year"); y != "" {
		year, err := strconv.Atoi(y)
		if err != nil || year < 1990 || year > 2100 {
			return f, fmt.Errorf("%w: year must be a year such as 2023", errBadRequest)
		}
		f.Year = year
	}
	if l := q.Get("level"); l != "" {
		if !levels[l] {
			return f, fmt.Errorf("%w: level must be one of 街道 镇 乡 苏木 区 县 市 旗", errBadRequest)
		}
		f.Level = l
	}
	if p := q.Get("parent"); p != "" {
		if !divisionCode.MatchString(p) {
			return f, fmt.Errorf("%w: parent must be a division code (digits)", errBadRequest)
		}
		f.Parent = p
	}
	return f, nil
}

func (h *Handler) trend(c *gin.Context) {
	ind, jur := c.Query("indicator"), c.Query("jurisdiction")
	if !indicatorCode.MatchString(ind) || !divisionCode.MatchString(jur) {
		h.fail(c, fmt.Errorf("%w: indicator (a catalog code) and jurisdiction (a division code) are required", errBadRequest))
		return
	}
	s, ok := h.snapshot(c)
	if !ok {
		return
	}
	rows, err := s.Trend(ind, jur)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, trendResponse{Indicator: ind, Jurisdiction: jur, Rows: rows, Conflicts: s.TrendConflicts(ind, jur)})
}

type trendResponse struct {
	Indicator    string               `json:"indicator"`
	Jurisdiction string               `json:"jurisdiction"`
	Rows         []readmodel.TrendRow `json:"rows"`
	// Conflicts are the years with no row because the reports disagree.
	Conflicts []readmodel.CompareConflict `json:"conflicts"`
}

func (h *Handler) report(c *gin.Context) {
	w, err := parseReportWindow(c.Request.URL.Query())
	if err != nil {
		h.fail(c, err)
		return
	}
	r, err := h.db.ReportPart(c.Request.Context(), c.Param("id"), w)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, r)
}

type sqlRequest struct {
	SQL string `json:"sql"`
}

// sql runs one researcher's query in the SQL sandbox: POST /api/sql with
// {"sql": "SELECT ..."}; ?format=csv answers CSV. The heavy slot is held
// while the query runs, not while the answer is sent.
func (h *Handler) sql(c *gin.Context) {
	if h.cfg.SQL == nil {
		h.fail(c, fmt.Errorf("%w: this server runs no SQL", errNotConfigured))
		return
	}
	var req sqlRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		h.fail(c, bodyError(err, `body must be JSON {"sql": "SELECT ..."}`))
		return
	}
	release, ok := h.slot(c)
	if !ok {
		return
	}
	res, err := h.cfg.SQL.Query(c.Request.Context(), req.SQL)
	release()
	if err != nil {
		h.fail(c, err)
		return
	}
	if c.Query("format") == "csv" {
		c.Header("Content-Type", "text/csv; charset=utf-8")
		c.Header("Content-Disposition", `attachment; filename="query.csv"`)
		c.Status(http.StatusOK)
		if err := res.WriteCSV(h.stallWriter(c)); err != nil {
			h.log.Warn("send query csv", "err", err)
		}
		return
	}
	c.JSON(http.StatusOK, res)
}
