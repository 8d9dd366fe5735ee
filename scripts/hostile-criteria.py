#!/usr/bin/env python3
"""Writes hostile criteria files (issue 11) into DIR, each derived from a small valid file.
Every one must be refused by `exemplar validate` with exit 78 and a message at a line.
Usage: scripts/hostile-criteria.py DIR"""
import os, re, sys

BASE = """[evaluation]
name = "t"
year = 2022
id = "uscc"
label = "name"
scale = [0, 100]
[columns.uscc]
header = ["统一社会信用代码", "uscc"]
type = "uscc"
[columns.name]
header = ["企业名称", "name"]
type = "text"
[columns.maturity_level]
header = ["数字化水平等级(级)", "maturity_level"]
type = "integer"
range = [1, 4]
[columns.cloud_level]
header = ["企业上云等级(级)", "cloud_level"]
type = "integer"
range = [0, 5]
[weighting]
method = "direct"
[criteria.maturity]
column = "maturity_level"
weight = 0.5
[criteria.cloud]
column = "cloud_level"
weight = 0.5
[programmes.p]
name = "P"
level = "local"
quota = 5
reserves = 1
eligible = "score >= 0"
"""

def sub(pattern, repl):
    return re.sub(pattern, repl, BASE, count=1)

def groups(n):
    text = BASE.replace('column = "maturity_level"\n', f'column = "maturity_level"\ngroup = "g{n-1}"\n')
    text = text.replace('column = "cloud_level"\n', f'column = "cloud_level"\ngroup = "g{n-1}"\n')
    return text + "".join(f'[groups.g{i}]\nweight = 1\n' + (f'parent = "g{i-1}"\n' if i else "") for i in range(n))

programme = '[programmes.{}]\nname = "X"\nlevel = "local"\nquota = 1\n'
cases = {
    "parens20k": sub(r'eligible = "score >= 0"', 'eligible = "' + "(" * 20000 + "score >= 0" + ")" * 20000 + '"'),
    "not100k": sub(r'eligible = "score >= 0"', 'eligible = "' + "not " * 100000 + 'score >= 0"'),
    "and100k": sub(r'eligible = "score >= 0"', 'eligible = "' + " and ".join(["score >= 0"] * 100000) + '"'),
    "dotted50k": BASE + "[x]\n" + ".".join(["a"] * 50000) + " = 1\n",
    "arrays10k": BASE + "x = " + "[" * 10000 + "]" * 10000 + "\n",
    "quota1e10": sub(r"quota = 5", "quota = 10000000000"),
    "quota_reserves_near_intmax": sub(r"quota = 5\nreserves = 1", "quota = 9223372036854775000\nreserves = 9223372036854775000"),
    "samples1e12": BASE + "[uncertainty]\nsamples = 1000000000000\n",
    "nul_in_comment": sub(r"\[weighting\]", "# comment \x00 hidden\n[weighting]"),
    "escape_in_comment": sub(r"\[weighting\]", "# \x1b[2J\x1b]0;title\x07\n[weighting]"),
    "keys_collide": BASE + programme.format('"a/b"') + programme.format("a_b"),
    "key_too_long": BASE + programme.format("k" * 300),
    "weights1e308_normalised": BASE.replace("weight = 0.5", "weight = 1e308").replace('method = "direct"', 'method = "direct"\nnormalise = true'),
    "scale_inf": sub(r"scale = \[0, 100\]", "scale = [0, inf]"),
    "header_without_name": BASE + "[,A]\n",
    "header_triple_bracket": BASE + "[[[x]]]\n",
    "array_closing_brace": BASE + "x = [0, }]\n",
    "groups2k": groups(2000),
    "groups10k": groups(10000),
}
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for name, text in cases.items():
    with open(os.path.join(out, name + ".toml"), "w", encoding="utf-8") as f:
        f.write(text)
print(len(cases), "files in", out)
