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

// errorResponse is the body of every error answer.
type errorResponse struct {
	Error string `json:"error"`
}

// statusOf maps an error to its HTTP status (STYLE.md §4).
func statusOf(err error) int {
	switch {
	case errors.Is(err, errBadRequest), errors.Is(err, warehouse.ErrInvalidQuery), errors.Is(err, warehouse.ErrQueryRejected),
		errors.Is(err, sqlbox.ErrRejected), errors.Is(err, sqlbox.ErrInvalid),
		errors.Is(err, sqlbox.ErrMemory), errors.Is(err, sqlbox.ErrCrashed):
		return http.StatusBadRequest
	case errors.Is(err, warehouse.ErrNotFound), errors.Is(err, errNotFoundRoute):
		return http.StatusNotFound
	case errors.Is(err, errUnauthorized):
		return http.StatusUnauthorized
	case errors.Is(err, errForbidden):
		return http.StatusForbidden
	case errors.Is(err, errTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, errNotConfigured):
		return http.StatusNotImplemented
	case errors.Is(err, errBusy), errors.Is(err, sqlbox.ErrClosed):
		return http.StatusServiceUnavailable
	case errors.Is(err, sqlbox.ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout
	default:
		return http.StatusInternalServerError
	}
}

// fail answers with the error's status. Clients see the message of 4xx
// errors; a 5xx is logged in full and answered with a generic message.
func (h *Handler) fail(c *gin.Context, err error) {
	status := statusOf(err)
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
	c.AbortWithStatusJSON(status, errorResponse{Error: msg})
}
