#!/usr/bin/env python3
"""Adds a judging round's verdicts to scripts/judged.tsv: reads the list given
to a judge (scripts/sweep-sample.py's output) and the judge's report (headed
"## N. VERDICT (help: ...)", scripts/judge-brief.md), and appends one row per
item judged. Items the report leaves out are named on stderr, not added.

    scripts/judged-add.py LIST REPORT DATE
"""
import os, re, sys

list_path, report_path, date = sys.argv[1:]
items = {}  # paths may hold spaces (GSA's "0385_remove postage_.py")
for m in re.finditer(r"^(\d+)\. \[([^:\]]+):(\w+)\] ([^/\s]+)/(.+):(\d+)$", open(list_path).read(), re.M):
    items[m.group(1)] = (m.group(4), m.group(5), m.group(6), m.group(2), m.group(3))
verdicts = dict(re.findall(r"^## (\d+)\. (TRUE|FALSE|DEBATABLE)\b", open(report_path).read(), re.M))
tsv = os.path.join(os.path.dirname(os.path.abspath(__file__)), "judged.tsv")
with open(tsv, "a") as out:
    for n, (project, path, line, rule, severity) in items.items():
        if n not in verdicts:
            print(f"{list_path}: item {n} has no verdict in {report_path}", file=sys.stderr)
            continue
        out.write("\t".join((project, path, line, rule, severity, verdicts[n], date)) + "\n")
print(f"{sum(n in verdicts for n in items)} of {len(items)} items added", file=sys.stderr)
