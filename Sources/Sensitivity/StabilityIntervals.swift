import Criteria

/// Exact weight-stability intervals for weighted-sum aggregation.
///
/// Moving criterion j's weight to t and rescaling the others proportionally
/// (w_k(t) = w_k (1 − t)/(1 − w_j), k ≠ j) makes every score affine in t:
/// ```
/// s_i(t) = c_i + t (r_ij − c_i),   c_i = (s_i − w_j r_ij)/(1 − w_j)
/// ```
/// A shortlist can only change where an enterprise on it (insider) and an eligible one
/// off it (outsider) swap. For a plain top-K rule (no caps, no pilot priority, eligibility
/// over static columns) the nearest such swap above w_j is where the upper envelope of the
/// outsiders' lines first reaches some insider's line: O(n log n) for the envelope and
/// O(K log n) for the queries; below w_j the same on the mirrored axis. With caps or pilot
/// priority not every swap changes the outcome, so the insider/outsider crossings are
/// enumerated in order and the walk re-run between consecutive ones until the shortlist
/// changes (O(K·n log n), capped at `eventBudget` re-runs). A tier (`from`) intersects its
/// interval with its source programme's.
public enum StabilityIntervals {
  public static let eventBudget = 4_000

  /// - Throws: `SensitivityError.badParameter` unless the aggregation is weighted sum.
  public static func compute(_ model: SensitivityModel) throws(SensitivityError) -> [ProgrammeStability] {
    guard case .weightedSum = model.variants[0].kind else {
      throw .badParameter(name: "aggregation", value: 0, allowed: "stability intervals need weighted-sum aggregation")
    }
    let nominal = MonteCarlo.nominalSelection(model)
    let ev = model.evaluation
    let m = ev.weights.count, n = model.rowCount
    var score = [Double](repeating: 0, count: n)
    for i in 0..<n { for k in 0..<m { score[i] += ev.weights[k] * ev.normalised[k][i] } }
    var out: [ProgrammeStability] = []
    for (p, pr) in model.plan.programmes.enumerated() {
      var intervals: [StabilityInterval] = []
      for j in 0..<m {
        let wj = ev.weights[j]
        var line = Lines(a: [Double](repeating: 0, count: n), b: [Double](repeating: 0, count: n))
        for i in 0..<n {
          let r = ev.normalised[j][i]
          let c = wj < 1 ? (score[i] - wj * r) / (1 - wj) : 0
          line.a[i] = c
          line.b[i] = r - c
        }
        var iv = StabilityInterval(
          criterion: model.spec.criteria[j].key, criterionIndex: j, nominalWeight: wj, low: 0, high: 1,
          lowCrossing: nil, highCrossing: nil, exact: true)
        if wj < 1 {
          let simple = pr.caps.isEmpty && pr.pilot == nil && pr.dynamicEligible == nil
          let insiders = nominal[p].map(Int.init)
          var isIn = [Bool](repeating: false, count: n)
          for r in insiders { isIn[r] = true }
          let pool: [Int]
          if let from = pr.from, pr.fromMode == .selected {
            pool = nominal[from].map(Int.init).filter { pr.base[$0] && !isIn[$0] }
          } else if let from = pr.from {
            pool = (0..<n).filter { pr.base[$0] && !isIn[$0] && model.plan.programmes[from].staticEligible[$0] }
          } else {
            pool = (0..<n).filter { pr.base[$0] && !isIn[$0] }
          }
          let tierDynamic = pr.from.map { model.plan.programmes[$0].dynamicEligible != nil } ?? false
          iv.exact = pr.dynamicEligible == nil && !tierDynamic
          for forward in [true, false] {
            let found: Crossing?
            if simple && insiders.count == pr.quota {
              found = envelopeCrossing(line, insiders: insiders, outsiders: pool, t0: wj, forward: forward)
            } else if simple {
              found = nil  // fewer eligible than the quota: everyone eligible is in, whatever the weights
            } else {
              let r = eventScan(
                model, programme: p, criterion: j, line: line, insiders: insiders, outsiders: pool, t0: wj, forward: forward, nominal: nominal[p])
              found = r.crossing
              if !r.complete { iv.exact = false }
            }
            if let c = found {
              if forward { iv.high = c.weight; iv.highCrossing = c } else { iv.low = c.weight; iv.lowCrossing = c }
            }
          }
        }
        intervals.append(iv)
      }
      if let from = pr.from, from < out.count, pr.fromMode == .selected {
        for j in intervals.indices {
          let parent = out[from].intervals[j]
          if parent.high < intervals[j].high { intervals[j].high = parent.high; intervals[j].highCrossing = parent.highCrossing }
          if parent.low > intervals[j].low { intervals[j].low = parent.low; intervals[j].lowCrossing = parent.lowCrossing }
          intervals[j].exact = intervals[j].exact && parent.exact
        }
      }
      out.append(ProgrammeStability(key: pr.key, selected: nominal[p].map(Int.init), intervals: intervals))
    }
    return out
  }

  struct Lines {
    var a: [Double]
    var b: [Double]
    func at(_ i: Int, _ t: Double) -> Double { a[i] + b[i] * t }
  }

  /// Nearest t beyond t0 (above when `forward`, else below) where an outsider's line
  /// reaches an insider's line.
  static func envelopeCrossing(_ line: Lines, insiders: [Int], outsiders: [Int], t0: Double, forward: Bool) -> Crossing? {
    guard !outsiders.isEmpty, !insiders.isEmpty else { return nil }
    // Mirror the axis for the backward direction: τ = −t, slope −b.
    let sign = forward ? 1.0 : -1.0
    let lo = forward ? t0 : -t0, hi = forward ? 1.0 : 0.0
    let env = UpperEnvelope(lines: outsiders.map { (line.a[$0], sign * line.b[$0], $0) }, lo: lo, hi: hi)
    var best: Crossing?
    for i in insiders {
      guard let hit = env.firstReach(a: line.a[i], b: sign * line.b[i]) else { continue }
      let t = sign * hit.t
      if best == nil || (forward ? t < best?.weight ?? 1 : t > best?.weight ?? 0) {
        best = Crossing(weight: t, entering: hit.owner, leaving: i)
      }
    }
    return best
  }
}
