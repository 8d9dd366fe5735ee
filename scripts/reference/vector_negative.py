"""TOPSIS with explicit vector normalisation on a column holding negative values
(a profit margin of loss-making enterprises), scored by pymcdm.

Writes Tests/ScoringTests/Fixtures/vector-negative.json. Run with scripts/reference/make_fixtures.sh
(the venv of make_fixtures.sh). x/||x|| is defined for any real values; pymcdm's
vector_normalization and TOPSIS accept them (cost: 1 - x/||x||).
"""
import json
import pathlib
import sys

from importlib.metadata import version

import numpy as np
import pymcdm
from pymcdm import normalizations as pn

# Rows: enterprises. Columns: profit margin % (benefit, negative for losses),
# cost reduction % (benefit, one negative), defect rate % (cost).
matrix = np.array([
    [12.5, 8.1, 1.2],
    [-4.5, 3.0, 2.5],
    [3.2, -1.7, 0.8],
    [-11.0, 6.4, 3.1],
    [7.9, 10.2, 1.9],
    [0.0, 4.4, 2.2],
])
types = np.array([1, 1, -1])
weights = np.array([0.5, 0.3, 0.2])
scores = pymcdm.methods.TOPSIS(pn.vector_normalization)(matrix, weights, types)
out = {
    "generator": f"scripts/reference/vector_negative.py with pymcdm {version('pymcdm')}, numpy {np.__version__}",
    "matrix": matrix.tolist(),
    "types": types.tolist(),
    "weights": weights.tolist(),
    "topsis_pymcdm": scores.tolist(),
}
dest = pathlib.Path(sys.argv[1])
dest.write_text(json.dumps(out, indent=1) + "\n")
