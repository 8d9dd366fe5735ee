import Model

/// A criteria file, decoded and validated once (see docs/criteria.md).
///
/// Valid by construction: every criterion names a numeric column, every group
/// exists, weights are consistent, expressions parse and name known variables.
/// Later stages trust it and do not re-check.
public struct Spec: Sendable {
  /// Path of the criteria file as the user named it.
  public internal(set) var source: String
  public internal(set) var evaluation: EvaluationInfo
  /// Declared columns, in file order.
  public internal(set) var columns: [ColumnSpec]
  /// Leaf criteria, in file order. Their index is the criterion index everywhere after.
  public internal(set) var criteria: [CriterionSpec]
  /// Groups, in file order (may be empty: every criterion then sits in the root group).
  public internal(set) var groups: [GroupSpec]
  /// How the root group's children are weighted (`[weighting]`).
  public internal(set) var weighting: WeightingSpec
  public internal(set) var aggregation: AggregationSpec
  public internal(set) var ranking: RankingSpec
  public internal(set) var stars: StarSpec
  public internal(set) var programmes: [ProgrammeSpec]
  public internal(set) var rewards: RewardSpec
  public internal(set) var uncertainty: UncertaintySpec?
  /// `[screening]`: veto rules checked before scoring.
  public internal(set) var screening: ScreeningSpec = ScreeningSpec()
  /// `[reviews]`: expert review aggregation (nil: the file has no `[reviews]`).
  public internal(set) var reviews: ReviewSpec?
  /// `[documents]`: issuing body, title, public notice and key metrics of the documents.
  public internal(set) var documents: DocumentsSpec = DocumentsSpec()
  /// Where each key path is written in the file (set by the loader; `line(of:)`).
  var keyLines: KeyLineIndex?
  /// The `--set KEY.PATH=VALUE` changes applied to the file, as given (docs/criteria.md).
  public internal(set) var overrides: [String] = []
  /// Keys that load but have no effect (`FILE:LINE: key: warning: …`); the CLI prints them.
  public internal(set) var warnings: [Diagnostic] = []

  /// The loader's memberwise init: a spec (and each of its parts) is built only by `CriteriaLoader`.
  init(
    source: String, evaluation: EvaluationInfo, columns: [ColumnSpec], criteria: [CriterionSpec],
    groups: [GroupSpec] = [], weighting: WeightingSpec = WeightingSpec(method: .direct),
    aggregation: AggregationSpec = AggregationSpec(), ranking: RankingSpec = RankingSpec(),
    stars: StarSpec = StarSpec(), programmes: [ProgrammeSpec] = [], rewards: RewardSpec = RewardSpec(),
    uncertainty: UncertaintySpec? = nil
  ) {
    self.source = source
    self.evaluation = evaluation
    self.columns = columns
    self.criteria = criteria
    self.groups = groups
    self.weighting = weighting
    self.aggregation = aggregation
    self.ranking = ranking
    self.stars = stars
    self.programmes = programmes
    self.rewards = rewards
    self.uncertainty = uncertainty
  }

  public func column(_ key: String) -> ColumnSpec? { columns.first { $0.key == key } }
  public func criterionIndex(_ key: String) -> Int? { criteria.firstIndex { $0.key == key } }
  public func group(_ key: String) -> GroupSpec? { groups.first { $0.key == key } }
}

/// `[evaluation]`.
public struct EvaluationInfo: Sendable, Hashable {
  public internal(set) var name: String
  public internal(set) var year: Int
  /// Key of the id column (type uscc or text).
  public internal(set) var idColumn: String
  /// Key of the display-name column.
  public internal(set) var labelColumn: String
  /// The scale scores are shown on (default 0…100).
  public internal(set) var scale: ClosedRange<Double>
  /// Decimal places shown for scores in CSV/Excel/HTML (JSON keeps full precision).
  public internal(set) var scoreDecimals: Int

  init(
    name: String, year: Int, idColumn: String, labelColumn: String,
    scale: ClosedRange<Double> = 0...100, scoreDecimals: Int = 2
  ) {
    self.name = name
    self.year = year
    self.idColumn = idColumn
    self.labelColumn = labelColumn
    self.scale = scale
    self.scoreDecimals = scoreDecimals
  }
}

public enum Direction: String, Sendable, Hashable, CaseIterable {
  /// Higher is better.
  case benefit
  /// Lower is better.
  case cost
}

