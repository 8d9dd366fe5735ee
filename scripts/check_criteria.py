#!/usr/bin/env python3
"""Rough, independent re-implementation of the selection rules of docs/criteria.md,
used to check that a sample metrics file gives sensible outcomes under a criteria file
(enough 4★/5★ enterprises, every programme fills its quota, caps and history bite).

Not a reference for the Swift implementation's exact numbers: a calibration aid.
Usage: [CHECK_DUMP=out.json] python3 scripts/check_criteria.py samples/metrics-2022.csv criteria/2022.toml [samples/history.csv]
Needs only the standard library (Python ≥ 3.11 for tomllib) and numpy.
"""
import csv, json, os, re, sys, tomllib
from collections import Counter, defaultdict
import numpy as np


def load(csv_path, spec):
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, data = rows[0], rows[1:]
    cols = {}
    for key, c in spec["columns"].items():
        hs = c["header"] if isinstance(c["header"], list) else [c["header"]]
        idx = next(i for i, h in enumerate(header) if h in hs)
        cells = [r[idx] for r in data]
        t = c["type"]
        if t in ("number", "integer"):
            cols[key] = np.array([float(x) if x != "" else np.nan for x in cells])
        elif t == "bool":
            cols[key] = np.array([x in ("是", "true", "1", "Y") for x in cells])
        else:
            cols[key] = cells
    return cols, len(data)


def ahp(matrix):
    a = np.array([[eval(str(x)) if isinstance(x, str) else x for x in row] for row in matrix], dtype=float)
    vals, vecs = np.linalg.eig(a)
    k = np.argmax(vals.real)
    w = np.abs(vecs[:, k].real); w /= w.sum()
    n = len(a); lam = float(np.mean(a @ w / w))
    ri = [0, 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49][n]
    ci = (lam - n) / (n - 1) if n > 1 else 0
    return w, lam, ci, (ci / ri if ri else 0)


def weights(spec):
    crit, groups = spec["criteria"], spec.get("groups", {})
    root = spec.get("weighting", {"method": "direct"})
    def children(parent):
        return [("g", k) for k, g in groups.items() if g.get("parent") == parent] + \
               [("c", k) for k, c in crit.items() if c.get("group") == parent]
    def local(parent, method, ahp_tbl):
        ch = children(parent)
        if method == "direct":
            w = np.array([(groups if t == "g" else crit)[k]["weight"] for t, k in ch], dtype=float)
            w = w / w.sum()
        elif method == "equal":
            w = np.ones(len(ch)) / len(ch)
        elif method == "ahp":
            wa, lam, ci, cr = ahp(ahp_tbl["matrix"])
            print(f"  AHP over {ahp_tbl['order']}: w={np.round(wa, 4)} λmax={lam:.4f} CI={ci:.4f} CR={cr:.4f}")
            w = np.array([wa[ahp_tbl["order"].index(k)] for _, k in ch])
        return dict(zip(ch, w))
    out = {}
    def walk(parent, scale, method, ahp_tbl):
        for (t, k), w in local(parent, method, ahp_tbl).items():
            if t == "c":
                out[k] = scale * w
            else:
                g = groups[k]
                walk(k, scale * w, g.get("weighting", root["method"]), g.get("ahp"))
    walk(None, 1.0, root["method"], root.get("ahp"))
    return out


def normalise(x, c):
    x = x.copy()
    if "winsorise" in c:
        lo, hi = np.quantile(x, c["winsorise"])
        x = np.clip(x, lo, hi)
    cost = c.get("direction", "benefit") == "cost"
    m = c.get("normalise", "min-max")
    if m == "min-max":
        r = (x - x.min()) / (x.max() - x.min())
    elif m == "goalposts":
        lo, hi = c["goalposts"]
        r = np.clip((x - lo) / (hi - lo), 0, 1)
    elif m == "rank":
        order = x.argsort(kind="stable"); ranks = np.empty(len(x)); ranks[order] = np.arange(len(x))
        for v in np.unique(x):
            idx = x == v; ranks[idx] = ranks[idx].mean()
        r = ranks / (len(x) - 1)
    else:
        raise SystemExit(f"normalise {m} not handled here")
    return 1 - r if cost else r


