package dashboards

import (
	"bytes"
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
)

// pageCacheEntries bounds the cache; when it is full it starts over.
const pageCacheEntries = 512

// pageCache keeps the answers of the overview, trend, topic and heatmap
// pages (HTML and CSV) until the warehouse's data changes. Their queries
// aggregate the headline table over a whole year or indicator; on a
// warehouse of hundreds of thousands of reports that costs tens of
// milliseconds, while the data changes only when reports are ingested or
// corrected. Requests read the warehouse's DataVersion (about a
// millisecond of DuckDB's time) at most once per versionTTL: the requests
// of that window share one read, and a page is at most versionTTL older
// than the data. A changed version empties the cache.
type pageCache struct {
	mu      sync.Mutex
	version string
	pages   map[string]cachedPage
	lookups *lookups

	// vmu serialises version reads; checked is when checkedVersion was read.
	vmu            sync.Mutex
	checked        time.Time
	checkedVersion string
}

// versionTTL is how long a data version read serves other requests.
const versionTTL = 200 * time.Millisecond

// currentVersion returns the data version read less than versionTTL ago,
// or reads it.
func (pc *pageCache) currentVersion(ctx context.Context, read func(context.Context) (string, error)) (string, error) {
	pc.vmu.Lock()
	defer pc.vmu.Unlock()
	if !pc.checked.IsZero() && time.Since(pc.checked) < versionTTL {
		return pc.checkedVersion, nil
	}
	v, err := read(ctx)
	if err != nil {
		return "", err
	}
	pc.checked, pc.checkedVersion = time.Now(), v
	return v, nil
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
func (pc *pageCache) get(version, key string) (cachedPage, bool) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.version != version {
		pc.version, pc.pages, pc.lookups = version, map[string]cachedPage{}, nil
		return cachedPage{}, false
	}
	p, ok := pc.pages[key]
	return p, ok
}

// put stores a page computed under version, unless the data has changed
// meanwhile.
func (pc *pageCache) put(version, key string, p cachedPage) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.version != version {
		return
	}
	if len(pc.pages) >= pageCacheEntries {
		pc.pages = map[string]cachedPage{}
	}
	pc.pages[key] = p
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
// successful answers are kept. If the version cannot be read the page is
// computed as if there were no cache.
func (h *Handler) cached(pc *pageCache, next gin.HandlerFunc) gin.HandlerFunc {
	return func(c *gin.Context) {
		version, err := pc.currentVersion(c.Request.Context(), h.db.DataVersion)
		if err != nil {
			h.log.Warn("page cache: data version", "err", err)
			next(c)
			return
		}
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
		c.Set(cacheKey, pc)
		c.Set(versionKey, version)
		tw := &teeWriter{ResponseWriter: c.Writer}
		c.Writer = tw
		next(c)
		c.Writer = tw.ResponseWriter
		if tw.Status() == http.StatusOK {
			hd := tw.Header()
			pc.put(version, key, cachedPage{contentType: hd.Get("Content-Type"), disposition: hd.Get("Content-Disposition"),
				body: bytes.Clone(tw.buf.Bytes())})
		}
	}
}

// lookups are what several pages read besides their own data: the catalog,
// the years and the areas with reports. They are computed once per data
// version and shared by every page (the page cache holds whole pages; this
// spares a page seen for the first time the lookups other pages made).
type lookups struct {
	catalog []warehouse.Indicator
	years   []int
	areas   []warehouse.CoverageArea
}

// contextKey names the values cached puts on the request's gin context.
const (
	cacheKey   = "fazhi.page_cache"
	versionKey = "fazhi.data_version"
)

// sharedLookups returns the lookups of version, computing them on first use.
func (pc *pageCache) sharedLookups(version string, load func() (lookups, error)) (lookups, error) {
	pc.mu.Lock()
	if pc.version == version && pc.lookups != nil {
		l := *pc.lookups
		pc.mu.Unlock()
		return l, nil
	}
	pc.mu.Unlock()
	l, err := load()
	if err != nil {
		return l, err
	}
	pc.mu.Lock()
	if pc.version == version {
		pc.lookups = &l
	}
	pc.mu.Unlock()
	return l, nil
}

// lookups returns the catalog, years and areas, shared through the page
// cache when the request came through cached.
func (h *Handler) lookups(c *gin.Context) (lookups, error) {
	ctx := c.Request.Context()
	load := func() (lookups, error) {
		var l lookups
		var err error
		if l.catalog, err = h.db.Catalog(ctx); err != nil {
			return l, err
		}
		if l.years, err = h.db.Years(ctx); err != nil {
			return l, err
		}
		l.areas, err = h.db.Areas(ctx)
		return l, err
	}
	pc, ok1 := c.Get(cacheKey)
	version, ok2 := c.Get(versionKey)
	if !ok1 || !ok2 {
		return load()
	}
	return pc.(*pageCache).sharedLookups(version.(string), load)
}
