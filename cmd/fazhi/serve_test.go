package main

import (
	"context"
	"net"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer that a running command writes while a test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// `fazhi serve` (and so `make serve`) prints the address to open once it
// listens, and the address answers.
func TestServePrintsURL(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, errs syncBuffer
	done := make(chan error, 1)
	db := filepath.Join(t.TempDir(), "fazhi.duckdb")
	go func() {
		done <- run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, env(nil), nil, &out, &errs)
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v\n%s", err, errs.String())
		}
	}()
	url := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	deadline := time.Now().Add(60 * time.Second)
	for url.FindString(out.String()) == "" {
		if time.Now().After(deadline) {
			t.Fatalf("serve printed no URL within a minute: %q\n%s", out.String(), errs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	resp, err := http.Get(url.FindString(out.String()) + "api/health")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(out.String(), "dashboards at") {
		t.Errorf("GET the printed URL = %d; output %q", resp.StatusCode, out.String())
	}
}

func TestServeURL(t *testing.T) {
	bound := &net.TCPAddr{IP: net.IPv6unspecified, Port: 8080}
	for addr, want := range map[string]string{
		":8080":          "http://localhost:8080/",
		"0.0.0.0:8080":   "http://localhost:8080/",
		"[::]:8080":      "http://localhost:8080/",
		"10.1.2.3:8080":  "http://10.1.2.3:8080/",
		"fazhi.gov:8080": "http://fazhi.gov:8080/",
	} {
		if got := serveURL(addr, bound); got != want {
			t.Errorf("serveURL(%q) = %q; want %q", addr, got, want)
		}
	}
}
