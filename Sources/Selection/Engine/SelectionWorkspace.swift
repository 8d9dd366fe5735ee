import Criteria
import Model
import Scoring

/// The one engine that turns an ordering of the ranked rows into stars and shortlists
/// (docs/selection.md): `run` and `explain` drive it once over the full ranking with a
/// `SelectionRecorder` (every rule that stopped a row is kept, for reasons); every
/// sensitivity sample drives it over the sample's utilities, often only over the best
/// rows (the walk stops as soon as the lists are full).
///
/// Mutable per-sample state lives in arrays stamped with a sample counter instead of
/// being cleared, so a sample costs O(candidates walked), beyond the scoring itself.
/// One workspace per thread.
///
/// The mutable state is read and written per candidate of every sample by the one thread
/// that owns the workspace: its stored properties skip Swift's dynamic exclusivity checks
/// (`@exclusivity(unchecked)`; they were a tenth of a sample's time in profiles).
package final class SelectionWorkspace {
  package let plan: SelectionPlan
  let table: Table
  /// Normalised matrix, criterion-major (for `group.*` and `criterion.*`).
  let normalised: [UnitColumn]
  /// Whether the current method's raw value is better when lower (VIKOR).
  @exclusivity(unchecked) package var lowerIsBetter: Bool

  /// Utilities of the current sample (all rows; score = scaled utility).
  @exclusivity(unchecked) package var utility: UnsafeBufferPointer<Double> = UnsafeBufferPointer(start: nil, count: 0)
  /// Weights of the current sample.
  @exclusivity(unchecked) package var weights: [Double] = []
  /// Ranked rows in the sample's order: all of them, or the best `prefix.count`.
  @exclusivity(unchecked) package private(set) var prefix: [Int32] = []
  @exclusivity(unchecked) package private(set) var prefixComplete = false
  @exclusivity(unchecked) var stamp: UInt32 = 0
  let rankStamp: PlainBuffer<UInt32>
  let rankOf: PlainBuffer<Int32>
  let starStamp: PlainBuffer<UInt32>
  let starOf: PlainBuffer<Int8>
  let selectedStamp: [PlainBuffer<UInt32>]
  let eligibleStamp: [PlainBuffer<UInt32>]
  let eligibleComputedStamp: [PlainBuffer<UInt32>]
  /// Per programme: rows selected and on the reserve list in the current sample.
  @exclusivity(unchecked) package internal(set) var selected: [[Int32]]
  @exclusivity(unchecked) package internal(set) var reserve: [[Int32]]
  let capCounts: [PlainBuffer<Int32>]
  let reserveCapCounts: [PlainBuffer<Int32>]
  /// Per programme: its caps laid out for the walk (no array retained per candidate).
  let capTables: [CapTable]
  /// Whether the walk applies the committee decisions of the plan (the final lists) or not
  /// (the computed lists). Sensitivity samples apply them.
  @exclusivity(unchecked) package var applyDecisions = true
  /// Set while `run`'s walk records: the rules each row met, per programme.
  var recorder: SelectionRecorder? { didSet { recording = recorder != nil } }
  /// `recorder != nil`, read per candidate without retaining the recorder.
  @exclusivity(unchecked) private(set) var recording = false

  package init(plan: SelectionPlan, table: Table, normalised: [UnitColumn], lowerIsBetter: Bool) {
    self.plan = plan
    self.table = table
    self.normalised = normalised
    self.lowerIsBetter = lowerIsBetter
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
    capCounts = plan.programmes.map { PlainBuffer(repeating: 0, count: $0.capBuckets) }
    reserveCapCounts = plan.programmes.map { PlainBuffer(repeating: 0, count: $0.capBuckets) }
    capTables = plan.programmes.map { CapTable($0.caps, rows: n) }
  }

  /// Starts a new sample: invalidates every stamped array.
  package func begin(utility u: UnsafeBufferPointer<Double>, weights w: [Double]) {
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
  package func setOrder(_ order: [Int32], complete: Bool) {
    prefix = order
    prefixComplete = complete
    for (pos, r) in order.enumerated() {
      rankStamp[Int(r)] = stamp
      rankOf[Int(r)] = Int32(pos + 1)
    }
  }

  package func rank(_ row: Int) -> Int? { rankStamp[row] == stamp ? Int(rankOf[row]) : nil }

  /// Stars of `row` in this sample (0 for unranked rows): the highest level whose band the
  /// score reaches (`StarLevelPlan.reaches`) and whose requirements hold.
  package func stars(_ row: Int) -> Int {
    if starStamp[row] == stamp { return Int(starOf[row]) }
    var s = 0
    if plan.ranked[row] {
      let score = plan.scaled(utility[row])
      // Levels read in place (a copy would retain every array of the level).
      for k in plan.starLevels.indices.reversed() where plan.starLevels[k].staticOK[row] && plan.starLevels[k].reaches(score) {
        if plan.starLevels[k].dynamic.allSatisfy({ $0.holds { self.value($0, row: row) } }) {
          s = plan.starLevels[k].stars
          break
        }
      }
    }
    starStamp[row] = stamp
    starOf[row] = Int8(s)
    return s
  }

  /// The value of a reference for `row` in this sample (docs/criteria.md, "Expressions").
  package func value(_ ref: Ref, row: Int) -> ExprValue {
    switch ref {
    case .score: return .number(plan.scaled(utility[row]))
    case .raw: return .number(lowerIsBetter ? 1 - utility[row] : utility[row])
    case .rank: return rank(row).map { .number(Double($0)) } ?? .missing
    case .stars: return .number(Double(stars(row)))
    case .group(let key):
      guard let group = plan.groups[key] else { return .missing }
      return .number(plan.scaled(group.mean(local: group.localWeights(weights)) { self.normalised[$0][row] }))
    case .criterion(let j): return .number(plan.scaled(normalised[j][row]))
    case .selected(let p): return .bool(selectedStamp[p][row] == stamp)
    case .eligible(let p): return .bool(isEligible(p, row: row))
    case .column(let key): return RowContext.columnValue(table, key, row: row)
    }
  }

  /// Whether `row` qualifies for programme `p` in this sample (`eligible.KEY`: tier,
  /// history and eligibility rule pass), memoised per sample.
  package func isEligible(_ p: Int, row: Int) -> Bool {
    if eligibleComputedStamp[p][row] == stamp { return eligibleStamp[p][row] == stamp }
    let ok = qualifies(p, row)
    eligibleComputedStamp[p][row] = stamp
    if ok { eligibleStamp[p][row] = stamp }
    return ok
  }
}

/// A programme's caps for the walk: each row's code under every cap, row-major
/// (`codes[row · caps + c]`, −1 = missing), each cap's first bucket and its limit.
final class CapTable {
  let caps: Int
  let codes: PlainBuffer<Int32>
  let offsets: PlainBuffer<Int32>
  let limits: PlainBuffer<Int32>

  init(_ list: [SelectionPlan.Cap], rows n: Int) {
    caps = list.count
    codes = PlainBuffer(repeating: -1, count: n * list.count)
    offsets = PlainBuffer(repeating: 0, count: list.count)
    limits = PlainBuffer(repeating: 0, count: list.count)
    var offset = 0
    for (c, cap) in list.enumerated() {
      for row in 0..<min(n, cap.values.codes.count) { codes[row * list.count + c] = cap.values.codes[row] }
      offsets[c] = Int32(offset)
      limits[c] = Int32(clamping: cap.limit)
      offset += cap.values.levels.count
    }
  }
}

