#!/usr/bin/env python3
"""Writes samples/reviews.csv: five expert reviewers (R01…R05) score every enterprise of
samples/metrics-2022.csv on 0…100 (deterministic: seed 2022). Each reviewer has a personal
leniency; R05 is noticeably harsher than the panel (the reviewer check warns about it)."""
import csv, random, pathlib
root = pathlib.Path(__file__).resolve().parent.parent
rng = random.Random(2022)
with open(root / "samples/metrics-2022.csv", encoding="utf-8-sig") as f:
    rows = list(csv.DictReader(f))
leniency = {"R01": 2.0, "R02": 0.0, "R03": -1.0, "R04": 1.0, "R05": -14.0}
with open(root / "samples/reviews.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "reviewer", "score"])
    for r in rows:
        base = 55 + 3 * float(r["数字化水平等级(级)"]) + 0.4 * float(r["生产效率提升率(%)"])
        for rev, bias in leniency.items():
            s = max(0, min(100, base + bias + rng.gauss(0, 5)))
            w.writerow([r["统一社会信用代码"], rev, f"{s:.1f}"])
