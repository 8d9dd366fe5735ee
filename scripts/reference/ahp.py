#!/usr/bin/env python3
"""Reference AHP values from pymcdm, for Tests/CriteriaTests/AHPTests.swift.

Writes Tests/Fixtures/criteria/ahp-pymcdm.json: for each matrix, pymcdm's principal
eigenvector weights, λmax (largest real eigenvalue, numpy.linalg.eig), pymcdm's CR and the
RI it used. pymcdm takes RI from Tummala & Ling (1998) (0.5799 for n = 3, 0.8921 for n = 4 …),
not Saaty's table (0.58, 0.90 …) that Sources/Criteria/AHP.swift uses, so the Swift test
compares weights and λmax (hence CI) everywhere, and CR only where the tables agree (n ≤ 2).

Setup (once):  python3 -m venv scripts/.venv && scripts/.venv/bin/pip install pymcdm
Run:           scripts/.venv/bin/python scripts/reference/ahp.py
"""
import json
import pathlib
import random

import numpy as np
from importlib.metadata import version
from pymcdm.weights.subjective import AHP

SAATY = [1, 2, 3, 4, 5, 6, 7, 8, 9]


def reciprocal(upper, n):
    """Full matrix from the upper triangle {(i, j): a_ij}."""
    a = np.ones((n, n))
    for (i, j), v in upper.items():
        a[i, j] = v
        a[j, i] = 1.0 / v
    return a


def random_matrix(n, seed):
    """A reciprocal matrix with Saaty-scale judgements (either direction), seeded."""
    rng = random.Random(seed)
    upper = {}
    for i in range(n):
        for j in range(i + 1, n):
            v = rng.choice(SAATY)
            upper[(i, j)] = float(v) if rng.random() < 0.5 else 1.0 / v
    return reciprocal(upper, n)


def cases():
    # Saaty (2008), "Decision making with the analytic hierarchy process", Int. J. Services
    # Sciences 1(1), Table 3: relative consumption of drinks in the US.
    drinks = {(0, 1): 9, (0, 2): 5, (0, 3): 2, (0, 4): 1, (0, 5): 1, (0, 6): 1 / 2,
              (1, 2): 1 / 3, (1, 3): 1 / 9, (1, 4): 1 / 9, (1, 5): 1 / 9, (1, 6): 1 / 9,
              (2, 3): 1 / 3, (2, 4): 1 / 4, (2, 5): 1 / 3, (2, 6): 1 / 9,
              (3, 4): 1 / 2, (3, 5): 1, (3, 6): 1 / 3, (4, 5): 2, (4, 6): 1 / 2, (5, 6): 1 / 3}
    yield "saaty2008-drinks", reciprocal({k: float(v) for k, v in drinks.items()}, 7)
    yield "complete-toml-effect", reciprocal({(0, 1): 3.0, (0, 2): 5.0, (1, 2): 3.0}, 3)
    yield "two", reciprocal({(0, 1): 4.0}, 2)
    yield "consistent-4", np.array([[w_i / w_j for w_j in (8, 4, 2, 1)] for w_i in (8, 4, 2, 1)], dtype=float)
    for n, seed in [(3, 1), (4, 2), (5, 3), (6, 4), (8, 5), (9, 6), (12, 7), (15, 8)]:
        yield f"random-{n}-seed{seed}", random_matrix(n, seed)


def main():
    out = []
    for name, a in cases():
        ahp = AHP(matrix=a)
        weights = ahp()
        eig = np.linalg.eigvals(a)
        n = a.shape[0]
        out.append({
            "name": name,
            "matrix": a.tolist(),
            "weights": [float(w) for w in weights],
            "lambda_max": float(max(eig.real)),
            "cr_pymcdm": float(ahp.get_cr()),
            "ri_pymcdm": float(AHP.RI_M[n - 1]) if n >= 1 else 0.0,
        })
    path = pathlib.Path(__file__).resolve().parents[2] / "Tests/Fixtures/criteria/ahp-pymcdm.json"
    doc = {"generator": f"scripts/reference/ahp.py with pymcdm {version('pymcdm')}, numpy {np.__version__}",
           "cases": out}
    path.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"wrote {len(out)} cases to {path}")


if __name__ == "__main__":
    main()
