import Criteria
import Model
import Scoring
import Selection

/// What changes between two criteria files applied to the same table: shortlists, ranks,
/// stars. A data result; the CLI renders it as text, JSON or HTML.
public struct CriteriaDiff: Sendable {
  public struct ProgrammeChange: Sendable, Hashable {
    public var key: String
    /// Rows selected under B but not A (B's list order) and under A but not B (A's order).
    public var entering: [Int]
    public var leaving: [Int]
    /// Rows selected under both.
    public var staying: [Int]
    /// Whether the programme exists in A / in B.
    public var inA: Bool
    public var inB: Bool
    /// Where each entering row stood under A (reserve, or the rule that stopped it), aligned with `entering`.
    public var enteringWasUnderA: [ProgrammeOutcome?] = []
    /// Where each leaving row stands under B, aligned with `leaving`.
    public var leavingIsUnderB: [ProgrammeOutcome?] = []
  }

  /// A setting of the criteria files that differs, by key path as the file writes it.
  public struct SettingChange: Sendable, Hashable {
    public var key: String
    public var a: String
    public var b: String
  }

  public struct RankShift: Sendable, Hashable {
    public var row: Int
    public var id: String
    public var label: String
    public var rankA: Int
    public var rankB: Int
    /// rankA − rankB: positive = moved up under B.
    public var shift: Int { rankA - rankB }
  }

  public struct StarChange: Sendable, Hashable {
    public var row: Int
    public var id: String
    public var starsA: Int
    public var starsB: Int
  }

  public var programmes: [ProgrammeChange]
  /// Every row ranked under both, in A's rank order.
  public var shifts: [RankShift]
  /// The `movers` largest |shift|, largest first (ties: better A rank first).
  public var largestMovers: [RankShift]
  /// Spearman's ρ and Kendall's τ_b of the competition ranks of rows ranked under both.
  public var spearman: Double
  public var kendallTauB: Double
  public var starsGained: [StarChange]
  public var starsLost: [StarChange]
  /// Rows ranked under only one of the two.
  public var rankedOnlyInA: [Int]
  public var rankedOnlyInB: [Int]
  /// Criterion weights under A and B by criterion key (0 when absent).
  public var weights: [(key: String, a: Double, b: Double)]
  /// Method settings that differ (aggregation, weighting, normalisation and direction per
  /// criterion, star bands and requirements, quotas, reserves and rules per programme).
  public var settings: [SettingChange] = []

  /// Compares (A, decision A) with (B, decision B), both for the same table.
  /// - Complexity: O(n log n).
  public static func compare(
    specA: Spec, _ a: Evaluation, _ da: Decision, specB: Spec, _ b: Evaluation, _ db: Decision, movers: Int = 20
  ) -> CriteriaDiff {
    let n = min(a.rank.count, b.rank.count)
    var programmes: [ProgrammeChange] = []
    var keys = da.programmes.map(\.key)
    for p in db.programmes where !keys.contains(p.key) { keys.append(p.key) }
    for key in keys {
      let pa = da.programmes.first { $0.key == key }, pb = db.programmes.first { $0.key == key }
      let sa = pa?.selected ?? [], sb = pb?.selected ?? []
      let setA = Set(sa), setB = Set(sb)
      let entering = sb.filter { !setA.contains($0) }, leaving = sa.filter { !setB.contains($0) }
      programmes.append(
        ProgrammeChange(
          key: key, entering: entering, leaving: leaving, staying: sa.filter { setB.contains($0) }, inA: pa != nil,
          inB: pb != nil, enteringWasUnderA: entering.map { pa?.outcome(row: $0) },
          leavingIsUnderB: leaving.map { pb?.outcome(row: $0) }))
    }
    let both = a.order.filter { $0 < n && b.rank[$0] > 0 }
    let shifts = both.map { RankShift(row: $0, id: a.ids[$0], label: a.labels[$0], rankA: a.rank[$0], rankB: b.rank[$0]) }
    let largest = shifts.sorted { abs($0.shift) != abs($1.shift) ? abs($0.shift) > abs($1.shift) : $0.rankA < $1.rankA }
      .prefix(movers)
    let xa = both.map { Double(a.competitionRank[$0]) }, xb = both.map { Double(b.competitionRank[$0]) }
    var gained: [StarChange] = [], lost: [StarChange] = []
    for r in 0..<n where a.stars[r] != b.stars[r] {
      let c = StarChange(row: r, id: a.ids[r], starsA: a.stars[r], starsB: b.stars[r])
      if c.starsB > c.starsA { gained.append(c) } else { lost.append(c) }
    }
    var weightKeys = specA.criteria.map(\.key)
    for c in specB.criteria where !weightKeys.contains(c.key) { weightKeys.append(c.key) }
    let weights = weightKeys.map { k in
      (key: k, a: specA.criterionIndex(k).map { a.weights[$0] } ?? 0, b: specB.criterionIndex(k).map { b.weights[$0] } ?? 0)
    }
    var diff = CriteriaDiff(
      programmes: programmes, shifts: shifts, largestMovers: Array(largest),
      spearman: RankCorrelation.spearman(xa, xb), kendallTauB: RankCorrelation.kendallTauB(xa, xb),
      starsGained: gained, starsLost: lost,
      rankedOnlyInA: a.order.filter { $0 < n && b.rank[$0] == 0 }, rankedOnlyInB: b.order.filter { $0 < n && a.rank[$0] == 0 },
      weights: weights)
    diff.settings = settingChanges(specA, specB)
    return diff
  }

