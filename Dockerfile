# fazhi: one binary with the dashboards' assets embedded. Multi-stage: build
# with cgo (DuckDB) on Debian, run on slim Debian as an unprivileged user.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN go build -tags duckdb_arrow -ldflags "-s -w -X main.version=${VERSION}" -o /out/fazhi ./cmd/fazhi

FROM debian:bookworm-slim
# poppler-utils: pdftotext for PDF reports; catdoc: .doc and .wps reports;
# curl: the healthcheck. fazhi itself makes no outbound connections.
RUN apt-get update && apt-get install -y --no-install-recommends poppler-utils catdoc curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --home-dir /data --no-create-home fazhi \
    && mkdir -p /data /reports && chown fazhi:fazhi /data
COPY --from=build /out/fazhi /usr/local/bin/fazhi
# A production warehouse starts empty: the bundled sample towns stay out.
ENV FAZHI_DB=/data/fazhi.duckdb FAZHI_ADDR=:8080 FAZHI_LOG_FORMAT=json FAZHI_NO_SAMPLES=true
USER fazhi
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD curl -fsS http://127.0.0.1:8080/api/health || exit 1
ENTRYPOINT ["fazhi"]
CMD ["serve"]
