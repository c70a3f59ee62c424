#!/usr/bin/env bash
# The real-project sweep: runs alembic-patterns on every checkout in a directory,
# the way a new user would (from the checkout's root, no flags), and prints per
# project: exit codes of check and history, revision files found vs. present
# (counted independently: *.py files anywhere in the checkout that assign both
# revision and down_revision), heads, notes, findings per rule and wall time.
#
#   scripts/sweep.sh DIR [OUT]
#
# DIR holds one checkout per subdirectory (public projects brought in with the
# search tool's fetch; never committed here). OUT (default: a temp dir) receives
# per project check.json, history.json and stderr files, and summary.tsv.
# Exit status: 1 when any project exits 2, panics, or reads fewer revision files
# than it holds outside test directories; else 0.
# Environment: ALEMBIC_PATTERNS_BIN (default: built from this checkout),
# SWEEP_ARGS (extra check arguments, e.g. "--profile zero-downtime").
set -euo pipefail

dir="${1:?usage: scripts/sweep.sh DIR [OUT]}"
out="${2:-$(mktemp -d)}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$out"
bin="${ALEMBIC_PATTERNS_BIN:-}"
if [[ -z $bin ]]; then
    bin="$out/alembic-patterns"
    (cd "$root" && PATH="/usr/local/go/bin:$PATH" go build -o "$bin" ./server)
fi

# Counts files that assign both revision and down_revision at the start of a line.
count_present() {
    local tree=$1 filter=$2
    { grep -rlE --include='*.py' --exclude-dir=.git --exclude-dir=node_modules --exclude-dir=.venv \
        '^down_revision[[:space:]]*(:[^=]*)?=' "$tree" 2>/dev/null || true; } \
        | { if [[ $filter == notests ]]; then grep -vE '/(tests?|testing|test_[^/]*|[^/]*_tests?)/' || true; else cat; fi; } \
        | while read -r f; do if grep -qE '^revision[[:space:]]*(:[^=]*)?=' "$f"; then echo "$f"; fi; done \
        | wc -l
}

printf '%-40s %5s %5s %7s %7s %7s %5s %6s %8s  %s\n' project check hist found present nontest heads notes secs findings | tee "$out/summary.txt"
printf 'project\tcheck_rc\thistory_rc\tfound\tpresent\tpresent_nontest\theads\tnotes\tseconds\tpanic\tfindings\n' > "$out/summary.tsv"
bad=0
for tree in "$dir"/*/; do
    tree="${tree%/}"
    name="$(basename "$tree")"
    [[ -d $tree ]] || continue
    p="$out/$name"
    mkdir -p "$p"
    start=$EPOCHREALTIME
    # shellcheck disable=SC2086
    (cd "$tree" && "$bin" check --format json ${SWEEP_ARGS:-} >"$p/check.json" 2>"$p/check.stderr") && crc=0 || crc=$?
    secs=$(python3 -c "print(f'{$EPOCHREALTIME - $start:.2f}')")
    (cd "$tree" && "$bin" history --format json >"$p/history.json" 2>"$p/history.stderr") && hrc=0 || hrc=$?
    present=$(count_present "$tree" all)
    nontest=$(count_present "$tree" notests)
    read -r found heads notes findings < <(python3 - "$p" <<'EOF'
import json, sys, collections
p = sys.argv[1]
def load(name):
    try:
        with open(f"{p}/{name}") as f:
            return json.load(f)
    except Exception:
        return None
h, c = load("history.json"), load("check.json")
# files set aside as a history Alembic never reads are accounted for
found = sum(d["revision_count"] + len(d.get("set_aside", [])) for d in h["script_directories"]) if h else -1
heads = sum(len(d["heads"]) for d in h["script_directories"]) if h else -1
notes = len(c.get("notes", [])) if c else -1
counts = collections.Counter(f["rule"] + ":" + f["severity"][0] for f in c["findings"]) if c else {}
print(found, heads, notes, ",".join(f"{k}={v}" for k, v in sorted(counts.items())) or "-")
EOF
)
    panic=0
    if grep -qE '^(panic:|goroutine [0-9]+ \[)' "$p/check.stderr" "$p/history.stderr"; then panic=1; fi
    printf '%-40s %5s %5s %7s %7s %7s %5s %6s %8s  %s\n' "$name" "$crc" "$hrc" "$found" "$present" "$nontest" "$heads" "$notes" "$secs" "$findings" | tee -a "$out/summary.txt"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$crc" "$hrc" "$found" "$present" "$nontest" "$heads" "$notes" "$secs" "$panic" "$findings" >> "$out/summary.tsv"
    if (( crc == 2 || hrc == 2 || panic == 1 || found < nontest )); then bad=$((bad + 1)); fi
    # scripts/sweep-corpus.sh lists the files a snapshot lacked: findings there may be the corpus's
    if [[ -s $tree/.sweep-absent ]] && grep -q '\.py$' "$tree/.sweep-absent"; then
        echo "  $name: the snapshot lacks $(grep -c '\.py$' "$tree/.sweep-absent") Python file(s), e.g. $(grep -m1 '\.py$' "$tree/.sweep-absent")" | tee -a "$out/summary.txt"
    fi
done
echo "projects failing the bar (exit 2, panic, or fewer revision files read than held outside tests): $bad" | tee -a "$out/summary.txt"
echo "details: $out" >&2
(( bad == 0 ))
