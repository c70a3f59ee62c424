#!/usr/bin/env bash
# Measures the goals of issue 17 in one run, as ratios to the floor: a bare
# tree-sitter parse of the same files on the same cores (server/tools/parsefloor),
# run right before each measured run, so that the ratio holds on a machine
# whose load changes (the ratio printed is the median of the runs' ratios).
#   - `history` and `check` of a generated project of REVISIONS revisions:
#     check with a cold cache (and its peak RSS), a warm one, and a warm one
#     after one file changed: one in the middle of the history (every
#     revision above it is judged again) and the head (the usual edit);
#   - the hook after an edit of the head revision, on that project and on one
#     of 500 revisions, with a warm cache and a cold one (p50 and p95).
# With a git revision, the tool built from it is measured first ("before"),
# in the same run. Wall times are medians of RUNS runs (the hook: HOOK_RUNS).
#   scripts/bench.sh [REVISIONS] [RUNS] [BASE-REVISION]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="/usr/local/go/bin:$PATH"
revisions=${1:-3000}
runs=${2:-5}
base=${3:-}
hook_runs=${HOOK_RUNS:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/after" ./server
go build -o "$work/parsefloor" ./server/tools/parsefloor
builds=(after)
if [[ -n $base ]]; then
    mkdir "$work/src"
    git archive "$base" | tar -x -C "$work/src"
    (cd "$work/src" && go build -o "$work/before" ./server)
    builds=(before after)
fi
declare -A head
for n in "$revisions" 500; do
    [[ -d $work/p$n ]] && continue
    id=$(go run ./server/tools/genproject -n "$n" -seed 1 -merge-every 50 -batch-every 7 -o "$work/p$n" 2>&1 | sed -n 's/.* head \([0-9a-f]*\)$/\1/p')
    files=("$work/p$n/migrations/versions/${id}"_*.py)
    head[$n]=${files[0]}
done
big="$work/p$revisions"
versions="$big/migrations/versions"
# the file changed for "one file changed": one in the middle of the history
middle=$(find "$versions" -name '*.py' | sort | sed -n "$(( revisions / 2 ))p")

now() { echo "${EPOCHREALTIME/./}"; } # microseconds
pick() { sort -g | sed -n "$1p"; }    # the Nth smallest
median() { pick $(( (runs + 1) / 2 )); }
secs() { awk -v u="$1" 'BEGIN{printf "%.3f", u/1e6}'; }
floor_once() { # wall microseconds of one floor run
    local t0; t0=$(now)
    "$work/parsefloor" "$versions" 2>/dev/null
    echo $(( $(now) - t0 ))
}
# what runs before each run of a measure (not timed)
keep() { :; }
empty_cache() { rm -rf "$cache"; }
change_one_file() { printf '# changed %s\n' "$(now)" >>"$middle"; }
change_the_head() { printf '# changed %s\n' "$(now)" >>"${head[$revisions]}"; }
measure() { # name, preparation, command...: median wall, ratio and peak RSS of $runs runs
    local name=$1 prepare=$2; shift 2
    local walls=() ratios=() rss=()
    for _ in $(seq "$runs"); do
        "$prepare"
        local f t0 w; f=$(floor_once)
        t0=$(now)
        /usr/bin/time -f '%M' -o "$work/time" "$@" >/dev/null 2>&1 || true
        w=$(( $(now) - t0 ))
        walls+=("$w"); ratios+=("$(awk -v w="$w" -v f="$f" 'BEGIN{print w/f}')"); rss+=("$(cat "$work/time")")
    done
    printf '%-40s %8s s %7.2fx floor  %6.1f MB peak RSS\n' "$name" "$(secs "$(printf '%s\n' "${walls[@]}" | median)")" \
        "$(printf '%s\n' "${ratios[@]}" | median)" "$(awk -v k="$(printf '%s\n' "${rss[@]}" | median)" 'BEGIN{print k/1024}')"
}
hook() { # build, revisions, cache directory: one hook run after an edit of the head
    local h=${head[$2]}
    printf '# edited %s\n' "$(now)" >>"$h"
    printf '{"hook_event_name":"PostToolUse","tool_name":"Edit","cwd":"%s","tool_input":{"file_path":"%s"}}' "$work/p$2" "$h" |
        ALEMBIC_PATTERNS_CACHE_DIR=$3 CLAUDE_PLUGIN_DATA=$3 "$work/$1" hook post-tool-use >/dev/null 2>&1 || true
}
measure_hook() { # build, revisions, warm|cold: p50 and p95 of $hook_runs runs
    local b=$1 n=$2 kind=$3 walls=() ratios=()
    local cache="$work/cache-hook-$b-$n"
    rm -rf "$cache"
    hook "$b" "$n" "$cache" # warms it
    for _ in $(seq "$hook_runs"); do
        [[ $kind == cold ]] && rm -rf "$cache"
        local f t0 w; f=$(floor_once)
        t0=$(now)
        hook "$b" "$n" "$cache"
        w=$(( $(now) - t0 ))
        walls+=("$w"); ratios+=("$(awk -v w="$w" -v f="$f" 'BEGIN{print w/f}')")
    done
    local p50=$(( (hook_runs + 1) / 2 )) p95=$(( (hook_runs * 95 + 99) / 100 ))
    printf '%-40s %8s s %7.2fx floor  p95 %s s %.2fx floor\n' "$b hook, $n revisions, $kind cache" \
        "$(secs "$(printf '%s\n' "${walls[@]}" | pick "$p50")")" "$(printf '%s\n' "${ratios[@]}" | pick "$p50")" \
        "$(secs "$(printf '%s\n' "${walls[@]}" | pick "$p95")")" "$(printf '%s\n' "${ratios[@]}" | pick "$p95")"
}

echo "$revisions revisions ($(du -sh "$versions" | cut -f1)), $(nproc) cores, median of $runs runs, hook: $hook_runs runs"
measure "floor (bare tree-sitter parse)" keep "$work/parsefloor" "$versions"
for b in "${builds[@]}"; do
    cache="$work/cache-$b"
    export ALEMBIC_PATTERNS_CACHE_DIR=$cache CLAUDE_PLUGIN_DATA=$cache
    measure "$b history" keep "$work/$b" history --project "$big"
    measure "$b check, cold cache" empty_cache "$work/$b" check --project "$big"
    measure "$b check, warm cache" keep "$work/$b" check --project "$big"
    measure "$b check, one file changed" change_one_file "$work/$b" check --project "$big"
    measure "$b check, the head changed" change_the_head "$work/$b" check --project "$big"
    unset ALEMBIC_PATTERNS_CACHE_DIR CLAUDE_PLUGIN_DATA
    for n in "$revisions" 500; do
        measure_hook "$b" "$n" warm
        measure_hook "$b" "$n" cold
    done
done

# `check` of 500 revisions against what squawk's users run on the same
# project: alembic renders the SQL offline and squawk lints it. Needs alembic
# and squawk (SQUAWK=path, else squawk on PATH; npm's squawk-cli ships it).
squawk=${SQUAWK:-$(command -v squawk || true)}
if [[ -z $squawk ]] || ! command -v alembic >/dev/null; then
    echo "squawk comparison skipped: needs alembic and squawk (set SQUAWK=/path/to/squawk)"
    exit 0
fi
wall_of() { # median wall microseconds of $runs runs of a command, with a preparation
    local prepare=$1 walls=(); shift
    for _ in $(seq "$runs"); do
        "$prepare"
        local t0; t0=$(now)
        "$@" >/dev/null 2>&1 || true
        walls+=($(( $(now) - t0 )))
    done
    printf '%s\n' "${walls[@]}" | median
}
small=$work/p500
render_and_lint() { (cd "$small" && alembic upgrade base:head --sql 2>/dev/null | "$squawk"); }
pipeline=$(wall_of keep render_and_lint)
printf '%-40s %8s s\n' "alembic upgrade --sql | squawk, 500" "$(secs "$pipeline")"
for b in "${builds[@]}"; do
    cache="$work/cache-squawk-$b"
    for kind in cold warm; do
        prepare=keep
        [[ $kind == cold ]] && prepare=empty_cache
        w=$(ALEMBIC_PATTERNS_CACHE_DIR=$cache wall_of "$prepare" "$work/$b" check --project "$small")
        printf '%-40s %8s s %7.2fx alembic|squawk\n' "$b check, 500 revisions, $kind cache" "$(secs "$w")" \
            "$(awk -v w="$w" -v p="$pipeline" 'BEGIN{print w/p}')"
    done
done
