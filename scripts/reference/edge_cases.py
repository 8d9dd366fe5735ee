"""Reference values for the normalisation and weighting edge cases of docs/methods.md.

Writes Tests/ScoringTests/Fixtures/edge-cases.json, which EdgeCaseTests compares the Swift
kernels with. Run through edge_cases.sh (creates the venv with pymcdm and numpy).

Each value is the documented formula evaluated in exact arithmetic: the inputs are read as
exact rationals (every double is one), sums, ratios and differences are exact, square
roots and logarithms are taken with 100 significant digits (decimal), and the result is
rounded once to the nearest double. Floating-point libraries cannot compute some of these
cases directly (a range of 3e-320 has no finite reciprocal, squares of 1e-200 underflow),
so they serve as an independent cross-check where they can: pymcdm 1.4.0 (min-max, max,
sum, vector; std-dev and CRITIC weights) and numpy (z-score, entropy, target, goalposts)
are run on the column multiplied by the power of two that brings its largest magnitude
into [0.5, 1) (np.ldexp: exact, and every one of these methods is scale-invariant), and
must agree with the exact value to 1e-12. Target and goalposts are invariant only when
the values and the target (goalposts) are scaled together, which numpy does.

Numbers are written as strings (Python's shortest round-trip repr) so that subnormals
reach the tests bit for bit.
"""
import json
import math
import pathlib
import sys
import warnings
from decimal import Decimal, getcontext
from fractions import Fraction as F

import numpy as np
from pymcdm import normalizations as pn
from pymcdm import weights as pw

warnings.simplefilter("ignore")
getcontext().prec = 100


def dec(q):
    """A rational as a 100-digit decimal."""
    return Decimal(q.numerator) / Decimal(q.denominator)


def to_float(v):
    """Exact value (Fraction or Decimal) rounded once to the nearest double."""
    return float(v)


def sqrt(q):
    return dec(q).sqrt() if isinstance(q, F) else q.sqrt()


# --- the documented formulas, exact -------------------------------------------------

def minmax(x, cost=False):
    lo, hi = min(x), max(x)
    if lo == hi:
        return [F(1)] * len(x)
    return [((hi - v) if cost else (v - lo)) / (hi - lo) for v in x]


def sum_(x, cost=False):
    if cost:
        inv = [1 / v for v in x]
        return [v / sum(inv) for v in inv]
    total = sum(x)
    if total == 0:
        return [F(1, len(x))] * len(x)
    return [v / total for v in x]


def max_(x, cost=False):
    if cost:
        least = min(x)
        return [least / v for v in x]
    top = max(x)
    if top == 0:
        return [F(1)] * len(x)
    return [v / top for v in x]


def vector(x, cost=False):
    norm = sqrt(sum(v * v for v in x))
    if norm == 0:
        return [Decimal(1) / Decimal(len(x)).sqrt()] * len(x)
    r = [dec(v) / norm for v in x]
    return [1 - v for v in r] if cost else r


def zscore(x, cost=False):
    """Oriented z-scores and their unit values (min-max of the z-scores)."""
    n = len(x)
    mean = sum(x) / n
    var = sum((v - mean) ** 2 for v in x) / n
    if var == 0:
        return [Decimal(0)] * n, [Decimal(1)] * n
    sd = sqrt(var)
    z = [dec(v - mean) / sd for v in x]
    if cost:
        z = [-v for v in z]
    lo, hi = min(z), max(z)
    return z, [(v - lo) / (hi - lo) for v in z]


def target(x, t):
    far = max(abs(v - t) for v in x)
    if far == 0:
        return [F(1)] * len(x)
    return [1 - abs(v - t) / far for v in x]


def goalposts(x, low, high, cost=False):
    def clamp(q):
        return min(F(1), max(F(0), q))
    return [clamp(((high - v) if cost else (v - low)) / (high - low)) for v in x]


