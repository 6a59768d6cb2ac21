package api

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
)

// What bounds a request besides the server's read and write timeouts: the
// size of a body, the heavy slots, and how long a client may stall a
// download.

// limitBody refuses a body larger than max bytes: at once when its
// Content-Length says so (413, nothing read), and when reading it passes
// max otherwise (a chunked body).
func (h *Handler) limitBody(max int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Request.ContentLength > max {
			// The body is not read: the connection is closed after the answer.
			c.Header("Connection", "close")
			h.fail(c, fmt.Errorf("%w: the request body is %d bytes; at most %d are accepted", errTooLarge, c.Request.ContentLength, max))
			return
		}
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, max)
		c.Next()
	}
}

// bodyError turns an error reading a body limited by limitBody into the
// request's error.
func bodyError(err error, what string) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return fmt.Errorf("%w: the request body is larger than %d bytes", errTooLarge, tooBig.Limit)
	}
	return fmt.Errorf("%w: %s", errBadRequest, what)
}

// errBusy: every heavy slot stayed taken for Config.SlotWait.
var errBusy = errors.New("busy")

// slot takes one of the maxHeavy slots, waiting at most Config.SlotWait,
// and returns the function that gives it back. When none frees in time the
// answer is 503 with Retry-After, and ok is false.
func (h *Handler) slot(c *gin.Context) (release func(), ok bool) {
	t := time.NewTimer(h.cfg.SlotWait)
	defer t.Stop()
	select {
	case h.heavy <- struct{}{}:
		return func() { <-h.heavy }, true
	case <-t.C:
		c.Header("Retry-After", strconv.Itoa(max(1, int(h.cfg.SlotWait.Seconds()))))
		h.fail(c, fmt.Errorf("%w: every query slot is taken (%d researchers' queries or exports are running); try again in a few seconds", errBusy, maxHeavy))
	case <-c.Request.Context().Done():
		c.Abort()
	}
	return nil, false
}

// stallWriter writes to a response, pushing its write deadline StallTimeout
// ahead before every write: a client that stops reading is cut after that
// long, however long the whole download takes.
type stallWriter struct {
	w     io.Writer
	rc    *http.ResponseController
	stall time.Duration
}

func (h *Handler) stallWriter(c *gin.Context) *stallWriter {
	return &stallWriter{w: c.Writer, rc: http.NewResponseController(c.Writer), stall: h.cfg.StallTimeout}
}

func (s *stallWriter) Write(p []byte) (int, error) {
	if err := s.rc.SetWriteDeadline(time.Now().Add(s.stall)); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return 0, err
	}
	return s.w.Write(p)
}

// extendDeadlines gives a request longer than the server's own read and
// write timeouts (an upload of many megabytes that is then ingested).
func (h *Handler) extendDeadlines(c *gin.Context, d time.Duration) {
	rc := http.NewResponseController(c.Writer)
	deadline := time.Now().Add(d)
	err := errors.Join(rc.SetReadDeadline(deadline), rc.SetWriteDeadline(deadline))
	if err != nil && !errors.Is(err, http.ErrNotSupported) {
		h.log.Warn("extend the request's deadlines", "path", c.Request.URL.Path, "err", err)
	}
}
