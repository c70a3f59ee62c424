#!/usr/bin/env bash
# assemble.sh BINDIR OUTDIR GIT_DIR: turn the release binaries into the release.
#
# BINDIR holds what scripts/release/build.sh built on each runner:
#   alembic-patterns-{linux,darwin}-{amd64,arm64}   (Linux: static, glibc toolchain)
#   alembic-patterns-linux-{amd64,arm64}-musl      (static, built in Alpine)
# (the release workflow has all six; scripts/release-dry-run.sh the host's one).
#
# It writes into OUTDIR the release assets, which the launcher downloads from
# <release URL>/v<version>/:
#   - the binaries, as they are;
#   - a wheel per binary (scripts/release/wheelfile.py: manylinux, musllinux, macosx);
#   - migrate-plugin-v<version>.tar.gz: the plugin with its binaries (the tree of
#     the release ref, for whoever wants an archive);
#   - SHA256SUMS over all of them (sha256sum format).
# and commits the release ref into the git repository GIT_DIR: one commit on the
# branch that the `migrate` entry of .claude-plugin/marketplace.json names as its
# "ref" (parent: the previous release on that branch), tagged v<version>-plugin.
# Its tree is the plugin and nothing else: the tracked plugin files (PLUGIN_PATHS)
# plus libexec/alembic-patterns-<os>-<arch> for the non-musl binaries (libexec/ is
# git-ignored in the source tree; here the binaries are committed). No Go source,
# no tests, no examples: the plugin never builds on a user's machine.
#
# Prints the release ref's commit on stdout; progress on stderr.
set -euo pipefail

# What the plugin needs at run time and for its users: manifest (with the MCP
# server: a root .mcp.json would also be read as the project's), commands,
# agent, skill (+ its references), hooks, the launcher and its download helper,
# the rule reference the README links to, README and LICENSE.
PLUGIN_PATHS=(.claude-plugin/plugin.json README.md LICENSE agents commands hooks skills bin lib references)

