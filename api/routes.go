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
}

// Handler serves the JSON API.
type Handler struct {
	db  *warehouse.DB
	log *slog.Logger
	cfg Config
}

// New returns the API handler.
func New(db *warehouse.DB, log *slog.Logger, cfg Config) *Handler {
	if cfg.SQL == (warehouse.ReadOnlyLimits{}) {
		cfg.SQL = warehouse.DefaultReadOnlyLimits
	}
	return &Handler{db: db, log: log, cfg: cfg}
}

// Register mounts the routes under /api.
func (h *Handler) Register(r gin.IRouter) {
	g := r.Group("/api")
	g.GET("/health", h.health)
	g.GET("/indicators", h.indicators)
	g.GET("/compare", h.compare)
	g.GET("/trend", h.trend)
	g.GET("/reports/:id", h.report)
	g.POST("/sql", h.sql)
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
