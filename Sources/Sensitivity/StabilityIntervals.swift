import Criteria
import Foundation
import Model
import Selection
import Synchronization

/// Exact weight-stability intervals for weighted-sum aggregation, for every weight an
/// analyst edits: each group's and each criterion's local weight, its siblings rescaled
/// proportionally (`StabilityNode`), which keeps every score affine in the weight t:
/// s_i(t) = a_i + b_i·t.
/// A shortlist can only change where an enterprise on it (insider) and an eligible one
/// off it (outsider) swap. For a plain top-K rule (no caps, no pilot priority, eligibility
/// over static columns) the nearest such swap above w_j is where the upper envelope of the
/// outsiders' lines first reaches some insider's line: O(n log n) for the envelope and
/// O(K log n) for the queries; below w_j the same on the mirrored axis. With caps or pilot
/// priority not every swap changes the outcome, so the insider/outsider crossings are
/// enumerated in order and the walk re-run between consecutive ones until the shortlist
/// changes (O(K·n log n), capped at `eventBudget` re-runs). A tier (`from`, mode
/// `selected`) intersects its interval with its source programme's; where the source's
/// swap does not touch the tier's shortlist that bound is conservative (`exact = false`).
public enum StabilityIntervals {
  public static let eventBudget = 4_000

  /// - Parameter threads: nodes computed at the same time (each node's intervals are
  ///   computed alone, so the result does not depend on it).
  /// - Throws: `SensitivityError.badParameter` unless the aggregation is weighted sum.
  public static func compute(_ model: SensitivityModel, threads: Int = 1) throws(SensitivityError) -> [ProgrammeStability] {
    guard case .weightedSum = model.variants[0].kind else {
      throw .badParameter(name: "aggregation", value: 0, allowed: Message(zh: "权重稳定区间需要加权求和（weighted-sum）汇总", en: "stability intervals need weighted-sum aggregation"))
    }
    let context = Context(model)
    let nodes = StabilityNode.all(model.spec, weights: model.evaluation.weights)
    let found = NodeResults(count: nodes.count)
    let queue = ChunkQueue(count: nodes.count)
    DispatchQueue.concurrentPerform(iterations: max(1, min(threads, nodes.count))) { _ in
      let scratch = EventScratch(model)
      while let x = queue.next() { found.set(x, context.intervals(nodes[x], scratch: scratch)) }
    }
    return model.plan.programmes.enumerated().map { (p, pr) in
      ProgrammeStability(key: pr.key, selected: context.nominal[p].map(Int.init), intervals: nodes.indices.map { found.get($0)[p] })
    }
  }

  /// What every node's computation shares: the nominal lists and utilities, and per
  /// programme its insiders, its pool of outsiders and whether the plain envelope applies.
  struct Context: Sendable {
    struct Setup: Sendable {
      let insiders: [Int]
      let pool: [Int]
      let simple: Bool
      let exact: Bool
    }
    let model: SensitivityModel
    let nominal: [[Int32]]
    let total: [Double]
    let setups: [Setup]

    init(_ model: SensitivityModel) {
      self.model = model
      let nominal = MonteCarlo.nominalSelection(model)
      self.nominal = nominal
      let ev = model.evaluation
      let n = model.rowCount, m = ev.weights.count
      var total = [Double](repeating: 0, count: n)
      for i in 0..<n { for k in 0..<m { total[i] += ev.weights[k] * ev.normalised[k][i] } }
      self.total = total
      setups = model.plan.programmes.enumerated().map { (p, pr) -> Setup in
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
        let tierDynamic = pr.from.map { model.plan.programmes[$0].dynamicRule != nil } ?? false
        return Setup(
          insiders: insiders, pool: pool, simple: pr.caps.isEmpty && pr.pilot == nil && pr.dynamicRule == nil,
          exact: pr.dynamicRule == nil && !tierDynamic)
      }
    }

    /// One node's interval in every programme (plan order).
    func intervals(_ node: StabilityNode, scratch: EventScratch) -> [StabilityInterval] {
      let ev = model.evaluation
      let wj = node.local
      let line = node.lines(weights: ev.weights, normalised: ev.normalised, total: total)
      var intervals: [StabilityInterval] = []
      for (p, pr) in model.plan.programmes.enumerated() {
        let setup = setups[p]
        var iv = StabilityInterval(
          criterion: node.key, isGroup: node.isGroup, nominalWeight: wj, parentWeight: node.parentWeight, low: 0,
          high: 1, lowCrossing: nil, highCrossing: nil, exact: setup.exact)
        for forward in [true, false] {
          let found: Crossing?
          if setup.simple && setup.insiders.count == pr.quota {
            found = envelopeCrossing(line, insiders: setup.insiders, outsiders: setup.pool, t0: wj, forward: forward)
          } else if setup.simple {
            found = nil  // fewer eligible than the quota: everyone eligible is in, whatever the weights
          } else {
            let r = eventScan(
              model, programme: p, node: node, line: line, insiders: setup.insiders, outsiders: setup.pool, t0: wj,
              forward: forward, nominal: nominal[p], scratch: scratch)
            found = r.crossing
            if !r.complete { iv.exact = false }
          }
          if let c = found {
            if forward { iv.high = c.weight; iv.highCrossing = c } else { iv.low = c.weight; iv.lowCrossing = c }
          }
        }
        if let from = pr.from, from < p, pr.fromMode == .selected {
          // The source shortlist changes at its own bounds; the tier's shortlist surely
          // changes there only if the leaving row is on it or the entering row beats one
          // of its members — otherwise the bound is conservative (exact = false).
          let parent = intervals[from]
          let members = setup.insiders
          func changesTier(_ c: Crossing) -> Bool {
            if members.contains(c.leaving) { return true }
            let entering = line.at(c.entering, c.weight)
            return pr.base[c.entering] && members.contains { line.at($0, c.weight) <= entering }
          }
          if parent.high < iv.high, let c = parent.highCrossing {
            iv.high = parent.high
            iv.highCrossing = c
            if !changesTier(c) { iv.exact = false }
          }
          if parent.low > iv.low, let c = parent.lowCrossing {
            iv.low = parent.low
            iv.lowCrossing = c
            if !changesTier(c) { iv.exact = false }
          }
          iv.exact = iv.exact && parent.exact
        }
        intervals.append(iv)
      }
      return intervals
    }
  }

  /// Each node's intervals, filled by whichever worker computed it.
  final class NodeResults: Sendable {
    let slots: Mutex<[[StabilityInterval]]>
    init(count: Int) { slots = Mutex(Array(repeating: [], count: count)) }
    func set(_ x: Int, _ v: [StabilityInterval]) { slots.withLock { $0[x] = v } }
    func get(_ x: Int) -> [StabilityInterval] { slots.withLock { $0[x] } }
  }

  struct Lines: Sendable {
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
