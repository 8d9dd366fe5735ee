import Criteria
import Model
import Scoring

/// The programme decisions and rewards for one run. Explanations are data:
/// every enterprise not selected carries the first rule that stopped it.
public struct Decision: Sendable {
  /// One per programme, in spec order.
  public var programmes: [ProgrammeDecision]
  public var rewards: RewardAllocation
  public init(programmes: [ProgrammeDecision], rewards: RewardAllocation) {
    self.programmes = programmes
    self.rewards = rewards
  }
}

public struct ProgrammeDecision: Sendable {
  public var key: String
  /// Rows selected, in list order (position 1 first).
  public var selected: [Int]
  /// Rows on the reserve list (候补), in order.
  public var reserve: [Int]
  /// Every other ranked row, in rank order, with the first rule that stopped it.
  public var excluded: [(row: Int, reason: ExclusionReason)]
  /// Rows that met the eligibility rule (used by tiers with mode `eligible`).
  public var eligible: Set<Int>
  public init(key: String, selected: [Int], reserve: [Int], excluded: [(row: Int, reason: ExclusionReason)], eligible: Set<Int>) {
    self.key = key
    self.selected = selected
    self.reserve = reserve
    self.excluded = excluded
    self.eligible = eligible
  }
}

/// The first rule that kept an enterprise off a shortlist, in the order rules are checked.
public enum ExclusionReason: Sendable, Hashable {
  /// Left out of the ranking altogether (missing data with policy exclude).
  case unranked(String)
  /// Not in the source tier (`from`).
  case notInTier(programme: String, mode: ProgrammeSpec.TierMode)
  /// Recommended to this programme in `year` (history rule).
  case history(year: Int, programme: String)
  /// The eligibility rule failed; `failing` is the source text of the first failing clause.
  case notEligible(failing: String)
  /// The cap on `column` = `value` was reached.
  case cap(column: String, value: String, limit: Int)
  /// Eligible but below the line (quota and reserves filled).
  case belowLine(quota: Int)

  /// Reason in Chinese or English, e.g. "不符合条件：stars >= 4" / "not eligible: stars >= 4".
  public func text(english: Bool) -> String {
    switch self {
    case .unranked(let why): return english ? "not ranked: \(why)" : "未参与排名：\(why)"
    case .notInTier(let p, let m):
      return english
        ? "not \(m == .selected ? "selected" : "eligible") in \(p)" : "未入选上一级名单（\(p)\(m == .selected ? "入选" : "符合条件")）"
    case .history(let y, let p): return english ? "recommended to \(p) in \(y)" : "\(y)年已推荐至\(p)"
    case .notEligible(let f): return english ? "not eligible: \(f)" : "不符合条件：\(f)"
    case .cap(let c, let v, let n): return english ? "cap reached: at most \(n) per \(c) (\(v))" : "名额上限：每个\(c)最多\(n)家（\(v)）"
    case .belowLine(let q): return english ? "below the line (quota \(q))" : "排名未进入名额（名额\(q)家）"
    }
  }
}

/// Rewards under the budget.
public struct RewardAllocation: Sendable {
  public struct Award: Sendable, Hashable {
    public var row: Int
    /// What the award is for: "stars:4" or a programme key.
    public var source: String
    /// Amount earned before the budget rule, yuan.
    public var entitled: Double
    /// Amount granted after stacking and the budget rule, yuan.
    public var granted: Double
    public init(row: Int, source: String, entitled: Double, granted: Double) {
      self.row = row
      self.source = source
      self.entitled = entitled
      self.granted = granted
    }
  }
  /// In rank order, then source order.
  public var awards: [Award]
  public var totalEntitled: Double
  public var totalGranted: Double
  public var budget: Double?
  public var remaining: Double? { budget.map { $0 - totalGranted } }
  public init(awards: [Award], totalEntitled: Double, totalGranted: Double, budget: Double?) {
    self.awards = awards
    self.totalEntitled = totalEntitled
    self.totalGranted = totalGranted
    self.budget = budget
  }
}
