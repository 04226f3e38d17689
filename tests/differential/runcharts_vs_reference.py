"""Run charts of `convener indicators` against an independent implementation of
qicharts2's runs analysis (Anhøj rules) and the IHI shift and trend rules.

For each of many seeded series (random, shifted, trending, with values on the median,
flat, short, with a frozen baseline, with phases) it writes a document with one
indicator, runs `convener indicators --format csv`, and compares every run-chart column
with what this script computes the way qicharts2 does:

  centre           median of the points (of the first `freeze` points; per phase)
  n_useful         points not on the centre
  longest_run      longest run on one side (points on the centre dropped)
  longest_run_max  round(log2(n_useful)) + 3
  n_crossings      runs - 1
  n_crossings_min  qbinom(0.05, n_useful - 1, 0.5)   (scipy.stats.binom.ppf)
  runs_signal      longest_run > max or crossings < min
  shift            longest_run >= 6
  trend            >= 5 points rising or falling, equal neighbours counted once

Prints every mismatch and a closing line `N passed, M failed`; exits 1 on any failure.
"""

import csv
import io
import json
import math
import os
import random
import subprocess
import sys
import tempfile

from scipy.stats import binom

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("CONVENER_BIN", os.path.join(ROOT, "target", "release", "convener"))


def median(v):
    s = sorted(v)
    n = len(s)
    if n == 0:
        return None
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def longest_monotone(y):
    d = []
    for v in y:
        if not d or d[-1] != v:
            d.append(v)
    if len(d) < 2:
        return len(d)
    best, length, direction = 1, 1, 0
    for a, b in zip(d, d[1:]):
        s = 1 if b > a else -1
        if s == direction:
            length += 1
        else:
            direction, length = s, 2
        best = max(best, length)
    return best


def reference(y, freeze=None):
    base = y[:freeze] if freeze and 0 < freeze < len(y) else y
    cl = median(base)
    runs = [] if cl is None else [1 if v > cl else -1 for v in y if v != cl]
    n_useful = len(runs)
    out = {"n": len(y), "centre": cl, "n_useful": n_useful}
    if n_useful:
        lengths = []
        for s in runs:
            if lengths and lengths[-1][0] == s:
                lengths[-1][1] += 1
            else:
                lengths.append([s, 1])
        longest = max(l for _, l in lengths)
        lmax = round(math.log2(n_useful)) + 3
        crossings = max(len(lengths) - 1, 0)
        cmin = int(binom.ppf(0.05, max(n_useful - 1, 0), 0.5))
        out.update(longest_run=longest, longest_run_max=lmax, n_crossings=crossings,
                   n_crossings_min=cmin, runs_signal=longest > lmax or crossings < cmin)
    else:
        longest = 0
        out.update(longest_run=None, longest_run_max=None, n_crossings=None,
                   n_crossings_min=None, runs_signal=False)
    out["shift"] = longest >= 6
    out["trend"] = longest_monotone(y) >= 5
    return out


def quarter(k, start=2015):
    return f"{start + k // 4}-Q{k % 4 + 1}"


def series_cases(seed):
    rng = random.Random(seed)
    kind = seed % 9
    n = rng.choice([1, 2, 3, 5, 8, 10, 12, 15, 20, 24, 30, 40, 60, 80])
    if kind == 0:
        y = [round(rng.gauss(50, 5), 1) for _ in range(n)]
    elif kind == 1:  # a shift half way
        y = [round(rng.gauss(50, 3) + (8 if i > n // 2 else 0), 1) for i in range(n)]
    elif kind == 2:  # a trend
        y = [round(10 + i * 1.5 + rng.gauss(0, 0.5), 1) for i in range(n)]
    elif kind == 3:  # integers: many points on the median
        y = [rng.randint(3, 6) for _ in range(n)]
    elif kind == 4:  # flat
        y = [7.0] * n
    elif kind == 5:  # alternating (many crossings)
        y = [10 + (i % 2) * 5 for i in range(n)]
    elif kind == 6:  # equal neighbours in a rise
        y = [float(i // 2) for i in range(n)]
    elif kind == 7:  # counts with zeros
        y = [rng.choice([0, 0, 1, 2, 3]) for _ in range(n)]
    else:
        y = [round(rng.uniform(0, 100), 2) for _ in range(n)]
    freeze = rng.choice([None, None, 3, 6, 12]) if seed % 3 == 0 else None
    phases = None
    if seed % 5 == 0 and n >= 6:
        cut = rng.randint(2, n - 2)
        phases = [cut] + ([cut + 2] if n > cut + 4 and rng.random() < 0.5 else [])
    return y, freeze, phases


def main():
    failures = []
    passed = 0
    cases = 150
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(cases):
            y, freeze, phases = series_cases(seed)
            ind = {"id": "i", "name": "I", "unit": "n", "polarity": "higher_is_better",
                   "frequency": "quarterly", "aggregation": "mean", "kind": "how_well",
                   "measures": [], "reporters": ["a"]}
            if freeze:
                ind["freeze"] = freeze
            if phases:
                ind["phases"] = [quarter(p) for p in phases]
            doc = {"format": "convener/1", "initiative": {"id": "x", "name": "X"},
                   "partners": [{"id": "a", "name": "A"}], "indicators": [ind],
                   "measurements": [{"indicator": "i", "partner": "a", "period": quarter(k), "value": v}
                                    for k, v in enumerate(y)]}
            path = os.path.join(tmp, f"s{seed}.json")
            with open(path, "w") as f:
                json.dump(doc, f)
            out = subprocess.run([BIN, "indicators", path, "--format", "csv"], capture_output=True, text=True)
            if out.returncode != 0:
                failures.append((seed, "exit", out.stderr.strip(), ""))
                continue
            rows = [r for r in csv.DictReader(io.StringIO(out.stdout)) if r["partner"] == "a"]
            if phases:
                bounds = [0] + phases + [len(y)]
                parts = [(k + 1, y[a:b]) for k, (a, b) in enumerate(zip(bounds, bounds[1:])) if b > a]
                expected = [(str(k), reference(part)) for k, part in parts]
            else:
                expected = [("", reference(y, freeze))] if y else []
            ok = len(rows) == len(expected) or (not y and len(rows) == 1)
            if not ok:
                failures.append((seed, "rows", len(rows), len(expected)))
            for row, (phase, exp) in zip(rows, expected):
                if row["phase"] != phase:
                    failures.append((seed, "phase", row["phase"], phase))
                    ok = False
                for col, want in exp.items():
                    got = row[col]
                    if want is None:
                        good = got == ""
                    elif isinstance(want, bool):
                        good = got == ("true" if want else "false")
                    elif col == "centre":
                        good = got != "" and abs(float(got) - want) <= 1e-9 * max(1.0, abs(want))
                    else:
                        good = got != "" and int(got) == want
                    if not good:
                        failures.append((seed, f"phase {phase or '-'} {col}", got, want))
                        ok = False
            passed += ok
    for f in failures:
        print("MISMATCH seed %s %s: convener %r, reference %r" % f)
    print(f"{passed} passed, {cases - passed} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
