package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
)

// IngestFunc runs the ingest pipeline on one report file: name is its path
// or URL as the client gave it (it becomes the report's source, so sending
// the same path again replaces a changed report), data its bytes. An error
// that wraps ErrUnreadable is the file's fault and is reported per file;
// any other error fails the request.
type IngestFunc func(ctx context.Context, name string, data []byte) (warehouse.LoadResult, error)

// ErrUnreadable marks a report file the pipeline could not read or extract.
var ErrUnreadable = errors.New("unreadable report")

// DefaultMaxUpload bounds the body of POST /api/reports.
const DefaultMaxUpload = 64 << 20

// uploadedFile is one file of a multipart upload.
type uploadedFile struct {
	Name string
	Data []byte
}

// postReports ingests uploaded report files: POST /api/reports, multipart
// form with one or more "file" parts. 200 when every file was stored or
// unchanged, 422 when some failed (the others are stored).
func (h *Handler) postReports(c *gin.Context) {
	if h.cfg.Ingest == nil {
		h.fail(c, fmt.Errorf("%w: this server does not ingest uploads", errNotConfigured))
		return
	}
	h.extendDeadlines(c, h.cfg.UploadTimeout)
	files, err := parseUpload(c.Writer, c.Request, h.cfg.MaxUpload)
	if err != nil {
		h.fail(c, err)
		return
	}
	resp := uploadResponse{Files: make([]uploadResult, 0, len(files))}
	for _, f := range files {
		res, err := h.cfg.Ingest(c.Request.Context(), f.Name, f.Data)
		if err != nil && !errors.Is(err, ErrUnreadable) {
			h.fail(c, err)
			return
		}
		resp.add(f.Name, res, err)
	}
	status := http.StatusOK
	if resp.Failed > 0 {
		status = http.StatusUnprocessableEntity
	}
	c.JSON(status, resp)
}

type uploadResponse struct {
	Files  []uploadResult       `json:"files"`
	Total  warehouse.LoadResult `json:"total"`
	Failed int                  `json:"failed"`
}

type uploadResult struct {
	Name  string               `json:"name"`
	Load  warehouse.LoadResult `json:"load"`
	Error string               `json:"error,omitempty"`
}

func (r *uploadResponse) add(name string, res warehouse.LoadResult, err error) {
	u := uploadResult{Name: name, Load: res}
	if err != nil {
		u.Error = err.Error()
		r.Failed++
	}
	r.Files = append(r.Files, u)
	r.Total.Stored += res.Stored
	r.Total.Unchanged += res.Unchanged
	r.Total.Replaced += res.Replaced
	r.Total.Reextracted += res.Reextracted
	r.Total.Facts += res.Facts
	r.Total.CarriedCorrections += res.CarriedCorrections
}

// parseUpload reads the "file" parts of a multipart body of at most max
// bytes. A part's name is its filename parameter as sent, path included
// (Go's Part.FileName would keep the base name only, and the path is the
// report's source); it is only ever stored as text.
func parseUpload(w http.ResponseWriter, r *http.Request, max int64) ([]uploadedFile, error) {
	if max <= 0 {
		max = DefaultMaxUpload
	}
	r.Body = http.MaxBytesReader(w, r.Body, max)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, fmt.Errorf(`%w: send multipart/form-data with one or more "file" parts`, errBadRequest)
	}
	var files []uploadedFile
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, uploadError(err, max)
		}
		if part.FormName() != "file" {
			part.Close()
			continue
		}
		_, params, _ := mime.ParseMediaType(part.Header.Get("Content-Disposition"))
		name := strings.TrimSpace(params["filename"])
		if name == "" || len(name) > 1000 {
			return nil, fmt.Errorf("%w: every file part needs a filename (its path) of at most 1000 bytes", errBadRequest)
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return nil, uploadError(err, max)
		}
		files = append(files, uploadedFile{Name: name, Data: data})
	}
	if len(files) == 0 {
		return nil, fmt.Errorf(`%w: no "file" part in the upload`, errBadRequest)
	}
	return files, nil
}

func uploadError(err error, max int64) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return fmt.Errorf("%w: the upload is larger than %d bytes; send fewer files at a time", errTooLarge, max)
	}
	return fmt.Errorf("%w: read upload: %w", errBadRequest, err)
}
