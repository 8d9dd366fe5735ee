"""The Arrow layout read by independent Arrow implementations: `exemplar run --layout arrow`
on the samples (with every procedure file, so some enterprises are screened out and
unranked) and on a generated 10,000-row file (three record batches). enterprises.arrow is
opened with pyarrow (its full validation on), with pandas (`read_feather`, as docs/outputs.md
shows) and with polars (`read_ipc`, its own Rust reader); every value must equal the
columnar layout's enterprises.csv and the default layout's results.json entries, exactly.

Usage: arrow_layout_test.py EXEMPLAR   (run from the repository root; exits 1 on a mismatch)
"""
import csv, json, math, subprocess, sys, tempfile

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.ipc as ipc

exe = sys.argv[1]
failures = []
SAMPLES = ["samples/metrics-2022.csv", "--criteria", "criteria/2022.toml", "--history", "samples/history.csv",
           "--screen", "samples/screening.csv", "--reviews", "samples/reviews.csv", "--recusals", "samples/recusals.csv",
           "--decisions", "samples/decisions.csv"]


def run(args, layout, out):
    subprocess.run([exe, "run", *args, "--no-excel", "--no-html", "--layout", layout, "--out", out], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def same(a, b):
    """Equal doubles, or both missing (NaN / None)."""
    missing = lambda x: x is None or (isinstance(x, float) and math.isnan(x))
    return (missing(a) and missing(b)) or (not missing(a) and not missing(b) and a == b)


def check(name, args, metrics, batches):
    with tempfile.TemporaryDirectory() as tmp:
        for layout in ("objects", "columnar", "arrow"):
            run(args, layout, f"{tmp}/{layout}")
        pointer = json.load(open(f"{tmp}/arrow/results.json", encoding="utf-8"))["ranking"]
        path = f"{tmp}/arrow/" + pointer["file"]
        reader = ipc.open_file(path)
        table = reader.read_all()
        table.validate(full=True)
        if reader.num_record_batches != batches:
            failures.append(f"{name}: {reader.num_record_batches} record batches, expected {batches}")
        if table.column_names != pointer["columns"] or table.num_rows != pointer["rows"]:
            failures.append(f"{name}: schema {table.column_names[:5]}… / {table.num_rows} rows differ from results.json")
        types = {"id": pa.string(), "label": pa.string(), "rank": pa.int32(), "stars": pa.int32(), "score": pa.float64(),
                 "imputed": pa.string(), "next_stars": pa.int32(), "unmet": pa.string(), "reward": pa.float64()}
        for column, t in types.items():
            if table.schema.field(column).type != t:
                failures.append(f"{name}: {column} is {table.schema.field(column).type}, expected {t}")

        # Rows in the order of the metrics file.
        with open(metrics, encoding="utf-8-sig", newline="") as f:
            position = {row[0]: i for i, row in enumerate(list(csv.reader(f))[1:])}
        ids = table.column("id").to_pylist()
        if [position[i] for i in ids] != sorted(position[i] for i in ids):
            failures.append(f"{name}: rows are not in the metrics file's order")

        # The documented read, against the columnar layout's CSV: every cell equal.
        a = pd.read_feather(path).sort_values("rank", kind="stable").reset_index(drop=True)
        c = pd.read_csv(f"{tmp}/columnar/enterprises.csv", keep_default_na=False,
                        dtype={"id": str, "label": str, "imputed": str, "unmet": str},
                        na_values={"next_stars": [""], "points_short": [""], "reward": [""]})
        no_gap = c["next_stars"].isna()
        for column in a.columns:
            x, y = a[column], c[column]
            if pd.api.types.is_numeric_dtype(x):
                bad = [k for k in range(len(a)) if not same(float(x[k]) if pd.notna(x[k]) else None,
                                                            float(y[k]) if pd.notna(y[k]) else None)]
            else:
                bad = [k for k in range(len(a)) if (None if pd.isna(x[k]) else str(x[k])) !=
                       (None if column == "unmet" and no_gap[k] else str(y[k]))]
            if bad:
                failures.append(f"{name}: {column} differs from enterprises.csv at rank {bad[0] + 1}: {x[bad[0]]!r} / {y[bad[0]]!r}")

        # Against results.json's entries (default layout), value by value.
        rows = {r["id"]: r for r in table.to_pylist()}
        for e in json.load(open(f"{tmp}/objects/results.json", encoding="utf-8"))["ranking"]:
            r = rows.get(e["id"])
            if r is None:
                failures.append(f"{name}: {e['id']} missing")
                continue
            for k in ("label", "rank", "competition_rank", "stars", "score", "raw"):
                if r[k] != e[k]:
                    failures.append(f"{name}: {e['id']} {k}: {r[k]!r} != {e[k]!r}")
            for key, share in e["contributions"].items():
                if not same(r["contribution." + key], share):
                    failures.append(f"{name}: {e['id']} contribution {key}: {r['contribution.' + key]!r} != {share!r}")
            for key, score in e["group_scores"].items():
                if r["group." + key] != score:
                    failures.append(f"{name}: {e['id']} group {key}: {r['group.' + key]!r} != {score!r}")
            if r["imputed"] != ";".join(e.get("imputed", [])):
                failures.append(f"{name}: {e['id']} imputed: {r['imputed']!r}")
            gap = e["star_gap"]
            expected = (None, None, None) if gap is None else (gap["next_stars"], gap["points_short"], " | ".join(gap["unmet"]))
            if (r["next_stars"], r["points_short"], r["unmet"]) != expected:
                failures.append(f"{name}: {e['id']} star gap: {(r['next_stars'], r['points_short'], r['unmet'])!r} != {expected!r}")
            if r["reward"] != e.get("reward"):
                failures.append(f"{name}: {e['id']} reward: {r['reward']!r} != {e.get('reward')!r}")

        # polars' own reader.
        p = pl.read_ipc(path)
        if p.height != table.num_rows or p.sort("rank")["id"].to_list() != a["id"].tolist():
            failures.append(f"{name}: polars reads {p.height} rows in another order")
        return table.num_rows


with tempfile.TemporaryDirectory() as data:
    n = check("samples", SAMPLES, "samples/metrics-2022.csv", batches=1)
    generated = f"{data}/metrics-10000.csv"
    subprocess.run([exe, "generate", "--rows", "10000", "--seed", "7", "--out", generated], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    m = check("generated", [generated, "--criteria", "criteria/2022.toml"], generated, batches=3)
print("\n".join(failures) if failures else
      f"ok: enterprises.arrow ({n} and {m} enterprises) read with pyarrow {pa.__version__}, pandas {pd.__version__}, polars {pl.__version__}")
sys.exit(1 if failures else 0)
