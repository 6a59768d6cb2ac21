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

// export streams one table: GET /api/export/{table}.{csv|parquet}. A heavy
// slot is held while DuckDB writes the file, not while it is sent; a client
// that stops reading is cut after Config.StallTimeout.
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
	release, ok := h.slot(c)
	if !ok {
		return
	}
	st, err := h.db.StageExport(c.Request.Context(), table, format, h.cfg.ExportDir)
	release()
	if err != nil {
		h.fail(c, err)
		return
	}
	defer func() {
		if err := st.Remove(); err != nil {
			h.log.Warn("remove staged export", slog.String("path", st.Path), slog.Any("err", err))
		}
	}()
	c.Header("Content-Type", contentTypes[format])
	c.Header("Content-Disposition", `attachment; filename="`+table+"."+format+`"`)
	c.Status(http.StatusOK)
	if _, err := st.WriteTo(h.stallWriter(c)); err != nil {
		// The body is half sent (or the client stalled): cut the stream.
		h.log.Warn("export stream broken", slog.String("table", table), slog.Any("err", err))
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
