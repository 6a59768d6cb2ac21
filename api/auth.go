package api

import (
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"strings"

	"github.com/gin-gonic/gin"
)

// requireToken lets a write through only with the header
// "Authorization: Bearer <Config.Token>". The token is compared in constant
// time (of SHA-256 digests, so its length does not leak either) and is never
// logged. With no token configured, every write is refused: the API is
// read-only until FAZHI_TOKEN is set.
func (h *Handler) requireToken(c *gin.Context) {
	if h.cfg.Token == "" {
		h.fail(c, fmt.Errorf("%w: writes are disabled on this server (start it with FAZHI_TOKEN set)", errForbidden))
		return
	}
	got, ok := bearer(c.GetHeader("Authorization"))
	if !ok {
		c.Header("WWW-Authenticate", `Bearer realm="fazhi"`)
		h.fail(c, fmt.Errorf("%w: send the header Authorization: Bearer <FAZHI_TOKEN>", errUnauthorized))
		return
	}
	want := sha256.Sum256([]byte(h.cfg.Token))
	have := sha256.Sum256([]byte(got))
	if subtle.ConstantTimeCompare(want[:], have[:]) != 1 {
		c.Header("WWW-Authenticate", `Bearer realm="fazhi", error="invalid_token"`)
		h.fail(c, fmt.Errorf("%w: wrong token", errUnauthorized))
		return
	}
	c.Next()
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