  /// The method settings of `a` and `b` that differ.
  static func settingChanges(_ a: Spec, _ b: Spec) -> [SettingChange] {
    var out: [SettingChange] = []
    func note(_ key: String, _ x: String?, _ y: String?) {
      if x != y { out.append(SettingChange(key: key, a: x ?? "—", b: y ?? "—")) }
    }
    note("aggregation.method", a.aggregation.method.spelling, b.aggregation.method.spelling)
    note("weighting.method", a.weighting.method.rawValue, b.weighting.method.rawValue)
    note("weighting.normalise", String(a.weighting.normalise), String(b.weighting.normalise))
    for key in Set(a.criteria.map(\.key) + b.criteria.map(\.key)).sorted() {
      let ca = a.criteria.first { $0.key == key }, cb = b.criteria.first { $0.key == key }
      note("criteria.\(key).normalise", ca.map { "\($0.normalisation)" }, cb.map { "\($0.normalisation)" })
      note("criteria.\(key).direction", ca?.direction.rawValue, cb?.direction.rawValue)
    }
    for stars in Set(a.stars.levels.map(\.stars) + b.stars.levels.map(\.stars)).sorted() {
      let la = a.stars.levels.first { $0.stars == stars }, lb = b.stars.levels.first { $0.stars == stars }
      note("stars.level[\(stars)★].min_score", la.map { formatNumber($0.minScore) }, lb.map { formatNumber($0.minScore) })
      note("stars.level[\(stars)★].require", la?.require?.description, lb?.require?.description)
    }
    for key in Set(a.programmes.map(\.key) + b.programmes.map(\.key)).sorted() {
      let pa = a.programmes.first { $0.key == key }, pb = b.programmes.first { $0.key == key }
      note("programmes.\(key).quota", pa.map { String($0.quota) }, pb.map { String($0.quota) })
      note("programmes.\(key).reserves", pa.map { String($0.reserves) }, pb.map { String($0.reserves) })
      note("programmes.\(key).eligible", pa?.eligible?.description, pb?.eligible?.description)
    }
    return out
  }
}

extension AggregationMethod {
  /// The method as a criteria file writes it (`vikor (v = 0.5)`).
  var spelling: String {
    switch self {
    case .weightedSum, .topsis: return name
    case .weightedProduct(let floor): return name + " (floor = \(formatNumber(floor)))"
    case .vikor(let v): return name + " (v = \(formatNumber(v)))"
    }
  }
}
