package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// releaseGlibc is the oldest glibc the release binary must start on
// (Kylin V10, UOS 20, CentOS/RHEL 8).
const releaseGlibc = "2.28"

// TestReleaseBinarySymbolVersions checks the binary `make release` builds
// (FAZHI_RELEASE_BINARY; .ci/run builds it and sets it): it may need
// libc, libm, libpthread, libdl, libresolv and the dynamic loader, at
// symbol versions up to GLIBC 2.28, and nothing of libstdc++ or libgcc_s.
// Then it runs it: DuckDB's C++ (exceptions included) must work with the
// unwinder linked in.
func TestReleaseBinarySymbolVersions(t *testing.T) {
	bin := os.Getenv("FAZHI_RELEASE_BINARY")
	if bin == "" {
		if os.Getenv("FAZHI_REQUIRE_RELEASE") == "1" {
			t.Fatal("FAZHI_RELEASE_BINARY is not set: build it with `make release` (dist/fazhi-linux-amd64)")
		}
		t.Skip("SKIPPED: FAZHI_RELEASE_BINARY not set; run `make release` and set it to dist/fazhi-linux-amd64 (.ci/run does)")
	}
	bin, err := filepath.Abs(bin)
	if err != nil {
		t.Fatal(err)
	}
	for _, tool := range []string{"readelf", "objdump"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed (Debian package binutils): %v", tool, err)
		}
	}
	dyn, err := exec.Command("readelf", "-d", "-W", bin).CombinedOutput()
	if err != nil {
		t.Fatalf("readelf -d %s: %v\n%s", bin, err, dyn)
	}
	allowed := map[string]bool{"libc.so.6": true, "libm.so.6": true, "libpthread.so.0": true, "libdl.so.2": true,
		"libresolv.so.2": true, "ld-linux-x86-64.so.2": true}
	var needed []string
	for _, m := range regexp.MustCompile(`\(NEEDED\)\s+Shared library: \[([^\]]+)\]`).FindAllStringSubmatch(string(dyn), -1) {
		needed = append(needed, m[1])
		if !allowed[m[1]] {
			t.Errorf("%s needs %s; want glibc's libraries only (libstdc++ and libgcc linked in)", bin, m[1])
		}
	}
	syms, err := exec.Command("objdump", "-T", bin).CombinedOutput()
	if err != nil {
		t.Fatalf("objdump -T %s: %v\n%s", bin, err, syms)
	}
	versions := map[string]int{}
	for _, m := range regexp.MustCompile(`\b((?:GLIBC|GLIBCXX|CXXABI|GCC)_[0-9.]+)\b`).FindAllStringSubmatch(string(syms), -1) {
		versions[m[1]]++
	}
	var newest string
	for v := range versions {
		if !strings.HasPrefix(v, "GLIBC_") {
			t.Errorf("%s needs %s; want no libstdc++ or libgcc_s symbol", bin, v)
			continue
		}
		if newerVersion(strings.TrimPrefix(v, "GLIBC_"), releaseGlibc) {
			t.Errorf("%s needs %s (%d symbols); want GLIBC %s at most", bin, v, versions[v], releaseGlibc)
		}
		if newest == "" || newerVersion(strings.TrimPrefix(v, "GLIBC_"), strings.TrimPrefix(newest, "GLIBC_")) {
			newest = v
		}
	}
	if newest == "" {
		t.Fatalf("objdump -T %s shows no GLIBC symbol version; is it a dynamic executable?", bin)
	}
	t.Logf("%s: needs %s; newest symbol version %s", filepath.Base(bin), strings.Join(needed, " "), newest)

	// It runs: a warehouse made, the samples loaded, a query, and a C++
	// exception from DuckDB turned into an error message.
	db := filepath.Join(t.TempDir(), "w.duckdb")
	for _, tc := range []struct {
		args []string
		want string
		fail bool
	}{
		{[]string{"version"}, "fazhi", false},
		{[]string{"ingest", "--db", db, samplesDir}, "5 stored", false},
		{[]string{"sql", "--db", db, "--format", "csv", "SELECT count(*) AS n FROM reports"}, "n\n5", false},
		{[]string{"sql", "--db", db, "SELECT CAST('x' AS INTEGER)"}, "Conversion Error", true},
	} {
		out, err := exec.Command(bin, tc.args...).CombinedOutput()
		if (err != nil) != tc.fail || !strings.Contains(string(out), tc.want) {
			t.Errorf("%s %s: %v\n%s\nwant %q", filepath.Base(bin), strings.Join(tc.args, " "), err, out, tc.want)
		}
	}
}

// newerVersion reports whether dotted version a is newer than b.
func newerVersion(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := range max(len(pa), len(pb)) {
		var x, y int
		if i < len(pa) {
			x, _ = strconv.Atoi(pa[i])
		}
		if i < len(pb) {
			y, _ = strconv.Atoi(pb[i])
		}
		if x != y {
			return x > y
		}
	}
	return false
}

func TestNewerVersion(t *testing.T) {
	vs := []string{"2.34", "2.2.5", "2.28", "2.3.4", "2.17", "2.3"}
	sort.Slice(vs, func(i, j int) bool { return newerVersion(vs[j], vs[i]) })
	if got := strings.Join(vs, " "); got != "2.2.5 2.3 2.3.4 2.17 2.28 2.34" {
		t.Errorf("versions in order: %s", got)
	}
}
