package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestReplicasBehindNginx runs the deployment of "Many readers": a writer
// (`fazhi serve`), two read-only replicas (`fazhi serve --read-only`) on
// the copies it publishes, and Debian's nginx balancing between them, all
// real processes on loopback. Both replicas answer through nginx; a report
// uploaded to the writer reaches both once it is published, while requests
// keep coming through nginx and none fails; a replica refuses writes and
// answers SQL on its copy.
func TestReplicasBehindNginx(t *testing.T) {
	nginx := lookNginx(t)
	bin := fazhiBinary(t)
	dir := t.TempDir()
	const token = "0123456789abcdef-replica"
	env := append(os.Environ(), "FAZHI_DB="+filepath.Join(dir, "fazhi.duckdb"), "FAZHI_PUBLISH_DIR="+filepath.Join(dir, "published"),
		"FAZHI_TOKEN="+token, "FAZHI_LOG_LEVEL=warn")
	start := func(name string, args ...string) string {
		t.Helper()
		addr := freeAddr(t)
		cmd := exec.Command(bin, append([]string{"serve", "--addr", addr}, args...)...)
		cmd.Env = env
		logFile, err := os.Create(filepath.Join(dir, name+".log"))
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stdout, cmd.Stderr = logFile, logFile
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			cmd.Process.Signal(os.Interrupt)
			cmd.Wait()
			logFile.Close()
			if t.Failed() {
				b, _ := os.ReadFile(logFile.Name())
				t.Logf("%s's log:\n%s", name, b)
			}
		})
		waitHealthy(t, "http://"+addr)
		return addr
	}
	writer := start("writer")
	replicas := []string{start("replica1", "--read-only"), start("replica2", "--read-only")}
	lb := startNginx(t, nginx, dir, replicas)

	// Both replicas serve through nginx.
	seen := map[string]int{}
	for range 20 {
		resp, err := http.Get("http://" + lb + "/api/health")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("GET /api/health through nginx = %d", resp.StatusCode)
		}
		seen[resp.Header.Get("X-Upstream")]++
	}
	if seen[replicas[0]] == 0 || seen[replicas[1]] == 0 {
		t.Fatalf("nginx sent the requests to %v; want both replicas %v", seen, replicas)
	}

	// Requests keep coming through nginx while the replicas switch copies.
	var failures atomic.Int64
	var requests atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for _, path := range []string{"/api/health", "/", "/api/compare?indicator=mediation.cases_accepted"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := http.Get("http://" + lb + path)
				requests.Add(1)
				if err != nil || resp.StatusCode != 200 {
					failures.Add(1)
					t.Errorf("GET %s through nginx while switching: %v %v", path, err, resp.Status)
				}
				if resp != nil {
					resp.Body.Close()
				}
			}
		}()
	}
	before := reportCount(t, "http://"+replicas[0])
	ct, body := uploadParts(t, map[string][]byte{"replica.txt": gucheng("replica")}, nil)
	if status, resp := post(t, "http://"+writer+"/api/reports", token, ct, body); status != 200 {
		t.Fatalf("upload to the writer = %d %s", status, resp)
	}
	uploaded := time.Now()
	for _, r := range replicas {
		deadline := time.Now().Add(60 * time.Second)
		for reportCount(t, "http://"+r) != before+1 {
			if time.Now().After(deadline) {
				t.Fatalf("replica %s still has %d reports 60 s after the upload; want %d", r, reportCount(t, "http://"+r), before+1)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	t.Logf("both replicas show the upload %s after it", time.Since(uploaded).Round(100*time.Millisecond))
	time.Sleep(500 * time.Millisecond)
	close(stop)
	wg.Wait()
	t.Logf("%d requests through nginx while the replicas switched, %d failed", requests.Load(), failures.Load())
	if n := requests.Load(); failures.Load() > 0 || n < 10 {
		t.Errorf("%d of %d requests through nginx failed while the replicas switched copies", failures.Load(), n)
	}

	// A replica writes nothing, and answers SQL on its copy.
	req, _ := http.NewRequest("PUT", "http://"+replicas[0]+"/api/facts/x", strings.NewReader(`{}`))
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var refusal struct{ Code string }
	json.NewDecoder(resp.Body).Decode(&refusal)
	resp.Body.Close()
	if resp.StatusCode != 403 || refusal.Code != "read_only_replica" {
		t.Errorf("PUT to a replica = %d %q; want 403 read_only_replica", resp.StatusCode, refusal.Code)
	}
	resp, err = http.Post("http://"+replicas[1]+"/api/sql", "application/json", strings.NewReader(`{"sql":"SELECT count(*) AS n FROM reports"}`))
	if err != nil {
		t.Fatal(err)
	}
	var answer struct{ Rows [][]any }
	json.NewDecoder(resp.Body).Decode(&answer)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(answer.Rows) != 1 || fmt.Sprint(answer.Rows[0][0]) != fmt.Sprint(before+1) {
		t.Errorf("SQL on a replica = %d %v; want %d reports", resp.StatusCode, answer.Rows, before+1)
	}
}

// lookNginx finds Debian's nginx; without it the test is skipped, unless
// FAZHI_REQUIRE_NGINX=1 (CI) makes that a failure.
func lookNginx(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"nginx", "/usr/sbin/nginx"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("FAZHI_REQUIRE_NGINX") == "1" {
		t.Fatal("nginx is not installed (Debian package nginx) and FAZHI_REQUIRE_NGINX=1")
	}
	t.Skip("nginx is not installed (Debian package nginx)")
	return ""
}

// startNginx runs nginx in the foreground on a free loopback port in front
// of upstreams, naming the one that answered in X-Upstream.
func startNginx(t *testing.T, nginx, dir string, upstreams []string) string {
	t.Helper()
	addr := freeAddr(t)
	prefix := filepath.Join(dir, "nginx")
	if err := os.MkdirAll(filepath.Join(prefix, "tmp"), 0o755); err != nil {
		t.Fatal(err)
	}
	var servers strings.Builder
	for _, u := range upstreams {
		fmt.Fprintf(&servers, "server %s;\n", u)
	}
	tmp := filepath.Join(prefix, "tmp")
	conf := fmt.Sprintf(`daemon off;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events {}
http {
  access_log off;
  client_body_temp_path %[2]s/body;
  proxy_temp_path %[2]s/proxy;
  fastcgi_temp_path %[2]s/fastcgi;
  uwsgi_temp_path %[2]s/uwsgi;
  scgi_temp_path %[2]s/scgi;
  upstream fazhi {
    %[3]s
  }
  server {
    listen %[4]s;
    location / {
      proxy_pass http://fazhi;
      proxy_next_upstream error timeout http_502 http_503;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`, prefix, tmp, servers.String(), addr)
	path := filepath.Join(prefix, "nginx.conf")
	if err := os.WriteFile(path, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-p", prefix, "-c", path, "-e", filepath.Join(prefix, "error.log")}
	if os.Geteuid() == 0 {
		args = append(args, "-g", "user root;") // the workers read the test's directories
	}
	cmd := exec.Command(nginx, args...)
	out, err := os.Create(filepath.Join(prefix, "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
		out.Close()
	})
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if resp, err := http.Get("http://" + addr + "/api/health"); err == nil {
			resp.Body.Close()
			return addr
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(filepath.Join(prefix, "error.log"))
			t.Fatalf("nginx did not answer within 20 s:\n%s", b)
		}
	}
}

// reportCount is a server's report count (GET /api/health).
func reportCount(t *testing.T, base string) int {
	t.Helper()
	resp, err := http.Get(base + "/api/health")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var h struct{ Reports int }
	if err := json.NewDecoder(resp.Body).Decode(&h); err != nil {
		t.Fatal(err)
	}
	return h.Reports
}

// A replica that died (its lock free) leaves a directory whose links would
// keep whole copies on disk: the next replica removes it, and leaves a live
// replica's and one just being made.
func TestRemoveDeadReplicas(t *testing.T) {
	dir := t.TempDir()
	mk := func(name string) string {
		p := filepath.Join(dir, name)
		if err := os.Mkdir(p, 0o700); err != nil {
			t.Fatal(err)
		}
		return p
	}
	dead, live, young, other := mk("replica-dead"), mk("replica-live"), mk("replica-young"), mk("1-2-ab")
	if err := os.WriteFile(filepath.Join(dead, "lock"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	lock, err := lockReplicaDir(live)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	removeDeadReplicas(dir, slog.New(slog.NewTextHandler(io.Discard, nil)))
	for path, want := range map[string]bool{dead: false, live: true, young: true, other: true} {
		if _, err := os.Stat(path); (err == nil) != want {
			t.Errorf("%s there after the sweep: %v; want %v", filepath.Base(path), err == nil, want)
		}
	}
}
