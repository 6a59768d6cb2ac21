package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPackageBoundaries keeps the import graph the design draws
// (ARCHITECTURE.md, STYLE.md §1): it fails on a forbidden edge.
func TestPackageBoundaries(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not on PATH")
	}
	const mod = "github.com/fazhi/fazhi/"
	rules := []struct {
		pkg       string
		forbidden []string
	}{
		{"ingest/...", []string{mod + "warehouse", mod + "api", mod + "dashboards", "database/sql", "github.com/duckdb/", "github.com/gin-gonic/", "github.com/go-echarts/", "net/http"}},
		{"warehouse/...", []string{mod + "api", mod + "dashboards", "net/http", "github.com/gin-gonic/", "github.com/go-echarts/"}},
		// The read model is fed by the warehouse, never the other way round.
		{"warehouse/readmodel/...", []string{mod + "warehouse", mod + "ingest"}},
		{"api/...", []string{mod + "dashboards", "database/sql", "github.com/duckdb/", "github.com/go-echarts/"}},
		{"dashboards/...", []string{mod + "api", "database/sql", "github.com/duckdb/"}},
		{"datasets/...", []string{mod + "ingest", mod + "warehouse", mod + "api", mod + "dashboards"}},
	}
	for _, r := range rules {
		out, err := exec.Command("go", "list", "-tags", "duckdb_arrow", "-f", `{{.ImportPath}}: {{join .Imports " "}}`, "../../"+r.pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list %s: %v\n%s", r.pkg, err, out)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			pkg, imports, _ := strings.Cut(line, ": ")
			for _, imp := range strings.Fields(imports) {
				for _, bad := range r.forbidden {
					if imp == bad || strings.HasPrefix(imp, bad) && (strings.HasSuffix(bad, "/") || strings.HasPrefix(imp, bad+"/")) {
						t.Errorf("%s imports %s; the design forbids it", pkg, imp)
					}
				}
			}
		}
	}
}
