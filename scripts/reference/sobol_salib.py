"""Reference fixtures for the Sobol' engine (Tests/SensitivityTests/Fixtures/):

- sobol_points.json: the first 128 points of SciPy's unscrambled Sobol' sequence in 40
  dimensions (Joe-Kuo new-joe-kuo-6.21201), which SobolSequence must reproduce exactly.
- salib_ishigami.json, salib_linear.json: the Saltelli sample SALib drew (X, N(D+2) x D,
  row layout A, A_B^(1..D), B per base row), the outputs Y, the bootstrap row indices
  SALib's analyze used (np.random.default_rng(seed).integers(N, size=(N, R)), stored as
  R x N), and SALib's S1, ST, S1_conf, ST_conf. The Swift estimator recomputes Y from X
  with its own model code and must match at 1e-9 relative.

SALib 1.6 sobol.analyze: S1 = Saltelli et al. 2010 (mean(f_B (f_ABi - f_A)) / V),
ST = Jansen 1999 (0.5 mean((f_A - f_ABi)^2) / V), V = np.var(r_[f_A, f_B]), after
standardising Y over all outputs; conf = z * std(bootstrap estimates, ddof=1).
Run through scripts/reference/sobol_salib.sh.
"""
import json
import os
import sys

import numpy as np
from scipy.stats import qmc
from SALib.analyze import sobol as sobol_analyze
from SALib.sample import sobol as sobol_sample

N = 512
RESAMPLES = 100
SAMPLE_SEED = 20240601
ANALYZE_SEED = 7


def ishigami(x, a=7.0, b=0.1):
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])


def linear(x):
    return x[:, 0] + 2 * x[:, 1] + 3 * x[:, 2]


def fixture(name, problem, model, out_dir):
    x = sobol_sample.sample(problem, N, calc_second_order=False, seed=SAMPLE_SEED)
    y = model(x)
    si = sobol_analyze.analyze(problem, y, calc_second_order=False, num_resamples=RESAMPLES,
                               conf_level=0.95, seed=ANALYZE_SEED)
    r = np.random.default_rng(ANALYZE_SEED).integers(N, size=(N, RESAMPLES))
    doc = {
        "model": name,
        "N": N,
        "D": problem["num_vars"],
        "bounds": problem["bounds"],
        "X": x.tolist(),
        "Y": y.tolist(),
        "resamples": r.T.tolist(),
        "S1": si["S1"].tolist(),
        "ST": si["ST"].tolist(),
        "S1_conf": si["S1_conf"].tolist(),
        "ST_conf": si["ST_conf"].tolist(),
        "salib": "SALib 1.6.0 sobol.sample(calc_second_order=False, seed=%d), sobol.analyze(seed=%d)"
        % (SAMPLE_SEED, ANALYZE_SEED),
    }
    with open(os.path.join(out_dir, "salib_%s.json" % name), "w") as f:
        json.dump(doc, f)


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    pts = qmc.Sobol(d=40, scramble=False).random_base2(m=7)
    with open(os.path.join(out_dir, "sobol_points.json"), "w") as f:
        json.dump({"dimensions": 40, "points": pts.tolist(), "source": "scipy.stats.qmc.Sobol(d=40, scramble=False)"}, f)
    pi = float(np.pi)
    fixture("ishigami", {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[-pi, pi]] * 3}, ishigami, out_dir)
    fixture("linear", {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[0.0, 1.0]] * 3}, linear, out_dir)


if __name__ == "__main__":
    main(sys.argv[1])
