import Model

/// `[screening]`: the veto conditions (一票否决) checked before scoring (docs/criteria.md).
/// An enterprise for which a rule holds, or whose criteria are covered below
/// `minCoverage`, is screened out: not normalised, not ranked, no stars, no reward.
public struct ScreeningSpec: Sendable {
  /// One `[[screening.rule]]`.
  public struct Rule: Sendable {
    /// The rule's name (`major_incident`).
    public internal(set) var name: String
    /// Screened when this condition holds (columns only).
    public internal(set) var when: Expr
    /// Its source text.
    public internal(set) var whenText: String
    /// The official reason text (`近三年发生重大安全生产事故`).
    public internal(set) var reason: String
    /// The line of the rule in the criteria file.
    public internal(set) var line: Int
    /// The columns the condition reads, in order of first appearance.
    public internal(set) var columns: [String]

    init(name: String, when: Expr, whenText: String, reason: String, line: Int, columns: [String]) {
      self.name = name
      self.when = when
      self.whenText = whenText
      self.reason = reason
      self.line = line
      self.columns = columns
    }
  }

  public internal(set) var rules: [Rule]
  /// The data-coverage rule: screened when fewer than this share (0…1) of the criteria
  /// have a value in the metrics file. Nil: off (the default).
  public internal(set) var minCoverage: Double?
  /// Its official reason text and line.
  public internal(set) var coverageReason: String
  public internal(set) var coverageLine: Int

  init(rules: [Rule] = [], minCoverage: Double? = nil, coverageReason: String = "申报数据不完整", coverageLine: Int = 0) {
    self.rules = rules
    self.minCoverage = minCoverage
    self.coverageReason = coverageReason
    self.coverageLine = coverageLine
  }

  /// Whether the criteria file screens anything by itself.
  public var isEmpty: Bool { rules.isEmpty && minCoverage == nil }
}

/// `[reviews]`: how expert review scores (`--reviews`) become a column (docs/criteria.md).
public struct ReviewSpec: Sendable {
  public enum Aggregate: String, Sendable, CaseIterable {
    case mean, median
    /// Drop one highest and one lowest score, then the mean (去掉一个最高分和一个最低分).
    case trimmedMean = "trimmed-mean"
  }

  /// The numeric column the aggregated score becomes (criteria and rules read it).
  public internal(set) var column: String
  public internal(set) var aggregate: Aggregate
  /// Fewer scores (after recusals) than this: the value is missing (and a warning).
  public internal(set) var minReviewers: Int
  /// Scores outside are an error.
  public internal(set) var range: ClosedRange<Double>
  /// A reviewer whose mean departs from the panel's by more than this many panel
  /// standard deviations is reported (warning).
  public internal(set) var outlierSD: Double

  init(
    column: String = "review", aggregate: Aggregate = .trimmedMean, minReviewers: Int = 3, range: ClosedRange<Double> = 0...100,
    outlierSD: Double = 2
  ) {
    self.column = column
    self.aggregate = aggregate
    self.minReviewers = minReviewers
    self.range = range
    self.outlierSD = outlierSD
  }

  /// The aggregation `--reviews` uses when the criteria file has no `[reviews]`.
  public static let defaults = ReviewSpec()
}
