import Criteria
import Model
import Procedure
import Scoring

/// The programme decisions and rewards for one run. Explanations are data:
/// every enterprise not selected carries the first rule that stopped it.
public struct Decision: Sendable {
  /// One per programme, in spec order: the final lists (after screening and the
  /// committee's decisions).
  public internal(set) var programmes: [ProgrammeDecision]
  /// Rewards on the final lists.
  public internal(set) var rewards: RewardAllocation
  /// What the computation alone gave (the same walk without committee decisions), one per
  /// programme in spec order; equal to the final lists when there are no decisions.
  public internal(set) var computed: [ComputedLists]
  /// The committee decisions applied (who, when, why), in file order.
  public internal(set) var committee: Committee
  public init(
    programmes: [ProgrammeDecision], rewards: RewardAllocation, computed: [ComputedLists]? = nil,
    committee: Committee = Committee()
  ) {
    self.programmes = programmes
    self.rewards = rewards
    self.computed = computed ?? programmes.map { ComputedLists(key: $0.key, selected: $0.selected, reserve: $0.reserve) }
    self.committee = committee
  }
}

/// A programme's shortlist and reserves as the computation alone gave them.
public struct ComputedLists: Sendable, Hashable {
  public internal(set) var key: String
  public internal(set) var selected: [Int]
  public internal(set) var reserve: [Int]
  public init(key: String, selected: [Int], reserve: [Int]) {
    self.key = key
    self.selected = selected
    self.reserve = reserve
  }
}

public struct ProgrammeDecision: Sendable {
  public internal(set) var key: String
  /// Rows selected, in list order (position 1 first).
  public internal(set) var selected: [Int]
  /// Rows on the reserve list (候补), in order.
  public internal(set) var reserve: [Int]
  /// Every other ranked row, in rank order, with the first rule that stopped it
  /// (compact: 8 bytes per row, see `ExclusionList`).
  public internal(set) var excluded: ExclusionList
  /// Rows that met the eligibility rule (used by tiers with mode `eligible`).
  public internal(set) var eligible: Set<Int>
  /// Reserves that a cap kept off the shortlist while the quota was still open (so they may
  /// rank above selected enterprises), with that cap (`ExclusionReason.cap`).
  public internal(set) var reserveReasons: [Int: ExclusionReason] = [:]
  public init(key: String, selected: [Int], reserve: [Int], excluded: ExclusionList, eligible: Set<Int>) {
    self.key = key
    self.selected = selected
    self.reserve = reserve
    self.excluded = excluded
    self.eligible = eligible
  }
  public init(key: String, selected: [Int], reserve: [Int], excluded: [(row: Int, reason: ExclusionReason)], eligible: Set<Int>) {
    self.init(key: key, selected: selected, reserve: reserve, excluded: ExclusionList(excluded), eligible: eligible)
  }
}

/// The first rule that kept an enterprise off a shortlist, in the order rules are checked.
public enum ExclusionReason: Sendable, Hashable {
  /// Left out of the ranking altogether (missing data with policy exclude).
  case unranked(String)
  /// Screened out before scoring (一票否决): every reason's text (`ScreenReason.text`).
  case screened(String)
  /// Vetoed or withdrawn by a committee decision.
  case committee(CommitteeDecision)
  /// Not in the source tier (`from`); `programme` is that programme's name.
  case notInTier(programme: String, mode: ProgrammeSpec.TierMode)
  /// Recommended to this programme (named `programme`) in `year`, inside the history window.
  case history(year: Int, programme: String)
  /// The eligibility rule failed; `failing` is the source text of the first failing clause,
  /// `readable` the same clause with names as officials read them (column headers, 星级,
  /// 得分 …), used in the Chinese text; nil when it reads the same.
  case notEligible(failing: String, readable: String? = nil)
  /// The cap on `column` (the column's label) = `value` was reached.
  case cap(column: String, value: String, limit: Int)
  /// Eligible but below the line (quota and reserves filled).
  case belowLine(quota: Int)

  /// Reason in Chinese or English, for officials and for the enterprise that asks why.
  ///
  /// Operators of a failing clause read as `≥ ≤ ≠ =`, and the Chinese text names columns by
  /// their header: "不符合条件：星级 ≥ 4" / "not eligible: stars ≥ 4"; history names the year and the programme; caps name the
  /// column, the value whose places are full and the limit.
  public func text(english: Bool) -> String {
    switch self {
    case .unranked(let why):
      if why.isEmpty { return english ? "not ranked" : "未参与排名" }
      return english ? "not ranked: \(why)" : "未参与排名：\(why)"
    case .screened(let why): return english ? "screened out: \(why)" : "一票否决：\(why)"
    case .committee(let d):
      let action = english ? d.action.rawValue : (d.action == .withdraw ? "撤回" : "否决")
      let who = [d.decidedBy, d.date].filter { !$0.isEmpty }.joined(separator: ", ")
      return english
        ? "committee decision (\(action), \(who)): \(d.reason) (\(d.file):\(d.line))"
        : "评审委员会决定（\(action)，\(who)）：\(d.reason)（\(d.file):\(d.line)）"
    case .notInTier(let p, .selected): return english ? "not on the shortlist of \(p)" : "未入选「\(p)」名单"
    case .notInTier(let p, .eligible): return english ? "not eligible for \(p)" : "不符合「\(p)」的推荐条件"
    case .history(let y, let p): return english ? "already recommended to \(p) in \(y)" : "已于\(y)年推荐至「\(p)」"
    case .notEligible(let f, let zh):
      return english
        ? "not eligible: \(Expr.withOfficialOperators(f))" : "不符合条件：\(Expr.withChineseConnectives(Expr.withOfficialOperators(zh ?? f)))"
    case .cap(let c, let v, let n):
      return english ? "cap reached: at most \(n) per \(c) (\(v))" : "名额上限：每个\(c)最多\(n)家（\(v)已满）"
    case .belowLine(let q): return english ? "below the line (quota \(q))" : "排名未进入推荐名额（名额\(q)家）"
    }
  }

}

/// Rewards under the budget.
public struct RewardAllocation: Sendable {
  public struct Award: Sendable, Hashable {
    public internal(set) var row: Int
    /// What the award is for: "stars:4" or a programme key.
    public internal(set) var source: String
    /// Amount earned before the budget rule, yuan.
    public internal(set) var entitled: Double
    /// Amount granted after stacking and the budget rule, yuan.
    public internal(set) var granted: Double
    /// With stacking `max`: a larger award of the same enterprise is paid instead of this one.
    public internal(set) var superseded: Bool
    public init(row: Int, source: String, entitled: Double, granted: Double, superseded: Bool = false) {
      self.row = row
      self.source = source
      self.entitled = entitled
      self.granted = granted
      self.superseded = superseded
    }
  }
  /// In rank order, then source order.
  public internal(set) var awards: [Award]
  /// What would be paid with an unlimited budget: the awards not superseded, before the budget rule.
  public internal(set) var totalEntitled: Double
  public internal(set) var totalGranted: Double
  public internal(set) var budget: Double?
  public var remaining: Double? { budget.map { $0 - totalGranted } }
  public init(awards: [Award], totalEntitled: Double, totalGranted: Double, budget: Double?) {
    self.awards = awards
    self.totalEntitled = totalEntitled
    self.totalGranted = totalGranted
    self.budget = budget
  }
}
