#!/usr/bin/env python3
"""Inputs for the procedure floor (docs/selection.md, "Cost"): for a metrics CSV written by
`exemplar generate`, writes into OUT/ a screening list (0.5% of the enterprises), expert
reviews (5 reviewers per enterprise, 0–100), one recusal per 1,000 enterprises, and committee
decisions for 1% of the enterprises (vetoes and withdrawals across programmes, a few `*`, a
few adds). Deterministic (seed 1).

    scripts/bench/make_procedure.py METRICS.csv criteria/2022.toml OUT/"""
import csv, random, sys, pathlib
metrics, criteria, out = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
out.mkdir(parents=True, exist_ok=True)
rng = random.Random(1)
with open(metrics, encoding="utf-8-sig") as f:
    r = csv.reader(f)
    header = next(r)
    ids = [row[0] for row in r]
programmes = [l.split(".", 1)[1].strip().rstrip("]") for l in open(criteria, encoding="utf-8") if l.startswith("[programmes.")]
n = len(ids)
screened = set(rng.sample(range(n), n // 200))
with open(out / "screening.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "reason", "source", "date"])
    for i in sorted(screened):
        w.writerow([ids[i], "列入严重失信主体名单", "信用中国", "2022-03-15"])
with open(out / "reviews.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "reviewer", "score"])
    for i in range(n):
        base = rng.uniform(40, 95)
        for k in range(5):
            w.writerow([ids[i], f"R{(i * 5 + k) % 60:02d}", f"{min(100, max(0, base + rng.gauss(0, 5))):.1f}"])
with open(out / "recusals.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["reviewer", "id"])
    for i in range(0, n, 1000):
        w.writerow([f"R{(i * 5) % 60:02d}", ids[i]])
with open(out / "decisions.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "programme", "action", "reason", "decided_by", "date"])
    pool = [i for i in range(n) if i not in screened]
    for j, i in enumerate(rng.sample(pool, n // 100)):
        if j % 50 == 0:
            w.writerow([ids[i], "*", "veto", "公示期间实名举报", "评审委员会", "2022-05-23"])
        elif j % 25 == 0:
            w.writerow([ids[i], programmes[j % len(programmes)], "add", "委员会增补", "评审委员会", "2022-05-23"])
        else:
            w.writerow([ids[i], programmes[j % len(programmes)], "veto" if j % 2 else "withdraw", "核查不实", "评审委员会", "2022-05-23"])
