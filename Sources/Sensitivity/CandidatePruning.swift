/// Rows that can reach the best `m` under some weight vector of the uniform ±spread model
/// (weighted sum only): the others need never be scored when only shortlists are wanted.
///
/// With the varying block V renormalised, a row's score is
/// s_i = Σ_{j∉V} w_j r_ij + W_V · (Σ_{j∈V} w_j μ_j r_ij) / (Σ_{j∈V} w_j μ_j),  μ_j ∈ [1 − s, 1 + s].
/// The weighted mean is extremal when the criteria with the largest (smallest) r get the
/// upper multiplier: trying every prefix of the sorted criteria gives the exact bounds
/// [L_i, U_i]. With T = the m-th largest L over ranked rows, a row with U_i < T is beaten
/// by at least m rows in every sample and is never in a top-m prefix.
/// - Complexity: O(n · k log k) for k varying criteria.
enum CandidatePruning {
  /// Kept rows (row order), or nil when pruning does not apply or saves little.
  /// - Parameter spread: the multiplier box (default: the uniform model's spread).
  static func keep(_ model: SensitivityModel, m: Int, spread: Double? = nil) -> [Int32]? {
    guard case .weightedSum = model.variants[0].kind, model.variants.count == 1 else { return nil }
    let s: Double
    if let spread {
      s = spread
    } else if case .uniform(let x) = model.sampler.model {
      s = x
    } else {
      return nil
    }
    let ev = model.evaluation
    let vary = model.sampler.varying
    var isVarying = [Bool](repeating: false, count: ev.weights.count)
    for j in vary { isVarying[j] = true }
    let share = model.sampler.varyingShare
    let rows = model.rankedRows
    guard rows.count > 2 * m else { return nil }
    var lower = [Double](repeating: 0, count: rows.count), upper = lower
    var r = [(value: Double, weight: Double)](repeating: (0, 0), count: vary.count)
    for (k, row32) in rows.enumerated() {
      let i = Int(row32)
      var base = 0.0
      for j in ev.weights.indices where !isVarying[j] { base += ev.weights[j] * ev.normalised[j][i] }
      for (t, j) in vary.enumerated() { r[t] = (ev.normalised[j][i], ev.weights[j]) }
      r.sort { $0.value > $1.value }
      upper[k] = base + share * extremeMean(r, hi: 1 + s, lo: 1 - s, maximise: true)
      lower[k] = base + share * extremeMean(r, hi: 1 + s, lo: 1 - s, maximise: false)
    }
    var sortedLower = lower
    sortedLower.sort(by: >)
    let threshold = sortedLower[m - 1] - 1e-9
    let kept = rows.indices.filter { upper[$0] >= threshold }.map { rows[$0] }
    return kept.count * 2 <= rows.count ? kept : nil
  }

  /// max (or min) over prefixes p of Σ w μ r / Σ w μ with μ = hi on the first p of `r`
  /// (sorted by value descending; for the minimum, μ = hi on the last p).
  static func extremeMean(_ r: [(value: Double, weight: Double)], hi: Double, lo: Double, maximise: Bool) -> Double {
    var num = 0.0, den = 0.0
    for x in r {
      num += x.weight * lo * x.value
      den += x.weight * lo
    }
    var best = den > 0 ? num / den : 0
    let order = maximise ? Array(r.indices) : Array(r.indices.reversed())
    for t in order {
      num += r[t].weight * (hi - lo) * r[t].value
      den += r[t].weight * (hi - lo)
      guard den > 0 else { continue }
      let v = num / den
      best = maximise ? max(best, v) : min(best, v)
    }
    return best
  }
}
