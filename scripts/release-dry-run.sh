#!/usr/bin/env bash
# release-dry-run.sh OUTDIR BASE_URL: build this machine's release artefacts exactly as
# the release workflow (.github/workflows/release.yml) does - the same scripts/release/
# build.sh and assemble.sh - without publishing anything:
#
#   OUTDIR/plugin.git                      the release ref: a bare git repository whose
#                                          branch (the marketplace entry's "ref") holds the
#                                          plugin plus libexec/alembic-patterns-<os>-<arch>
#   OUTDIR/.claude-plugin/marketplace.json a marketplace whose `migrate` entry installs from
#                                          file://OUTDIR/plugin.git at that ref, as users'
#                                          does from GitHub:
#                                            claude plugin marketplace add OUTDIR
#                                            claude plugin install migrate@alembic-patterns
#   OUTDIR/download/v<version>/            the release assets: the binary, SHA256SUMS, the
#                                          host's wheel, the plugin archive. Serve
#                                          OUTDIR/download at BASE_URL and set
#                                          ALEMBIC_PATTERNS_RELEASE_URL=BASE_URL (as
#                                          OUTDIR/release.env says) for the launcher's
#                                          download path and the GitHub Action.
#
# OUTDIR must not exist or be empty. Needs Go, a C compiler, git and python3.
set -euo pipefail

die() { printf 'release-dry-run.sh: %s\n' "$*" >&2; exit 1; }
[[ $# -eq 2 ]] || { echo "usage: release-dry-run.sh OUTDIR BASE_URL" >&2; exit 2; }
outdir=$1 base_url=${2%/}
case "$base_url" in
    http://* | https://*) ;;
    *) die "BASE_URL must be an http(s) URL, got '$2'" ;;
esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$outdir"
outdir="$(cd "$outdir" && pwd -P)"
[[ -z "$(ls -A "$outdir")" ]] || die "$outdir is not empty"

version="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' "$root/.claude-plugin/plugin.json")"
platform="$(go env GOOS)-$(go env GOARCH)"

bindir="$(mktemp -d)"
trap 'rm -rf "$bindir"' EXIT
echo "== build.sh ($platform)" >&2
"$root/scripts/release/build.sh" "$bindir/alembic-patterns-$platform"

echo "== assemble.sh" >&2
git init -q --bare "$outdir/plugin.git"
assets="$outdir/download/v$version"
commit="$("$root/scripts/release/assemble.sh" "$bindir" "$assets" "$outdir/plugin.git")"
# HEAD names the release branch (the only branch), so a clone without --branch gets it too.
ref="$(git --git-dir="$outdir/plugin.git" for-each-ref --format='%(refname:short)' refs/heads/)"
git --git-dir="$outdir/plugin.git" symbolic-ref HEAD "refs/heads/$ref"

# The marketplace users add, with the migrate entry pointing at the local release ref.
mkdir -p "$outdir/.claude-plugin"
python3 - "$root" "$outdir" <<'PY'
import json, os, sys
root, outdir = sys.argv[1], sys.argv[2]
market = json.load(open(os.path.join(root, ".claude-plugin", "marketplace.json")))
plugins = []
for p in market["plugins"]:
    if p["name"] == "migrate":
        p = dict(p, source={"source": "url", "url": "file://" + os.path.join(outdir, "plugin.git"), "ref": p["source"]["ref"]})
        plugins.append(p)
market["plugins"] = plugins
with open(os.path.join(outdir, ".claude-plugin", "marketplace.json"), "w") as f:
    json.dump(market, f, indent=2)
    f.write("\n")
PY
printf 'ALEMBIC_PATTERNS_RELEASE_URL=%s\n' "$base_url" >"$outdir/release.env"

{
    echo "== release $version for $platform in $outdir"
    echo "release ref: $outdir/plugin.git $ref (tag v$version-plugin) = $commit"
    echo "assets (serve $outdir/download at $base_url):"
    (cd "$assets" && ls -l)
}>&2
