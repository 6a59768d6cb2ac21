package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/fazhi/fazhi/api"
	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse"
)

// uploadIngest is the pipeline behind POST /api/reports: the same
// extraction and Load as `fazhi ingest`, one file per call, in the server
// that holds the warehouse. Extraction failures are the file's fault.
func uploadIngest(db *warehouse.DB, x *ingest.Extractor) api.IngestFunc {
	return func(ctx context.Context, name string, data []byte) (warehouse.LoadResult, error) {
		r, err := x.Extract(ctx, name, data, ingest.Meta{})
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
}

// uploadAnswer is the JSON answer of POST /api/reports.
type uploadAnswer struct {
	Files []struct {
		Name  string               `json:"name"`
		Load  warehouse.LoadResult `json:"load"`
		Error string               `json:"error"`
	} `json:"files"`
	Error string `json:"error"`
}

// ingestRemote sends each input to a running server's POST /api/reports,
// one file per request, and prints the same summary as a local ingest.
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
		ans, err := uploadOne(ctx, client, url, token, in.Name, data)
		if err != nil {
			fmt.Fprintln(stdout, sum)
			return fmt.Errorf("ingest --server %s: %s: %w", server, in.Name, err)
		}
		for _, f := range ans.Files {
			sum.Load.Stored += f.Load.Stored
			sum.Load.Unchanged += f.Load.Unchanged
			sum.Load.Replaced += f.Load.Replaced
			sum.Load.Reextracted += f.Load.Reextracted
			sum.Load.Facts += f.Load.Facts
			sum.Load.CarriedCorrections += f.Load.CarriedCorrections
			if f.Error != "" {
				sum.Failed = append(sum.Failed, ingest.FileResult{Input: ingest.Input{Name: f.Name}, Err: errors.New(f.Error)})
			}
		}
	}
	sum.Duration = time.Since(start)
	fmt.Fprintln(stdout, sum)
	for _, f := range sum.Failed {
		fmt.Fprintf(stdout, "FAILED %s: %v\n", f.Input.Name, f.Err)
	}
	if len(sum.Failed) > 0 {
		return exitError(1)
	}
	return nil
}

// uploadOne posts one file as multipart/form-data, its path as filename.
func uploadOne(ctx context.Context, client *http.Client, url, token, path string, data []byte) (uploadAnswer, error) {
	var ans uploadAnswer
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, path))
	h.Set("Content-Type", "application/octet-stream")
	part, err := w.CreatePart(h)
	if err != nil {
		return ans, err
	}
	part.Write(data)
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
