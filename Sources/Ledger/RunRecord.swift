import Model

/// One run as the ledger records it: built by the command line from the run's evaluation
/// and decision, written by `Ledger.record(_:)` in one transaction.
///
/// Per-enterprise values are columns indexed by row (the metrics file's data rows, in
/// file order); per-programme statuses are columns of the same length.
public struct RunRecord: Sendable {
  /// An input file of the run.
  public struct Input: Sendable, Hashable {
    public var role: String
    public var path: String
    public var sha256: String
    /// The file's text, kept for the criteria file; nil for the others.
    public var content: String?
    public init(role: String, path: String, sha256: String, content: String? = nil) {
      self.role = role
      self.path = path
      self.sha256 = sha256
      self.content = content
    }
  }

  /// What a programme's list did with one enterprise.
  public enum Status: UInt8, Sendable {
    case excluded = 0, selected, reserve
    /// The one-letter code in the `statuses` JSON column: `s`, `r`, `x`.
    public var code: String {
      switch self {
      case .excluded: "x"
      case .selected: "s"
      case .reserve: "r"
      }
    }
    /// The ledger's text for the status.
    public var text: String {
      switch self {
      case .excluded: "excluded"
      case .selected: "selected"
      case .reserve: "reserve"
      }
    }
  }

  /// A programme of the run and every enterprise's status on its lists.
  public struct Programme: Sendable {
    public var key: String
    public var name: String
    public var level: String
    public var quota: Int
    public var reserves: Int
    public var historyYears: Int
    public var validYears: Int
    /// Per row: status on the computed lists (before committee decisions).
    public var computed: [Status]
    /// Per row: status on the final lists.
    public var final: [Status]
    /// Per row: 1-based position on the final list (selected or reserve), 0 otherwise.
    public var position: [Int32]
    /// Per row: index into `RunRecord.reasons` of why it is not selected, −1 for none.
    public var reason: [Int32]
    /// Rows of the final lists in order: selected, then reserve.
    public var finalOrder: [Int] = []
    /// Rows of the computed lists in order: selected, then reserve.
    public var computedOrder: [Int] = []
    public init(
      key: String, name: String, level: String, quota: Int, reserves: Int, historyYears: Int, validYears: Int, rows: Int
    ) {
      self.key = key
      self.name = name
      self.level = level
      self.quota = quota
      self.reserves = reserves
      self.historyYears = historyYears
      self.validYears = validYears
      computed = Array(repeating: .excluded, count: rows)
      final = Array(repeating: .excluded, count: rows)
      position = Array(repeating: 0, count: rows)
      reason = Array(repeating: -1, count: rows)
    }
  }

  /// A reward of one enterprise.
  public struct Reward: Sendable, Hashable {
    public var row: Int
    public var source: String
    public var entitled: Double
    public var granted: Double
    public var superseded: Bool
    public init(row: Int, source: String, entitled: Double, granted: Double, superseded: Bool) {
      self.row = row
      self.source = source
      self.entitled = entitled
      self.granted = granted
      self.superseded = superseded
    }
  }

  /// A metric column of the run, as read from the metrics file (before imputation).
  public struct Metric: Sendable {
    /// The column's key in the criteria file (`revenue_wan`).
    public var key: String
    /// The header found in the metrics file.
    public var header: String
    /// The declared cell type (`number`, `integer`, `category`, `bool`, `text`).
    public var type: String
    /// The cells, by row.
    public var column: Column
    public init(key: String, header: String, type: String, column: Column) {
      self.key = key
      self.header = header
      self.type = type
      self.column = column
    }
  }

  public var year: Int
  public var recordedAt: String
  public var version: String
  public var criteriaName: String
  public var out: String
  public var inputs: [Input]
  /// Canonical id and display name per row.
  public var ids: StringColumn
  public var names: StringColumn
  /// Physical line of each row in the metrics file.
  public var lines: [Int]
  /// Per row; `rank` 0 = unranked (score and stars are then stored as NULL).
  public var score: [Double]
  public var rank: [Int]
  public var stars: [Int]
  /// Why a row is not ranked (screened out, missing data), by row.
  public var unranked: [Int: String]
  /// Group key and its score per row, in spec order.
  public var groups: [(key: String, scores: [Double])]
  public var programmes: [Programme]
  /// Distinct reasons, Chinese and English.
  public var reasons: [(zh: String, en: String)]
  public var rewards: [Reward]
  /// The metric columns as read (every declared column but the id and the name), in the
  /// criteria file's order; stored per enterprise as a JSON array (docs/ledger.md).
  public var metrics: [Metric]

  public init(
    year: Int, recordedAt: String, version: String, criteriaName: String, out: String, inputs: [Input], ids: StringColumn,
    names: StringColumn, lines: [Int], score: [Double], rank: [Int], stars: [Int], unranked: [Int: String],
    groups: [(key: String, scores: [Double])], programmes: [Programme], reasons: [(zh: String, en: String)], rewards: [Reward],
    metrics: [Metric] = []
  ) {
    self.year = year
    self.recordedAt = recordedAt
    self.version = version
    self.criteriaName = criteriaName
    self.out = out
    self.inputs = inputs
    self.ids = ids
    self.names = names
    self.lines = lines
    self.score = score
    self.rank = rank
    self.stars = stars
    self.unranked = unranked
    self.groups = groups
    self.programmes = programmes
    self.reasons = reasons
    self.rewards = rewards
    self.metrics = metrics
  }

  /// Number of enterprises (rows).
  public var count: Int { ids.count }
}
