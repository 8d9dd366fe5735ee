import Criteria
import Foundation
import Model

/// Draws perturbed weight vectors around the nominal weights (`[uncertainty]`).
///
/// Only the criteria in `varying` move; the others keep their nominal weight, so the
/// varying block always sums to its nominal share `W_V = Σ_{j∈V} w_j`:
/// ```
/// uniform(s):    u_j = w_j · (1 − s + 2s·U_j),  U_j ~ U(0,1)        (j ∈ V)
/// dirichlet(c):  g_j ~ Gamma(c · w_j, 1)                             (j ∈ V)
/// then           w'_j = W_V · u_j / Σ_{k∈V} u_k   (or g in place of u),  w'_j = w_j  (j ∉ V)
/// ```
/// With every criterion varying this is "each weight × U(1 ± s), renormalised to 1" and
/// Dirichlet(c · w) respectively (E[w'] = w, Var[w'_j] = w_j(1 − w_j)/(c + 1)).
/// Gamma variates: Marsaglia & Tsang (2000), "A simple method for generating gamma
/// variables", ACM TOMS 26(3); shape < 1 by the boost Gamma(a) = Gamma(a + 1) · U^{1/a}.
/// Normal variates: Box–Muller, both from `SplitMix64`.
public struct WeightSampler: Sendable {
  public let nominal: [Double]
  /// Indices of the varying criteria (ascending).
  public let varying: [Int]
  public let model: UncertaintySpec.WeightModel
  /// Σ of the nominal weights of the varying criteria.
  public let varyingShare: Double

  /// - Throws: `SensitivityError.badParameter` for spread ∉ (0, 1) or concentration ≤ 0,
  ///   `.noVaryingWeight` when every varying weight is 0.
  public init(nominal: [Double], varying: [Int], model: UncertaintySpec.WeightModel) throws(SensitivityError) {
    switch model {
    case .uniform(let s):
      guard s > 0, s < 1 else { throw .badParameter(name: "uncertainty.spread", value: s, allowed: Message(zh: "0 < spread < 1", en: "0 < spread < 1")) }
    case .dirichlet(let c):
      guard c > 0, c.isFinite else {
        throw .badParameter(name: "uncertainty.concentration", value: c, allowed: Message(zh: "concentration > 0", en: "concentration > 0"))
      }
    }
    let v = varying.sorted()
    let share = v.reduce(0) { $0 + nominal[$1] }
    guard share > 0 else { throw .noVaryingWeight }
    self.nominal = nominal
    self.varying = v
    self.model = model
    self.varyingShare = share
  }

  /// Resolves `vary` keys (empty = all criteria) against the spec.
  public static func varyingIndices(_ keys: [String], spec: Spec) throws(SensitivityError) -> [Int] {
    if keys.isEmpty { return Array(spec.criteria.indices) }
    var out: [Int] = []
    for k in keys {
      guard let j = spec.criterionIndex(k) else { throw .unknownCriterion(k) }
      if !out.contains(j) { out.append(j) }
    }
    return out.sorted()
  }

  /// One perturbed weight vector drawn from `rng`, written into `w` (count = nominal.count).
  public func sample(into w: inout [Double], rng: inout SplitMix64) {
    for j in nominal.indices { w[j] = nominal[j] }
    var total = 0.0
    switch model {
    case .uniform(let s):
      for j in varying {
        let u = nominal[j] * (1 - s + 2 * s * rng.nextUnit())
        w[j] = u
        total += u
      }
    case .dirichlet(let c):
      for j in varying {
        let a = c * nominal[j]
        let g = a > 0 ? Self.gamma(shape: a, rng: &rng) : 0
        w[j] = g
        total += g
      }
    }
    rescaleVarying(&w, total: total)
  }

  /// The weight vector for a point `x` of the unit hypercube (one coordinate per varying
  /// criterion, in `varying` order): the uniform ±spread model with U_j = x_j. Used by Sobol.
  public func weights(unit x: [Double], spread: Double, into w: inout [Double]) {
    for j in nominal.indices { w[j] = nominal[j] }
    var total = 0.0
    for (k, j) in varying.enumerated() {
      let u = nominal[j] * (1 - spread + 2 * spread * x[k])
      w[j] = u
      total += u
    }
    rescaleVarying(&w, total: total)
  }

  private func rescaleVarying(_ w: inout [Double], total: Double) {
    guard total > 0 else {
      for j in varying { w[j] = nominal[j] }
      return
    }
    let f = varyingShare / total
    for j in varying { w[j] *= f }
  }

  /// A standard normal variate (Box–Muller; uses two uniforms, discards the second normal).
  public static func normal(rng: inout SplitMix64) -> Double {
    var u1 = rng.nextUnit()
    while u1 <= 0 { u1 = rng.nextUnit() }
    let u2 = rng.nextUnit()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// A Gamma(shape, 1) variate by Marsaglia & Tsang (2000).
  /// ```
  /// d = a − 1/3, c = 1/√(9d); repeat x ~ N(0,1), v = (1 + c x)³ until v > 0 and
  /// (u < 1 − 0.0331 x⁴  or  ln u < x²/2 + d(1 − v + ln v));  return d·v
  /// ```
  public static func gamma(shape a: Double, rng: inout SplitMix64) -> Double {
    if a < 1 {
      var u = rng.nextUnit()
      while u <= 0 { u = rng.nextUnit() }
      return gamma(shape: a + 1, rng: &rng) * pow(u, 1 / a)
    }
    let d = a - 1.0 / 3.0
    let c = 1 / (9 * d).squareRoot()
    while true {
      let x = normal(rng: &rng)
      let t = 1 + c * x
      if t <= 0 { continue }
      let v = t * t * t
      let u = rng.nextUnit()
      if u < 1 - 0.0331 * x * x * x * x { return d * v }
      if u > 0, log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
    }
  }
}
