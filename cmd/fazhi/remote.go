package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	"github.com/fazhi/fazhi/api"
	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse"
)

// uploadIngest is the pipeline behind POST /api/reports: the same
// extraction as `fazhi ingest`, the files of one upload extracted in
// parallel and stored in one Load (one transaction, one refresh of the
// jurisdiction-years they touch, however many files the upload holds), in
// the server that holds the warehouse, with what the upload's manifest and
// within field state about each file. Extraction failures are the file's
// fault.
func uploadIngest(db *warehouse.DB, x *ingest.Extractor) api.IngestFunc {
	return func(ctx context.Context, files []api.UploadFile, meta api.UploadMeta) (api.UploadOutcome, error) {
		var out api.UploadOutcome
		if meta.Within != "" && !validCode(meta.Within) {
			return out, fmt.Errorf("%w: within %q is not a division code (2, 4, 6 or 9 digits)", api.ErrBadUpload, meta.Within)
		}
		var m ingest.Manifest
		if len(meta.Manifest) > 0 {
			var err error
			if m, err = ingest.ReadManifest(bytes.NewReader(meta.Manifest), ""); err != nil {
				return out, fmt.Errorf("%w: manifest: %w", api.ErrBadUpload, err)
			}
		}
		named := map[string]bool{}
		inputs := make([]ingest.Input, len(files))
		for i, f := range files {
			fm, ok := m.LookupUpload(f.Name)
			if ok {
				named[f.Name] = true
			}
			fm.Within = meta.Within
			inputs[i] = ingest.MemoryInput(f.Name, f.Data, fm)
		}
		results := make(map[string][]ingest.FileResult, len(files))
		var res warehouse.LoadResult
		loaded := false
		// One batch: an upload is bounded by FAZHI_MAX_UPLOAD.
		err := x.Walk(ctx, inputs, ingest.WalkConfig{BatchSize: len(files) + 1, BatchBytes: math.MaxInt,
			OnFile: func(fr ingest.FileResult) { results[fr.Input.Name] = append(results[fr.Input.Name], fr) },
		}, func(ctx context.Context, b *ingest.Batch) error {
			var err error
			res, err = db.Load(ctx, b)
			loaded = err == nil
			return err
		})
		if err != nil && !errors.Is(err, ingest.ErrFilesFailed) {
			return out, err
		}
		first := true
		for _, f := range files {
			fr := results[f.Name][0]
			results[f.Name] = results[f.Name][1:]
			if fr.Err != nil {
				out.Files = append(out.Files, api.FileOutcome{Name: f.Name, Err: fmt.Errorf("%w: %w", api.ErrUnreadable, fr.Err)})
				continue
			}
			one, ok := res.For(fr.ReportID, f.Name, &first)
			if !ok || !loaded {
				return out, fmt.Errorf("upload: the load says nothing of %s", f.Name)
			}
			out.Files = append(out.Files, api.FileOutcome{Name: f.Name, Load: one})
		}
		if n := m.Len() - len(named); n > 0 {
			out.Warnings = append(out.Warnings, fmt.Sprintf("manifest: %d of its %d rows name no uploaded file (a row names a file by its filename as sent, or by its base name)", n, m.Len()))
		}
		return out, nil
	}
}

// uploadAnswer is the JSON answer of POST /api/reports.
type uploadAnswer struct {
	Files []struct {
		Name string `json:"name"`
		warehouse.ReportLoad
		Load  warehouse.LoadCounts `json:"load"`
		Error string               `json:"error"`
	} `json:"files"`
	Warnings []string `json:"warnings"`
	Error    string   `json:"error"`
}

// Requests of ingest --server: at most this many files or bytes each (the
// server refuses a body past FAZHI_MAX_UPLOAD, 64 MB by default; a larger
// file goes alone).
const (
	remoteFiles = 500
	remoteBytes = 32 << 20
)

