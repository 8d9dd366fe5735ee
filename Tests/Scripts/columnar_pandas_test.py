"""The columnar layout read the way docs/outputs.md shows, with pandas (and polars when it is
installed): `exemplar run --layout columnar` on the samples, enterprises.csv loaded into a
data frame, every ranking entry of the default layout's results.json found in it.

Usage: columnar_pandas_test.py EXEMPLAR   (run from the repository root; exits 1 on a mismatch)
"""
import json, math, subprocess, sys, tempfile

import pandas as pd

exe = sys.argv[1]
args = ["samples/metrics-2022.csv", "--criteria", "criteria/2022.toml", "--history", "samples/history.csv",
        "--screen", "samples/screening.csv", "--reviews", "samples/reviews.csv", "--recusals", "samples/recusals.csv",
        "--decisions", "samples/decisions.csv", "--no-excel", "--no-html"]
failures = []
with tempfile.TemporaryDirectory() as tmp:
    for layout in ("objects", "columnar"):
        subprocess.run([exe, "run", *args, "--layout", layout, "--out", f"{tmp}/{layout}"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    entries = json.load(open(f"{tmp}/objects/results.json", encoding="utf-8"))["ranking"]
    # The documented way to read it.
    run = json.load(open(f"{tmp}/columnar/results.json", encoding="utf-8"))
    t = pd.read_csv(f"{tmp}/columnar/" + run["ranking"]["file"], dtype={"id": str, "label": str, "imputed": str, "unmet": str})
    if len(t) != len(entries) or list(t.columns) != run["ranking"]["columns"]:
        failures.append(f"shape: {len(t)} rows for {len(entries)} entries; columns {list(t.columns)[:8]}…")
    by_id = t.set_index("id")
    for e in entries:
        r = by_id.loc[e["id"]]
        for k in ("rank", "competition_rank", "stars"):
            if int(r[k]) != e[k]:
                failures.append(f"{e['id']} {k}: {r[k]} != {e[k]}")
        for k in ("score", "raw"):
            if not math.isclose(float(r[k]), e[k], rel_tol=1e-15, abs_tol=1e-300):
                failures.append(f"{e['id']} {k}: {r[k]!r} != {e[k]!r}")
        for key, share in e["contributions"].items():
            if not math.isclose(float(r["contribution." + key]), share, rel_tol=0, abs_tol=1e-12):
                failures.append(f"{e['id']} contribution {key}: {r['contribution.' + key]!r} != {share!r}")
        reward = 0.0 if pd.isna(r["reward"]) else float(r["reward"])
        if reward != e.get("reward", 0.0):
            failures.append(f"{e['id']} reward: {reward} != {e.get('reward', 0.0)}")
    top = t.nsmallest(10, "rank")["id"].tolist()
    if top != [e["id"] for e in entries[:10]]:
        failures.append(f"top 10 differ: {top}")
    try:
        import polars as pl
        p = pl.read_csv(f"{tmp}/columnar/enterprises.csv", schema_overrides={"id": pl.Utf8})
        if p.height != len(entries):
            failures.append("polars: row count")
    except ImportError:
        pass
print("\n".join(failures) if failures else f"ok: {len(entries)} enterprises read back with pandas {pd.__version__}")
sys.exit(1 if failures else 0)
