package dashboards

import (
	"bytes"
	"net/http"
	"sync"

	"github.com/fazhi/fazhi/warehouse/readmodel"
	"github.com/gin-gonic/gin"
)

// The page cache is bounded by its number of pages and their bytes; when
// either is reached it starts over.
const (
	pageCacheEntries = 512
	pageCacheBytes   = 64 << 20
)

// pageCache keeps the answers of the overview, trend, topic and heatmap
// pages (HTML and CSV) until the warehouse's data changes: computing them
// takes milliseconds at national scale, serving them again microseconds.
// Every request takes the current snapshot of the data (warehouse.Snapshot,
// which follows every write) and looks the page up under that snapshot's
// generation, so a page is never older than the data. A newer version empties
// the cache.
type pageCache struct {
	mu      sync.Mutex
	version uint64
	pages   map[string]cachedPage
	bytes   int
}

type cachedPage struct {
	contentType string
	disposition string
	body        []byte
}

func newPageCache() *pageCache {
	return &pageCache{pages: map[string]cachedPage{}}
}

// get returns the page stored for key under version.
func (pc *pageCache) get(version uint64, key string) (cachedPage, bool) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.version != version {
		pc.version, pc.pages, pc.bytes = version, map[string]cachedPage{}, 0
		return cachedPage{}, false
	}
	p, ok := pc.pages[key]
	return p, ok
}

// put stores a page computed under version, unless the data has changed
// meanwhile.
func (pc *pageCache) put(version uint64, key string, p cachedPage) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.version != version || len(p.body) > pageCacheBytes/8 {
		return
	}
	if len(pc.pages) >= pageCacheEntries || pc.bytes+len(p.body) > pageCacheBytes {
		pc.pages, pc.bytes = map[string]cachedPage{}, 0
	}
	pc.pages[key] = p
	pc.bytes += len(p.body)
}

// teeWriter copies what a handler writes.
type teeWriter struct {
	gin.ResponseWriter
	buf bytes.Buffer
}

func (w *teeWriter) Write(b []byte) (int, error) {
	w.buf.Write(b)
	return w.ResponseWriter.Write(b)
}

func (w *teeWriter) WriteString(s string) (int, error) {
	w.buf.WriteString(s)
	return w.ResponseWriter.WriteString(s)
}

// cached serves next's answer from pc while the data is unchanged; only
// successful answers are kept. The page is computed from one snapshot and
// kept under that snapshot's generation.
func (h *Handler) cached(pc *pageCache, next readHandler) gin.HandlerFunc {
	return func(c *gin.Context) {
		s, ok := h.snapshot(c)
		if !ok {
			return
		}
		version := s.Generation()
		key := c.Request.URL.Path + "?" + c.Request.URL.RawQuery
		if p, ok := pc.get(version, key); ok {
			c.Header("Content-Type", p.contentType)
			if p.disposition != "" {
				c.Header("Content-Disposition", p.disposition)
			}
			c.Header("X-Fazhi-Cache", "hit")
			c.Status(http.StatusOK)
			c.Writer.Write(p.body)
			return
		}
		tw := &teeWriter{ResponseWriter: c.Writer}
		c.Writer = tw
		next(c, s)
		c.Writer = tw.ResponseWriter
		if tw.Status() == http.StatusOK {
			hd := tw.Header()
			pc.put(version, key, cachedPage{contentType: hd.Get("Content-Type"), disposition: hd.Get("Content-Disposition"),
				body: bytes.Clone(tw.buf.Bytes())})
		}
	}
}

// lookups are what several pages read besides their own data.
type lookups struct {
	catalog []readmodel.Indicator
	years   []int
	areas   []readmodel.CoverageArea
}

// lookupsOf returns the catalog, the years and the areas with reports.
func lookupsOf(s *readmodel.Snapshot) lookups {
	return lookups{catalog: s.Catalog(), years: s.Years(), areas: s.Areas()}
}
