package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// The development machines and CI have no Docker engine, so the Dockerfile
// and the compose file are checked as text: parsed, and held to what the
// README promises of a production container.

// dockerfileStage is one FROM … stage: its instructions, continuation
// lines joined.
type dockerfileStage struct {
	from  string
	instr [][2]string // keyword (upper case), arguments
}

func parseDockerfile(t *testing.T, path string) []dockerfileStage {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var stages []dockerfileStage
	var line string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if rest, ok := strings.CutSuffix(l, `\`); ok {
			line += rest + " "
			continue
		}
		line += l
		kw, args, _ := strings.Cut(line, " ")
		kw, args, line = strings.ToUpper(kw), strings.TrimSpace(args), ""
		if kw == "FROM" {
			stages = append(stages, dockerfileStage{from: args})
			continue
		}
		if len(stages) == 0 {
			t.Fatalf("%s: %s before FROM", path, kw)
		}
		stages[len(stages)-1].instr = append(stages[len(stages)-1].instr, [2]string{kw, args})
	}
	if len(stages) == 0 {
		t.Fatalf("%s: no FROM", path)
	}
	return stages
}

// all returns the arguments of every instruction kw of the stage.
func (s dockerfileStage) all(kw string) []string {
	var out []string
	for _, in := range s.instr {
		if in[0] == kw {
			out = append(out, in[1])
		}
	}
	return out
}

func TestDockerfileForProduction(t *testing.T) {
	stages := parseDockerfile(t, "../../Dockerfile")
	final := stages[len(stages)-1]
	run := strings.Join(final.all("RUN"), "\n")
	for _, pkg := range []string{"poppler-utils", "catdoc"} {
		if !strings.Contains(run, pkg) {
			t.Errorf("Dockerfile: the image does not install %s (needed for PDF, .doc and .wps reports)", pkg)
		}
	}
	users := final.all("USER")
	if len(users) == 0 || users[len(users)-1] == "root" || users[len(users)-1] == "0" {
		t.Errorf("Dockerfile: the final stage runs as %v; want an unprivileged user", users)
	}
	if !regexp.MustCompile(`useradd\b.*\bfazhi`).MatchString(run) || !strings.Contains(run, "chown fazhi") {
		t.Errorf("Dockerfile: want a fazhi user created and owning /data:\n%s", run)
	}
	env := strings.Join(final.all("ENV"), " ")
	if !strings.Contains(env, "FAZHI_NO_SAMPLES=true") {
		t.Errorf("Dockerfile: ENV %q; want FAZHI_NO_SAMPLES=true (no sample towns in a production warehouse)", env)
	}
	if cmd := final.all("CMD"); len(cmd) != 1 || !strings.Contains(cmd[0], `"serve"`) {
		t.Errorf("Dockerfile: CMD %v; want serve", cmd)
	}
	for _, s := range stages {
		for _, b := range s.all("RUN") {
			if strings.Contains(b, "go build") && !strings.Contains(b, "duckdb_arrow") {
				t.Errorf("Dockerfile: go build without the duckdb_arrow tag: %s", b)
			}
		}
	}
}

// composeFile is the part of docker-compose.yml the README relies on.
type composeFile struct {
	Services map[string]struct {
		Build       any               `yaml:"build"`
		User        string            `yaml:"user"`
		Ports       []string          `yaml:"ports"`
		Environment map[string]string `yaml:"environment"`
		Volumes     []string          `yaml:"volumes"`
		Command     any               `yaml:"command"`
	} `yaml:"services"`
	Volumes map[string]any `yaml:"volumes"`
}

func TestComposeFileForProduction(t *testing.T) {
	b, err := os.ReadFile("../../docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.Unmarshal(b, &c); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	s, ok := c.Services["fazhi"]
	if !ok {
		t.Fatalf("docker-compose.yml: no service fazhi (the README runs `docker compose run --rm fazhi ingest /reports`)")
	}
	if s.User == "" || strings.HasPrefix(s.User, "0") || s.User == "root" {
		t.Errorf("compose: user %q; want an unprivileged one", s.User)
	}
	// Ports are published on loopback unless the operator says otherwise.
	if len(s.Ports) != 1 {
		t.Fatalf("compose: ports %v; want one", s.Ports)
	}
	host := expandDefaults(s.Ports[0])
	if !strings.HasPrefix(host, "127.0.0.1:8080:") {
		t.Errorf("compose: port %q publishes as %q; want 127.0.0.1:8080 by default", s.Ports[0], host)
	}
	if v := s.Environment["FAZHI_NO_SAMPLES"]; v != "true" {
		t.Errorf("compose: FAZHI_NO_SAMPLES=%q; want true", v)
	}
	if v, ok := s.Environment["FAZHI_TOKEN"]; !ok || !strings.Contains(v, "${FAZHI_TOKEN") {
		t.Errorf("compose: FAZHI_TOKEN %q; want it passed from the operator's environment", v)
	}
	var data, reports bool
	for _, v := range s.Volumes {
		parts := strings.Split(expandDefaults(v), ":")
		if len(parts) < 2 {
			t.Errorf("compose: volume %q has no container path", v)
			continue
		}
		switch parts[1] {
		case "/data":
			_, named := c.Volumes[parts[0]]
			data = parts[0] == "fazhi-data" && named
		case "/reports":
			reports = len(parts) == 3 && parts[2] == "ro"
		}
	}
	if !data {
		t.Errorf("compose: volumes %v; want the named volume fazhi-data on /data", s.Volumes)
	}
	if !reports {
		t.Errorf("compose: volumes %v; want a folder of reports mounted read-only on /reports", s.Volumes)
	}
	if _, err := os.Stat(filepath.Join("..", "..", ".dockerignore")); err != nil {
		t.Errorf(".dockerignore: %v", err)
	}
}

// expandDefaults replaces ${VAR:-default} and ${VAR} by what compose uses
// when VAR is not set.
func expandDefaults(s string) string {
	return regexp.MustCompile(`\$\{[A-Z_]+(?::?-([^}]*))?\}`).ReplaceAllString(s, "$1")
}

// The compose profile "replicas": two read-only replicas on the copies the
// writer publishes (same volume, same directory) and nginx in front of
// both, published on loopback by default.
func TestComposeReplicasProfile(t *testing.T) {
	b, err := os.ReadFile("../../docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.Unmarshal(b, &c); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	publish := c.Services["fazhi"].Environment["FAZHI_PUBLISH_DIR"]
	if !strings.HasPrefix(publish, "/data/") {
		t.Fatalf("compose: the writer publishes into %q; want a directory on the data volume", publish)
	}
	nginx, err := os.ReadFile("../../deploy/nginx.conf")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"replica1", "replica2"} {
		s, ok := c.Services[name]
		if !ok {
			t.Fatalf("compose: no service %s", name)
		}
		if fmt.Sprint(s.Command) != "[serve --read-only]" || s.Environment["FAZHI_PUBLISH_DIR"] != publish ||
			!slices.Contains(s.Volumes, "fazhi-data:/data") || s.User == "" || len(s.Ports) != 0 {
			t.Errorf("compose: %s = command %v, FAZHI_PUBLISH_DIR %q, volumes %v, user %q, ports %v; want serve --read-only on the writer's copies, unprivileged, reached through the balancer only",
				name, s.Command, s.Environment["FAZHI_PUBLISH_DIR"], s.Volumes, s.User, s.Ports)
		}
		if !strings.Contains(string(nginx), "server "+name+":8080;") {
			t.Errorf("deploy/nginx.conf does not send requests to %s:8080", name)
		}
	}
	lb, ok := c.Services["balancer"]
	if !ok || len(lb.Ports) != 1 || !strings.HasPrefix(expandDefaults(lb.Ports[0]), "127.0.0.1:") {
		t.Errorf("compose: balancer ports %v; want one, on loopback by default", lb.Ports)
	}
}
