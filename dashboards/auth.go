package dashboards

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
)

// SessionCookie is the name of the cookie of a logged-in browser.
const SessionCookie = "fazhi_session"

// DefaultSessionTTL is how long a login lasts when Config.SessionTTL is 0.
const DefaultSessionTTL = 8 * time.Hour

// roleNames are the roles as the pages name them.
var roleNames = map[string]string{warehouse.RoleViewer: "查看", warehouse.RoleAnalyst: "分析", warehouse.RoleAdmin: "管理"}

// Session returns the request's logged-in user: the session of its cookie
// while it lasts. cmd hands it to the API, so that the pages' login counts
// there too.
func (h *Handler) Session(r *http.Request) (warehouse.Session, bool) {
	c, err := r.Cookie(SessionCookie)
	if err != nil || c.Value == "" || len(c.Value) > 128 {
		return warehouse.Session{}, false
	}
	s, ok, err := h.db.SessionOf(r.Context(), c.Value)
	if err != nil {
		h.log.Error("read session", slog.Any("err", err))
		return warehouse.Session{}, false
	}
	return s, ok
}

// readGate sends anonymous readers to the login page when Config.ReadAuth is set.
func (h *Handler) readGate(c *gin.Context) {
	if !h.cfg.ReadAuth {
		c.Next()
		return
	}
	if _, ok := h.Session(c.Request); ok {
		c.Next()
		return
	}
	c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(c.Request.URL.RequestURI()))
	c.Abort()
}

// loginPage is the data of the login page.
type loginPage struct {
	Title, Nav string
	// Session is set when the browser is logged in already.
	Session  *warehouse.Session
	RoleName string
	Next     string
	Name     string
	Message  string
	// ReadAuth: reading needs a login too (the page says so).
	ReadAuth bool
}

// login shows the login form, or who is logged in with a logout button.
func (h *Handler) login(c *gin.Context) {
	p := loginPage{Title: "登录", Nav: "login", Next: safeNext(c.Query("next")), ReadAuth: h.cfg.ReadAuth}
	if s, ok := h.Session(c.Request); ok {
		p.Session, p.RoleName = &s, roleNames[s.User.Role]
	}
	h.render(c, http.StatusOK, "login.html", p)
}

// postLogin checks the name and password. Failures are slowed down: each
// failure costs at least a second, and after a few the name and the
// client's address must wait longer and longer before the next try
// (loginThrottle).
func (h *Handler) postLogin(c *gin.Context) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, maxLoginForm)
	name := strings.TrimSpace(c.PostForm("name"))
	if !warehouse.ValidUserName(name) {
		name = "" // no such user; and nothing unbounded is kept or shown
	}
	p := loginPage{Title: "登录", Nav: "login", Next: safeNext(c.PostForm("next")), Name: name, ReadAuth: h.cfg.ReadAuth}
	keys := []string{"ip:" + c.ClientIP()}
	if name != "" {
		keys = append(keys, "name:"+name)
	}
	// The try counts as a failure until it succeeds: parallel tries count.
	if wait := h.throttle.try(keys, time.Now()); wait > 0 {
		p.Message = fmt.Sprintf("登录失败的次数过多，请%d秒后再试。", int(wait.Seconds()+0.999))
		h.render(c, http.StatusTooManyRequests, "login.html", p)
		return
	}
	token, s, err := h.db.Login(c.Request.Context(), name, c.PostForm("password"), h.cfg.SessionTTL)
	if err != nil {
		if !errors.Is(err, warehouse.ErrBadLogin) {
			h.fail(c, http.StatusInternalServerError, "登录失败，请稍后再试。", err)
			return
		}
		time.Sleep(failedLoginDelay)
		// The wait runs from the answer on, not from the try: else the
		// password check and the delay would use most of it up.
		h.throttle.rearm(keys, time.Now())
		p.Message = "用户名或密码不对，或者账户已停用。"
		h.render(c, http.StatusUnauthorized, "login.html", p)
		return
	}
	h.throttle.succeeded(keys)
	http.SetCookie(c.Writer, h.cookie(c.Request, token, s.ExpiresAt))
	c.Redirect(http.StatusSeeOther, p.Next)
}

// failedLoginDelay is added to every failed login (besides bcrypt's time).
const failedLoginDelay = time.Second

// maxLoginForm is the largest login form read: a name, a password, a next.
const maxLoginForm = 16 << 10

