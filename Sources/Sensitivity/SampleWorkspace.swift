import Criteria
import Model
import Scoring

/// Per-thread mutable state for evaluating one sample at a time: the sample's ordering,
/// ranks, stars, and the shortlists of each programme. Arrays are stamped with a sample
/// counter instead of being cleared, so a sample costs O(candidates walked), not O(n),
/// beyond the scoring itself.
final class SampleWorkspace {
  let plan: SelectionPlan
  let table: Table
  /// Nominal normalised matrix, criterion-major (for `group.*` and `criterion.*`).
  let normalised: [[Double]]
  /// Whether the current variant's raw value is better when lower (VIKOR).
  var lowerIsBetterFlag: Bool

  /// Utilities of the current sample (all rows).
  var utility: UnsafeBufferPointer<Double> = UnsafeBufferPointer(start: nil, count: 0)
  /// Weights of the current sample.
  var weights: [Double] = []
  /// Ranked rows in the sample's order: all of them, or the best `prefix.count`.
  var prefix: [Int32] = []
  var prefixComplete = false
  var stamp: UInt32 = 0
  let rankStamp: PlainBuffer<UInt32>
  let rankOf: PlainBuffer<Int32>
  let starStamp: PlainBuffer<UInt32>
  let starOf: PlainBuffer<Int8>
  let selectedStamp: [PlainBuffer<UInt32>]
  let eligibleStamp: [PlainBuffer<UInt32>]
  let eligibleComputedStamp: [PlainBuffer<UInt32>]
  /// Per programme: rows selected and on the reserve list in the current sample.
  var selected: [[Int32]]
  var reserve: [[Int32]]
  let capCounts: [PlainBuffer<Int32>]
  let reserveCapCounts: [PlainBuffer<Int32>]

  init(plan: SelectionPlan, table: Table, normalised: [[Double]], lowerIsBetter: Bool) {
    self.plan = plan
    self.table = table
    self.normalised = normalised
    self.lowerIsBetterFlag = lowerIsBetter
    let n = plan.rows, p = plan.programmes.count
    rankStamp = PlainBuffer(repeating: 0, count: n)
    rankOf = PlainBuffer(repeating: 0, count: n)
    starStamp = PlainBuffer(repeating: 0, count: n)
    starOf = PlainBuffer(repeating: 0, count: n)
    selectedStamp = (0..<p).map { _ in PlainBuffer(repeating: 0, count: n) }
    eligibleStamp = (0..<p).map { _ in PlainBuffer(repeating: 0, count: n) }
    eligibleComputedStamp = (0..<p).map { _ in PlainBuffer(repeating: 0, count: n) }
    selected = plan.programmes.map { _ in [] }
    reserve = plan.programmes.map { _ in [] }
    capCounts = plan.programmes.map { pr in PlainBuffer(repeating: 0, count: pr.caps.reduce(0) { $0 + $1.buckets }) }
    reserveCapCounts = plan.programmes.map { pr in PlainBuffer(repeating: 0, count: pr.caps.reduce(0) { $0 + $1.buckets }) }
  }

  /// Starts a new sample: invalidates every stamped array.
  func begin(utility u: UnsafeBufferPointer<Double>, weights w: [Double]) {
    stamp &+= 1
    if stamp == 0 {  // wrapped: clear once every 2³² samples
      for i in rankStamp.indices { rankStamp[i] = 0; starStamp[i] = 0 }
      for p in selectedStamp.indices {
        for i in selectedStamp[p].indices { selectedStamp[p][i] = 0; eligibleStamp[p][i] = 0; eligibleComputedStamp[p][i] = 0 }
      }
      stamp = 1
    }
    utility = u
    weights = w
  }

  /// Sets the ordering (ranked rows, best first) and the ranks of the rows in it.
  func setOrder(_ order: [Int32], complete: Bool) {
    prefix = order
    prefixComplete = complete
    for (pos, r) in order.enumerated() {
      rankStamp[Int(r)] = stamp
      rankOf[Int(r)] = Int32(pos + 1)
    }
  }

  func rank(_ row: Int) -> Int? { rankStamp[row] == stamp ? Int(rankOf[row]) : nil }

  /// Stars of `row` in this sample (0 for unranked rows).
  func stars(_ row: Int) -> Int {
    if starStamp[row] == stamp { return Int(starOf[row]) }
    var s = 0
    if plan.ranked[row] {
      let score = plan.scaled(utility[row])
      for level in plan.starLevels.reversed() where score >= level.minScore && level.staticOK[row] {
        if level.dynamic.allSatisfy({ $0.holds { self.value($0, row: row) } }) {
          s = level.stars
          break
        }
      }
    }
    starStamp[row] = stamp
    starOf[row] = Int8(s)
    return s
  }

  /// The value of an expression name for `row` in this sample (RowContext semantics).
  func value(_ name: String, row: Int) -> ExprValue {
    switch name {
    case "score": return .number(plan.scaled(utility[row]))
    case "raw": return .number(lowerIsBetterFlag ? 1 - utility[row] : utility[row])
    case "rank": return rank(row).map { .number(Double($0)) } ?? .missing
    case "stars": return .number(Double(stars(row)))
    default: break
    }
    if name.hasPrefix("group.") {
      guard let js = plan.groupCriteria[String(name.dropFirst(6))] else { return .missing }
      var num = 0.0, den = 0.0
      for j in js {
        num += weights[j] * normalised[j][row]
        den += weights[j]
      }
      return .number(plan.scaled(den > 0 ? num / den : 0))
    }
    if name.hasPrefix("criterion.") {
      guard let j = plan.criterionIndex[String(name.dropFirst(10))] else { return .missing }
      return .number(plan.scaled(normalised[j][row]))
    }
    if name.hasPrefix("selected.") {
      guard let p = plan.programmeIndex[String(name.dropFirst(9))] else { return .missing }
      return .bool(selectedStamp[p][row] == stamp)
    }
    if name.hasPrefix("eligible.") {
      guard let p = plan.programmeIndex[String(name.dropFirst(9))] else { return .missing }
      return .bool(isEligible(p, row: row))
    }
    return RowContext.columnValue(table, name, row: row)
  }

  /// Whether `row` qualifies for programme `p` in this sample (`eligible.KEY`: tier,
  /// history and eligibility rule pass), memoised per sample.
  func isEligible(_ p: Int, row: Int) -> Bool {
    if eligibleComputedStamp[p][row] == stamp { return eligibleStamp[p][row] == stamp }
    let ok = qualifies(p, row)
    eligibleComputedStamp[p][row] = stamp
    if ok { eligibleStamp[p][row] = stamp }
    return ok
  }
}
