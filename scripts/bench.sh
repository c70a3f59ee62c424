#!/usr/bin/env bash
# Times `alembic-patterns history` and `check` on a generated 3,000-revision
# project against the floor: a bare tree-sitter parse of the same files on the
# same cores (server/tools/parsefloor), in the same run. Prints the median wall
# time and peak RSS of N runs of each.
#   scripts/bench.sh [REVISIONS] [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="/usr/local/go/bin:$PATH"
revisions=${1:-3000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/alembic-patterns" ./server
go build -o "$work/parsefloor" ./server/tools/parsefloor
go run ./server/tools/genproject -n "$revisions" -seed 1 -merge-every 50 -batch-every 7 -o "$work/project"
versions="$work/project/migrations/versions"

measure() { # name, command...: median wall seconds and peak RSS (MB) over $runs runs
    local name=$1; shift
    local walls=() rss=()
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>&1 || true
        read -r w m <"$work/time"
        walls+=("$w"); rss+=("$m")
    done
    local wall mem
    wall=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    mem=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    printf '%-10s %8.3f s %8.1f MB\n' "$name" "$wall" "$(awk -v k="$mem" 'BEGIN{print k/1024}')"
}
echo "$revisions revisions, $(du -sh "$versions" | cut -f1), $(nproc) cores, median of $runs runs"
measure floor   "$work/parsefloor" "$versions"
measure history "$work/alembic-patterns" history --project "$work/project"
measure check   "$work/alembic-patterns" check --project "$work/project"
