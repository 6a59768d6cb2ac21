package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
)

// maxCorrectionBody bounds the JSON body of a correction.
const maxCorrectionBody = 64 << 10

// putFact corrects one fact: PUT /api/facts/{id} {"action":"set"|"reject", "value", "author", "reason"}.
func (h *Handler) putFact(c *gin.Context) {
	in, err := parseFactCorrection(c.Param("id"), c.Request.Body)
	if err != nil {
		h.fail(c, err)
		return
	}
	in.Author = author(c, in.Author)
	corr, err := h.db.Correct(c.Request.Context(), in)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, correctionResponse{Correction: corr})
}

// postCorrection stores any correction, including an added fact:
// POST /api/corrections with a warehouse.CorrectionInput.
func (h *Handler) postCorrection(c *gin.Context) {
	var in warehouse.CorrectionInput
	if err := decodeStrict(c.Request.Body, &in); err != nil {
		h.fail(c, err)
		return
	}
	in.Author = author(c, in.Author)
	corr, err := h.db.Correct(c.Request.Context(), in)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, correctionResponse{Correction: corr})
}

type correctionResponse struct {
	Correction warehouse.Correction `json:"correction"`
}

// factCorrections lists a fact's history: GET /api/facts/{id}/corrections.
func (h *Handler) factCorrections(c *gin.Context) {
	id := c.Param("id")
	if !factID.MatchString(id) {
		h.fail(c, fmt.Errorf("%w: not a fact id", errBadRequest))
		return
	}
	hist, err := h.db.Corrections(c.Request.Context(), id)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, historyResponse{FactID: id, Corrections: hist})
}

type historyResponse struct {
	FactID      string                 `json:"fact_id"`
	Corrections []warehouse.Correction `json:"corrections"`
}

// review lists the review queue: GET /api/review[?flag=REASON][&kind=K][&area=CODE][&year=Y][&indicator=I][&offset=N][&limit=N].
func (h *Handler) review(c *gin.Context) {
	f, err := parseReview(c.Request.URL.Query())
	if err != nil {
		h.fail(c, err)
		return
	}
	items, err := h.db.Review(c.Request.Context(), f)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, reviewResponse{Items: items})
}

type reviewResponse struct {
	Items []warehouse.ReviewItem `json:"items"`
}

var (
	// factID: a report id, a dash, and a hash or a<n> for an added fact.
	factID = regexp.MustCompile(`^[0-9a-f]{16}-[0-9a-z]{1,24}$`)
	reason = regexp.MustCompile(`^[a-z_]{1,40}$`)
)

// factBody is the body of PUT /api/facts/{id}.
type factBody struct {
	Action string   `json:"action"`
	Value  *float64 `json:"value"`
	Author string   `json:"author"`
	Reason string   `json:"reason"`
}

// parseFactCorrection reads PUT /api/facts/{id}: the action is set when a
// value is given and no action is named.
func parseFactCorrection(id string, body io.Reader) (warehouse.CorrectionInput, error) {
	if !factID.MatchString(id) {
		return warehouse.CorrectionInput{}, fmt.Errorf("%w: not a fact id", errBadRequest)
	}
	var b factBody
	if err := decodeStrict(body, &b); err != nil {
		return warehouse.CorrectionInput{}, err
	}
	if b.Action == "" && b.Value != nil {
		b.Action = warehouse.ActionSet
	}
	if b.Action != warehouse.ActionSet && b.Action != warehouse.ActionReject {
		return warehouse.CorrectionInput{}, fmt.Errorf(`%w: action must be "set" (with a value) or "reject"; add facts with POST /api/corrections`, errBadRequest)
	}
	return warehouse.CorrectionInput{Action: b.Action, FactID: id, Value: b.Value, Author: b.Author, Reason: b.Reason}, nil
}

// decodeStrict decodes one JSON object, refusing unknown fields (a typo
// must not turn into a silent default).
func decodeStrict(body io.Reader, v any) error {
	data, err := io.ReadAll(io.LimitReader(body, maxCorrectionBody+1))
	if err != nil {
		return fmt.Errorf("%w: read body: %w", errBadRequest, err)
	}
	if len(data) > maxCorrectionBody {
		return fmt.Errorf("%w: body is larger than %d bytes", errBadRequest, maxCorrectionBody)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: body must be a JSON object: %w", errBadRequest, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: body must be one JSON object", errBadRequest)
	}
	return nil
}

// parseReview reads ?flag=REASON&kind=K&area=CODE&year=Y&indicator=I&offset=N&limit=N.
func parseReview(q url.Values) (warehouse.ReviewFilter, error) {
	var f warehouse.ReviewFilter
	if r := q.Get("flag"); r != "" {
		if !reason.MatchString(r) {
			return f, fmt.Errorf("%w: flag must be a flag or reason such as rate_mismatch, approx_headline, unresolved_jurisdiction, duplicate_report", errBadRequest)
		}
		f.Reason = r
	}
	switch k := q.Get("kind"); k {
	case "", warehouse.ReviewKindFact, warehouse.ReviewKindReport, warehouse.ReviewKindDuplicate:
		f.Kind = k
	default:
		return f, fmt.Errorf("%w: kind must be fact, report or duplicate_report", errBadRequest)
	}
	if a := q.Get("area"); a != "" {
		if !divisionCode.MatchString(a) {
			return f, fmt.Errorf("%w: area must be a division code prefix (digits)", errBadRequest)
		}
		f.Area = a
	}
	if y := q.Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1990 || n > 2100 {
			return f, fmt.Errorf("%w: year must be a year between 1990 and 2100", errBadRequest)
		}
		f.Year = n
	}
	if i := q.Get("indicator"); i != "" {
		if !indicatorCode.MatchString(i) {
			return f, fmt.Errorf("%w: indicator must be an indicator code such as mediation.success_rate", errBadRequest)
		}
		f.Indicator = i
	}
	if l := q.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 1000 {
			return f, fmt.Errorf("%w: limit must be between 1 and 1000", errBadRequest)
		}
		f.Limit = n
	}
	if o := q.Get("offset"); o != "" {
		n, err := strconv.Atoi(o)
		if err != nil || n < 0 || n > 1000000 {
			return f, fmt.Errorf("%w: offset must be a number of items, 0 or more", errBadRequest)
		}
		f.Offset = n
	}
	return f, nil
}
