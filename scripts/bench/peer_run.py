#!/usr/bin/env python3
"""The `exemplar run` computation of the benchmark criteria (weighted sum of min-max
normalised criteria), as a competent analyst would write it with pandas + numpy or polars:
read the CSV, impute missing cells per column policy, orient and min-max normalise, weighted
sum, rank (score desc, id asc), competition rank, write results.json and ranking.csv (BOM).

Usage: peer_run.py pandas|polars METRICS.csv SPEC.json OUTDIR
SPEC.json: {"id": header, "label": header, "criteria": [{"header", "direction", "weight", "missing"}]}
"""
import json, os, sys

engine, path, spec_path, out = sys.argv[1:5]
spec = json.load(open(spec_path, encoding="utf-8"))
os.makedirs(out, exist_ok=True)
crit = spec["criteria"]
import numpy as np

if engine == "pandas":
    import pandas as pd
    df = pd.read_csv(path, encoding="utf-8-sig", dtype={spec["id"]: str, spec["label"]: str})
    ids = df[spec["id"]].str.strip().str.upper().to_numpy()
    labels = df[spec["label"]].to_numpy()
    cols = []
    for c in crit:
        x = df[c["header"]].to_numpy(dtype=float)
        cols.append(x)
else:
    import polars as pl
    df = pl.read_csv(path, encoding="utf8", schema_overrides={spec["id"]: pl.Utf8, spec["label"]: pl.Utf8})
    ids = df[spec["id"]].str.strip_chars().str.to_uppercase().to_numpy()
    labels = df[spec["label"]].to_numpy()
    cols = [df[c["header"]].cast(pl.Float64).to_numpy() for c in crit]

n = len(ids)
raw = np.zeros(n)
norm = []
for c, x in zip(crit, cols):
    miss = np.isnan(x)
    if miss.any():
        present = x[~miss]
        fill = {"mean": np.mean, "median": np.median}.get(c["missing"])
        if fill is not None:
            v = fill(present)
        else:  # worst
            v = present.min() if c["direction"] == "benefit" else present.max()
        x = np.where(miss, v, x)
    lo, hi = x.min(), x.max()
    r = (x - lo) / (hi - lo) if hi > lo else np.ones(n)
    if c["direction"] == "cost":
        r = 1 - r if hi > lo else r
    norm.append(r)
    raw += c["weight"] * r
score = 100 * raw
order = np.lexsort((ids, -raw))
rank = np.empty(n, dtype=np.int64)
rank[order] = np.arange(1, n + 1)
rounded = np.round(raw, 9)
uniq_sorted = -np.sort(-rounded)
comp = np.searchsorted(-uniq_sorted, -rounded, side="left") + 1

keys = [c["key"] for c in crit]
w = np.array([c["weight"] for c in crit])
contrib = np.vstack(norm).T * w
tot = contrib.sum(axis=1, keepdims=True)
contrib = np.divide(contrib, tot, out=np.zeros_like(contrib), where=tot > 0)
with open(os.path.join(out, "results.json"), "w", encoding="utf-8") as f:
    f.write('{"ranking":[\n')
    lines = []
    for i in order:
        lines.append(json.dumps({"id": ids[i], "label": labels[i], "rank": int(rank[i]), "competition_rank": int(comp[i]),
                                 "score": float(score[i]), "raw": float(raw[i]),
                                 "contributions": dict(zip(keys, map(float, contrib[i])))}, ensure_ascii=False))
    f.write(",\n".join(lines))
    f.write("]}\n")
if engine == "pandas":
    table = pd.DataFrame({"排名": rank[order], "统一社会信用代码": ids[order], "企业名称": labels[order],
                          "得分": np.round(score[order], 2)})
    for k, r in zip(keys, norm):
        table[k] = np.round(r[order], 4)
    table.to_csv(os.path.join(out, "ranking.csv"), index=False, encoding="utf-8-sig")
else:
    data = {"排名": rank[order], "统一社会信用代码": ids[order], "企业名称": labels[order], "得分": np.round(score[order], 2)}
    for k, r in zip(keys, norm):
        data[k] = np.round(r[order], 4)
    with open(os.path.join(out, "ranking.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf")
        pl.DataFrame(data).write_csv(f)
