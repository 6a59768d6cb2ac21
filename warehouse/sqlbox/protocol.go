package sqlbox

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// The protocol between the server and a worker: lines of JSON over the
// worker's stdin and stdout. The worker first writes a hello, then answers
// each request with one answer, in order.

// hello is the first line a worker writes, once its limits are in force.
type hello struct {
	PID int `json:"pid"`
}

// request is one query for a worker.
type request struct {
	// Path is the database file to query, opened read-only; the worker
	// reopens when it changes.
	Path     string `json:"path"`
	SQL      string `json:"sql"`
	MaxRows  int    `json:"max_rows"`
	MaxBytes int    `json:"max_bytes"`
	MaxCell  int    `json:"max_cell"`
}

// answer is a worker's reply to one request.
type answer struct {
	Columns []string          `json:"columns"`
	Types   []string          `json:"types"`
	Rows    []json.RawMessage `json:"rows"`
	// Truncated names the limit that ended the rows early: "rows" or "bytes".
	Truncated string `json:"truncated,omitempty"`
	// CellsCut counts the text values cut to MaxCell bytes.
	CellsCut int          `json:"cells_cut,omitempty"`
	Error    *answerError `json:"error,omitempty"`
	// Holding is the file the worker has open after the request ("" if
	// opening the requested one failed).
	Holding string `json:"holding"`
}

// answerError is a failed query: Kind is one of the kind* constants.
type answerError struct {
	Kind    string `json:"kind"`
	Message string `json:"message"`
	// Reason and Subject are a refusal's (Refusal).
	Reason  string `json:"reason,omitempty"`
	Subject string `json:"subject,omitempty"`
}

// Kinds of failure a worker reports.
const (
	kindRejected = "rejected"
	kindInvalid  = "invalid"
	kindMemory   = "memory"
	kindLocked   = "locked"
	kindInternal = "internal"
)

// maxRequest bounds a request line (the SQL is capped far below it).
const maxRequest = 1 << 20

// lineReader reads lines of JSON of at most max bytes.
type lineReader struct {
	sc *bufio.Scanner
}

func newLineReader(r io.Reader, max int) *lineReader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), max)
	return &lineReader{sc: sc}
}

// read decodes the next line into v; io.EOF when the stream ended.
func (lr *lineReader) read(v any) error {
	if !lr.sc.Scan() {
		if err := lr.sc.Err(); err != nil {
			return err
		}
		return io.EOF
	}
	if err := json.Unmarshal(lr.sc.Bytes(), v); err != nil {
		return fmt.Errorf("decode line: %w", err)
	}
	return nil
}

// writeLine writes v as one line of JSON (HTML characters unescaped: the
// text is the researcher's data, not a web page).
func writeLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write line: %w", err)
	}
	return nil
}
