import Foundation
import Model

/// Saltelli et al. (2010) sampling and the estimators of SALib's `sobol.analyze`.
///
/// Design: base matrices A and B (N × k) are the first and last k coordinates of a
/// 2k-dimensional point set; A_B^(i) is A with column i taken from B. The model is run on
/// A, every A_B^(i) and B: N(k + 2) evaluations. Outputs are standardised over all
/// N(k + 2) values, y ← (y − ȳ)/sd(y) (as SALib does; the S1 estimator is not
/// shift-invariant), then with V = Var[f(A) ∪ f(B)] (population variance of the 2N values):
/// ```
/// S_i  = (1/N) Σ f(B)_n (f(A_B^(i))_n − f(A)_n) / V        (Saltelli et al. 2010, Table 2 (b))
/// ST_i = (1/2N) Σ (f(A)_n − f(A_B^(i))_n)² / V              (Jansen 1999; Saltelli 2010 Table 2 (f))
/// ```
/// A constant output (V ≈ 0) gives 0 for both. Confidence: B bootstrap resamples of the
/// N rows (with replacement); the percentile interval is the (α/2, 1 − α/2) quantiles of
/// the B estimates (numpy "linear"), and `conf` = z_{1−α/2} · sd (ddof 1) as in SALib.
/// Sources: A. Saltelli et al., "Variance based sensitivity analysis of model output.
/// Design and estimator for the total sensitivity index", Comput. Phys. Commun. 181 (2010)
/// 259–270; M. J. W. Jansen, "Analysis of variance designs for model output", Comput.
/// Phys. Commun. 117 (1999) 35–43.
public enum SobolEstimator {
  /// z_{0.975}.
  public static let z95 = 1.959963984540054

  /// Base points: points 1…N of the unscrambled Sobol' sequence in 2k dimensions (the
  /// origin, point 0, is skipped). Returns (A, B), each N × k.
  public static func baseMatrices(n: Int, factors k: Int) throws(SensitivityError) -> (a: [[Double]], b: [[Double]]) {
    var seq = try SobolSequence(dimensions: 2 * k)
    _ = seq.next()
    var a: [[Double]] = [], b: [[Double]] = []
    a.reserveCapacity(n)
    b.reserveCapacity(n)
    for _ in 0..<n {
      let p = seq.next()
      a.append(Array(p[0..<k]))
      b.append(Array(p[k..<(2 * k)]))
    }
    return (a, b)
  }

  /// Bootstrap resample indices: resample r draws N row indices from
  /// `SplitMix64(seed: seed, stream: r)` (index = next() mod N).
  public static func resampleIndices(n: Int, resamples: Int, seed: UInt64) -> [[Int]] {
    (0..<resamples).map { r in
      var g = SplitMix64(seed: seed, stream: UInt64(r))
      return (0..<n).map { _ in Int(g.next() % UInt64(n)) }
    }
  }

  /// Indices of every factor from outputs f(A), f(B) (N each) and f(A_B^(i)) (k × N).
  /// - Parameter resamples: bootstrap row indices, one array of N per resample.
  public static func indices(
    a yA: [Double], b yB: [Double], ab yAB: [[Double]], resamples: [[Int]], confidence: Double = 0.95
  ) throws(SensitivityError) -> [SobolIndices] {
    let n = yA.count
    guard yB.count == n, yAB.allSatisfy({ $0.count == n }), n > 1 else {
      throw .shapeMismatch(
        Message(
          zh: "f(A) 有 \(n) 个值，f(B) 有 \(yB.count) 个，f(A_B) 各有 \(yAB.map(\.count)) 个",
          en: "f(A) has \(n) values, f(B) \(yB.count), f(A_B) \(yAB.map(\.count))"))
    }
    // Standardise over every output, as SALib does.
    var all = yA + yB
    for col in yAB { all += col }
    let mean = all.reduce(0, +) / Double(all.count)
    let sd = (all.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(all.count)).squareRoot()
    let scale = sd > 0 ? 1 / sd : 1
    let a = yA.map { ($0 - mean) * scale }, b = yB.map { ($0 - mean) * scale }
    let ab = yAB.map { $0.map { ($0 - mean) * scale } }
    let all0 = Array(0..<n)
    let z = confidence == 0.95 ? z95 : normalQuantile(0.5 + confidence / 2)
    // V depends on f(A) and f(B) only: once per row set, shared by every factor.
    let vAll = variance(a, b, all0)
    let vBoot = resamples.map { variance(a, b, $0) }
    return ab.map { abi in
      let (s1, st) = estimate(a, b, abi, all0, v: vAll)
      var s1s: [Double] = [], sts: [Double] = []
      s1s.reserveCapacity(resamples.count)
      sts.reserveCapacity(resamples.count)
      for (r, v) in zip(resamples, vBoot) {
        let (x, y) = estimate(a, b, abi, r, v: v)
        s1s.append(x)
        sts.append(y)
      }
      return SobolIndices(
        firstOrder: s1, totalEffect: st, firstOrderCI: percentile(s1s, confidence), totalEffectCI: percentile(sts, confidence),
        firstOrderConf: z * sampleSD(s1s), totalEffectConf: z * sampleSD(sts))
    }
  }

  /// V = population variance of f(A) ∪ f(B) on the rows `rows` (with repetition).
  static func variance(_ a: [Double], _ b: [Double], _ rows: [Int]) -> Double {
    let n = Double(rows.count)
    var mean = 0.0
    for r in rows { mean += a[r] + b[r] }
    mean /= 2 * n
    var v = 0.0
    for r in rows { v += (a[r] - mean) * (a[r] - mean) + (b[r] - mean) * (b[r] - mean) }
    return v / (2 * n)
  }

  /// (S1, ST) on the rows `rows` (with repetition), given their V (`variance`).
  static func estimate(_ a: [Double], _ b: [Double], _ ab: [Double], _ rows: [Int], v: Double) -> (Double, Double) {
    guard v > Double.ulpOfOne else { return (0, 0) }
    let n = Double(rows.count)
    var s1 = 0.0, st = 0.0
    for r in rows {
      s1 += b[r] * (ab[r] - a[r])
      st += (a[r] - ab[r]) * (a[r] - ab[r])
    }
    return (s1 / n / v, 0.5 * st / n / v)
  }

  static func sampleSD(_ x: [Double]) -> Double {
    guard x.count > 1 else { return 0 }
    let m = x.reduce(0, +) / Double(x.count)
    return (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)).squareRoot()
  }

  static func percentile(_ x: [Double], _ confidence: Double) -> ClosedRange<Double> {
    guard !x.isEmpty else { return 0...0 }
    let s = x.sorted()
    func q(_ p: Double) -> Double {
      let h = Double(s.count - 1) * p
      let lo = Int(h.rounded(.down)), hi = min(lo + 1, s.count - 1)
      return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
    }
    let alpha = 1 - confidence
    return q(alpha / 2)...q(1 - alpha / 2)
  }

  /// Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9).
  static func normalQuantile(_ p: Double) -> Double {
    let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
    let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
    let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    let lowP = 0.02425
    if p < lowP {
      let q = (-2 * log(p)).squareRoot()
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    if p > 1 - lowP { return -normalQuantile(1 - p) }
    let q = p - 0.5, r = q * q
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
      / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  }
}
