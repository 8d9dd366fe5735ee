import Criteria
import Model

/// The result of scoring a table with a spec: one entry per *ranked* enterprise.
///
/// Explanations are data: everything `explain`, reports and selection need is here.
/// Arrays indexed by `row` have `table.rowCount` entries; rows left out of the
/// ranking (missing policy `exclude`) have `rank == 0` and appear in `unranked`.
public struct Evaluation: Sendable {
  /// Row indices of ranked enterprises, best first (rank order).
  public internal(set) var order: [Int]
  /// Canonical id per row (packed; shares the table's id column).
  public internal(set) var ids: StringColumn
  /// Display label per row (packed; shares the table's label column when it is text).
  public internal(set) var labels: StringColumn
  /// 1…N total order per row (0 = unranked).
  public internal(set) var rank: [Int]
  /// 1,1,3-style rank per row (0 = unranked).
  public internal(set) var competitionRank: [Int]
  /// The method's native value per row (weighted sum in [0,1], TOPSIS closeness, VIKOR Q …).
  public internal(set) var raw: [Double]
  /// Score on the configured scale (higher is better for every method): lo + (hi − lo) · utility.
  public internal(set) var score: [Double]
  /// The method's strength in [0, 1], higher better (raw, or 1 − Q for VIKOR), per row (0 = unranked):
  /// what the selection engine orders and rates, as every sensitivity sample does.
  public internal(set) var utility: [Double]
  /// Stars per row (0…5).
  public internal(set) var stars: [Int]
  /// What stands between each row and the next star level (nil at the top level or when unranked).
  public internal(set) var starGap: StarGaps
  /// Normalised criterion values, criterion-major: `normalised[j][row]` in [0,1] (after
  /// imputation); min-max columns are computed on read (`UnitColumn`).
  public internal(set) var normalised: [UnitColumn]
  /// Imputed flags, criterion-major: `imputed[j][row]` is true when the raw value was missing and imputed.
  public internal(set) var imputed: [[Bool]]
  /// Final criterion weights (sum 1), in spec criterion order.
  public internal(set) var weights: [Double]
  /// Group scores on the scale, by group key, per row: weighted mean of the group's normalised criteria.
  public internal(set) var groupScores: [String: [Double]]
  /// How the weights were derived (AHP consistency, entropy e/d, CRITIC σ/conflict …).
  public internal(set) var weightReport: WeightReport
  /// Rows left out of the ranking, with why.
  public internal(set) var unranked: [(row: Int, reason: String)]
  /// The rows screened out before scoring (also in `unranked`), with their reasons.
  public internal(set) var screening = Screening()
  /// The values the aggregation method used, criterion-major (`methodInput[j][row]`): the
  /// unit values (`normalised`, shared storage), or TOPSIS's input (vector normalisation by
  /// default, docs/methods.md). What `explain` shows and the contributions decompose.
  public internal(set) var methodInput: [UnitColumn]
  /// Each criterion's part of the utility the method computed (`contributionParts(row:)`).
  public internal(set) var decomposition: ScoreDecomposition

  public init(
    order: [Int], ids: StringColumn, labels: StringColumn, rank: [Int], competitionRank: [Int], raw: [Double], score: [Double],
    utility: [Double], stars: [Int], starGap: [StarGap?], normalised: [[Double]], imputed: [[Bool]], weights: [Double],
    groupScores: [String: [Double]], weightReport: WeightReport, unranked: [(row: Int, reason: String)]
  ) {
    self.init(
      order: order, ids: ids, labels: labels, rank: rank, competitionRank: competitionRank, raw: raw, score: score,
      utility: utility, stars: stars, starGap: StarGaps(starGap), normalised: normalised.map(UnitColumn.init), imputed: imputed,
      weights: weights, groupScores: groupScores, weightReport: weightReport, unranked: unranked)
  }

  init(
    order: [Int], ids: StringColumn, labels: StringColumn, rank: [Int], competitionRank: [Int], raw: [Double], score: [Double],
    utility: [Double], stars: [Int], starGap: StarGaps, normalised: [UnitColumn], imputed: [[Bool]], weights: [Double],
    groupScores: [String: [Double]], weightReport: WeightReport, unranked: [(row: Int, reason: String)]
  ) {
    self.order = order
    self.ids = ids
    self.labels = labels
    self.rank = rank
    self.competitionRank = competitionRank
    self.raw = raw
    self.score = score
    self.utility = utility
    self.stars = stars
    self.starGap = starGap
    self.normalised = normalised
    self.imputed = imputed
    self.weights = weights
    self.groupScores = groupScores
    self.weightReport = weightReport
    self.unranked = unranked
    methodInput = normalised
    decomposition = ScoreDecomposition(weights: weights)
  }

  /// Records the stars `Selection` awards after ranking (star requirements may read
  /// columns the scorer does not); the one change made to an evaluation outside `Scoring`.
  package mutating func award(stars: [Int], gaps: StarGaps) {
    self.stars = stars
    starGap = gaps
  }

