package api

import (
	"context"
	"errors"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/sqlbox"
)

// errBadRequest marks request validation errors.
var errBadRequest = errors.New("bad request")

// Refusals of writes, uploads and exports.
var (
	errUnauthorized  = errors.New("unauthorized")
	errForbidden     = errors.New("forbidden")
	errTooLarge      = errors.New("request too large")
	errNotConfigured = errors.New("not available")
	errNotFoundRoute = errors.New("not found")
)

// errorResponse is the body of every error answer: the message (English,
// for API clients) beside a code that names the kind of error, so that a
// page can say it in Chinese; a refused query adds the rule it broke and
// what it refused (sqlbox.Refusal).
type errorResponse struct {
	Error   string `json:"error"`
	Code    string `json:"code"`
	Reason  string `json:"reason,omitempty"`
	Subject string `json:"subject,omitempty"`
}

// errorKinds maps errors to their HTTP status and code (STYLE.md §4), the
// first that matches.
var errorKinds = []struct {
	errs   []error
	status int
	code   string
}{
	{[]error{warehouse.ErrQueryRejected, sqlbox.ErrRejected}, http.StatusBadRequest, "sql_rejected"},
	{[]error{sqlbox.ErrInvalid}, http.StatusBadRequest, "sql_invalid"},
	{[]error{sqlbox.ErrMemory}, http.StatusBadRequest, "sql_memory"},
	{[]error{sqlbox.ErrCrashed}, http.StatusBadRequest, "sql_crashed"},
	{[]error{errBadRequest, warehouse.ErrInvalidQuery}, http.StatusBadRequest, "bad_request"},
	{[]error{warehouse.ErrNotFound, errNotFoundRoute}, http.StatusNotFound, "not_found"},
	{[]error{errUnauthorized}, http.StatusUnauthorized, "unauthorized"},
	{[]error{errForbidden}, http.StatusForbidden, "forbidden"},
	{[]error{errTooLarge}, http.StatusRequestEntityTooLarge, "too_large"},
	{[]error{errNotConfigured}, http.StatusNotImplemented, "not_configured"},
	{[]error{errBusy, sqlbox.ErrClosed}, http.StatusServiceUnavailable, "busy"},
	{[]error{sqlbox.ErrTimeout, context.DeadlineExceeded}, http.StatusGatewayTimeout, "timeout"},
}

// kindOf returns the status and code of err: 500 "internal" for an error
// of none of the kinds.
func kindOf(err error) (int, string) {
	for _, k := range errorKinds {
		for _, e := range k.errs {
			if errors.Is(err, e) {
				return k.status, k.code
			}
		}
	}
	return http.StatusInternalServerError, "internal"
}

// statusOf maps an error to its HTTP status.
func statusOf(err error) int {
	status, _ := kindOf(err)
	return status
}

// fail answers with the error's status. Clients see the message of 4xx
// errors; a 5xx is logged in full and answered with a generic message.
func (h *Handler) fail(c *gin.Context, err error) {
	status, code := kindOf(err)
	msg := err.Error()
	switch {
	case errors.Is(err, sqlbox.ErrTimeout), errors.Is(err, errBusy), errors.Is(err, sqlbox.ErrClosed):
		// The message says what happened; nothing to log.
	case status == http.StatusGatewayTimeout:
		msg = "the query took too long and was stopped"
	case status >= 500:
		h.log.Error("request failed", slog.String("path", c.Request.URL.Path), slog.Any("err", err))
		msg = "internal error"
	}
	resp := errorResponse{Error: msg, Code: code}
	var r *sqlbox.Refusal
	if errors.As(err, &r) {
		resp.Reason, resp.Subject = r.Reason, r.Subject
	}
	c.AbortWithStatusJSON(status, resp)
}

// NotFound answers a path under /api/ that no route has (cmd mounts it as
// the engine's NoRoute there).
func NotFound(c *gin.Context) {
	c.AbortWithStatusJSON(http.StatusNotFound, errorResponse{Error: "no such endpoint: " + c.Request.URL.Path, Code: "not_found"})
}
