#!/usr/bin/env python3
"""Writes the benchmark criteria files (20 criteria, equal direct weights) next to the data.

Takes the [evaluation] and [columns.*] tables of criteria/2022.toml as they are, adds 20
min-max criteria, and writes three variants — weighted sum (wsm.toml), TOPSIS (topsis.toml),
entropy weights (entropy.toml) — plus spec.json for the pandas/polars peers.
Usage: make_criteria.py criteria/2022.toml OUTDIR
"""
import json, sys, tomllib

src, out = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
head = text[: text.index("\n[weighting]")]
doc = tomllib.loads(head)
columns = doc["columns"]
keys = ["revenue_wan", "revenue_per_employee_wan", "digital_investment_wan", "it_investment_wan",
        "consulting_spend_wan", "digital_staff", "cloud_level", "maturity_level", "cost_reduction_pct",
        "energy_cost_reduction_pct", "inventory_turnover_gain_pct", "efficiency_gain_pct", "oee_pct",
        "lead_time_reduction_pct", "on_time_delivery_pct", "defect_reduction_pct", "first_pass_yield_pct",
        "defect_rate_pct", "complaints_change_pct", "training_satisfaction"]
cost = {"defect_rate_pct", "complaints_change_pct"}
crit = []
body = ""
for k in keys:
    d = "cost" if k in cost else "benefit"
    body += f'\n[criteria.{k}]\ncolumn = "{k}"\ndirection = "{d}"\nweight = 0.05\nnormalise = "min-max"\n'
    h = columns[k]["header"]
    crit.append({"key": k, "header": h[0] if isinstance(h, list) else h, "direction": d, "weight": 0.05,
                 "missing": columns[k].get("missing", "reject")})
variants = {
    "wsm": '\n[weighting]\nmethod = "direct"\n\n[aggregation]\nmethod = "weighted-sum"\n',
    "topsis": '\n[weighting]\nmethod = "direct"\n\n[aggregation]\nmethod = "topsis"\n',
    "entropy": '\n[weighting]\nmethod = "entropy"\n\n[aggregation]\nmethod = "weighted-sum"\n',
}
for name, tail in variants.items():
    with open(f"{out}/{name}.toml", "w", encoding="utf-8") as f:
        f.write(head + "\n" + tail + body)
ev = doc["evaluation"]
hdr = lambda k: (columns[k]["header"][0] if isinstance(columns[k]["header"], list) else columns[k]["header"])
json.dump({"id": hdr(ev["id"]), "label": hdr(ev["label"]), "criteria": crit},
          open(f"{out}/spec.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