/// Normalisation of one criterion column into [0, 1] (higher = better after orientation).
public enum Normalisation: Sendable, Hashable {
  /// (x − min)/(max − min); cost: (max − x)/(max − min).
  case minMax
  /// (x − mean)/sd (population sd); cost: negated.
  case zScore
  /// x/‖x‖₂; cost: 1 − x/‖x‖₂.
  case vector
  /// x/Σx; cost: (1/x)/Σ(1/x).
  case sum
  /// x/max; cost: min/x.
  case max
  /// Fixed bounds, clamped: (x − lo)/(hi − lo) (cost: (hi − x)/(hi − lo)); comparable across years.
  case goalposts(low: Double, high: Double)
  /// Percentile rank in [0, 1] (average rank for ties).
  case rank
  /// Distance to a target: 1 − |x − target| / max|x − target|.
  case target(Double)

  /// Spellings accepted in criteria files.
  public static let names = ["min-max", "z-score", "vector", "sum", "max", "goalposts", "rank", "target"]
}

/// `[criteria.KEY]`: one leaf criterion.
public struct CriterionSpec: Sendable, Hashable {
  public internal(set) var key: String
  public internal(set) var label: String
  /// Key of the numeric column it reads.
  public internal(set) var column: String
  public internal(set) var direction: Direction
  public internal(set) var normalisation: Normalisation
  /// Group key, or nil for the root group.
  public internal(set) var group: String?
  /// Direct weight within its group (required with method `direct`).
  public internal(set) var weight: Double?
  /// Optional winsorisation at these quantiles (e.g. 0.01…0.99) before normalising.
  public internal(set) var winsorise: ClosedRange<Double>?
  /// Overrides the column's missing policy for this criterion.
  public internal(set) var missing: MissingPolicy?
  /// Whether the criteria file set `normalise` for this criterion. TOPSIS uses vector
  /// normalisation (Hwang & Yoon 1981) unless the normalisation was set explicitly.
  public internal(set) var explicitNormalisation: Bool

  init(
    key: String, label: String? = nil, column: String, direction: Direction = .benefit,
    normalisation: Normalisation = .minMax, group: String? = nil, weight: Double? = nil,
    winsorise: ClosedRange<Double>? = nil, missing: MissingPolicy? = nil, explicitNormalisation: Bool? = nil
  ) {
    self.key = key
    self.label = label ?? key
    self.column = column
    self.direction = direction
    self.normalisation = normalisation
    self.group = group
    self.weight = weight
    self.winsorise = winsorise
    self.missing = missing
    self.explicitNormalisation = explicitNormalisation ?? (normalisation != .minMax)
  }
}

/// `[groups.KEY]`: a node in the criteria tree (成本 / 效率 / 品质 / 投入 …), any depth.
/// Effective criterion weight = product of the weights along its path.
public struct GroupSpec: Sendable, Hashable {
  public internal(set) var key: String
  public internal(set) var label: String
  /// Parent group key, or nil for a child of the root.
  public internal(set) var parent: String?
  /// Direct weight among its siblings (required when the parent is weighted `direct`).
  public internal(set) var weight: Double?
  /// How this group's children are weighted; nil = inherit `[weighting]`.
  public internal(set) var weighting: WeightingSpec?

  init(key: String, label: String? = nil, parent: String? = nil, weight: Double? = nil, weighting: WeightingSpec? = nil) {
    self.key = key
    self.label = label ?? key
    self.parent = parent
    self.weight = weight
    self.weighting = weighting
  }
}

public enum WeightingMethod: String, Sendable, Hashable, CaseIterable {
  case direct, equal, entropy, critic
  case standardDeviation = "std-dev"
  case ahp
}

/// How the children of one node are weighted.
/// Data-driven methods (entropy, critic, std-dev) apply only to nodes whose children are all criteria.
public struct WeightingSpec: Sendable, Hashable {
  public internal(set) var method: WeightingMethod
  /// With `direct`: if true, weights are rescaled to sum to 1; otherwise they must sum to 1 (±1e-9).
  public internal(set) var normalise: Bool
  /// With `ahp`: the pairwise comparison matrix over the children.
  public internal(set) var ahp: AHPSpec?

  init(method: WeightingMethod, normalise: Bool = false, ahp: AHPSpec? = nil) {
    self.method = method
    self.normalise = normalise
    self.ahp = ahp
  }
}

/// A pairwise comparison matrix (Saaty 1–9 scale), rows/columns in `order`.
public struct AHPSpec: Sendable, Hashable {
  /// Child keys (criteria or groups) in matrix order.
  public internal(set) var order: [String]
  /// a[i][j] = importance of order[i] over order[j]; reciprocal (a[j][i] = 1/a[i][j]).
  public internal(set) var matrix: [[Double]]
  /// Accept a consistency ratio ≥ `maxCR` (default false: CR ≥ 0.10 is an error).
  public internal(set) var acceptInconsistent: Bool
  public internal(set) var maxCR: Double

