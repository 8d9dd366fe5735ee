#!/usr/bin/env python3
"""Independent reference for Selector.decide (docs/selection.md).

Draws random selection worlds (firms, programmes, history, rewards) from fixed seeds,
decides them with a plain Python reading of the rules in docs/selection.md, and writes
the worlds and the expected outcome as JSON:
Tests/SelectionTests/Fixtures/reference-cases.json (so CI needs no Python).

    python3 scripts/selection_reference.py        # regenerate the fixture

Standard library only; deterministic (random.Random(seed)).
"""
import json
import math
import random
from pathlib import Path

YEAR = 2022
INDUSTRIES = ["机械", "纺织", "汽车零部件", "电子"]
DISTRICTS = ["东区", "西区", "南区"]
LABELS = {"industry": "行业", "district": "所在区域"}  # as World declares them


# ---------------------------------------------------------------- expressions
# An expression is a tuple: ("ge", name, number) | ("name", name) | ("not", name)
# | ("or", e1, e2) | ("in", name, [strings]) | ("and", e1, e2).

def value(firm, name, decided):
    if name.startswith("selected.") or name.startswith("eligible."):
        kind, key = name.split(".", 1)
        if key not in decided:
            return None
        return firm["row"] in (decided[key]["selected"] if kind == "selected" else decided[key]["eligible"])
    if name == "rank":
        return firm["rank"] if firm["rank"] > 0 else None
    return firm[name]


def holds(e, firm, decided):
    op = e[0]
    if op == "ge":
        v = value(firm, e[1], decided)
        return v is not None and not isinstance(v, (bool, str)) and v >= e[2]
    if op == "name":
        return value(firm, e[1], decided) is True
    if op == "not":
        v = value(firm, e[1], decided)
        return v is False
    if op == "or":
        return holds(e[1], firm, decided) or holds(e[2], firm, decided)
    if op == "and":
        return holds(e[1], firm, decided) and holds(e[2], firm, decided)
    if op == "in":
        v = value(firm, e[1], decided)
        return v is not None and v in e[2]
    raise ValueError(op)


def conjuncts(e):
    return conjuncts(e[1]) + conjuncts(e[2]) if e[0] == "and" else [e]


def num(x):
    return str(int(x)) if x == int(x) else repr(x)


def render(e, source=False):
    """The clause as an official reads it (operators ≥ etc.), as ExclusionReason renders it;
    with source=True, in criteria-file syntax, fully parenthesised (parsed by the test)."""
    op = e[0]
    if op == "ge":
        return f"{e[1]} {'>=' if source else '≥'} {num(e[2])}"
    if op == "name":
        return e[1]
    if op == "not":
        return f"not {e[1]}"
    if op in ("or", "and"):
        left, right = render(e[1], source), render(e[2], source)
        return f"({left}) {op} ({right})" if source else f"{left} {op} {right}"
    if op == "in":
        return f"{e[1]} in [" + ", ".join(json.dumps(s, ensure_ascii=False) for s in e[2]) + "]"
    raise ValueError(op)


# ---------------------------------------------------------------- worlds