def entropy(columns):
    """Entropy weights of non-negative columns (0·ln 0 = 0), with e, d."""
    e = []
    for r in columns:
        n, total = len(r), sum(r)
        if n < 2 or total == 0 or min(r) == max(r):
            e.append(Decimal(1))
            continue
        h = Decimal(0)
        for v in r:
            if v > 0:
                p = dec(v / total)
                h -= p * p.ln()
        e.append(min(Decimal(1), max(Decimal(0), h / Decimal(n).ln())))
    d = [1 - v for v in e]
    return [v / sum(d) for v in d]


def population_sd(r):
    mean = sum(r) / len(r)
    return sqrt(sum((v - mean) ** 2 for v in r) / len(r)), mean


def std_weights(columns):
    s = [population_sd(r)[0] for r in columns]
    return [v / sum(s) for v in s]


def critic(columns):
    stats = [population_sd(r) for r in columns]
    m, n = len(columns), len(columns[0])
    rho = [[Decimal(1) if j == k else Decimal(0) for k in range(m)] for j in range(m)]
    for j in range(m):
        for k in range(j + 1, m):
            (sj, mj), (sk, mk) = stats[j], stats[k]
            if sj == 0 or sk == 0:
                continue
            dot = sum((a - mj) * (b - mk) for a, b in zip(columns[j], columns[k]))
            rho[j][k] = rho[k][j] = dec(dot) / (n * sj * sk)
    c = [stats[j][0] * sum(1 - rho[j][k] for k in range(m)) for j in range(m)]
    return [v / sum(c) for v in c]


# --- independent cross-checks in floating point -------------------------------------

def scaled(x):
    """The column times the power of two that brings max |x| into [0.5, 1) (exact)."""
    a = np.asarray(x, float)
    top = float(np.max(np.abs(a)))
    if top == 0:
        return a
    return np.ldexp(a, -math.frexp(top)[1])


def library_value(method, x, cost, param):
    s = scaled(x)
    if method == "min-max":
        return pn.minmax_normalization(s, cost)
    if method == "max":
        # Exemplar's cost form min/x is pymcdm's benefit form of 1/x (docs/methods.md).
        return pn.max_normalization(1 / s, False) if cost else pn.max_normalization(s, False)
    if method == "sum":
        if np.any(s <= 0):
            return s / s.sum()  # pymcdm 1.4.0 refuses zeros: numpy, the same formula
        return pn.sum_normalization(s, cost)
    if method == "vector":
        return pn.vector_normalization(s, cost)
    if method == "z-score":
        z = (s - s.mean()) / s.std()
        return -z if cost else z
    # Target and goalposts: values and parameters scaled together (the ratios are unchanged).
    if method == "target":
        a, t = scaled(list(x) + [param])[:-1], scaled(list(x) + [param])[-1]
        d = np.abs(a - t)
        return np.ones_like(a) if d.max() == 0 else 1 - d / d.max()
    if method == "goalposts":
        both = scaled(list(x) + list(param))
        a, low, high = both[:-2], both[-2], both[-1]
        return np.clip(((high - a) if cost else (a - low)) / (high - low), 0, 1)
    raise ValueError(method)


def check(name, exact, library):
    if library is None:
        return
    for e, got in zip(exact, library):
        if not math.isclose(e, float(got), rel_tol=1e-12, abs_tol=1e-12):
            raise SystemExit(f"{name}: exact {e!r} but the library gives {float(got)!r}")


def normalisation_case(name, method, x, direction="benefit", param=None):
    q = [F(v) for v in x]
    cost = direction == "cost"
    out = {"name": name, "method": method, "direction": direction, "x": [repr(v) for v in x]}
    if method == "min-max":
        unit = minmax(q, cost)
    elif method == "sum":
        unit = sum_(q, cost)
    elif method == "max":
        unit = max_(q, cost)
    elif method == "vector":
        unit = vector(q, cost)
    elif method == "z-score":
        z, unit = zscore(q, cost)
        out["oriented"] = [repr(to_float(v)) for v in z]
        check(name + " (z)", [to_float(v) for v in z], library_value(method, x, cost, param))
    elif method == "target":
        out["target"] = repr(param)
        unit = target(q, F(param))
    elif method == "goalposts":
        out["goalposts"] = [repr(param[0]), repr(param[1])]
        unit = goalposts(q, F(param[0]), F(param[1]), cost)
    else:
        raise ValueError(method)
    values = [to_float(v) for v in unit]
    out["unit"] = [repr(v) for v in values]
    if method != "z-score":
        check(name, values, library_value(method, x, cost, param))
    return out


