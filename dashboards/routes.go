package dashboards

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

//go:embed assets
var assets embed.FS

//go:embed templates/*.html
var templateFS embed.FS

// Config is what the pages need besides the warehouse.
type Config struct {
	// MinCases keeps rates with fewer cases behind them out of rankings;
	// 0 means 10.
	MinCases int
	// Location is the time zone the pages write times in (the warehouse
	// keeps UTC); nil means Asia/Shanghai.
	Location *time.Location
	// ReadAuth requires a login for reading the pages too (FAZHI_READ_AUTH);
	// otherwise anonymous visitors read, and only writing needs a login.
	ReadAuth bool
	// SessionTTL is how long a login lasts; 0 means DefaultSessionTTL.
	SessionTTL time.Duration
	// SecureCookies marks the session cookie Secure even on plain HTTP, for
	// a server behind a proxy that terminates TLS (over TLS it always is).
	SecureCookies bool
}

// Handler serves the pages and their assets.
type Handler struct {
	db    *warehouse.DB
	log   *slog.Logger
	cfg   Config
	pages *template.Template
	// throttle slows down failed logins.
	throttle *loginThrottle
}

// New returns the dashboards handler.
func New(db *warehouse.DB, log *slog.Logger, cfg Config) *Handler {
	if cfg.Location == nil {
		cfg.Location = shanghai()
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = DefaultSessionTTL
	}
	h := &Handler{db: db, log: log, cfg: cfg, throttle: newLoginThrottle()}
	h.pages = template.Must(template.New("").Funcs(templateFuncs(h.when)).ParseFS(templateFS, "templates/*.html"))
	return h
}

// shanghai is China's time zone: the IANA zone when the system or the
// binary has it, else its fixed offset (UTC+8, no daylight saving since 1991).
func shanghai() *time.Location {
	if loc, err := time.LoadLocation("Asia/Shanghai"); err == nil {
		return loc
	}
	return time.FixedZone("Asia/Shanghai", 8*60*60)
}

// when writes a time for the pages: in their time zone, the Chinese way,
// with the zone named (北京时间 for Asia/Shanghai).
func (h *Handler) when(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(h.cfg.Location).Format("2006年1月2日 15:04") + "（" + h.zoneName() + "）"
}

// zoneName names the pages' time zone for readers.
func (h *Handler) zoneName() string {
	if name := h.cfg.Location.String(); name != "Asia/Shanghai" {
		return name
	}
	return "北京时间"
}

// NotFound answers a path no page has, in Chinese (cmd mounts it as the
// engine's NoRoute for everything outside /api/).
func (h *Handler) NotFound(c *gin.Context) {
	h.render(c, http.StatusNotFound, "error.html", errorPage{Title: "找不到这个页面",
		Message: "网址“" + c.Request.URL.Path + "”没有对应的页面。请从上方的导航进入，或返回首页。"})
}

// Register mounts the pages at / and the assets at /assets/.
func (h *Handler) Register(r gin.IRouter) {
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err) // fixed at compile time
	}
	r.StaticFS("/assets", http.FS(sub))
	r.GET("/login", h.login)
	r.POST("/login", h.postLogin)
	r.POST("/logout", h.postLogout)
	r = r.Group("/", h.readGate)
	r.GET("/", h.pinned(h.compare))
	r.GET("/reports", h.reports)
	r.GET("/reports/:id", h.report)
	r.POST("/reports/:id/facts", h.addFact)
	r.POST("/reports/:id/retire", h.retire(true))
	r.POST("/reports/:id/restore", h.retire(false))
	pc := newPageCache() // see cache.go
	r.GET("/overview", h.cached(pc, h.overview))
	r.GET("/trend", h.cached(pc, h.trend))
	r.GET("/mediation", h.cached(pc, h.topicHandler("mediation")))
	r.GET("/litigation", h.cached(pc, h.topicHandler("litigation")))
	r.GET("/publicity", h.cached(pc, h.topicHandler("publicity")))
	r.GET("/heatmap", h.cached(pc, h.heatmap))
	r.GET("/brief", h.pinned(h.brief))
	r.GET("/sql", h.sql)
	r.GET("/upload", h.upload)
	r.GET("/review", h.review)
	r.POST("/review/facts/:id", h.reviewFact)
	r.POST("/review/reports/:id", h.reviewReport)
}

// readHandler answers a request from one snapshot of the data, which the
// route takes for it (pinned, cached) and every read of the page uses.
type readHandler func(c *gin.Context, s *readmodel.Snapshot)

// pinned computes next's page from one snapshot of the data.
func (h *Handler) pinned(next readHandler) gin.HandlerFunc {
	return func(c *gin.Context) {
		if s, ok := h.snapshot(c); ok {
			next(c, s)
		}
	}
}

// snapshot returns the current snapshot of the data (warehouse.Snapshot);
// after a failure it has answered the request and reports false.
func (h *Handler) snapshot(c *gin.Context) (*readmodel.Snapshot, bool) {
	s, err := h.db.Snapshot(c.Request.Context())
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "读取数据失败。", err)
		return nil, false
	}
	return s, true
}

// render writes a page. It renders into memory first, so that a template
// failure is answered with a whole 500 page (never a truncated page with
// status 200, which the page cache would keep).
func (h *Handler) render(c *gin.Context, status int, name string, data any) {
	var buf bytes.Buffer
	if err := h.pages.ExecuteTemplate(&buf, name, data); err != nil {
		h.log.Error("render page", slog.String("page", name), slog.Any("err", err))
		c.Data(http.StatusInternalServerError, "text/plain; charset=utf-8", []byte("页面生成失败，请稍后再试。"))
		return
	}
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

// fail renders the error page.
func (h *Handler) fail(c *gin.Context, status int, msg string, err error) {
	if status >= 500 {
		h.log.Error("page failed", slog.String("path", c.Request.URL.Path), slog.Any("err", err))
	}
	h.render(c, status, "error.html", errorPage{Title: "出错了", Message: msg})
}

type errorPage struct {
	Title   string
	Nav     string
	Message string
}
