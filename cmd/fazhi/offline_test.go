package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestOfflineBuild is the README's offline build, step by step: on a
// connected machine `make vendor` (vendored modules beside the pinned
// ECharts assets that are in the repository); then, in a network namespace
// with no network at all (unshare -n) and with the module proxy off,
// `GOFLAGS=-mod=vendor make build`. Vendoring copies every platform's
// DuckDB library (some 650 MB), so it runs when FAZHI_OFFLINE_BUILD_TEST=1
// (.ci/run sets it).
func TestOfflineBuild(t *testing.T) {
	if os.Getenv("FAZHI_OFFLINE_BUILD_TEST") != "1" {
		t.Skip("SKIPPED: set FAZHI_OFFLINE_BUILD_TEST=1 to vendor the modules and build with no network (.ci/run does)")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	// A copy of the tracked files: what a clone or a release tarball holds.
	src := filepath.Join(t.TempDir(), "fazhi")
	files, err := exec.Command("git", "-C", root, "ls-files", "-z").Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	for _, f := range strings.Split(strings.TrimRight(string(files), "\x00"), "\x00") {
		b, err := os.ReadFile(filepath.Join(root, f))
		if os.IsNotExist(err) {
			continue // deleted in the work tree
		}
		if err != nil {
			t.Fatal(err)
		}
		info, _ := os.Stat(filepath.Join(root, f))
		writeFile(t, filepath.Join(src, f), b)
		os.Chmod(filepath.Join(src, f), info.Mode())
	}
	if _, err := os.Stat(filepath.Join(src, "dashboards", "assets", "echarts.min.js")); err != nil {
		t.Fatalf("the pinned ECharts asset is not in the repository: %v", err)
	}
	runMake := func(limit time.Duration, wrap []string, env []string, args ...string) string {
		t.Helper()
		cmdline := append(wrap, append([]string{"make", "-C", src}, args...)...)
		cmd := exec.Command(cmdline[0], cmdline[1:]...)
		cmd.Env = append(os.Environ(), env...)
		done := make(chan struct{})
		var out []byte
		go func() { out, err = cmd.CombinedOutput(); close(done) }()
		select {
		case <-done:
		case <-time.After(limit):
			cmd.Process.Kill()
			<-done
			t.Fatalf("%s did not end within %v\n%s", strings.Join(cmdline, " "), limit, out)
		}
		if err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(cmdline, " "), err, out)
		}
		return string(out)
	}
	runMake(10*time.Minute, nil, nil, "vendor")

	// No network from here on.
	var wrap []string
	if out, err := exec.Command("unshare", "-n", "true").CombinedOutput(); err == nil {
		wrap = []string{"unshare", "-n", "--"}
	} else {
		t.Logf("unshare -n is not allowed here (%v: %s): building with GOPROXY=off only", err, out)
	}
	runMake(15*time.Minute, wrap, []string{"GOFLAGS=-mod=vendor", "GOPROXY=off", "GOSUMDB=off", "GOTOOLCHAIN=local"}, "build")
	out, err := exec.Command(filepath.Join(src, "fazhi"), "version").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "fazhi ") {
		t.Errorf("the offline build's fazhi version: %v\n%s", err, out)
	}
}