def weights_case(name, columns, directions):
    """Entropy, CRITIC and std-dev weights over the oriented min-max columns."""
    r = [minmax([F(v) for v in c], d == "cost") for c, d in zip(columns, directions)]
    out = {
        "name": name,
        "columns": [[repr(v) for v in c] for c in columns],
        "directions": directions,
        "entropy": [repr(to_float(v)) for v in entropy(r)],
        "critic": [repr(to_float(v)) for v in critic(r)],
        "std-dev": [repr(to_float(v)) for v in std_weights(r)],
    }
    rf = np.column_stack([[to_float(v) for v in c] for c in r])
    check(name + " std-dev", [float(v) for v in out["std-dev"]], pw.standard_deviation_weights(rf))
    check(name + " critic", [float(v) for v in out["critic"]], pw.critic_weights(rf))
    # pymcdm's entropy sets e = 0 for a column holding a zero (docs/methods.md): numpy instead.
    p = rf / rf.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        h = -np.nansum(np.where(p > 0, p * np.log(p), 0), axis=0) / np.log(rf.shape[0])
    check(name + " entropy", [float(v) for v in out["entropy"]], (1 - h) / (1 - h).sum())
    return out


# --- aggregation: utilities and each criterion's part (docs/methods.md, "Contributions") ---

def ln(q):
    return dec(q).ln() if isinstance(q, F) else q.ln()


