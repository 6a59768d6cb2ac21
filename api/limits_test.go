package api

import (
	"bufio"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/sqlbox"
	"github.com/fazhi/fazhi/warehouse/warehousetest"
)

// rawRequest sends head and body on a fresh connection, as they are, and
// returns the answer's status and body.
func rawRequest(t *testing.T, addr, head, body string) (string, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(conn, head+body); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("read the answer: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.Status, string(b)
}

// A body larger than the limit is refused from its Content-Length, before
// a byte of it is read: the client sends 200 bytes of an announced 800 MB
// and gets its 413 at once.
func TestLargeBodyRefusedUnread(t *testing.T) {
	srv := mustServer(t)
	addr := strings.TrimPrefix(srv.URL, "http://")
	start := time.Now()
	status, rest := rawRequest(t, addr, "POST /api/sql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 800000000\r\n\r\n",
		`{"sql":"SELECT '`+strings.Repeat("x", 180)+`"}`)
	if !strings.Contains(status, "413") || !strings.Contains(rest, `"error":"request too large: the request body is 800000000 bytes; at most 65536 are accepted"`) {
		t.Errorf("announced 800 MB: %s\n%s; want 413 with the limit named", status, rest)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the 413 came after %s; want it at once", d)
	}
	// Chunked, so no length is announced: refused once reading passes the limit.
	chunk := `{"sql":"SELECT '` + strings.Repeat("x", 100000) + `'"}`
	status, rest = rawRequest(t, addr, "POST /api/sql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
		fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(chunk), chunk))
	if !strings.Contains(status, "413") || !strings.Contains(rest, "larger than 65536 bytes") {
		t.Errorf("chunked 100 KB: %s\n%s; want 413", status, rest)
	}
}

// With every slot taken, a query waits the short SlotWait and is then
// answered 503 with Retry-After; once a slot frees it runs.
func TestBusySlotsAnswer503(t *testing.T) {
	db := warehousetest.OpenSamples(t, warehouse.Config{})
	h := New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{SQL: warehousetest.Sandbox(t, db, sqlbox.Limits{}), SlotWait: 300 * time.Millisecond})
	r := gin.New()
	h.Register(r)
	srv := httptest.NewServer(r)
	defer srv.Close()
	for range maxHeavy {
		h.heavy <- struct{}{}
	}
	start := time.Now()
	resp, err := http.Post(srv.URL+"/api/sql", "application/json", strings.NewReader(`{"sql":"SELECT 1"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if d := time.Since(start); resp.StatusCode != 503 || resp.Header.Get("Retry-After") == "" || d < 300*time.Millisecond || d > 2*time.Second {
		t.Errorf("query with every slot taken: %d, Retry-After %q, after %s: %s; want 503 with Retry-After after the 300ms wait",
			resp.StatusCode, resp.Header.Get("Retry-After"), d, body)
	}
	<-h.heavy
	resp, err = http.Post(srv.URL+"/api/sql", "application/json", strings.NewReader(`{"sql":"SELECT 1"}`))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("query with a free slot: %v %v; want 200", resp, err)
	}
	resp.Body.Close()
}

// smallBuffers gives every accepted connection a small send buffer, so that
// a client that does not read stalls the server after a few kilobytes.
type smallBuffers struct{ net.Listener }

func (l smallBuffers) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetWriteBuffer(4096)
	}
	return c, err
}

// Two clients that start an export and never read (issue 9 §2) hold no
// query slot: researchers' queries run meanwhile, and the stalled sockets
// are cut after StallTimeout.
func TestStalledDownloadsHoldNoSlot(t *testing.T) {
	exportDir := t.TempDir()
	db := warehousetest.OpenSamples(t, warehouse.Config{AllowedDirectories: []string{exportDir}})
	h := New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{SQL: warehousetest.Sandbox(t, db, sqlbox.Limits{}),
		ExportDir: exportDir, StallTimeout: time.Second, SlotWait: 500 * time.Millisecond})
	r := gin.New()
	h.Register(r)
	srv := httptest.NewUnstartedServer(r)
	srv.Listener = smallBuffers{srv.Listener}
	srv.Start()
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")

	dialer := net.Dialer{Control: func(network, address string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) { syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096) })
	}}
	var stalled []net.Conn
	for range 2 {
		conn, err := dialer.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		io.WriteString(conn, "GET /api/export/jurisdictions.csv HTTP/1.1\r\nHost: x\r\n\r\n")
		stalled = append(stalled, conn)
	}
	staged := func() int { m, _ := filepath.Glob(filepath.Join(exportDir, "jurisdictions-*.csv")); return len(m) }
	if !warehousetest.Eventually(5*time.Second, func() bool { return staged() == 2 }) {
		t.Fatalf("%d exports staged; want both stalled downloads under way", staged())
	}

	// Both slots are free while the two downloads stall: two queries at once.
	var wg sync.WaitGroup
	for range maxHeavy {
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			resp, err := http.Post(srv.URL+"/api/sql", "application/json", strings.NewReader(`{"sql":"SELECT count(*) FROM jurisdictions"}`))
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			if resp.StatusCode != 200 || time.Since(start) > 3*time.Second {
				t.Errorf("query during two stalled downloads: %d after %s; want 200 at once", resp.StatusCode, time.Since(start))
			}
		}()
	}
	wg.Wait()
	if n := staged(); n != 2 {
		t.Fatalf("%d downloads still under way after the queries; want the 2 stalled ones", n)
	}

	// The stalled sockets are cut after the StallTimeout of one second.
	if !warehousetest.Eventually(10*time.Second, func() bool { return staged() == 0 }) {
		t.Fatalf("%d stalled downloads still running after 10 s; want them cut after 1 s", staged())
	}
	for _, conn := range stalled {
		conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		n, err := io.Copy(io.Discard, conn)
		if err == nil && n > 3<<20 {
			t.Errorf("a stalled client then read %d bytes: the whole export; want the stream cut", n)
		}
	}
}
