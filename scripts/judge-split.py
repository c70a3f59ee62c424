#!/usr/bin/env python3
"""Splits the lists of a judging round among judges and writes each judge's
brief (scripts/judge-brief.md with its three names filled in).

    scripts/judge-split.py CORPUS OUT JUDGES LIST...

The items of the LISTs (drawn by scripts/sweep-sample.py) are dealt in order
into JUDGES lists of nearly equal length, each numbered from 1:
OUT-a.txt, OUT-b.txt, ...; the briefs are OUT-a.md, ... and name the reports
OUT-a.report.md, .... Record a report with scripts/judged-add.py OUT-a.txt
OUT-a.report.md DATE.
"""
import os, re, sys

corpus, out, judges, lists = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
items = []
for path in lists:
    parts = re.split(r"(?m)^(?=\d+\. \[)", open(path).read())
    items += [p for p in parts if re.match(r"\d+\. \[", p)]
if not items or judges < 1:
    sys.exit("judge-split: no items, or no judge")
judges = min(judges, len(items))
brief = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "judge-brief.md")).read()
start = 0
for j in range(judges):
    # the first len(items) % judges judges take one item more
    count = len(items) // judges + (1 if j < len(items) % judges else 0)
    share, start = items[start:start + count], start + count
    name = f"{out}-{chr(ord('a') + j)}"
    with open(name + ".txt", "w") as f:
        f.write("".join(re.sub(r"^\d+\.", f"{k}.", item, count=1) for k, item in enumerate(share, 1)))
    filled = brief
    for field, value in (("CORPUS", corpus), ("LIST", name + ".txt"), ("REPORT", name + ".report.md")):
        filled = re.sub(rf"(?m)^- {field}: .*$", f"- {field}: {value}", filled, count=1)
    with open(name + ".md", "w") as f:
        f.write(filled)
    print(f"{name}.txt: {len(share)} items; brief {name}.md")
