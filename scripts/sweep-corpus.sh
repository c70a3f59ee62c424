#!/usr/bin/env bash
# Builds the real-project corpus for scripts/sweep.sh from git mirrors, so that
# every session sweeps the same trees: one checkout per project, at the commit
# the list pins.
#
#   scripts/sweep-corpus.sh LIST DIR [MIRRORS]
#   scripts/sweep-corpus.sh --pin LIST [MIRRORS]
#
# LIST is a TSV (scripts/sweep-projects.tsv): owner/name, then a commit, then
# free notes; lines starting with # are comments. An empty commit means "the
# mirror's HEAD"; --pin writes that commit into the list. MIRRORS (default
# /work/.mirror) holds owner+name/repo git directories, as the search tool's
# fetch leaves them. The projects' files stay outside this repository: only
# their names and commits are kept here.
# Exit status: 1 when a listed mirror or commit is missing (the rest are built).
set -euo pipefail

pin=0
if [[ ${1:-} == --pin ]]; then pin=1; shift; fi
list="${1:?usage: scripts/sweep-corpus.sh [--pin] LIST [DIR] [MIRRORS]}"
if (( pin )); then mirrors="${2:-/work/.mirror}"; else
    dir="${2:?usage: scripts/sweep-corpus.sh LIST DIR [MIRRORS]}"
    mirrors="${3:-/work/.mirror}"
    mkdir -p "$dir"
fi

missing=0
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
while IFS=$'\t' read -r repo commit notes || [[ -n $repo ]]; do
    if [[ -z $repo || $repo == \#* ]]; then printf '%s\n' "$repo${commit:+	$commit}${notes:+	$notes}" >> "$tmp"; continue; fi
    git_dir="$mirrors/${repo/\//+}/repo"
    [[ -d $git_dir/.git ]] && git_dir="$git_dir/.git"
    if [[ ! -d $git_dir ]]; then
        echo "missing mirror: $repo (bring it with the search tool's fetch github:$repo)" >&2
        missing=$((missing + 1)); printf '%s\t%s\t%s\n' "$repo" "$commit" "$notes" >> "$tmp"; continue
    fi
    rev="${commit:-HEAD}"
    if ! full="$(git --git-dir="$git_dir" rev-parse --verify -q "$rev^{commit}")"; then
        echo "missing commit: $repo $rev (the mirror is at $(git --git-dir="$git_dir" rev-parse HEAD))" >&2
        missing=$((missing + 1)); printf '%s\t%s\t%s\n' "$repo" "$commit" "$notes" >> "$tmp"; continue
    fi
    printf '%s\t%s\t%s\n' "$repo" "$full" "$notes" >> "$tmp"
    (( pin )) && continue
    tree="$dir/${repo#*/}"
    # Two owners may share a project name; the second keeps its owner.
    if [[ -e $tree && ! -e $tree/.sweep-source ]] || { [[ -e $tree/.sweep-source ]] && [[ $(head -1 "$tree/.sweep-source") != "$repo" ]]; }; then
        tree="$dir/${repo/\//+}"
    fi
    if [[ -e $tree/.sweep-source && $(sed -n 2p "$tree/.sweep-source") == "$full" ]]; then continue; fi
    rm -rf "$tree"
    mkdir -p "$tree"
    # Snapshots may lack their largest blobs, where git archive would stop;
    # write every blob that is there and count the ones that are not.
    python3 - "$git_dir" "$full" "$tree" <<'PY'
import os, subprocess, sys
git_dir, commit, tree = sys.argv[1:]
entries = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "-z", commit],
                         check=True, capture_output=True).stdout.split(b"\0")
cat = subprocess.Popen(["git", "--git-dir", git_dir, "cat-file", "--batch"],
                       stdin=subprocess.PIPE, stdout=subprocess.PIPE)
absent = []
for entry in filter(None, entries):
    meta, path = entry.split(b"\t", 1)
    mode, kind, oid = meta.split()
    if kind != b"blob":
        continue  # submodules
    cat.stdin.write(oid + b"\n")
    cat.stdin.flush()
    header = cat.stdout.readline().split()
    if header[-1] == b"missing":
        absent.append(path.decode(errors="replace"))
        continue
    data = cat.stdout.read(int(header[2]))
    cat.stdout.read(1)
    target = os.path.join(tree.encode(), path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    if mode == b"120000":
        os.symlink(data, target)
        continue
    with open(target, "wb") as f:
        f.write(data)
    if mode == b"100755":
        os.chmod(target, 0o755)
if absent:
    # findings on a history with a file missing are the corpus's, not the tool's
    with open(os.path.join(tree, ".sweep-absent"), "w") as f:
        f.write("".join(p + "\n" for p in absent))
    print(f"{tree}: {len(absent)} file(s) absent from the snapshot (listed in .sweep-absent)", file=sys.stderr)
PY
    printf '%s\n%s\n' "$repo" "$full" > "$tree/.sweep-source"
done < "$list"
if (( pin )); then cp "$tmp" "$list"; fi
if (( missing )); then echo "$missing project(s) missing" >&2; exit 1; fi