// postLogout ends the session (the form carries its token: nobody can log
// another out from a page of theirs).
func (h *Handler) postLogout(c *gin.Context) {
	s, ok := h.Session(c.Request)
	if ok && !validForm(c, s) {
		h.fail(c, http.StatusForbidden, "表单已失效，请刷新页面后再试。", nil)
		return
	}
	if ok {
		ck, _ := c.Request.Cookie(SessionCookie)
		if err := h.db.Logout(c.Request.Context(), ck.Value); err != nil {
			h.fail(c, http.StatusInternalServerError, "退出失败，请稍后再试。", err)
			return
		}
	}
	gone := h.cookie(c.Request, "", time.Unix(0, 0))
	gone.MaxAge = -1
	http.SetCookie(c.Writer, gone)
	c.Redirect(http.StatusSeeOther, "/")
}

// cookie is the session cookie: HttpOnly, SameSite=Strict, and Secure when
// the request came over TLS (or Config.SecureCookies says a proxy in front
// terminates it).
func (h *Handler) cookie(r *http.Request, value string, expires time.Time) *http.Cookie {
	return &http.Cookie{Name: SessionCookie, Value: value, Path: "/", Expires: expires,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil || h.cfg.SecureCookies}
}

// validForm checks the form token a writing form sends back (field csrf).
func validForm(c *gin.Context, s warehouse.Session) bool {
	got := c.PostForm("csrf")
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(s.CSRF)) == 1
}

// safeNext keeps a redirect after login on this site: a path of its own,
// with no scheme, host, backslash or control character (browsers drop a tab
// or newline, so /<TAB>/evil.example would become //evil.example).
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsRune(next, '\\') ||
		strings.ContainsFunc(next, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || strings.HasPrefix(u.Path, "//") {
		return "/"
	}
	return next
}

// loginThrottle slows down guessing: after freeFailures failures of one
// key (a name, an address) the next try must wait two seconds, twice as long after
// every further failure, up to maxLoginWait. It forgets keys idle for a day
// and holds at most maxThrottleKeys.
type loginThrottle struct {
	mu   sync.Mutex
	keys map[string]*throttleEntry
}

type throttleEntry struct {
	failures int
	until    time.Time
	last     time.Time
}

const (
	freeFailures    = 3
	maxLoginWait    = 5 * time.Minute
	maxThrottleKeys = 10000
)

func newLoginThrottle() *loginThrottle {
	return &loginThrottle{keys: map[string]*throttleEntry{}}
}

// try reserves a login attempt for keys: when one of them must still
// wait, how long; else 0, and the attempt is counted as a failure of each
// key at once, so that tries sent in parallel count too (succeeded takes
// it back).
func (t *loginThrottle) try(keys []string, now time.Time) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	if w := t.waitLocked(keys, now); w > 0 {
		return w
	}
	t.failLocked(keys, now)
	return 0
}

// succeeded takes back the attempt try counted for a login that succeeded:
// the name's failures are forgotten, the address's attempt uncounted.
func (t *loginThrottle) succeeded(keys []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, k := range keys {
		e, ok := t.keys[k]
		switch {
		case !ok:
		case strings.HasPrefix(k, "name:") || e.failures <= 1:
			delete(t.keys, k)
		default:
			e.failures--
		}
	}
}

// wait is how long the keys must still wait before a try.
func (t *loginThrottle) wait(keys []string, now time.Time) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.waitLocked(keys, now)
}

func (t *loginThrottle) waitLocked(keys []string, now time.Time) time.Duration {
	var w time.Duration
	for _, k := range keys {
		if e, ok := t.keys[k]; ok && e.until.After(now) {
			w = max(w, e.until.Sub(now))
		}
	}
	return w
}

// fail counts a failure of the keys.
func (t *loginThrottle) fail(keys []string, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.failLocked(keys, now)
}

func (t *loginThrottle) failLocked(keys []string, now time.Time) {
	if len(t.keys) >= maxThrottleKeys {
		for k, e := range t.keys {
			if now.Sub(e.last) > 24*time.Hour || len(t.keys) >= maxThrottleKeys {
				delete(t.keys, k)
			}
		}
	}
	for _, k := range keys {
		e, ok := t.keys[k]
		if !ok {
			e = &throttleEntry{}
			t.keys[k] = e
		}
		e.failures++
		e.last = now
		e.extend(now.Add(throttleWait(e.failures)))
	}
}

// extend makes the entry wait until at least t.
func (e *throttleEntry) extend(t time.Time) {
	if t.After(e.until) {
		e.until = t
	}
}

// rearm starts the keys' waits again at now, for a failure now answered.
func (t *loginThrottle) rearm(keys []string, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, k := range keys {
		if e, ok := t.keys[k]; ok {
			e.extend(now.Add(throttleWait(e.failures)))
		}
	}
}

// throttleWait is how long a key waits after its failures-th failure:
// nothing for the first freeFailures, then 2 s doubling up to maxLoginWait.
func throttleWait(failures int) time.Duration {
	n := failures - freeFailures
	if n < 0 {
		return 0
	}
	return min(2*time.Second<<min(n, 20), maxLoginWait)
}