def draw_world(seed):
    rng = random.Random(seed)
    n = rng.randint(15, 40)
    firms = []
    for row in range(n):
        firms.append({
            "row": row, "id": f"E{row:02d}", "rank": 0, "stars": rng.randint(0, 5),
            "industry": None if rng.random() < 0.1 else rng.choice(INDUSTRIES),
            "district": rng.choice(DISTRICTS),
            "above_scale": None if rng.random() < 0.05 else rng.random() < 0.75,
            "spend": None if rng.random() < 0.1 else float(rng.randint(0, 39)),
        })
    ranked = [f for f in firms if rng.random() >= 0.1]
    rng.shuffle(ranked)
    for k, f in enumerate(ranked):
        f["rank"] = k + 1

    def atom(earlier):
        choices = [("ge", "stars", rng.randint(1, 4)), ("name", "above_scale"), ("ge", "spend", rng.randint(5, 30)),
                   ("in", "industry", rng.sample(INDUSTRIES, 2)), ("ge", "rank", 0)]
        choices[-1] = ("ge", "stars", 2)
        if earlier:
            k = rng.choice(earlier)
            choices += [("not", f"selected.{k}"), ("name", f"eligible.{k}"), ("name", f"selected.{k}")]
        a = rng.choice(choices)
        if rng.random() < 0.2:
            a = ("or", a, ("ge", "spend", rng.randint(20, 35)))
        return a

    programmes = []
    keys = ["city", "province", "nation", "cloud"][: rng.randint(2, 4)]
    for i, key in enumerate(keys):
        earlier = keys[:i]
        p = {"key": key, "name": f"{key}名单", "quota": rng.choice([0, 1, 3, 5, 8, 12, 50]),
             "reserves": rng.choice([0, 0, 1, 2, 4]), "eligible": None, "from": None, "from_mode": "selected",
             "caps": {}, "pilot": [], "pilot_first": False, "history_years": 0,
             "history_names": [key], "reward": rng.choice([0, 0, 100000, 500000, 30000])}
        if rng.random() < 0.8:
            p["eligible"] = atom(earlier)
            for _ in range(rng.randint(0, 2)):
                p["eligible"] = ("and", p["eligible"], atom(earlier))
        if earlier and rng.random() < 0.5:
            p["from"] = rng.choice(earlier)
            p["from_mode"] = rng.choice(["selected", "eligible"])
        for col in ("industry", "district"):
            if rng.random() < 0.4:
                p["caps"][col] = rng.choice([0, 1, 1, 2, 2, 3, 4])
        if rng.random() < 0.4:
            p["pilot"] = rng.sample(INDUSTRIES, rng.randint(1, 2))
            p["pilot_first"] = rng.random() < 0.8
        if rng.random() < 0.5:
            p["history_years"] = rng.randint(1, 3)
            if rng.random() < 0.3:
                p["history_names"] = [key, f"{key}-old"]
        programmes.append(p)

    history = []
    for _ in range(rng.randint(0, 15)):
        history.append((f"E{rng.randrange(n):02d}", rng.randint(2017, 2023),
                        rng.choice(keys + [f"{k}-old" for k in keys] + ["other"])))
    rewards = {"stars": {s: rng.choice([0, 20000, 50000]) for s in rng.sample([3, 4, 5], rng.randint(0, 3))},
               "stacking": rng.choice(["sum", "max"]), "budget": None,
               "allocation": rng.choice(["rank", "pro-rata"]), "round_to": rng.choice([1, 100, 1000])}
    if rng.random() < 0.7:
        rewards["budget"] = float(rng.choice([0, 50000, 120500, 333333, 1000000, 5000000]))
    return firms, programmes, history, rewards


# ---------------------------------------------------------------- the rules

def decide(firms, programmes, history):
    by_rank = sorted((f for f in firms if f["rank"] > 0), key=lambda f: f["rank"])
    unranked = [f for f in firms if f["rank"] == 0]
    names = {p["key"]: p["name"] for p in programmes}
    decided = {}
    out = []
    for p in programmes:
        if p["pilot_first"] and p["pilot"]:
            cands = [f for f in by_rank if f["industry"] in p["pilot"]] + \
                    [f for f in by_rank if f["industry"] not in p["pilot"]]
        else:
            cands = list(by_rank)
        reason = {}
        qualified = []
        for f in cands:
            if p["from"] is not None:
                src = decided[p["from"]]
                pool = src["selected"] if p["from_mode"] == "selected" else src["eligible"]
                if f["row"] not in pool:
                    tier = names[p["from"]]
                    reason[f["row"]] = (f"not on the shortlist of {tier}" if p["from_mode"] == "selected"
                                        else f"not eligible for {tier}")
                    continue
            if p["history_years"] > 0:
                years = [y for (i, y, prog) in history if i == f["id"] and prog in p["history_names"]
                         and YEAR - p["history_years"] <= y < YEAR]
                if years:
                    reason[f["row"]] = f"already recommended to {p['name']} in {max(years)}"
                    continue
            if p["eligible"] is not None:
                failing = [c for c in conjuncts(p["eligible"]) if not holds(c, f, decided)]
                if failing:
                    reason[f["row"]] = "not eligible: " + render(failing[0])
                    continue
            qualified.append(f)

        def full_cap(counts, f):
            for col in sorted(p["caps"]):
                v = f[col]
                if v is not None and counts.get((col, v), 0) >= p["caps"][col]:
                    return f"cap reached: at most {p['caps'][col]} per {LABELS[col]} ({v})"
            return None

        def add(counts, f):
            for col in p["caps"]:
                if f[col] is not None:
                    counts[(col, f[col])] = counts.get((col, f[col]), 0) + 1

        selected, reserve, waiting = [], [], []
        sel_counts, res_counts = {}, {}
        below = f"below the line (quota {p['quota']})"
        for f in qualified:
            if len(selected) < p["quota"]:
                cap = full_cap(sel_counts, f)
                if cap:
                    reason[f["row"]] = cap
                    waiting.append(f)
                else:
                    selected.append(f["row"])
                    add(sel_counts, f)
            else:
                reason[f["row"]] = below
                waiting.append(f)
        for f in waiting:
            if len(reserve) >= p["reserves"]:
                break
            cap = full_cap(res_counts, f)
            if cap:
                if not reason[f["row"]].startswith("cap reached"):
                    reason[f["row"]] = cap
                continue
            reserve.append(f["row"])
            add(res_counts, f)
            del reason[f["row"]]
        excluded = [(f["row"], reason[f["row"]]) for f in by_rank if f["row"] in reason]
        excluded += [(f["row"], "not ranked: 缺少数据：研发投入") for f in unranked]
        decided[p["key"]] = {"selected": selected, "eligible": {f["row"] for f in qualified}}
        out.append((selected, reserve, excluded))
    return out, decided


