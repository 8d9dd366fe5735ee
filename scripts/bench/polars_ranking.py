"""The annual run's computation as an analyst would write it in polars alone (the peer of
issue #18): read the CSV, impute each criterion's missing cells by its policy, orient and
min-max normalise, weighted sum, rank (score descending, id ascending) with the competition
rank, and write the full ranking table — every enterprise with its score and normalised
criteria — as one CSV. No JSON, no per-row Python.

Usage: polars_ranking.py METRICS.csv SPEC.json OUTDIR   (SPEC.json: scripts/bench/make_criteria.py)
"""
import json, os, sys

import polars as pl

path, spec_path, out = sys.argv[1:4]
spec = json.load(open(spec_path, encoding="utf-8"))
os.makedirs(out, exist_ok=True)
crit = spec["criteria"]
df = pl.read_csv(path, schema_overrides={spec["id"]: pl.Utf8, spec["label"]: pl.Utf8})
norm = []
for c in crit:
    x = pl.col(c["header"]).cast(pl.Float64)
    fill = {"mean": x.mean(), "median": x.median()}.get(c["missing"], x.min() if c["direction"] == "benefit" else x.max())
    x = x.fill_null(fill)
    lo, hi = x.min(), x.max()
    r = pl.when(hi > lo).then(((hi - x) if c["direction"] == "cost" else (x - lo)) / (hi - lo)).otherwise(1.0)
    norm.append(r.alias(c["key"]))
t = df.select(
    pl.col(spec["id"]).str.strip_chars().str.to_uppercase().alias("id"), pl.col(spec["label"]).alias("label"), *norm
)
t = t.with_columns(pl.sum_horizontal([pl.col(c["key"]) * c["weight"] for c in crit]).alias("raw"))
t = t.sort(["raw", "id"], descending=[True, False]).with_columns(
    pl.int_range(1, pl.len() + 1).alias("rank"),
    pl.col("raw").round(9).rank(method="min", descending=True).cast(pl.Int64).alias("competition_rank"),
    (pl.col("raw") * 100).alias("score"),
)
t.select(["rank", "competition_rank", "id", "label", "score", "raw"] + [c["key"] for c in crit]).write_csv(
    os.path.join(out, "ranking.csv"), float_precision=9
)