die() { printf 'assemble.sh: %s\n' "$*" >&2; exit 1; }
[[ $# -eq 3 ]] || { echo "usage: assemble.sh BINDIR OUTDIR GIT_DIR" >&2; exit 2; }
bindir=$1 outdir=$2 gitdir=$3
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# version and ref
read -r version ref < <(python3 - "$root" <<'EOF'
import json, os, sys
root = sys.argv[1]
version = json.load(open(os.path.join(root, ".claude-plugin", "plugin.json")))["version"]
market = json.load(open(os.path.join(root, ".claude-plugin", "marketplace.json")))
refs = [p["source"].get("ref", "") for p in market["plugins"] if p["name"] == "migrate" and isinstance(p["source"], dict)]
print(version, refs[0] if refs else "")
EOF
)
[[ -n $version ]] || die "no version in .claude-plugin/plugin.json"
[[ -n ${ref:-} ]] || die "the migrate entry of .claude-plugin/marketplace.json names no ref"
tag="v$version-plugin"

mkdir -p "$outdir"
shopt -s nullglob
bins=("$bindir"/alembic-patterns-*)
((${#bins[@]} > 0)) || die "no alembic-patterns-* binaries in $bindir"

# 1. Binaries and wheels.
index_lines=()
for b in "${bins[@]}"; do
    name="${b##*/}"
    platform="${name#alembic-patterns-}"
    libc=gnu
    case "$platform" in
        linux-amd64 | linux-arm64 | darwin-amd64 | darwin-arm64) ;;
        linux-amd64-musl | linux-arm64-musl) libc=musl platform="${platform%-musl}" ;;
        *) die "unexpected file $b (want alembic-patterns-<os>-<arch>[-musl])" ;;
    esac
    if [[ $(cd "$(dirname "$b")" && pwd)/$name != "$(cd "$outdir" && pwd)/$name" ]]; then
        cp -f "$b" "$outdir/$name"
    fi
    chmod 755 "$outdir/$name"
    wheel="$(python3 "$root/scripts/release/wheelfile.py" --binary "$b" --platform "$platform" --libc "$libc" --out "$outdir")"
    printf 'assemble.sh: %s\n' "${wheel##*/}" >&2
    if [[ $libc == gnu ]]; then
        blob="$(git --git-dir="$gitdir" hash-object -w -- "$b")"
        index_lines+=("100755 $blob	libexec/$name")
    fi
done

# 2. The release ref: the tracked (or new, not ignored) plugin files as they are
# in the work tree, plus libexec/.
while IFS= read -r -d '' path; do
    [[ -f $root/$path && ! -L $root/$path ]] || continue
    mode=100644
    [[ -x $root/$path ]] && mode=100755
    blob="$(git --git-dir="$gitdir" hash-object -w -- "$root/$path")"
    index_lines+=("$mode $blob	$path")
done < <(git -C "$root" ls-files -z --cached --others --exclude-standard -- "${PLUGIN_PATHS[@]}" | sort -zu)

index="$(mktemp)"
trap 'rm -f "$index"' EXIT
rm -f "$index"
printf '%s\n' "${index_lines[@]}" | GIT_INDEX_FILE="$index" git --git-dir="$gitdir" update-index --add --index-info
tree="$(GIT_INDEX_FILE="$index" git --git-dir="$gitdir" write-tree)"

source_rev="$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
if commit="$(git --git-dir="$gitdir" rev-parse -q --verify "refs/tags/$tag^{commit}")"; then
    # A re-run for a published release: the same content, or refuse.
    [[ "$(git --git-dir="$gitdir" rev-parse "$commit^{tree}")" == "$tree" ]] ||
        die "tag $tag exists with other content: a published release is never rewritten (bump the version)"
    printf 'assemble.sh: %s already holds this release (%s)\n' "$tag" "$commit" >&2
else
    parent="$(git --git-dir="$gitdir" rev-parse -q --verify "refs/heads/$ref^{commit}" || true)"
    export GIT_AUTHOR_NAME="${GIT_AUTHOR_NAME:-alembic-patterns release}" GIT_AUTHOR_EMAIL="${GIT_AUTHOR_EMAIL:-release@alembic-patterns.invalid}"
    export GIT_COMMITTER_NAME="${GIT_COMMITTER_NAME:-$GIT_AUTHOR_NAME}" GIT_COMMITTER_EMAIL="${GIT_COMMITTER_EMAIL:-$GIT_AUTHOR_EMAIL}"
    commit="$(git --git-dir="$gitdir" commit-tree "$tree" ${parent:+-p "$parent"} \
        -m "migrate plugin $version" -m "The plugin with its binaries, built from $source_rev. Install: claude plugin marketplace add alembic-patterns/alembic-patterns; claude plugin install migrate@alembic-patterns")"
    git --git-dir="$gitdir" update-ref "refs/heads/$ref" "$commit" ${parent:+"$parent"}
    git --git-dir="$gitdir" update-ref "refs/tags/$tag" "$commit" ""
    printf 'assemble.sh: %s and tag %s -> %s\n' "$ref" "$tag" "$commit" >&2
fi

# 3. The plugin as an archive, from that very tree.
git --git-dir="$gitdir" archive --format=tar.gz --prefix="migrate-plugin-v$version/" \
    -o "$outdir/migrate-plugin-v$version.tar.gz" "$commit"

# 4. Checksums of every asset.
sha256() { if command -v sha256sum >/dev/null 2>&1; then sha256sum -- "$@"; else shasum -a 256 -- "$@"; fi; }
(
    cd "$outdir"
    rm -f SHA256SUMS
    files=(*)
    sha256 "${files[@]}" >SHA256SUMS.tmp
    mv SHA256SUMS.tmp SHA256SUMS
)
echo "$commit"