def aggregation_case(name, method, columns, weights, v=None, floor=None):
    """Utilities u_i and parts c_ij (Σ_j c_ij = u_i) of the documented formulas, exact.

    `columns` are the values the method aggregates (criterion-major, floats); `weights` are
    exact decimal expressions ("0.1*0.9"): the Swift test uses their floating-point product,
    the reference their exact value, so quantities equal in exact arithmetic are equal here.
    """
    x = [[F(v_) for v_ in c] for c in columns]
    w = []
    for e in weights:
        q = F(1)
        for factor in e.split("*"):
            q *= F(factor)
        w.append(q)
    wf = []
    for e in weights:
        f = 1.0
        for factor in e.split("*"):
            f *= float(factor)
        wf.append(f)
    m, n = len(x), len(x[0])
    W = sum(w)
    utilities, parts = [], []
    if method == "weighted-sum":
        for i in range(n):
            c = [w[j] * x[j][i] for j in range(m)]
            utilities.append(sum(c)); parts.append(c)
    elif method == "weighted-product":
        lower = F(floor) if floor else F(2.2250738585072014e-308)
        for i in range(n):
            l = [ln(max(x[j][i], lower)) for j in range(m)]
            s = sum(dec(w[j]) * l[j] for j in range(m))
            u = s.exp()
            L = (u - 1) / s if s != 0 else Decimal(1)
            utilities.append(u)
            parts.append([dec(w[j] / W) + L * dec(w[j]) * l[j] for j in range(m)])
    elif method == "topsis":
        hi = [max(c) for c in x]; lo = [min(c) for c in x]
        for i in range(n):
            dp2 = sum((w[j] * (hi[j] - x[j][i])) ** 2 for j in range(m))
            dm2 = sum((w[j] * (x[j][i] - lo[j])) ** 2 for j in range(m))
            dp, dm = sqrt(dp2), sqrt(dm2)
            c = dm / (dp + dm) if dp + dm > 0 else Decimal(1)
            utilities.append(c)
            if dm2 > 0:
                parts.append([c * dec((w[j] * (x[j][i] - lo[j])) ** 2 / dm2) for j in range(m)])
            else:
                parts.append([c * dec(w[j] / W) for j in range(m)])
    elif method == "vikor":
        v = F(v)
        hi = [max(c) for c in x]; lo = [min(c) for c in x]
        d = [[(hi[j] - x[j][i]) / (hi[j] - lo[j]) if hi[j] > lo[j] else F(0) for i in range(n)] for j in range(m)]
        S = [sum(w[j] * d[j][i] for j in range(m)) for i in range(n)]
        R = [max(w[j] * d[j][i] for j in range(m)) for i in range(n)]
        sw, sb, rw, rb = max(S), min(S), max(R), min(R)
        k = S.index(sw)
        for i in range(n):
            st = (S[i] - sb) / (sw - sb) if sw > sb else F(0)
            rt = (R[i] - rb) / (rw - rb) if rw > rb else F(0)
            utilities.append(1 - (v * st + (1 - v) * rt))
            head = [rw - w[j] * d[j][i] for j in range(m)]
            c = []
            for j in range(m):
                sp = v * w[j] * (d[j][k] - d[j][i]) / (sw - sb) if sw > sb else v * w[j] / W
                if rw > rb:
                    rp = (1 - v) * (rw - R[i]) / (rw - rb) * head[j] / sum(head) if sum(head) > 0 else F(0)
                else:
                    rp = (1 - v) * w[j] / W
                c.append(sp + rp)
            parts.append(c)
        # pymcdm's VIKOR on the same matrix (benefit columns, no normalisation inside) gives Q.
        from pymcdm.methods import VIKOR
        if sw > sb and rw > rb:
            q = VIKOR(v=float(v))(np.column_stack([[float(t) for t in c] for c in x]), np.array(wf), np.ones(m))
            check(name + " (pymcdm VIKOR)", [float(1 - u) for u in utilities], q)
    else:
        raise ValueError(method)
    if method == "topsis":
        from pymcdm.methods import TOPSIS
        t = TOPSIS(normalization_function=lambda col, cost: col)
        check(name + " (pymcdm TOPSIS)", [to_float(u) for u in utilities],
              t(np.column_stack([[float(t_) for t_ in c] for c in x]), np.array(wf), np.ones(m)))
    for u, c in zip(utilities, parts):
        assert abs(to_float(sum(c)) - to_float(u)) < 1e-15, (name, u, c)
    out = {"name": name, "method": method, "columns": [[repr(v_) for v_ in c] for c in columns],
           "weights": [repr(f) for f in wf], "exact_weights": weights,
           "utility": [repr(to_float(u)) for u in utilities],
           "parts": [[repr(to_float(p)) for p in c] for c in parts]}
    if v is not None:
        out["v"] = repr(float(v))
    if floor is not None:
        out["floor"] = repr(floor)
    return out


