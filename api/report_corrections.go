package api

import (
	"fmt"
	"io"
	"net/http"
	"regexp"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
)

// reportID is a report id: the first 16 hex digits of its content's sha256.
var reportID = regexp.MustCompile(`^[0-9a-f]{16}$`)

// putReport corrects a report: PUT /api/reports/{id}/jurisdiction
// {"code","author","reason"}, /year {"year","author","reason"} or /counts
// {"author","reason"} (of the reports for its jurisdiction-year, this one
// counts). The route names the action.
func (h *Handler) putReport(action string) gin.HandlerFunc {
	return func(c *gin.Context) {
		in, err := parseReportCorrection(c.Param("id"), action, c.Request.Body)
		if err != nil {
			h.fail(c, err)
			return
		}
		in.Author = author(c, in.Author)
		corr, err := h.db.CorrectReport(c.Request.Context(), in)
		if err != nil {
			h.fail(c, err)
			return
		}
		c.JSON(http.StatusOK, reportCorrectionResponse{Correction: corr})
	}
}

type reportCorrectionResponse struct {
	Correction warehouse.ReportCorrection `json:"correction"`
}

// reportCorrections lists a report's history: GET /api/reports/{id}/corrections.
func (h *Handler) reportCorrections(c *gin.Context) {
	id := c.Param("id")
	if !reportID.MatchString(id) {
		h.fail(c, fmt.Errorf("%w: not a report id (16 hex digits)", errBadRequest))
		return
	}
	hist, err := h.db.ReportCorrections(c.Request.Context(), id)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, reportHistoryResponse{ReportID: id, Corrections: hist})
}

type reportHistoryResponse struct {
	ReportID    string                       `json:"report_id"`
	Corrections []warehouse.ReportCorrection `json:"corrections"`
}

// reportBody is the body of the PUT /api/reports/{id}/… routes; which
// fields it needs depends on the route.
type reportBody struct {
	// Code is the division code to set; "" declares the jurisdiction
	// unresolved. Required (as a key) on /jurisdiction.
	Code *string `json:"code"`
	// Year is the year to set; required on /year.
	Year   *int   `json:"year"`
	Author string `json:"author"`
	Reason string `json:"reason"`
}

// parseReportCorrection reads a PUT /api/reports/{id}/{action} body.
func parseReportCorrection(id, action string, body io.Reader) (warehouse.ReportCorrectionInput, error) {
	in := warehouse.ReportCorrectionInput{ReportID: id, Action: action}
	if !reportID.MatchString(id) {
		return in, fmt.Errorf("%w: not a report id (16 hex digits)", errBadRequest)
	}
	var b reportBody
	if err := decodeStrict(body, &b); err != nil {
		return in, err
	}
	in.Author, in.Reason = b.Author, b.Reason
	switch action {
	case warehouse.ReportJurisdiction:
		if b.Code == nil || b.Year != nil {
			return in, fmt.Errorf(`%w: send {"code": "<division code>", "author": …, "reason": …} ("code": "" declares it unresolved)`, errBadRequest)
		}
		in.JurisdictionCode = *b.Code
	case warehouse.ReportYear:
		if b.Year == nil || b.Code != nil {
			return in, fmt.Errorf(`%w: send {"year": 2023, "author": …, "reason": …}`, errBadRequest)
		}
		in.Year = *b.Year
	case warehouse.ReportCounts:
		if b.Year != nil || b.Code != nil {
			return in, fmt.Errorf(`%w: send {"author": …, "reason": …}: the report counts for its own jurisdiction-year`, errBadRequest)
		}
	}
	return in, nil
}
