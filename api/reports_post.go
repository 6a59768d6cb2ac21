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

// IngestFunc runs the ingest pipeline on the files of one upload, one
// file after the other, each stored in its own transaction. meta is what
// the upload states about them. An error that wraps ErrBadUpload (a
// manifest that cannot be read, a within that is not a division code)
// refuses the upload before any file is stored; a file the pipeline cannot
// read has ErrUnreadable in its FileOutcome; any other error fails the
// request.
type IngestFunc func(ctx context.Context, files []UploadFile, meta UploadMeta) (UploadOutcome, error)

// Refusals of the ingest pipeline.
var (
	// ErrUnreadable marks a report file the pipeline could not read or extract.
	ErrUnreadable = errors.New("unreadable report")
	// ErrBadUpload marks an upload whose metadata cannot be used.
	ErrBadUpload = errors.New("bad upload")
)

// DefaultMaxUpload bounds the body of POST /api/reports.
const DefaultMaxUpload = 64 << 20

// UploadFile is one file of a multipart upload: its name is the filename
// as sent, path included (it becomes the report's source).
type UploadFile struct {
	Name string
	Data []byte
}

// UploadMeta is what an upload states about its files besides their bytes,
// as `fazhi ingest --manifest --within` does: Manifest is a manifest in its
// CSV format (file,url,jurisdiction_code,year; file names an uploaded file
// by its filename as sent, or by its base name), Within a division code
// that bounds every file's jurisdiction. Both may be empty.
type UploadMeta struct {
	Manifest []byte
	Within   string
}

// UploadOutcome is what the pipeline did with an upload's files.
type UploadOutcome struct {
	Files []FileOutcome
	// Warnings are about the upload as a whole (manifest rows that name no
	// uploaded file).
	Warnings []string
}

// FileOutcome is what the pipeline did with one file: Load's result, or
// the error that kept it out.
type FileOutcome struct {
	Name string
	Load warehouse.LoadResult
	Err  error
}

// maxManifest bounds the manifest part of an upload.
const maxManifest = 1 << 20

// postReports ingests uploaded report files: POST /api/reports, multipart
// form with one or more "file" parts and optional "manifest" and "within"
// parts. 200 when every file was stored or unchanged, 422 when some failed
// (the others are stored).
func (h *Handler) postReports(c *gin.Context) {
	if h.cfg.Ingest == nil {
		h.fail(c, fmt.Errorf("%w: this server does not ingest uploads", errNotConfigured))
		return
	}
	h.extendDeadlines(c, h.cfg.UploadTimeout)
	files, meta, err := parseUpload(c.Writer, c.Request, h.cfg.MaxUpload)
	if err != nil {
		h.fail(c, err)
		return
	}
	out, err := h.cfg.Ingest(c.Request.Context(), files, meta)
	if err != nil && !errors.Is(err, ErrBadUpload) {
		h.fail(c, err)
		return
	}
	if err != nil {
		h.fail(c, fmt.Errorf("%w: %w", errBadRequest, err))
		return
	}
	resp := uploadResponse{Files: make([]uploadResult, 0, len(out.Files)), Warnings: out.Warnings}
	if resp.Warnings == nil {
		resp.Warnings = []string{}
	}
	for _, f := range out.Files {
		if f.Err != nil && !errors.Is(f.Err, ErrUnreadable) {
			h.fail(c, f.Err)
			return
		}
		resp.add(f)
	}
	status := http.StatusOK
	if resp.Failed > 0 {
		status = http.StatusUnprocessableEntity
	}
	c.JSON(status, resp)
}

type uploadResponse struct {
	Files    []uploadResult       `json:"files"`
	Total    warehouse.LoadCounts `json:"total"`
	Failed   int                  `json:"failed"`
	Warnings []string             `json:"warnings"`
}

// uploadResult is one file of the answer: what was stored (the report's
// outcome, its place, its warnings, inlined) and the load's counts, or the
// error.
type uploadResult struct {
	Name string `json:"name"`
	*warehouse.ReportLoad
	Load  warehouse.LoadCounts `json:"load"`
	Error string               `json:"error,omitempty"`
}

func (r *uploadResponse) add(f FileOutcome) {
	u := uploadResult{Name: f.Name, Load: f.Load.LoadCounts}
	if len(f.Load.Reports) > 0 {
		u.ReportLoad = &f.Load.Reports[0]
	}
	if f.Err != nil {
		u.Error = f.Err.Error()
		r.Failed++
	}
	r.Files = append(r.Files, u)
	r.Total.Add(f.Load.LoadCounts)
}

// parseUpload reads the parts of a multipart body of at most max bytes:
// "file" parts, at most one "manifest" and one "within". A file's name is
// its filename parameter as sent, path included (Go's Part.FileName would
// keep the base name only, and the path is the report's source); it is only
// ever stored as text.
func parseUpload(w http.ResponseWriter, r *http.Request, max int64) ([]UploadFile, UploadMeta, error) {
	var meta UploadMeta
	if max <= 0 {
		max = DefaultMaxUpload
	}
	r.Body = http.MaxBytesReader(w, r.Body, max)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, meta, fmt.Errorf(`%w: send multipart/form-data with one or more "file" parts`, errBadRequest)
	}
	var files []UploadFile
	seen := map[string]bool{}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, meta, uploadError(err, max)
		}
		switch name := part.FormName(); name {
		case "file":
			_, params, _ := mime.ParseMediaType(part.Header.Get("Content-Disposition"))
			filename := strings.TrimSpace(params["filename"])
			if filename == "" || len(filename) > 1000 {
				return nil, meta, fmt.Errorf("%w: every file part needs a filename (its path) of at most 1000 bytes", errBadRequest)
			}
			data, err := io.ReadAll(part)
			if err != nil {
				return nil, meta, uploadError(err, max)
			}
			files = append(files, UploadFile{Name: filename, Data: data})
		case "manifest", "within":
			if seen[name] {
				return nil, meta, fmt.Errorf("%w: at most one %q part", errBadRequest, name)
			}
			seen[name] = true
			data, err := io.ReadAll(io.LimitReader(part, maxManifest+1))
			if err != nil {
				return nil, meta, uploadError(err, max)
			}
			if len(data) > maxManifest {
				return nil, meta, fmt.Errorf("%w: the %s part is larger than %d bytes", errBadRequest, name, maxManifest)
			}
			if name == "manifest" {
				meta.Manifest = data
			} else {
				meta.Within = strings.TrimSpace(string(data))
			}
		default:
			part.Close()
		}
	}
	if len(files) == 0 {
		return nil, meta, fmt.Errorf(`%w: no "file" part in the upload`, errBadRequest)
	}
	return files, meta, nil
}

func uploadError(err error, max int64) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return fmt.Errorf("%w: the upload is larger than %d bytes; send fewer files at a time", errTooLarge, max)
	}
	return fmt.Errorf("%w: read upload: %w", errBadRequest, err)
}