  init(order: [String], matrix: [[Double]], acceptInconsistent: Bool = false, maxCR: Double = 0.10) {
    self.order = order
    self.matrix = matrix
    self.acceptInconsistent = acceptInconsistent
    self.maxCR = maxCR
  }
}

public enum AggregationMethod: Sendable, Hashable {
  case weightedSum
  /// Weighted geometric mean Π r^w; normalised values are floored at `floor` (>0) first.
  case weightedProduct(floor: Double)
  case topsis
  /// VIKOR with strategy weight v (default 0.5).
  case vikor(v: Double)

  public static let names = ["weighted-sum", "weighted-product", "topsis", "vikor"]

  /// The method as a criteria file names it.
  public var name: String {
    switch self {
    case .weightedSum: return "weighted-sum"
    case .weightedProduct: return "weighted-product"
    case .topsis: return "topsis"
    case .vikor: return "vikor"
    }
  }
}

public struct AggregationSpec: Sendable, Hashable {
  public internal(set) var method: AggregationMethod
  init(method: AggregationMethod = .weightedSum) { self.method = method }
}

/// A key in the tie-break chain (`[ranking] tie_break = ["group:quality", "criterion:x", "column:y desc"]`).
public enum TieBreakKey: Sendable, Hashable {
  case group(String, descending: Bool)
  case criterion(String, descending: Bool)
  case column(String, descending: Bool)
}

public struct RankingSpec: Sendable, Hashable {
  /// Scores whose raw values differ by at most this are equal (default 1e-9, absolute on raw).
  public internal(set) var precision: Double
  /// Applied in order to equal scores; the id, ascending, always ends the chain.
  public internal(set) var tieBreak: [TieBreakKey]
  init(precision: Double = 1e-9, tieBreak: [TieBreakKey] = []) {
    self.precision = precision
    self.tieBreak = tieBreak
  }
}

/// `[[stars.level]]`: a management-innovation star level (管理创新提升星级).
public struct StarLevel: Sendable, Hashable {
  /// 1…5.
  public internal(set) var stars: Int
  public internal(set) var label: String
  /// Minimum score on the configured scale.
  public internal(set) var minScore: Double
  /// Hard requirements, e.g. `above_scale and consulting_spend_wan >= 15`.
  public internal(set) var require: Expr?
  /// Source text of `require`, for messages.
  public internal(set) var requireText: String?

  init(stars: Int, label: String? = nil, minScore: Double, require: Expr? = nil, requireText: String? = nil) {
    self.stars = stars
    self.label = label ?? "\(stars)星级"
    self.minScore = minScore
    self.require = require
    self.requireText = requireText
  }
}

public struct StarSpec: Sendable, Hashable {
  /// Levels sorted by `stars` ascending. An enterprise gets the highest level whose
  /// score band and requirements it meets (and, by default, all lower levels' requirements too).
  public internal(set) var levels: [StarLevel]
  /// If true (default), level k also requires every lower level's requirement.
  public internal(set) var cumulative: Bool
  init(levels: [StarLevel] = [], cumulative: Bool = true) {
    self.levels = levels.sorted { $0.stars < $1.stars }
    self.cumulative = cumulative
  }
}

public enum ProgrammeLevel: String, Sendable, Hashable, CaseIterable {
  case local, municipal, provincial, national
}

/// `[programmes.KEY]`: a recommendation programme (shortlist).
public struct ProgrammeSpec: Sendable, Hashable {
  public enum TierMode: String, Sendable, Hashable { case selected, eligible }
  public enum PilotPriority: String, Sendable, Hashable {
    /// Pilot-industry enterprises are considered before all others (each group in rank order).
    case first
    /// No priority (pilot industries listed for information only).
    case none
  }

  public internal(set) var key: String
  public internal(set) var name: String
  public internal(set) var level: ProgrammeLevel
  public internal(set) var quota: Int
  public internal(set) var reserves: Int
  /// Eligibility rule over columns, scores, group scores, rank, stars.
  public internal(set) var eligible: Expr?
  public internal(set) var eligibleText: String?
  /// Tier: draw only from those selected (or eligible) in this programme.
  public internal(set) var from: String?
  public internal(set) var fromMode: TierMode
  /// Balance caps: at most N selected per value of these category columns (e.g. industry: 3).
  public internal(set) var caps: [String: Int]
  public internal(set) var pilotIndustries: [String]
  /// Column holding the industry (for pilots and caps), default "industry".
  public internal(set) var industryColumn: String
  public internal(set) var pilotPriority: PilotPriority
  /// Exclude enterprises recommended to this programme within this many years (0 = no rule).
  public internal(set) var historyYears: Int
  /// Names of this programme in the history file (default: the key).
  public internal(set) var historyNames: [String]
  /// Reward per selected enterprise, yuan (0 = none).
  public internal(set) var reward: Double
  /// Re-review (复核): a recognition by this programme stays valid this many years, counting
  /// the year it was given (0 = no re-review).
  public internal(set) var validYears: Int = 0
  /// Re-review: a valid recognition is flagged when the stars fall below this; nil = none.
  /// Default: the N of a top-level `stars >= N` clause of `eligible`.
  public internal(set) var reviewMinStars: Int?
  /// Re-review: a valid recognition is flagged when the rank falls below this line (rank >
  /// `reviewRank`); nil = none.
  public internal(set) var reviewRank: Int?

