package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/fazhi/fazhi/api"
	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse"
)

// uploadIngest is the pipeline behind POST /api/reports: the same
// extraction and Load as `fazhi ingest`, one file at a time, in the server
// that holds the warehouse, with what the upload's manifest and within
// field state about each file. Extraction failures are the file's fault.
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
		for _, f := range files {
			fm, ok := m.LookupUpload(f.Name)
			if ok {
				named[f.Name] = true
			}
			fm.Within = meta.Within
			res, err := ingestFile(ctx, db, x, f.Name, f.Data, fm)
			if err != nil && !errors.Is(err, api.ErrUnreadable) {
				return out, err
			}
			out.Files = append(out.Files, api.FileOutcome{Name: f.Name, Load: res, Err: err})
		}
		if n := m.Len() - len(named); n > 0 {
			out.Warnings = append(out.Warnings, fmt.Sprintf("manifest: %d of its %d rows name no uploaded file (a row names a file by its filename as sent, or by its base name)", n, m.Len()))
		}
		return out, nil
	}
}

// ingestFile extracts one file and loads it.
func ingestFile(ctx context.Context, db *warehouse.DB, x *ingest.Extractor, name string, data []byte, meta ingest.Meta) (warehouse.LoadResult, error) {
	r, err := x.Extract(ctx, name, data, meta)
	if err != nil {
		return warehouse.LoadResult{}, fmt.Errorf("%w: %w", api.ErrUnreadable, err)
	}
	b, err := ingest.NewBatch(memory.NewGoAllocator(), []ingest.Report{r})
	if err != nil {
		return warehouse.LoadResult{}, fmt.Errorf("%w: %w", api.ErrUnreadable, err)
	}
	defer b.Release()
	return db.Load(ctx, b)
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

// ingestRemote sends each input to a running server's POST /api/reports,
// one file per request with what the manifest and --within say of it, and
// prints the same summary as a local ingest.
func ingestRemote(ctx context.Context, server, token string, inputs []ingest.Input, stdout io.Writer) error {
	if token == "" {
		return fmt.Errorf("ingest --server: give the server's token with --token or FAZHI_TOKEN")
	}
	url := strings.TrimSuffix(server, "/") + "/api/reports"
	client := &http.Client{Timeout: 5 * time.Minute}
	start := time.Now()
	sum := ingestSummary{Files: len(inputs)}
	for _, in := range inputs {
		data, err := in.Read() // regular files only, within the size limit
		if err != nil {
			sum.Failed = append(sum.Failed, ingest.FileResult{Input: in, Err: err})
			continue
		}
		ans, err := uploadOne(ctx, client, url, token, in, data)
		if err != nil {
			fmt.Fprintln(stdout, sum)
			return fmt.Errorf("ingest --server %s: %s: %w", server, in.Name, err)
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
			sum.Warnings = append(sum.Warnings, fileWarning{Path: in.Name, Message: w})
		}
	}
	sum.Duration = time.Since(start)
	sum.print(stdout)
	if len(sum.Failed) > 0 {
		return exitError(1)
	}
	return nil
}

// uploadOne posts one file as multipart/form-data, its path as filename,
// with a manifest row for it when its metadata says anything, and the
// within field when set.
func uploadOne(ctx context.Context, client *http.Client, url, token string, in ingest.Input, data []byte) (uploadAnswer, error) {
	var ans uploadAnswer
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, in.Name))
	h.Set("Content-Type", "application/octet-stream")
	part, err := w.CreatePart(h)
	if err != nil {
		return ans, err
	}
	part.Write(data)
	if m := in.Meta; m.URL != "" || m.JurisdictionCode != "" || m.Year != 0 {
		if err := w.WriteField("manifest", manifestRow(in.Name, m)); err != nil {
			return ans, err
		}
	}
	if in.Meta.Within != "" {
		if err := w.WriteField("within", in.Meta.Within); err != nil {
			return ans, err
		}
	}
	if err := w.Close(); err != nil {
		return ans, err
	}
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
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&ans); err != nil {
		return ans, fmt.Errorf("server answered %s, not JSON: %w", resp.Status, err)
	}
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusUnprocessableEntity {
		return ans, fmt.Errorf("server answered %s: %s", resp.Status, ans.Error)
	}
	return ans, nil
}

// manifestRow is a one-file manifest (the CSV format of --manifest) for
// the file sent as name.
func manifestRow(name string, m ingest.Meta) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write([]string{"file", "url", "jurisdiction_code", "year"})
	year := ""
	if m.Year != 0 {
		year = strconv.Itoa(m.Year)
	}
	w.Write([]string{name, m.URL, m.JurisdictionCode, year})
	w.Flush()
	return b.String()
}
