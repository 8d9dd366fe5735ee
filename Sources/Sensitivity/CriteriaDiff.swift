import Criteria
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
      programmes.append(
        ProgrammeChange(
          key: key, entering: sb.filter { !setA.contains($0) }, leaving: sa.filter { !setB.contains($0) },
          staying: sa.filter { setB.contains($0) }, inA: pa != nil, inB: pb != nil))
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
    return CriteriaDiff(
      programmes: programmes, shifts: shifts, largestMovers: Array(largest),
      spearman: RankCorrelation.spearman(xa, xb), kendallTauB: RankCorrelation.kendallTauB(xa, xb),
      starsGained: gained, starsLost: lost,
      rankedOnlyInA: a.order.filter { $0 < n && b.rank[$0] == 0 }, rankedOnlyInB: b.order.filter { $0 < n && a.rank[$0] == 0 },
      weights: weights)
  }
}
