import Criteria
import Model

/// `[programmes.KEY]`.
public struct ProgrammeDraft: Sendable {
  public var key: String
  public var name: String
  public var level: ProgrammeLevel
  public var quota: Int
  public var reserves: Int
  public var eligible: Expr?
  /// The source text written for `eligible` (default: `eligible.description`).
  public var eligibleText: String?
  public var from: String?
  public var fromMode: ProgrammeSpec.TierMode
  public var caps: [String: Int]
  public var pilotIndustries: [String]
  public var industryColumn: String
  public var pilotPriority: ProgrammeSpec.PilotPriority
  public var historyYears: Int
  public var historyNames: [String]
  public var reward: Double
  public var validYears = 0
  public var reviewMinStars: Int?
  public var reviewRank: Int?

  public init(
    key: String, name: String? = nil, level: ProgrammeLevel = .local, quota: Int, reserves: Int = 0,
    eligible: Expr? = nil, eligibleText: String? = nil, from: String? = nil, fromMode: ProgrammeSpec.TierMode = .selected,
    caps: [String: Int] = [:], pilotIndustries: [String] = [], industryColumn: String = "industry",
    pilotPriority: ProgrammeSpec.PilotPriority = .none, historyYears: Int = 0, historyNames: [String]? = nil, reward: Double = 0
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

/// `[rewards]`.
public struct RewardDraft: Sendable {
  public var byStars: [Int: Double]
  public var stacking: RewardSpec.Stacking
  public var budget: Double?
  public var allocation: RewardSpec.Allocation
  public var roundTo: Double

  public init(
    byStars: [Int: Double] = [:], stacking: RewardSpec.Stacking = .sum, budget: Double? = nil,
    allocation: RewardSpec.Allocation = .rank, roundTo: Double = 1
  ) {
    self.byStars = byStars
    self.stacking = stacking
    self.budget = budget
    self.allocation = allocation
    self.roundTo = roundTo
  }
}

/// `[uncertainty]`.
public struct UncertaintyDraft: Sendable {
  public var model: UncertaintySpec.WeightModel
  /// Criterion keys whose weights vary (empty: the key is left out, all vary).
  public var vary: [String]
  public var normalisations: [Normalisation]
  public var aggregations: [AggregationMethod]
  public var samples: Int
  public var seed: UInt64
  public var sobolTargets: [String]

  public init(
    model: UncertaintySpec.WeightModel = .uniform(spread: 0.2), vary: [String] = [], normalisations: [Normalisation] = [],
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
