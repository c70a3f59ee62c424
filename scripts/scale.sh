#!/usr/bin/env bash
# Shows that the analyses stay linear as the input doubles: `review all` on
# generated histories of 1,000, 2,000 and 4,000 revisions, and `check` of one
# revision of 1,000 to 8,000 add_column calls whose downgrade is missing
# (pass) or incomplete (drops only the last column). Prints the median wall
# time, CPU time and peak RSS of N runs of each. With a git revision, the
# same measures of the tool built from that revision come first ("before").
#   scripts/scale.sh [RUNS] [BASE-REVISION]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="/usr/local/go/bin:$PATH"
runs=${1:-3}
base=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/after" ./server
builds=(after)
if [[ -n $base ]]; then
    mkdir "$work/src"
    git archive "$base" | tar -x -C "$work/src"
    (cd "$work/src" && go build -o "$work/before" ./server)
    builds=(before after)
fi
for n in 1000 2000 4000; do
    go run ./server/tools/genproject -n "$n" -seed 1 -merge-every 50 -batch-every 7 -o "$work/history-$n" 2>/dev/null
done
for n in 1000 2000 4000 8000; do
    go run ./server/tools/genproject -wide "$n" -wide-pass -o "$work/missing-$n"
    go run ./server/tools/genproject -wide "$n" -o "$work/incomplete-$n"
done

median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }

measure() { # label, command...: median wall s, CPU s (user+sys) and peak RSS MB of $runs runs
    local label=$1; shift
    local walls=() cpus=() rss=()
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>&1 || true
        read -r w u s m <"$work/time"
        walls+=("$w"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN{print u+s}')"); rss+=("$m")
    done
    printf '%-34s %8.2f s %8.2f s CPU %8.0f MB\n' "$label" \
        "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" \
        "$(awk -v k="$(printf '%s\n' "${rss[@]}" | median)" 'BEGIN{print k/1024}')"
}

echo "$(nproc) cores, median of $runs runs"
for b in "${builds[@]}"; do
    for n in 1000 2000 4000; do
        measure "$b review all, $n revisions" "$work/$b" review all --format json --project "$work/history-$n"
    done
    for kind in missing incomplete; do
        for n in 1000 2000 4000 8000; do
            measure "$b check, $n ops, downgrade $kind" "$work/$b" check --project "$work/$kind-$n"
        done
    done
done
