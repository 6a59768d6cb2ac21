package api

import (
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
)

// TokenAuthor is the author recorded for writes made with FAZHI_TOKEN
// (automation): followed by the body's "author" in parentheses when the
// client names one.
const TokenAuthor = "FAZHI_TOKEN"

// CSRFHeader carries a logged-in browser's form token on the API writes a
// page makes (the upload page): a session cookie alone writes nothing.
const CSRFHeader = "X-CSRF-Token"

// authorKey is where the write gates leave the author for the handler.
const authorKey = "fazhi.author"

// allow lets a write through for a client that may: one that sends
// "Authorization: Bearer <Config.Token>" (automation; any write), or a
// logged-in user whose role ranks at least role and whose request carries
// the session's form token in the X-CSRF-Token header. The token is
// compared in constant time (of SHA-256 digests, so its length does not
// leak either) and is never logged. The handler reads the author with
// author(c): the user's name, or TokenAuthor.
func (h *Handler) allow(role string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if got, ok := bearer(c.GetHeader("Authorization")); ok {
			if h.cfg.Token == "" {
				h.fail(c, fmt.Errorf("%w: writes with a token are disabled on this server (start it with FAZHI_TOKEN set)", errForbidden))
				return
			}
			want := sha256.Sum256([]byte(h.cfg.Token))
			have := sha256.Sum256([]byte(got))
			if subtle.ConstantTimeCompare(want[:], have[:]) != 1 {
				c.Header("WWW-Authenticate", `Bearer realm="fazhi", error="invalid_token"`)
				h.fail(c, fmt.Errorf("%w: wrong token", errUnauthorized))
				return
			}
			c.Set(authorKey, TokenAuthor)
			c.Next()
			return
		}
		s, ok := h.session(c.Request)
		if !ok {
			c.Header("WWW-Authenticate", `Bearer realm="fazhi"`)
			h.fail(c, fmt.Errorf("%w: log in, or send the header Authorization: Bearer <FAZHI_TOKEN>", errUnauthorized))
			return
		}
		if warehouse.RoleRank(s.User.Role) < warehouse.RoleRank(role) {
			h.fail(c, fmt.Errorf("%w: this needs the role %s; %s has %s", errForbidden, role, s.User.Name, s.User.Role))
			return
		}
		form := c.GetHeader(CSRFHeader)
		if subtle.ConstantTimeCompare([]byte(form), []byte(s.CSRF)) != 1 {
			h.fail(c, fmt.Errorf("%w: the form token (header %s) is missing or wrong: reload the page", errForbidden, CSRFHeader))
			return
		}
		c.Set(authorKey, s.User.Name)
		c.Next()
	}
}

// readGate refuses reads to anonymous clients when Config.ReadAuth is set.
func (h *Handler) readGate(c *gin.Context) {
	if !h.cfg.ReadAuth || c.Request.URL.Path == "/api/health" {
		c.Next()
		return
	}
	if got, ok := bearer(c.GetHeader("Authorization")); ok && h.cfg.Token != "" {
		want := sha256.Sum256([]byte(h.cfg.Token))
		have := sha256.Sum256([]byte(got))
		if subtle.ConstantTimeCompare(want[:], have[:]) == 1 {
			c.Next()
			return
		}
	}
	if _, ok := h.session(c.Request); ok {
		c.Next()
		return
	}
	h.fail(c, fmt.Errorf("%w: this server requires a login for reading (FAZHI_READ_AUTH)", errUnauthorized))
}

// session is the request's logged-in user, if any.
func (h *Handler) session(r *http.Request) (warehouse.Session, bool) {
	if h.cfg.Session == nil {
		return warehouse.Session{}, false
	}
	return h.cfg.Session(r)
}

// author is who makes the write let through by allow: the user, or for
// FAZHI_TOKEN TokenAuthor with the name the client gives (claimed) after it.
func author(c *gin.Context, claimed string) string {
	a := c.GetString(authorKey)
	claimed = strings.TrimSpace(claimed)
	if a != TokenAuthor || claimed == "" {
		return a
	}
	if utf8.RuneCountInString(claimed) > 200 {
		claimed = string([]rune(claimed)[:200])
	}
	return TokenAuthor + "（" + claimed + "）"
}

// bearer returns the token of an "Authorization: Bearer T" header.
func bearer(header string) (string, bool) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}