def round_down(x, step):
    if x <= 0:
        return 0.0
    q = math.floor(x / step + 1e-9)
    return min(x, q * step)


def allocate(firms, programmes, decided, rewards):
    awards = []  # [row, source, entitled, granted, superseded]
    for f in sorted((f for f in firms if f["rank"] > 0), key=lambda f: f["rank"]):
        mine = []
        amount = rewards["stars"].get(f["stars"], 0)
        if amount > 0:
            mine.append([f["row"], f"stars:{f['stars']}", float(amount), 0.0, False])
        for p in programmes:
            if p["reward"] > 0 and f["row"] in decided[p["key"]]["selected"]:
                mine.append([f["row"], p["key"], float(p["reward"]), 0.0, False])
        if rewards["stacking"] == "max" and len(mine) > 1:
            best = max(range(len(mine)), key=lambda i: (mine[i][2], -i))
            for i, a in enumerate(mine):
                a[4] = i != best
        awards += mine
    live = [a for a in awards if not a[4]]
    total = sum(a[2] for a in live)
    budget, step = rewards["budget"], rewards["round_to"]
    if budget is None or total <= budget:
        for a in live:
            a[3] = round_down(a[2], step)
    elif rewards["allocation"] == "rank":
        left, done = budget, False
        for a in live:
            want = round_down(a[2], step)
            if done:
                a[3] = 0.0
            elif want <= left:
                a[3], left = want, left - want
            else:
                a[3], done = round_down(left, step), True
                left -= a[3]
    else:
        for a in live:
            a[3] = round_down(a[2] * budget / total, step)
    return awards, total


# ---------------------------------------------------------------- JSON output



def case(seed):
    firms, programmes, history, rewards = draw_world(seed)
    outcome, decided = decide(firms, programmes, history)
    awards, total = allocate(firms, programmes, decided, rewards)
    ident = lambda row: firms[row]["id"]
    return {
        "seed": seed,
        "firms": [{"id": f["id"], "rank": f["rank"], "stars": f["stars"], "industry": f["industry"],
                   "district": f["district"], "above_scale": f["above_scale"], "spend": f["spend"]} for f in firms],
        "programmes": [{
            "key": p["key"], "name": p["name"], "quota": p["quota"], "reserves": p["reserves"],
            "eligible": None if p["eligible"] is None else render(p["eligible"], source=True),
            "from": p["from"], "from_mode": p["from_mode"], "caps": dict(sorted(p["caps"].items())),
            "pilot_industries": p["pilot"], "pilot_priority": "first" if p["pilot_first"] else "none",
            "history_years": p["history_years"], "history_names": p["history_names"], "reward": p["reward"],
        } for p in programmes],
        "history": [{"id": i, "year": y, "programme": prog} for (i, y, prog) in history],
        "rewards": {"by_stars": {str(k): v for k, v in sorted(rewards["stars"].items())},
                    "stacking": rewards["stacking"], "budget": rewards["budget"],
                    "allocation": "rank" if rewards["allocation"] == "rank" else "pro-rata",
                    "round_to": rewards["round_to"]},
        "expected": [{"selected": [ident(r) for r in selected], "reserve": [ident(r) for r in reserve],
                      "excluded": [ident(row) + ": " + why for row, why in excluded]}
                     for (selected, reserve, excluded) in outcome],
        "awards": [f"{ident(a[0])} {a[1]} {num(a[2])} {num(a[3])}" + (" superseded" if a[4] else "") for a in awards],
        "total_entitled": total,
    }


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "Tests" / "SelectionTests" / "Fixtures" / "reference-cases.json"
    out.parent.mkdir(exist_ok=True)
    cases = [case(seed) for seed in range(1, 31)]
    out.write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
