"""Analyse a collective-impact partnership with the Python package `convener`.

    python examples/python/analyze.py [FILE.json | CSV-FOLDER]

Prints the scorecard (the five conditions: score, stage, confidence) and the top
findings, and writes the per-partner network table to network.csv in the current folder.
Without an argument it analyses the bundled example, examples/data/family-support.json.
"""

import csv
import sys
from pathlib import Path

import convener

# The document: the first argument, else the example bundled with the repository.
source = sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "data" / "family-support.json"

try:
    initiative = convener.load(source)
except convener.ConvenerError as e:
    # An invalid document lists every problem, each with where it is.
    print(f"{source}: {e.code if e.issues else e}", file=sys.stderr)
    for issue in e.issues:
        where = issue.get("pointer") or ":".join(str(issue[k]) for k in ("file", "row", "column", "line") if k in issue)
        print(f"  {where}: {issue['message']} [{issue['code']}]", file=sys.stderr)
    sys.exit(1)

with initiative:  # closed at the end of the block
    report = initiative.analyze()  # the report as a dict (convener-report/1)

    # The scorecard: the five conditions ("factors" holds custom survey factors instead).
    print(f"{report['initiative']['name']} (as of {report['as_of'] or 'no date'})\n")
    print(f"{'condition':<34}{'score':>6}  {'stage':<13}{'confidence':>10}")
    for key, c in report["conditions"].items():
        if key == "factors":
            continue
        print(f"{c['name']:<34}{c['score']:>6.0f}  {c['stage']:<13}{c['confidence']:>10.0%}")

    # The top findings, in the report's order (most pressing first).
    findings = report["findings"]
    print(f"\nTop findings ({min(5, len(findings))} of {len(findings)}):")
    for f in findings[:5]:
        print(f"- [{f['severity']}] {f['message']}\n    next: {f['next_step']}")

    # The per-partner network table, one typed dict per partner, written with csv.
    rows = initiative.network()

with open("network.csv", "w", newline="", encoding="utf-8") as out:
    writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["partner"])
    writer.writeheader()
    writer.writerows(rows)  # None is written as a blank cell
print(f"\nWrote network.csv ({len(rows)} partners).")
