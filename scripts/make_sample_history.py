#!/usr/bin/env python3
"""Writes samples/history.csv: earlier (2019–2021) recommendations of enterprises in
samples/metrics-2022.csv, chosen so that the history rules of criteria/2022.toml bite on a
few strong candidates (and, for the 2-year windows, a 2019 entry shows one that does not).

Usage: CHECK_DUMP=/tmp/dump.json python3 scripts/check_criteria.py samples/metrics-2022.csv criteria/2022.toml
       python3 scripts/make_sample_history.py /tmp/dump.json > samples/history.csv
"""
import json, random, sys

d = json.load(open(sys.argv[1]))
order, sel = d["order"], d["selected"]
rng = random.Random(2022)
rows = []
# Earlier city benchmark lists (no history rule there: listed again is fine).
for year in (2019, 2020, 2021):
    for i in sorted(rng.sample(range(60), 10)):
        rows.append((order[i], year, "city_benchmark"))
# Rules that bite: recommended within the programme's window.
rows.append((sel["ningbo_municipal"][0], 2021, "宁波市管理创新提升标杆企业"))  # 3-year window, Chinese name
rows.append((sel["national_it_pilot"][1], 2021, "national_it_pilot"))           # 2-year window
rows.append((sel["cloud_benchmark"][3], 2020, "cloud_benchmark"))              # 2-year window
rows.append((sel["industrial_internet_case"][2], 2021, "industrial_internet_case"))
# Outside the window: recommended in 2019, a 2-year rule does not exclude it in 2022.
rows.append((sel["cloud_benchmark"][2], 2019, "cloud_benchmark"))
# Earlier municipal / provincial recommendations of enterprises ranked lower this year.
for i, year, prog in ((40, 2019, "ningbo_municipal"), (55, 2020, "ningbo_municipal"), (70, 2019, "zhejiang_provincial")):
    rows.append((order[i], year, prog))
rows.sort(key=lambda r: (r[1], r[2], r[0]))
print("id,year,programme")
for r in rows:
    print(f"{r[0]},{r[1]},{r[2]}")
