package api

import (
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
)

// export streams one table: GET /api/export/{table}.{csv|parquet}.
func (h *Handler) export(c *gin.Context) {
	table, format, err := parseExportName(c.Param("file"))
	if err != nil {
		h.fail(c, err)
		return
	}
	if h.cfg.ExportDir == "" {
		h.fail(c, fmt.Errorf("%w: exports are not set up on this server", errNotConfigured))
		return
	}
	w := &lazyHeaderWriter{c: c, contentType: contentTypes[format], filename: table + "." + format}
	if _, err := h.db.ExportTable(c.Request.Context(), w, table, format, h.cfg.ExportDir); err != nil && !w.started {
		h.fail(c, err)
		return
	} else if err != nil {
		// The body is half sent: all we can do is log and cut the stream.
		h.log.Error("export stream broken", slog.String("table", table), slog.Any("err", err))
	}
}

var contentTypes = map[string]string{
	warehouse.FormatCSV:     "text/csv; charset=utf-8",
	warehouse.FormatParquet: "application/vnd.apache.parquet",
}

// parseExportName splits "facts.parquet" into a known table and format.
func parseExportName(name string) (table, format string, err error) {
	table, format, ok := strings.Cut(name, ".")
	if !ok || contentTypes[format] == "" {
		return "", "", fmt.Errorf("%w: ask for TABLE.csv or TABLE.parquet", errBadRequest)
	}
	if !slices.Contains(warehouse.ExportTables(), table) {
		return "", "", fmt.Errorf("%w: table must be one of %s", errNotFoundRoute, strings.Join(warehouse.ExportTables(), ", "))
	}
	return table, format, nil
}

// lazyHeaderWriter sets the download headers on the first byte, so that an
// error before any data still gets the JSON error answer.
type lazyHeaderWriter struct {
	c           *gin.Context
	contentType string
	filename    string
	started     bool
}

func (w *lazyHeaderWriter) Write(p []byte) (int, error) {
	if !w.started {
		w.started = true
		w.c.Header("Content-Type", w.contentType)
		w.c.Header("Content-Disposition", `attachment; filename="`+w.filename+`"`)
		w.c.Status(http.StatusOK)
	}
	return w.c.Writer.Write(p)
}
