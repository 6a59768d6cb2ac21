package api

import (
	"log/slog"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
)

// Config is what the API needs besides the warehouse.
type Config struct {
	// SQL bounds researchers' queries on POST /api/sql.
	SQL warehouse.ReadOnlyLimits
	// Token guards every write (corrections, uploads): requests must send
	// "Authorization: Bearer <Token>". Empty means writes are refused.
	Token string
	// Ingest runs the ingest pipeline for POST /api/reports; nil refuses uploads.
	Ingest IngestFunc
	// MaxUpload bounds an upload's body in bytes; 0 means DefaultMaxUpload.
	MaxUpload int64
	// ExportDir is where exports are staged before they are streamed; it
	// must be one of the warehouse's AllowedDirectories. Empty refuses exports.
	ExportDir string
}

// Handler serves the JSON API.
type Handler struct {
	db  *warehouse.DB
	log *slog.Logger
	cfg Config
	// heavy bounds the researchers' queries and exports running at once:
	// each may scan the whole warehouse, and the dashboards share the cores.
	heavy chan struct{}
}

// maxHeavy is how many researcher queries and exports run at once; more
// wait their turn (or until the client gives up).
const maxHeavy = 2

// New returns the API handler.
func New(db *warehouse.DB, log *slog.Logger, cfg Config) *Handler {
	if cfg.SQL == (warehouse.ReadOnlyLimits{}) {
		cfg.SQL = warehouse.DefaultReadOnlyLimits
	}
	return &Handler{db: db, log: log, cfg: cfg, heavy: make(chan struct{}, maxHeavy)}
}

// Register mounts the routes under /api.
func (h *Handler) Register(r gin.IRouter) {
	g := r.Group("/api")
	g.GET("/health", h.health)
	g.GET("/indicators", h.indicators)
	g.GET("/compare", h.compare)
	g.GET("/trend", h.trend)
	g.GET("/reports/:id", h.report)
	g.GET("/reports/:id/corrections", h.reportCorrections)
	g.PUT("/reports/:id/jurisdiction", h.requireToken, h.putReport(warehouse.ReportJurisdiction))
	g.PUT("/reports/:id/year", h.requireToken, h.putReport(warehouse.ReportYear))
	g.PUT("/reports/:id/counts", h.requireToken, h.putReport(warehouse.ReportCounts))
	g.POST("/sql", h.oneHeavy, h.sql)
	g.GET("/review", h.review)
	g.GET("/facts/:id", h.fact)
	g.GET("/facts/:id/corrections", h.factCorrections)
	g.PUT("/facts/:id", h.requireToken, h.putFact)
	g.POST("/corrections", h.requireToken, h.postCorrection)
	g.POST("/reports", h.requireToken, h.postReports)
	g.GET("/export/:file", h.oneHeavy, h.export)
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

// oneHeavy waits for a slot among the maxHeavy heavy requests, runs the
// rest of the chain, and frees the slot.
func (h *Handler) oneHeavy(c *gin.Context) {
	select {
	case h.heavy <- struct{}{}:
		defer func() { <-h.heavy }()
		c.Next()
	case <-c.Request.Context().Done():
		c.Abort()
	}
}