def main(dest):
    tiny = [0.0, 1e-320, 3e-320]
    small = [1e-200, 2e-200, 4e-200]
    cases = [
        # Tiny values: columns whose largest magnitude is below 2^-400.
        normalisation_case("min-max of subnormals", "min-max", tiny),
        normalisation_case("min-max of subnormals, cost", "min-max", tiny, "cost"),
        normalisation_case("sum of subnormals", "sum", tiny),
        normalisation_case("max of subnormals", "max", tiny),
        normalisation_case("sum of subnormals, cost", "sum", [1e-320, 2e-320, 4e-320], "cost"),
        normalisation_case("max of subnormals, cost", "max", [1e-320, 2e-320, 4e-320], "cost"),
        normalisation_case("z-score of 1e-200", "z-score", small),
        normalisation_case("z-score of 1e-200, cost", "z-score", small, "cost"),
        normalisation_case("vector of 1e-200", "vector", small),
        normalisation_case("vector of 1e-200, cost", "vector", small, "cost"),
        normalisation_case("vector of 5.44e-158, cost", "vector", [5.44e-158, 0.0, 0.0], "cost"),
        normalisation_case("vector of 5.44e-158 and 1e-160, cost", "vector", [5.44e-158, 1e-160, 3e-159], "cost"),
        normalisation_case("min-max of mixed 1e-300 and subnormals", "min-max", [5e-324, 1e-310, 1e-300]),
        # Huge values, for symmetry (above 2^400).
        normalisation_case("z-score of 1e300", "z-score", [1e300, 3e300, 7e300, -1e300]),
        normalisation_case("vector of 1e300", "vector", [1e300, 1.7e308, 3e300]),
        # Target: every row equally far from the target.
        normalisation_case("target equidistant", "target", [0.0, 1.0, 1.0], param=0.5),
        normalisation_case("target constant column off target", "target", [3.0, 3.0, 3.0], param=0.5),
        normalisation_case("target every row on target", "target", [0.5, 0.5], param=0.5),
        normalisation_case("target far apart", "target", [-1.5e308, 1.5e308, 0.0], param=1.5e308),
        # Goalposts: values on the goalposts map to exactly 0 and 1.
        normalisation_case("goalposts [0, 49], cost", "goalposts", [49.0, 0.0, 24.5, 60.0, -3.0], "cost", (0.0, 49.0)),
        normalisation_case("goalposts [0, 49]", "goalposts", [49.0, 0.0, 24.5, 60.0, -3.0], "benefit", (0.0, 49.0)),
        normalisation_case("goalposts [0.1, 0.7], cost", "goalposts", [0.7, 0.1, 0.4], "cost", (0.1, 0.7)),
        normalisation_case("goalposts [80, 100], cost", "goalposts", [100.0, 80.0, 95.0], "cost", (80.0, 100.0)),
    ]
    weights = [
        weights_case(
            "data-driven weights over tiny columns",
            [[0.0, 1e-320, 3e-320, 2e-320], [4.0, 2.0, 1.0, 3.0], [1e-200, 4e-200, 2e-200, 8e-200]],
            ["benefit", "cost", "benefit"],
        ),
    ]
    rnd = np.random.default_rng(17)
    random_columns = [[round(float(t), 3) for t in rnd.random(6)] for _ in range(4)]
    random_weights = ["0.4", "0.3", "0.2", "0.1"]
    aggregations = [
        # VIKOR: the two rows' worst weighted regrets (and S) are equal in exact arithmetic
        # (0.1·0.9 = 0.3·0.3) but not in floating point; the formula gives Q = 0 for both.
        aggregation_case("VIKOR tie of worst regrets", "vikor", [[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]],
                         ["0.1*0.9", "0.3*0.3", "0.82"], v=0.5),
        aggregation_case("VIKOR tie of worst regrets, three rows", "vikor",
                         [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.2, 0.2, 1.0]], ["0.1*0.9", "0.3*0.3", "0.82"], v=0.5),
        aggregation_case("TOPSIS identical rows", "topsis", [[0.2, 0.2, 0.9, 0.5], [0.7, 0.7, 0.1, 0.4]],
                         ["0.1*0.3", "0.97"]),
        aggregation_case("weighted product, one value near zero", "weighted-product", [[1.0, 0.5, 0.9], [0.01, 0.5, 0.8]],
                         ["0.5", "0.5"]),
        aggregation_case("weighted sum, random", "weighted-sum", random_columns, random_weights),
        aggregation_case("weighted product, random", "weighted-product", random_columns, random_weights),
        aggregation_case("TOPSIS, random", "topsis", random_columns, random_weights),
        aggregation_case("VIKOR, random", "vikor", random_columns, random_weights, v=0.5),
        aggregation_case("VIKOR v = 0.8, random", "vikor", random_columns, random_weights, v=0.8),
    ]
    dest = pathlib.Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / "edge-cases.json"
    path.write_text(json.dumps({"normalisations": cases, "weights": weights, "aggregations": aggregations}, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {len(cases)} normalisation, {len(weights)} weighting and {len(aggregations)} aggregation cases to {path}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Tests/ScoringTests/Fixtures")
