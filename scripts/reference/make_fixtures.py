"""Reference values for the scoring kernels, from pymcdm and scikit-criteria.

Writes Tests/ScoringTests/Fixtures/reference-*.json; ScoringTests compares the Swift
kernels with them at 1e-9 relative. Run through make_fixtures.sh (creates the venv).

Where a library departs from the published formula the *input* is prepared so that the
library computes the published quantity exactly (docs/methods.md, "Reference fixtures"):
- pymcdm's CRITIC ignores the criterion direction: it is given the oriented min-max
  matrix r (min-max of r is r itself), so its result is Diakoulaki et al.'s (1995).
  scikit-criteria's CRITIC is direction-aware and is called on the raw matrix.
- pymcdm's entropy sets e_j = 0 when a column holds a zero (instead of 0·ln0 = 0), so the
  entropy of r (which holds zeros) comes from scikit-criteria (scipy.stats.entropy); pymcdm
  is used for the entropy of the raw, strictly positive matrix.
- pymcdm's max normalisation of a cost criterion is 1 − x/max; Exemplar's (and Spec's) is
  min/x, which is pymcdm's benefit max normalisation of 1/x — that is what is called.
- z-scores: scikit-criteria's StandarScaler (population σ) on −x for cost criteria.
- VIKOR: pymcdm rejects a constant column; the constant-column case uses scikit-criteria,
  which (like Exemplar) lets that column contribute 0.
"""
import json
import pathlib
import sys
import warnings

import numpy as np
import pymcdm
from pymcdm import normalizations as pn
from pymcdm import weights as pw
from pymcdm.helpers import normalize_matrix
import skcriteria as skc
from skcriteria.preprocessing.scalers import StandarScaler
from skcriteria.preprocessing import weighters as skw
from skcriteria.agg import simple as sks
from skcriteria.agg import topsis as skt
from skcriteria.agg.vikor import VIKOR as SKVIKOR

warnings.simplefilter("ignore")


def columns(m):
    return [[None if np.isnan(v) else float(v) for v in c] for c in np.asarray(m, float).T]


def oriented_minmax(x, types):
    return normalize_matrix(np.asarray(x, float), pn.minmax_normalization, types)


def case(name, matrix, types, weights, v=0.5, constant=False):
    x = np.asarray(matrix, float)
    types = np.asarray(types, int)
    w = np.asarray(weights, float)
    objectives = [1 if t > 0 else -1 for t in types]
    r = oriented_minmax(x, types)
    # pymcdm's min-max of a constant column is 0/0 = NaN; Exemplar's documented rule is 1.
    # The constant column is set to 1 here and its min-max values are written as null.
    constant_columns = [j for j in range(x.shape[1]) if np.ptp(x[:, j]) == 0]
    r[:, constant_columns] = 1.0

    norm = {
        "min-max": r,
        "vector": normalize_matrix(x, pn.vector_normalization, types),
        "sum": normalize_matrix(x, pn.sum_normalization, types),
        "max": np.column_stack([
            pn.max_normalization(x[:, j], False) if types[j] > 0 else pn.max_normalization(1 / x[:, j], False)
            for j in range(x.shape[1])
        ]),
    }
    signed = x * types  # −x for cost criteria
    dm_signed = skc.mkdm(signed, [1] * x.shape[1], weights=w)
    norm["z-score"] = StandarScaler(target="matrix").transform(dm_signed).matrix.to_numpy()

    out = {
        "name": name,
        "matrix": x.tolist(),
        "types": types.tolist(),
        "weights": w.tolist(),
        "normalised": {k: columns(v_) for k, v_ in norm.items()},
        "constant_columns": constant_columns,
        # Exemplar's entropy input is r (oriented min-max, holds zeros): scipy handles 0·ln0.
        "entropy": skw.entropy_weights(r).tolist(),
        "std": pw.standard_deviation_weights(r).tolist(),
        "wsm": sks.wsm(r, w)[1].tolist(),
        "topsis_pymcdm": pymcdm.methods.TOPSIS(pn.vector_normalization)(x, w, types).tolist(),
        "topsis_skcriteria": skt.topsis(
            np.column_stack([pn.vector_normalization(x[:, j]) for j in range(x.shape[1])]), objectives, w
        )[3].tolist(),
    }
    if not constant:
        # CRITIC of a constant column is undefined in both libraries (NaN correlation).
        out["critic_skcriteria"] = skw.critic_weights(x, objectives).tolist()
        out["critic_pymcdm"] = pw.critic_weights(r).tolist()
        out["entropy_raw_pymcdm"] = pw.entropy_weights(x).tolist()
        # WPM on sum-normalised (strictly positive) values: Π r^w.
        out["wpm"] = pymcdm.methods.WPM(pn.sum_normalization)(x, w, types).tolist()
        out["wpm_normalisation"] = "sum"
        _, _, _, s, rr, q = pymcdm.methods.VIKOR(v=v)._method(x, w, types)
        out["vikor"] = {"v": v, "S": s.tolist(), "R": rr.tolist(), "Q": q.tolist()}
    else:
        dm = skc.mkdm(x, objectives, weights=w)
        res = SKVIKOR(v=v, use_compromise_set=False).evaluate(dm)
        out["vikor"] = {"v": v, "S": list(map(float, res.e_.s_k)), "R": list(map(float, res.e_.r_k)),
                        "Q": list(map(float, res.e_.q_k))}
    return out


def main(dest):
    dest = pathlib.Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    cases = []
    for seed in (1, 2, 3):
        rng = np.random.default_rng(seed)
        n, m = 9, 5
        x = rng.uniform(1, 100, size=(n, m)).round(2)
        x[3, 1] = x[5, 1]  # a tie
        types = np.array([1, -1, 1, -1, 1])
        w = rng.uniform(0.5, 2, size=m)
        w /= w.sum()
        cases.append(case(f"random-{seed}", x, types, w, v=[0.5, 0.3, 0.8][seed - 1]))
    rng = np.random.default_rng(7)
    x = rng.uniform(5, 50, size=(6, 4)).round(1)
    x[:, 2] = 12.5  # a constant column
    cases.append(case("constant-column", x, [1, -1, 1, 1], [0.3, 0.2, 0.1, 0.4], constant=True))
    for c in cases:
        (dest / f"reference-{c['name']}.json").write_text(json.dumps(c, indent=1) + "\n")
    print(f"wrote {len(cases)} fixtures to {dest}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Tests/ScoringTests/Fixtures")
