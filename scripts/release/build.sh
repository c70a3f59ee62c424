#!/usr/bin/env bash
# build.sh OUT: build alembic-patterns for this machine exactly as a release does,
# into OUT, and smoke-test it. The release workflow runs it on a native runner per
# OS/arch (cgo: tree-sitter is C, and cross-compiling cgo needs a C toolchain per
# target); scripts/release-dry-run.sh runs it for the host.
#
#   Linux: a static executable (netgo and osusergo keep cgo out of net and os/user;
#          the C parts link statically), so one binary runs on any glibc or musl
#          distribution. With glibc it is the plugin's and the manylinux wheels'
#          binary; built in Alpine (musl) it is the musllinux wheels' binary.
#   macOS: links libSystem only; MACOSX_DEPLOYMENT_TARGET defaults to 12.0 (Go's
#          minimum), which is also the wheels' macosx_12_0 tag.
#
# The smoke test: `OUT version` must print the version of .claude-plugin/plugin.json
# (the release's version), and `OUT check examples/shop` must find the example's
# problems (exit 1, not 2).
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: build.sh OUT" >&2
    exit 2
fi
out=$1
[[ $out == /* ]] || out="$PWD/$out"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

version="$(sed -n 's/^[[:space:]]*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*$/\1/p' .claude-plugin/plugin.json | head -n 1)"
[[ -n $version ]] || { echo "build.sh: no version in .claude-plugin/plugin.json" >&2; exit 1; }

mkdir -p "$(dirname "$out")"
export CGO_ENABLED=1 GOFLAGS="${GOFLAGS:-} -trimpath -buildvcs=false"
case "$(go env GOOS)" in
    linux)
        go build -tags netgo,osusergo -ldflags "-s -w -linkmode external -extldflags -static" -o "$out" ./server
        ;;
    darwin)
        MACOSX_DEPLOYMENT_TARGET="${MACOSX_DEPLOYMENT_TARGET:-12.0}" go build -ldflags "-s -w" -o "$out" ./server
        ;;
    *)
        echo "build.sh: unsupported GOOS $(go env GOOS)" >&2
        exit 1
        ;;
esac

got="$("$out" version)"
if [[ $got != "alembic-patterns $version" ]]; then
    echo "build.sh: $out prints '$got', but plugin.json says $version: the program's version and the plugin's must agree" >&2
    exit 1
fi
rc=0
"$out" check examples/shop >/dev/null || rc=$?
if [[ $rc -ne 1 ]]; then
    echo "build.sh: '$out check examples/shop' exited $rc; the example has findings on purpose (want 1)" >&2
    exit 1
fi
echo "build.sh: $out ($got)" >&2