  init(
    key: String, name: String? = nil, level: ProgrammeLevel = .local, quota: Int, reserves: Int = 0,
    eligible: Expr? = nil, eligibleText: String? = nil, from: String? = nil, fromMode: TierMode = .selected,
    caps: [String: Int] = [:], pilotIndustries: [String] = [], industryColumn: String = "industry",
    pilotPriority: PilotPriority = .none, historyYears: Int = 0, historyNames: [String]? = nil, reward: Double = 0
  ) {
    self.key = key
    self.name = name ?? key
    self.level = level
    self.quota = quota
    self.reserves = reserves
    self.eligible = eligible
    self.eligibleText = eligibleText
    self.from = from
    self.fromMode = fromMode
    self.caps = caps
    self.pilotIndustries = pilotIndustries
    self.industryColumn = industryColumn
    self.pilotPriority = pilotPriority
    self.historyYears = historyYears
    self.historyNames = historyNames ?? [key]
    self.reward = reward
  }
}

/// `[rewards]`: money that follows stars and programme selection, under a budget.
public struct RewardSpec: Sendable, Hashable {
  public enum Stacking: String, Sendable, Hashable {
    /// An enterprise receives every reward it earns.
    case sum
    /// An enterprise receives only its largest reward.
    case max
  }
  public enum Allocation: String, Sendable, Hashable {
    /// When over budget, pay in rank order until the budget runs out (the one that crosses it gets the remainder).
    case rank
    /// When over budget, scale every award by budget / total.
    case proRata = "pro-rata"
  }

  /// Reward by star level (stars → yuan), e.g. [4: 50000, 5: 50000].
  public internal(set) var byStars: [Int: Double]
  public internal(set) var stacking: Stacking
  /// Total budget, yuan; nil = unlimited.
  public internal(set) var budget: Double?
  public internal(set) var allocation: Allocation
  /// Awards are rounded down to this many yuan (default 1).
  public internal(set) var roundTo: Double

  init(byStars: [Int: Double] = [:], stacking: Stacking = .sum, budget: Double? = nil, allocation: Allocation = .rank, roundTo: Double = 1) {
    self.byStars = byStars
    self.stacking = stacking
    self.budget = budget
    self.allocation = allocation
    self.roundTo = roundTo
  }
}

/// `[uncertainty]`: what `exemplar sensitivity` varies.
public struct UncertaintySpec: Sendable, Hashable {
  /// The most Monte Carlo samples accepted (`samples` here, `--samples`; docs/criteria.md,
  /// "Limits"); the Jaccard store of a run holds 8 bytes per sample and programme.
  public static let maxSamples = 10_000_000
  /// The most Sobol' base samples accepted (`--sobol`).
  public static let maxSobolSamples = 1_000_000
  /// The most worker threads accepted (`--threads`).
  public static let maxThreads = 256

  public enum WeightModel: Sendable, Hashable {
    /// Each varying weight multiplied by U(1 − spread, 1 + spread), then all renormalised to sum 1.
    case uniform(spread: Double)
    /// Dirichlet(concentration · w) around the nominal weights w.
    case dirichlet(concentration: Double)
  }

  public internal(set) var model: WeightModel
  /// Criterion keys whose weights vary (default: all).
  public internal(set) var vary: [String]
  /// Alternative normalisations drawn uniformly per sample (nominal always included).
  public internal(set) var normalisations: [Normalisation]
  /// Alternative aggregations drawn uniformly per sample (nominal always included).
  public internal(set) var aggregations: [AggregationMethod]
  public internal(set) var samples: Int
  public internal(set) var seed: UInt64
  /// Enterprises whose rank Sobol indices are computed for (default: the top 10).
  public internal(set) var sobolTargets: [String]

  init(
    model: WeightModel = .uniform(spread: 0.2), vary: [String] = [], normalisations: [Normalisation] = [],
    aggregations: [AggregationMethod] = [], samples: Int = 1000, seed: UInt64 = 2022, sobolTargets: [String] = []
  ) {
    self.model = model
    self.vary = vary
    self.normalisations = normalisations
    self.aggregations = aggregations
    self.samples = samples
    self.seed = seed
    self.sobolTargets = sobolTargets
  }
}
