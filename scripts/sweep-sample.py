#!/usr/bin/env python3
"""Draws a sample of a sweep's findings of one severity for a judging round:
every rule at least once, then rules in proportion to the square root of their
counts (rare rules count), one finding per project and rule where it can, and
none judged before (scripts/judged.tsv).

    scripts/sweep-sample.py SWEEP SEVERITY N SEED > list

Each item: "N. [rule:severity] project/path:line", then its message and help.
"""
import collections, csv, glob, json, os, random, sys

sweep, severity, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
judged = set()
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "judged.tsv")) as f:
    for row in csv.reader((line for line in f if not line.startswith("#")), delimiter="\t"):
        judged.add((row[0], row[1], row[2]))
strata = collections.defaultdict(list)
for path in sorted(glob.glob(os.path.join(sweep, "*", "check.json"))):
    project = os.path.basename(os.path.dirname(path))
    try:
        findings = json.load(open(path)).get("findings", [])
    except (OSError, ValueError):
        continue
    for x in findings:
        if x["severity"] == severity and (project, x["path"], str(x["line"])) not in judged:
            strata[x["rule"]].append(dict(x, project=project))
weights = {rule: len(items) ** 0.5 for rule, items in strata.items()}
total = sum(weights.values())
rnd = random.Random(seed)
picked = []
for rule, items in sorted(strata.items()):
    quota = max(1, round(n * weights[rule] / total))
    rnd.shuffle(items)
    projects = set()
    for x in sorted(items, key=lambda x: x["project"] in projects):
        if len([p for p in picked if p["rule"] == rule]) >= quota:
            break
        if x["project"] in projects and len(projects) < len({i["project"] for i in items}):
            continue
        projects.add(x["project"])
        picked.append(x)
for i, x in enumerate(picked, 1):
    print(f"{i}. [{x['rule']}:{x['severity']}] {x['project']}/{x['path']}:{x['line']}\n"
          f"   message: {x['message']}\n   help: {x.get('help', '')}\n")
print(f"# {len(picked)} of {sum(len(v) for v in strata.values())} {severity}s not judged before", file=sys.stderr)