def main():
    csv_path, toml_path = sys.argv[1], sys.argv[2]
    hist = sys.argv[3] if len(sys.argv) > 3 else None
    spec = tomllib.load(open(toml_path, "rb"))
    cols, n = load(csv_path, spec)
    year = spec["evaluation"]["year"]
    w = weights(spec)
    print(f"{n} rows; weights sum {sum(w.values()):.6f}")
    crit = spec["criteria"]
    norm = {}
    for k, c in crit.items():
        x = cols[c["column"]].copy()
        pol = c.get("missing", spec["columns"][c["column"]].get("missing", "reject"))
        miss = np.isnan(x)
        if miss.any():
            present = x[~miss]
            fill = {"mean": present.mean() if len(present) else 0, "median": np.median(present), "zero": 0,
                    "worst": present.min() if c.get("direction", "benefit") == "benefit" else present.max()}[pol]
            x[miss] = fill
        norm[k] = normalise(x, c)
    agg = spec.get("aggregation", {}).get("method", "weighted-sum")
    keys = list(crit)
    R = np.column_stack([norm[k] for k in keys]); W = np.array([w[k] for k in keys])
    if agg == "weighted-sum":
        raw = R @ W
    elif agg == "topsis":
        V = R * W
        dp = np.sqrt(((V - V.max(0)) ** 2).sum(1)); dm = np.sqrt(((V - V.min(0)) ** 2).sum(1))
        raw = dm / (dp + dm)
    score = raw * 100
    order = np.argsort(-score, kind="stable")
    rank = np.empty(n, int); rank[order] = np.arange(1, n + 1)
    groupscore = {}
    for g in spec.get("groups", {}):
        ks = [k for k in keys if crit[k].get("group") == g]
        ws = np.array([w[k] for k in ks]); groupscore[g] = (np.column_stack([norm[k] for k in ks]) @ ws) / ws.sum() * 100
    print(f"score: min {score.min():.1f} p25 {np.percentile(score,25):.1f} median {np.median(score):.1f} "
          f"p75 {np.percentile(score,75):.1f} p90 {np.percentile(score,90):.1f} max {score.max():.1f}")

    def env(i):
        e = {k: (v[i] if not isinstance(v, np.ndarray) else v[i].item()) for k, v in cols.items()}
        e.update(score=score[i], raw=raw[i], rank=int(rank[i]), stars=stars[i])
        for g, s in groupscore.items(): e[f"group_{g}"] = s[i]
        return e
    def ev(expr, i, extra={}):
        py = re.sub(r"\b(group|criterion|selected|eligible)\.(\w+)", r"\1_\2", expr)
        py = re.sub(r"\btrue\b", "True", re.sub(r"\bfalse\b", "False", py))
        e = env(i); e.update(extra)
        return bool(eval(py, {}, e))

    stars = [0] * n
    levels = sorted(spec.get("stars", {}).get("level", []), key=lambda l: l["stars"])
    for i in range(n):
        ok = True
        for lv in levels:
            req = ev(lv["require"], i) if "require" in lv else True
            ok = ok and req
            if score[i] >= lv["min_score"] and ok:
                stars[i] = lv["stars"]
            elif not req:
                break
    print("stars:", dict(sorted(Counter(stars).items())))

    history = defaultdict(list)
    if hist:
        for r in csv.DictReader(open(hist, encoding="utf-8-sig")):
            history[r["id"]].append((int(r["year"]), r["programme"]))
    ids = cols[spec["evaluation"]["id"]]
    selected, eligible_sets = {}, {}
    extra = {}
    for pk, p in spec.get("programmes", {}).items():
        sel, res, excl = [], [], Counter()
        capcount = defaultdict(Counter)
        pilots = set(p.get("pilot_industries", []))
        cand = list(order)
        if p.get("pilot_priority") == "first":
            ind = cols[p.get("industry_column", "industry")]
            cand = [i for i in order if ind[i] in pilots] + [i for i in order if ind[i] not in pilots]
        elig = set()
        names = set(p.get("history_names", [pk]))
        waiting, kind = [], {}
        def full(counts, i):
            return any(counts[c][cols[c][i]] >= lim for c, lim in p.get("caps", {}).items())
        def count(counts, i):
            for c in p.get("caps", {}): counts[c][cols[c][i]] += 1
        for i in cand:
            if "from" in p:
                src = selected[p["from"]] if p.get("from_mode", "selected") == "selected" else eligible_sets[p["from"]]
                if i not in src: excl["tier"] += 1; continue
            hy = p.get("history_years", 0)
            if hy and any(prog in names and year - hy <= y < year for y, prog in history[ids[i]]):
                excl["history"] += 1; continue
            e2 = {f"selected_{k}": i in v for k, v in selected.items()}
            e2.update({f"eligible_{k}": i in v for k, v in eligible_sets.items()})
            if "eligible" in p and not ev(p["eligible"], i, e2):
                excl["eligibility"] += 1; continue
            elig.add(i)
            # Mirrors docs/selection.md: a capped candidate may still take a reserve place,
            # where caps are counted among reserves only.
            if len(sel) >= p["quota"]:
                kind[i] = "below the line"; waiting.append(i); continue
            if full(capcount, i):
                kind[i] = "cap"; waiting.append(i); continue
            count(capcount, i); sel.append(i)
        rescount = defaultdict(Counter)
        for i in waiting:
            if len(res) >= p.get("reserves", 0): break
            if full(rescount, i):
                kind[i] = "cap"; continue
            count(rescount, i); res.append(i); kind.pop(i)
        for why in kind.values(): excl[why] += 1
        selected[pk] = set(sel); eligible_sets[pk] = elig
        print(f"{pk}: quota {p['quota']} selected {len(sel)} reserve {len(res)}/{p.get('reserves',0)} "
              f"eligible {len(elig)} excluded {dict(excl)} ranks {[int(rank[i]) for i in sel]}")
    if os.environ.get("CHECK_DUMP"):
        json.dump({"order": [ids[i] for i in order],
                   "selected": {k: [ids[i] for i in sorted(v, key=lambda i: rank[i])] for k, v in selected.items()},
                   "eligible": {k: [ids[i] for i in sorted(v, key=lambda i: rank[i])] for k, v in eligible_sets.items()}},
                  open(os.environ["CHECK_DUMP"], "w"), ensure_ascii=False, indent=1)
    rw = spec.get("rewards", {})
    total = sum(rw.get("stars", {}).get(str(s), 0) for s in stars)
    total += sum(p.get("reward", 0) * len(selected[k]) for k, p in spec.get("programmes", {}).items())
    print(f"rewards owed {total:,.0f} yuan; budget {rw.get('budget', float('inf')):,.0f}")


if __name__ == "__main__":
    main()
