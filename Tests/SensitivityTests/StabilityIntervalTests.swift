import Criteria
import Model
import Scoring
import Selection
import TestSupport
import Testing

@testable import Sensitivity

@Suite struct StabilityIntervalTests {
  /// The final weights with the local weight of `iv`'s group or criterion at t, its siblings
  /// rescaled proportionally (docs/sensitivity.md), written from the spec's tree.
  static func weights(_ p: Problem, _ iv: StabilityInterval, t: Double) -> [Double] {
    let spec = p.spec, w0 = p.evaluation.weights
    func isUnder(_ j: Int, _ group: String?) -> Bool {
      guard let group else { return true }
      var g = spec.criteria[j].group
      while let k = g { if k == group { return true }; g = spec.group(k)?.parent }
      return false
    }
    let parent: String? = iv.isGroup ? spec.group(iv.criterion)?.parent : spec.criteria.first { $0.key == iv.criterion }?.group
    let members = w0.indices.filter { iv.isGroup ? isUnder($0, iv.criterion) : spec.criteria[$0].key == iv.criterion }
    let siblings = w0.indices.filter { isUnder($0, parent) && !members.contains($0) }
    let wp = (members + siblings).reduce(0.0) { $0 + w0[$1] }, local = members.reduce(0.0) { $0 + w0[$1] } / wp
    var w = w0
    for j in members { w[j] = w0[j] * t / local }
    for j in siblings { w[j] = w0[j] * (1 - t) / (1 - local) }
    return w
  }

  /// Independent brute force: the shortlist (as a set) at weights w, by rescoring every row
  /// and walking in score order (ties by nominal rank) with the caps.
  static func shortlist(_ p: Problem, programme: ProgrammeSpec, w: [Double]) -> Set<Int> {
    let n = p.table.rowCount
    let s = (0..<n).map { i in w.indices.reduce(0.0) { $0 + w[$1] * p.evaluation.normalised[$1][i] } }
    let order = (0..<n).sorted { s[$0] != s[$1] ? s[$0] > s[$1] : p.evaluation.rank[$0] < p.evaluation.rank[$1] }
    let tier = programme.from.flatMap { f in p.spec.programmes.first { $0.key == f } }.map { shortlist(p, programme: $0, w: w) }
    var counts: [String: Int] = [:]
    var out = Set<Int>()
    for r in order where out.count < programme.quota {
      if let tier, !tier.contains(r) { continue }
      if case .bool(false)? = programme.eligible.map({ e in ExprValue.bool(e.holds { RowContext.columnValue(p.table, $0, row: r) }) }) { continue }
      if let cap = programme.caps["industry"] {
        let key = p.table.string("industry", row: r)
        if counts[key, default: 0] >= cap { continue }
        counts[key, default: 0] += 1
      }
      out.insert(r)
    }
    return out
  }

