#!/usr/bin/env python3
"""Compares two outputs of scripts/sweep.sh: the findings one has and the other
lacks, keyed by project, path, line, rule, severity and message; then the
findings both have whose help changed ("~", with the new help); then the
totals by severity of each side and of the changes, and the helps changed by
rule.

    scripts/sweep-diff.py OLD NEW

Run two builds over the same corpus (ALEMBIC_PATTERNS_BIN=... scripts/sweep.sh
DIR OLD, then NEW) and explain every line this prints before landing a change
to the analyzer.
"""
import json, os, sys, collections
def load(d):
    out = {}
    for name in sorted(os.listdir(d)):
        f = os.path.join(d, name, "check.json")
        if not os.path.isfile(f):
            continue
        try:
            c = json.load(open(f))
        except Exception:
            out[name] = None
            continue
        out[name] = collections.Counter((x["path"], x.get("line"), x["rule"], x["severity"], x["message"]) for x in c.get("findings", []))
        helps[d][name] = {(x["path"], x.get("line"), x["rule"], x["severity"], x["message"]): x.get("help", "") for x in c.get("findings", [])}
    return out
helps = collections.defaultdict(dict)
a, b = load(sys.argv[1]), load(sys.argv[2])
tot = collections.Counter()
for name in sorted(set(a) | set(b)):
    x, y = a.get(name) or collections.Counter(), b.get(name) or collections.Counter()
    if a.get(name) is None and name in a: print(f"{name}: OLD unreadable")
    if b.get(name) is None and name in b: print(f"{name}: NEW unreadable")
    for k in sorted((x - y).keys(), key=str):
        print(f"- {name} {k[0]}:{k[1]} {k[2]}:{k[3]} {k[4][:200]}"); tot["-"+k[3]] += (x-y)[k]
    for k in sorted((y - x).keys(), key=str):
        print(f"+ {name} {k[0]}:{k[1]} {k[2]}:{k[3]} {k[4][:200]}"); tot["+"+k[3]] += (y-x)[k]
helped = collections.Counter()
for name in sorted(set(a) & set(b)):
    old, new = helps[sys.argv[1]].get(name, {}), helps[sys.argv[2]].get(name, {})
    for k in sorted(set(old) & set(new), key=str):
        if old[k] != new[k]:
            print(f"~ {name} {k[0]}:{k[1]} {k[2]}:{k[3]} help: {new[k][:300]}"); helped[k[2]] += 1
for side in (a, b):
    c = collections.Counter()
    for v in side.values():
        for k, n in (v or {}).items(): c[k[3]] += n
    print("totals", dict(c))
print("changes", dict(tot))
print("helps changed", dict(helped))
