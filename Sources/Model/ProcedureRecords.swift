/// One line of a `--screen` list: an enterprise screened out by another department's list
/// (经营异常名录, 严重失信主体名单 …).
public struct ScreenEntry: Sendable, Hashable {
  /// Id as written (trimmed; a valid USCC in canonical form).
  public var id: String
  public var reason: String
  public var source: String
  public var date: String
  /// The list file and the physical line of the entry.
  public var file: String
  public var line: Int
  public init(id: String, reason: String, source: String, date: String, file: String, line: Int) {
    self.id = id
    self.reason = reason
    self.source = source
    self.date = date
    self.file = file
    self.line = line
  }
}

/// One line of `--decisions`: a committee decision about one enterprise and one programme
/// (`*`: every programme and the star rewards).
public struct CommitteeDecision: Sendable, Hashable {
  public enum Action: String, Sendable, Hashable, CaseIterable {
    /// Off the list (一票否决 by the committee): the place goes to the next qualified candidate.
    case veto
    /// The enterprise withdrew: the same effect as a veto.
    case withdraw
    /// Placed on the list by decision, ahead of the computed candidates.
    case add
  }

  public var id: String
  /// Programme key or name as written, or `*`.
  public var programme: String
  public var action: Action
  public var reason: String
  public var decidedBy: String
  public var date: String
  public var file: String
  public var line: Int
  public init(
    id: String, programme: String, action: Action, reason: String, decidedBy: String, date: String, file: String, line: Int
  ) {
    self.id = id
    self.programme = programme
    self.action = action
    self.reason = reason
    self.decidedBy = decidedBy
    self.date = date
    self.file = file
    self.line = line
  }

  /// Whether it applies to every programme and to star rewards.
  public var isGlobal: Bool { programme == "*" }
  /// Whether it takes the enterprise off a list (veto or withdraw).
  public var removes: Bool { action != .add }
}

/// The lines of a `--reviews` file, columnar (hundreds of thousands of lines: ids,
/// reviewers and criteria are interned by the ingest, each distinct string once).
public struct ReviewRecords: Sendable {
  public var file: String
  /// Distinct ids as written; `idCode[i]` indexes it.
  public var idLevels: [String]
  public var idCode: [Int32]
  public var reviewerLevels: [String]
  public var reviewerCode: [Int32]
  /// Distinct criterion keys; −1: the overall review score.
  public var criterionLevels: [String]
  public var criterionCode: [Int32]
  public var score: [Double]
  /// Physical line of each record.
  public var lines: [Int]
  public init(
    file: String, idLevels: [String], idCode: [Int32], reviewerLevels: [String], reviewerCode: [Int32],
    criterionLevels: [String], criterionCode: [Int32], score: [Double], lines: [Int]
  ) {
    self.file = file
    self.idLevels = idLevels
    self.idCode = idCode
    self.reviewerLevels = reviewerLevels
    self.reviewerCode = reviewerCode
    self.criterionLevels = criterionLevels
    self.criterionCode = criterionCode
    self.score = score
    self.lines = lines
  }
  public var count: Int { score.count }
}

/// One line of `--recusals`: a reviewer with a conflict of interest for an enterprise.
public struct Recusal: Sendable, Hashable {
  public var reviewer: String
  public var id: String
  public var file: String
  public var line: Int
  public init(reviewer: String, id: String, file: String, line: Int) {
    self.reviewer = reviewer
    self.id = id
    self.file = file
    self.line = line
  }
}
