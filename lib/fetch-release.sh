#!/bin/sh
# fetch-release.sh VERSION NAME DEST
#
# Downloads the asset NAME of the alembic-patterns release vVERSION, checks its
# SHA-256 against the release's SHA256SUMS, and puts it at DEST (mode 755).
# Used by bin/alembic-patterns (when the plugin ships no binary for this
# platform) and by the GitHub Action (action.yml).
#
# The release is read from
#     ${ALEMBIC_PATTERNS_RELEASE_URL}/vVERSION/SHA256SUMS and .../vVERSION/NAME
# where ALEMBIC_PATTERNS_RELEASE_URL defaults to the GitHub releases of
# alembic-patterns/alembic-patterns. Only https is used, except plain http to
# 127.0.0.1, localhost or [::1] (tests serve releases there).
#
# Nothing half-written is ever left: both files are downloaded to temporary
# files beside DEST, which are removed whatever happens; DEST appears (by a
# rename) only once its checksum is right. Exit 0 on success; otherwise exit 1
# with one line on stderr that says why. stdout is never written.
#
# POSIX sh: runs under dash, bash (also as macOS /bin/sh), zsh and busybox sh;
# uses curl or wget, and sha256sum or shasum.
set -eu

if [ $# -ne 3 ]; then
    echo "usage: fetch-release.sh VERSION NAME DEST" >&2
    exit 2
fi
version=${1#v} name=$2 dest=$3

fail() {
    printf '%s\n' "$*" >&2
    exit 1
}

base=${ALEMBIC_PATTERNS_RELEASE_URL:-https://github.com/alembic-patterns/alembic-patterns/releases/download}
base=${base%/}
case $base in
    https://?*) ;;
    http://127.0.0.1 | http://127.0.0.1[:/]* | http://localhost | http://localhost[:/]* | http://\[::1\] | http://\[::1\][:/]*) ;;
    *) fail "refusing the release URL '$base': https only (plain http only to 127.0.0.1, localhost or [::1])" ;;
esac
url=$base/v$version

timeout=${ALEMBIC_PATTERNS_FETCH_TIMEOUT:-120}
if command -v curl >/dev/null 2>&1; then
    get() { # URL FILE
        curl --fail --silent --show-error --location --proto '=https,http' --proto-redir '=https' \
            --connect-timeout 10 --max-time "$timeout" --retry 2 --output "$2" "$1" 2>&1
    }
elif command -v wget >/dev/null 2>&1; then
    get() {
        wget --quiet --timeout=10 --tries=2 --output-document="$2" "$1" 2>&1 || {
            rc=$?
            echo "wget exited $rc (4: network failure, 8: the server answered with an error such as 404)"
            return 1
        }
    }
else
    fail "neither curl nor wget is installed: install one of them to download the release"
fi
if command -v sha256sum >/dev/null 2>&1; then
    sha256() { sha256sum "$1"; }
elif command -v shasum >/dev/null 2>&1; then
    sha256() { shasum -a 256 "$1"; }
else
    fail "neither sha256sum nor shasum is installed: cannot verify the download"
fi

dir=$(dirname "$dest")
mkdir -p "$dir" 2>/dev/null || fail "cannot create $dir"
part=$dir/.$(basename "$dest").$$.part
sums=$dir/.$(basename "$dest").$$.sums
trap 'rm -f "$part" "$sums"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

if ! err=$(get "$url/SHA256SUMS" "$sums"); then
    fail "cannot download $url/SHA256SUMS: $(echo "$err" | tail -n 1)"
fi
want=$(awk -v n="$name" '$2 == n || $2 == "*" n { print $1; exit }' "$sums")
case $want in
    *[!0-9a-f]*) want="" ;;
    *) [ ${#want} -eq 64 ] || want="" ;;
esac
[ -n "$want" ] || fail "$url/SHA256SUMS has no SHA-256 for $name"

if ! err=$(get "$url/$name" "$part"); then
    fail "cannot download $url/$name: $(echo "$err" | tail -n 1)"
fi
got=$(sha256 "$part" | cut -d ' ' -f 1)
if [ "$got" != "$want" ]; then
    fail "checksum mismatch for $url/$name: SHA256SUMS says $want, the download is $got (discarded)"
fi
chmod 755 "$part"
mv -f "$part" "$dest"