  /// Each criterion's part of `row`'s utility as the method computed it (they sum to the
  /// utility; `ScoreDecomposition`); points of the score are part × (hi − lo).
  public func contributionParts(row: Int) -> [Double] {
    var c = [Double](repeating: 0, count: weights.count)
    guard rank[row] > 0 else { return c }
    c.withUnsafeMutableBufferPointer { c in
      decomposition.parts(utility: utility[row], into: c) { methodInput[$0][row] }
    }
    return c
  }

  /// Share of the score contributed by each criterion for `row` (`shares(_:utility:)` of its parts).
  public func contributions(row: Int) -> [Double] {
    var c = contributionParts(row: row)
    c.withUnsafeMutableBufferPointer { Self.shares($0, utility: utility[row]) }
    return c
  }

  /// Parts → shares: c_j / Σ_k c_k, summing to 1 when the utility and the parts' sum are
  /// positive, all 0 otherwise (under the weighted sum, w_j · r_ij / Σ_k w_k · r_ik). The
  /// one rule; results.json's writer applies it too.
  @inline(__always)
  public static func shares(_ c: UnsafeMutableBufferPointer<Double>, utility: Double) {
    var total = 0.0
    for j in c.indices { total += c[j] }
    let positive = utility > 0 && total > 0
    for j in c.indices { c[j] = positive ? c[j] / total : 0 }
  }

  /// `shares(_:utility:)` of `rows` rows at once, column-major: row k's part j is
  /// `c[j · rows + k]`. The same sums, in the same order, and the same divisions, so the same
  /// doubles; a criterion at a time over the rows, which the processor does in vector lanes.
  public static func shares(rows: Int, parts c: UnsafeMutableBufferPointer<Double>, utility: UnsafeBufferPointer<Double>) {
    guard rows > 0 else { return }
    let m = c.count / rows
    let total = UnsafeMutableBufferPointer<Double>.allocate(capacity: rows)
    defer { total.deallocate() }
    total.initialize(repeating: 0)
    for j in 0..<m {
      for k in 0..<rows { total[k] += c[j * rows + k] }
    }
    for j in 0..<m {
      for k in 0..<rows {
        let t = total[k]
        c[j * rows + k] = utility[k] > 0 && t > 0 ? c[j * rows + k] / t : 0
      }
    }
  }
}

/// What a row lacks for the next star level.
public struct StarGap: Sendable, Hashable {
  /// The next level (stars).
  public internal(set) var nextStars: Int
  /// Points of score missing (0 if the band is met).
  public internal(set) var pointsShort: Double
  /// Source text of each requirement not met (empty if all are met).
  public internal(set) var unmetRequirements: [String]
  public init(nextStars: Int, pointsShort: Double, unmetRequirements: [String]) {
    self.nextStars = nextStars
    self.pointsShort = pointsShort
    self.unmetRequirements = unmetRequirements
  }

  /// The unmet requirements for display, looked up in `shown`
  /// (`OfficialNames.starRequirements(_:english:)`); a clause not there is shown as written,
  /// operators as `≥ ≤ ≠ =`.
  public func unmet(shown: [String: String]) -> [String] {
    unmetRequirements.map { shown[$0] ?? Expr.withOfficialOperators($0) }
  }
}

/// How the final weights were derived, for `exemplar weights` and the method sheet.
public struct WeightReport: Sendable {
  /// One entry per node that has children weighted (root has key "").
  public internal(set) var nodes: [NodeWeights]
  public init(nodes: [NodeWeights]) { self.nodes = nodes }

  public struct NodeWeights: Sendable {
    public internal(set) var key: String
    public internal(set) var method: WeightingMethod
    /// Child keys and their local weights (sum 1).
    public internal(set) var children: [String]
    public internal(set) var localWeights: [Double]
    /// AHP: principal eigenvalue, consistency index and ratio, random index used.
    public internal(set) var ahp: (lambdaMax: Double, ci: Double, cr: Double, ri: Double)?
    /// Entropy: e_j and d_j = 1 − e_j per child.
    public internal(set) var entropy: (e: [Double], d: [Double])?
    /// CRITIC: σ_j, conflict Σ(1 − r_jk), information C_j per child.
    public internal(set) var critic: (sigma: [Double], conflict: [Double], information: [Double])?
    /// Standard deviation method: σ_j per child.
    public internal(set) var sigma: [Double]?

    public init(
      key: String, method: WeightingMethod, children: [String], localWeights: [Double],
      ahp: (lambdaMax: Double, ci: Double, cr: Double, ri: Double)? = nil, entropy: (e: [Double], d: [Double])? = nil,
      critic: (sigma: [Double], conflict: [Double], information: [Double])? = nil, sigma: [Double]? = nil
    ) {
      self.key = key
      self.method = method
      self.children = children
      self.localWeights = localWeights
      self.ahp = ahp
      self.entropy = entropy
      self.critic = critic
      self.sigma = sigma
    }
  }
}