// ingestRemote sends the inputs to a running server's POST /api/reports,
// many files per request (each request is one load on the server) with what
// the manifest and --within say of them, shows progress on stderr, and
// prints the same summary as a local ingest.
func ingestRemote(ctx context.Context, server, token string, inputs []ingest.Input, stdout, stderr io.Writer) error {
	if token == "" {
		return fmt.Errorf("ingest --server: give the server's token with --token or FAZHI_TOKEN")
	}
	url := strings.TrimSuffix(server, "/") + "/api/reports"
	client := &http.Client{Timeout: 10 * time.Minute}
	start := time.Now()
	sum := ingestSummary{Files: len(inputs)}
	progress := newRemoteProgress(stderr, inputs)
	var group []ingest.Input
	var data [][]byte
	var size int
	// sendGroup sends files in one request; one the server finds too large
	// is split in two, and a single file too large fails alone.
	var sendGroup func(files []ingest.Input, data [][]byte) error
	sendGroup = func(files []ingest.Input, data [][]byte) error {
		ans, err := upload(ctx, client, url, token, files, data)
		switch {
		case errors.Is(err, errRequestTooLarge) && len(files) > 1:
			half := len(files) / 2
			if err := sendGroup(files[:half], data[:half]); err != nil {
				return err
			}
			return sendGroup(files[half:], data[half:])
		case errors.Is(err, errRequestTooLarge):
			sum.Failed = append(sum.Failed, ingest.FileResult{Input: files[0], Err: err})
			return nil
		case err != nil:
			return fmt.Errorf("ingest --server %s: %d files from %s: %w", server, len(files), files[0].Name, err)
		}
		for _, f := range ans.Files {
			sum.Load.Add(f.Load)
			if f.Error != "" {
				sum.Failed = append(sum.Failed, ingest.FileResult{Input: ingest.Input{Name: f.Name}, Err: errors.New(f.Error)})
			}
			for _, w := range f.Warnings {
				sum.Warnings = append(sum.Warnings, fileWarning{Path: f.Name, Message: w.Message})
			}
		}
		for _, w := range ans.Warnings {
			sum.Warnings = append(sum.Warnings, fileWarning{Path: server, Message: w})
		}
		return nil
	}
	send := func() error {
		if len(group) == 0 {
			return nil
		}
		if err := sendGroup(group, data); err != nil {
			return err
		}
		progress(group)
		group, data, size = group[:0], data[:0], 0
		return nil
	}
	for _, in := range inputs {
		b, err := in.Read() // regular files only, within the size limit
		if err != nil {
			sum.Failed = append(sum.Failed, ingest.FileResult{Input: in, Err: err})
			progress([]ingest.Input{in})
			continue
		}
		if len(group) > 0 && (len(group) == remoteFiles || size+len(b) > remoteBytes || in.Meta.Within != group[0].Meta.Within) {
			if err := send(); err != nil {
				fmt.Fprintln(stdout, sum)
				return err
			}
		}
		group, data, size = append(group, in), append(data, b), size+len(b)
	}
	if err := send(); err != nil {
		fmt.Fprintln(stdout, sum)
		return err
	}
	sum.Duration = time.Since(start)
	sum.print(stdout)
	if len(sum.Failed) > 0 {
		return exitError(1)
	}
	return nil
}

// newRemoteProgress shows how far an ingest through a server is: a
// progress bar on a terminal, else a line at most every five seconds.
func newRemoteProgress(stderr io.Writer, inputs []ingest.Input) func([]ingest.Input) {
	if bar := newProgress(stderr, inputs); bar != nil {
		return func(done []ingest.Input) {
			for _, in := range done {
				bar(ingest.FileResult{Input: in})
			}
		}
	}
	var total, sent int64
	for _, in := range inputs {
		total += in.Size
	}
	n, last := 0, time.Now()
	return func(done []ingest.Input) {
		for _, in := range done {
			sent += in.Size
		}
		n += len(done)
		if time.Since(last) >= 5*time.Second || n == len(inputs) {
			last = time.Now()
			fmt.Fprintf(stderr, "ingest --server: %d of %d files sent (%.1f of %.1f MB)\n", n, len(inputs), float64(sent)/1e6, float64(total)/1e6)
		}
	}
}

// upload posts files as one multipart/form-data request, each with its
// path as filename, with a manifest when the metadata of any says
// anything, and the within field when set (the same for all of them).
func upload(ctx context.Context, client *http.Client, url, token string, files []ingest.Input, data [][]byte) (uploadAnswer, error) {
	var ans uploadAnswer
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	// Once any file has a row, every file gets one (empty when nothing is
	// known of it): the server matches a file without a row of its own to
	// a row of the same base name, which may be another folder's file.
	var rows []string
	manifested := false
	for i, in := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, in.Name))
		h.Set("Content-Type", "application/octet-stream")
		part, err := w.CreatePart(h)
		if err != nil {
			return ans, err
		}
		part.Write(data[i])
		if in.Meta.URL != "" || in.Meta.JurisdictionCode != "" || in.Meta.Year != 0 {
			manifested = true
		}
		rows = append(rows, manifestLine(in.Name, in.Meta))
	}
	if !manifested {
		rows = nil
	}
	if len(rows) > 0 {
		if err := w.WriteField("manifest", "file,url,jurisdiction_code,year\n"+strings.Join(rows, "")); err != nil {
			return ans, err
		}
	}
	if within := files[0].Meta.Within; within != "" {
		if err := w.WriteField("within", within); err != nil {
			return ans, err
		}
	}
	if err := w.Close(); err != nil {
		return ans, err
	}
	size := body.Len()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, &body)
	if err != nil {
		return ans, err
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := client.Do(req)
	if err != nil {
		return ans, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusRequestEntityTooLarge {
		return ans, fmt.Errorf("%w (%d bytes; the server's FAZHI_MAX_UPLOAD)", errRequestTooLarge, size)
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 64<<20)).Decode(&ans); err != nil {
		return ans, fmt.Errorf("server answered %s, not JSON: %w", resp.Status, err)
	}
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusUnprocessableEntity {
		return ans, fmt.Errorf("server answered %s: %s", resp.Status, ans.Error)
	}
	return ans, nil
}

// errRequestTooLarge: the server refused a request for its size (413).
var errRequestTooLarge = errors.New("the server refuses a request this large")

// manifestLine is one line of a manifest (the CSV format of --manifest)
// for the file sent as name.
func manifestLine(name string, m ingest.Meta) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	year := ""
	if m.Year != 0 {
		year = strconv.Itoa(m.Year)
	}
	w.Write([]string{name, m.URL, m.JurisdictionCode, year})
	w.Flush()
	return b.String()
}
