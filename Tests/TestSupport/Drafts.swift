import Criteria
import Model

// Parts of a criteria file written in code, for tests: `loadedSpec` writes them out as a
// criteria file and loads it with `CriteriaLoader`, so a test's spec passes the same checks
// as a user's file (`Spec` and its parts have no public initialisers). Defaults are those of
// a criteria file that leaves the key out.

/// `[evaluation]`.
public struct EvaluationDraft: Sendable {
  public var name: String
  public var year: Int
  public var idColumn: String
  public var labelColumn: String
  public var scale: ClosedRange<Double>
  public var scoreDecimals: Int

  public init(
    name: String, year: Int, idColumn: String, labelColumn: String, scale: ClosedRange<Double> = 0...100, scoreDecimals: Int = 2
  ) {
    self.name = name
    self.year = year
    self.idColumn = idColumn
    self.labelColumn = labelColumn
    self.scale = scale
    self.scoreDecimals = scoreDecimals
  }
}

/// `[criteria.KEY]`.
public struct CriterionDraft: Sendable {
  public var key: String
  public var label: String
  public var column: String
  public var direction: Direction
  public var normalisation: Normalisation
  public var group: String?
  public var weight: Double?
  public var winsorise: ClosedRange<Double>?
  public var missing: MissingPolicy?
  /// Whether `normalise` is written (default: for any normalisation but min-max).
  public var explicitNormalisation: Bool

  public init(
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

/// `[groups.KEY]`.
public struct GroupDraft: Sendable {
  public var key: String
  public var label: String
  public var parent: String?
  public var weight: Double?
  public var weighting: WeightingDraft?

  public init(key: String, label: String? = nil, parent: String? = nil, weight: Double? = nil, weighting: WeightingDraft? = nil) {
    self.key = key
    self.label = label ?? key
    self.parent = parent
    self.weight = weight
    self.weighting = weighting
  }
}

/// `[weighting]` or a group's weighting keys.
public struct WeightingDraft: Sendable {
  public var method: WeightingMethod
  public var normalise: Bool
  public var ahp: AHPDraft?

  public init(method: WeightingMethod, normalise: Bool = false, ahp: AHPDraft? = nil) {
    self.method = method
    self.normalise = normalise
    self.ahp = ahp
  }
}

/// `ahp = { order, matrix, accept_inconsistent, max_cr }`.
public struct AHPDraft: Sendable {
  public var order: [String]
  public var matrix: [[Double]]
  public var acceptInconsistent: Bool
  public var maxCR: Double

  public init(order: [String], matrix: [[Double]], acceptInconsistent: Bool = false, maxCR: Double = 0.10) {
    self.order = order
    self.matrix = matrix
    self.acceptInconsistent = acceptInconsistent
    self.maxCR = maxCR
  }
}

/// `[ranking]`.
public struct RankingDraft: Sendable {
  public var precision: Double
  public var tieBreak: [TieBreakKey]

  public init(precision: Double = 1e-9, tieBreak: [TieBreakKey] = []) {
    self.precision = precision
    self.tieBreak = tieBreak
  }
}

/// `[[stars.level]]`.
public struct StarLevelDraft: Sendable {
  public var stars: Int
  public var label: String
  public var minScore: Double
  public var require: Expr?
  /// The source text written for `require` (default: `require.description`).
  public var requireText: String?

  public init(stars: Int, label: String? = nil, minScore: Double, require: Expr? = nil, requireText: String? = nil) {
    self.stars = stars
    self.label = label ?? "\(stars)星级"
    self.minScore = minScore
    self.require = require
    self.requireText = requireText
  }
}

/// `[stars]`.
public struct StarsDraft: Sendable {
  public var levels: [StarLevelDraft]
  public var cumulative: Bool

  public init(levels: [StarLevelDraft] = [], cumulative: Bool = true) {
    self.levels = levels
    self.cumulative = cumulative
  }
}
