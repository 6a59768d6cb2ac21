package api

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/sqlbox"
)

// Config is what the API needs besides the warehouse.
type Config struct {
	// SQL runs researchers' queries (POST /api/sql) in its sandbox's
	// worker processes, under its limits; nil answers 501.
	SQL *sqlbox.Pool
	// MaxSQLBody bounds the body of POST /api/sql, in bytes; 0 means
	// DefaultMaxSQLBody. A larger body is refused before it is read.
	MaxSQLBody int64
	// Token lets automation write (corrections, uploads): requests send
	// "Authorization: Bearer <Token>", recorded as the author TokenAuthor.
	// Empty means only logged-in users write.
	Token string
	// Session returns a request's logged-in user (the dashboards' login);
	// nil means nobody logs in. Users write by their role: analysts
	// correct, admins upload.
	Session func(*http.Request) (warehouse.Session, bool)
	// ReadAuth requires a login (or the token) for reading too; only
	// /api/health stays open.
	ReadAuth bool
	// Ingest runs the ingest pipeline for POST /api/reports; nil refuses uploads.
	Ingest IngestFunc
	// MaxUpload bounds an upload's body in bytes; 0 means DefaultMaxUpload.
	MaxUpload int64
	// ExportDir is where exports are staged before they are streamed; it
	// must be one of the warehouse's AllowedDirectories. Empty refuses exports.
	ExportDir string
	// SlotWait is how long a researcher's query or an export waits for one
	// of the maxHeavy slots before the answer is 503; 0 means DefaultSlotWait.
	SlotWait time.Duration
	// StallTimeout cuts a download (an export, a CSV answer) whose client
	// has taken no data for this long; 0 means DefaultStallTimeout.
	StallTimeout time.Duration
	// UploadTimeout bounds reading and answering one upload (the server's
	// own read and write timeouts are shorter); 0 means DefaultUploadTimeout.
	UploadTimeout time.Duration
}

// Defaults of Config.
const (
	DefaultMaxSQLBody    = 64 << 10
	DefaultSlotWait      = 2 * time.Second
	DefaultStallTimeout  = 30 * time.Second
	DefaultUploadTimeout = 10 * time.Minute
)

// Handler serves the JSON API.
type Handler struct {
	db  *warehouse.DB
	log *slog.Logger
	cfg Config
	// heavy bounds the researchers' queries and exports running at once:
	// each may scan the whole warehouse, and the dashboards share the cores.
	heavy chan struct{}
}

// maxHeavy is how many researcher queries and exports run at once (the SQL
// sandbox has as many workers); more wait up to Config.SlotWait, then get 503.
const maxHeavy = 2

// New returns the API handler.
func New(db *warehouse.DB, log *slog.Logger, cfg Config) *Handler {
	if cfg.MaxSQLBody <= 0 {
		cfg.MaxSQLBody = DefaultMaxSQLBody
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = DefaultMaxUpload
	}
	if cfg.SlotWait <= 0 {
		cfg.SlotWait = DefaultSlotWait
	}
	if cfg.StallTimeout <= 0 {
		cfg.StallTimeout = DefaultStallTimeout
	}
	if cfg.UploadTimeout <= 0 {
		cfg.UploadTimeout = DefaultUploadTimeout
	}
	return &Handler{db: db, log: log, cfg: cfg, heavy: make(chan struct{}, maxHeavy)}
}

// Register mounts the routes under /api.
func (h *Handler) Register(r gin.IRouter) {
	g := r.Group("/api", h.readGate)
	g.GET("/health", h.health)
	g.GET("/indicators", h.indicators)
	g.GET("/compare", h.compare)
	g.GET("/trend", h.trend)
	g.GET("/reports/:id", h.report)
	g.GET("/reports/:id/corrections", h.reportCorrections)
	g.PUT("/reports/:id/jurisdiction", h.allow(warehouse.RoleAnalyst), h.putReport(warehouse.ReportJurisdiction))
	g.PUT("/reports/:id/year", h.allow(warehouse.RoleAnalyst), h.putReport(warehouse.ReportYear))
	g.PUT("/reports/:id/counts", h.allow(warehouse.RoleAnalyst), h.putReport(warehouse.ReportCounts))
	g.POST("/sql", h.limitBody(h.cfg.MaxSQLBody), h.sql)
	g.GET("/review", h.review)
	g.GET("/facts/:id", h.fact)
	g.GET("/facts/:id/corrections", h.factCorrections)
	g.PUT("/facts/:id", h.allow(warehouse.RoleAnalyst), h.putFact)
	g.POST("/corrections", h.allow(warehouse.RoleAnalyst), h.postCorrection)
	g.POST("/reports", h.allow(warehouse.RoleAdmin), h.limitBody(h.cfg.MaxUpload), h.postReports)
	g.GET("/export/:file", h.export)
}

// AccessLog is the one access-log line per request (method, path, status,
// duration), written with the given logger.
func AccessLog(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		log.LogAttrs(c.Request.Context(), slog.LevelInfo, "request",
			slog.String("method", c.Request.Method),
			slog.String("path", c.Request.URL.Path),
			slog.Int("status", c.Writer.Status()),
			slog.Duration("duration", time.Since(start)),
		)
	}
}