  /// Sweeps t on a grid of step h from the nominal weight outwards; the first grid point
  /// with a different shortlist must lie beyond the analytic bound, within one step.
  static func checkAgainstSweep(_ p: Problem, _ result: [ProgrammeStability], h: Double = 1e-3) {
    for (k, prog) in p.spec.programmes.enumerated() {
      for iv in result[k].intervals {
        let nominal = shortlist(p, programme: prog, w: weights(p, iv, t: iv.nominalWeight))
        #expect(nominal == Set(result[k].selected))
        var t = iv.nominalWeight
        var firstUp = 1.0 + h
        while t <= 1 {
          if shortlist(p, programme: prog, w: weights(p, iv, t: t)) != nominal { firstUp = t; break }
          t += h
        }
        t = iv.nominalWeight
        var firstDown = -h
        while t >= 0 {
          if shortlist(p, programme: prog, w: weights(p, iv, t: t)) != nominal { firstDown = t; break }
          t -= h
        }
        // Never claims stability beyond the first change; exact bounds are within one step.
        #expect(iv.high <= firstUp + 1e-12, "high \(iv.high) vs sweep \(firstUp)")
        #expect(iv.low >= firstDown - 1e-12, "low \(iv.low) vs sweep \(firstDown)")
        if iv.exact {
          #expect(iv.high > firstUp - h - 1e-12, "high \(iv.high) vs sweep \(firstUp)")
          #expect(iv.low < firstDown + h + 1e-12, "low \(iv.low) vs sweep \(firstDown)")
        }
      }
    }
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func topKMatchesBruteForceSweep(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed &* 31)
    let values = Problem.random(rows: 80, criteria: 4, seed: seed).map { $0.map { $0 + rng.nextUnit() } }
    let p = Problem.make(
      values: values, weights: [0.4, 0.3, 0.2, 0.1],
      programmes: [
        ProgrammeDraft(key: "top", quota: 8), ProgrammeDraft(key: "few", quota: 2),
        ProgrammeDraft(key: "tier", quota: 3, from: "top"),
      ])
    let model = try SensitivityModel(evaluation: p.evaluation, table: p.table, spec: p.spec)
    let result = try StabilityIntervals.compute(model)
    for prog in result.prefix(2) { for iv in prog.intervals { #expect(iv.exact) } }
    for prog in result { for iv in prog.intervals { #expect(iv.low <= iv.nominalWeight && iv.nominalWeight <= iv.high) } }
    Self.checkAgainstSweep(p, result)
  }

  @Test func capsAndStaticEligibilityMatchBruteForceSweep() throws {
    let values = Problem.random(rows: 60, criteria: 3, seed: 21)
    let industries = (0..<60).map { ["A", "B", "C"][$0 % 3] }
    let flags = (0..<60).map { $0 % 7 != 0 }
    let p = Problem.make(
      values: values, weights: [0.5, 0.3, 0.2], industries: industries, flags: flags,
      programmes: [ProgrammeDraft(key: "capped", quota: 6, eligible: .name("flag"), caps: ["industry": 2])])
    let model = try SensitivityModel(evaluation: p.evaluation, table: p.table, spec: p.spec)
    let result = try StabilityIntervals.compute(model)
    Self.checkAgainstSweep(p, result)
    #expect(result[0].intervals.allSatisfy { $0.exact })
  }

  /// The event scan orders only the best rows per probe and skips outsiders that cannot
  /// reach an insider; nodes run on several threads: on a larger capped table the
  /// intervals still match the brute-force sweep, and 1 and 3 threads give the same.
  @Test func capsOnALargerTableMatchTheSweepOnAnyThreadCount() throws {
    let rows = 1_500
    let values = Problem.random(rows: rows, criteria: 4, seed: 31)
    let industries = (0..<rows).map { ["A", "B", "C", "D"][($0 * 7) % 4] }
    let flags = (0..<rows).map { $0 % 5 != 0 }
    let p = Problem.make(
      values: values, weights: [0.4, 0.3, 0.2, 0.1], industries: industries, flags: flags,
      programmes: [ProgrammeDraft(key: "capped", quota: 12, eligible: .name("flag"), caps: ["industry": 4])])
    let model = try SensitivityModel(evaluation: p.evaluation, table: p.table, spec: p.spec)
    let one = try StabilityIntervals.compute(model, threads: 1)
    let three = try StabilityIntervals.compute(model, threads: 3)
    #expect(one == three)
    #expect(one[0].intervals.contains { $0.highCrossing != nil || $0.lowCrossing != nil }, "no interval ends: the test sees nothing")
    Self.checkAgainstSweep(p, one)
  }

  @Test func crossingNamesTheSwappingPair() throws {
    // Two criteria; rows 0 and 1 are the top-1 contest: row 0 wins on k0, row 1 on k1.
    let values: [[Double]] = [[10, 6, 0, 1], [0, 10, 1, 0]]
    let p = Problem.make(values: values, weights: [0.7, 0.3], programmes: [ProgrammeDraft(key: "one", quota: 1)])
    let model = try SensitivityModel(evaluation: p.evaluation, table: p.table, spec: p.spec)
    let iv = try StabilityIntervals.compute(model)[0].intervals[0]
    // s0 = t, s1 = 0.6 t + (1 − t): row 1 leads at t = 0.7 (0.72 vs 0.70); equal at t = 1/1.4.
    #expect(p.evaluation.order.first == 1)
    #expect(abs(iv.high - 1 / 1.4) < 1e-12)
    #expect(iv.low == 0 && iv.lowCrossing == nil)
    #expect(iv.highCrossing?.entering == 0 && iv.highCrossing?.leaving == 1)
  }

  /// Group weights and local criterion weights in a tree (the knobs of the criteria file):
  /// every interval matches the brute-force sweep of the documented rescaling, in local
  /// weights, with the final weight = parent's weight × local weight.
  @Test(arguments: [4, 5] as [UInt64])
  func groupAndLocalWeightsMatchBruteForceSweep(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let values = Problem.random(rows: 70, criteria: 5, seed: seed).map { $0.map { $0 + rng.nextUnit() } }
    var p = Problem.make(
      values: values, weights: [0.5, 0.5, 0.2, 0.3, 0.5],
      programmes: [ProgrammeDraft(key: "top", quota: 7), ProgrammeDraft(key: "two", quota: 2)],
      groups: [GroupDraft(key: "cost", weight: 0.6), GroupDraft(key: "quality", weight: 0.4)],
      criterionGroups: (0..<5).map { $0 < 2 ? "cost" : "quality" })
    p.evaluation = try Selector.run(p.table, spec: p.spec, history: []).evaluation
    let model = try SensitivityModel(evaluation: p.evaluation, table: p.table, spec: p.spec)
    let result = try StabilityIntervals.compute(model)
    let cost = try #require(result[0].intervals.first { $0.criterion == "cost" })
    #expect(cost.isGroup && abs(cost.nominalWeight - 0.6) < 1e-12 && cost.parentWeight == 1)
    let k3 = try #require(result[0].intervals.first { $0.criterion == "k3" })
    #expect(!k3.isGroup && abs(k3.nominalWeight - 0.3) < 1e-12 && abs(k3.finalWeight - 0.12) < 1e-12)
    #expect(result[0].intervals.count == 2 + 5)
    for prog in result { for iv in prog.intervals { #expect(iv.exact && iv.low <= iv.nominalWeight && iv.nominalWeight <= iv.high) } }
    Self.checkAgainstSweep(p, result)
  }
}
