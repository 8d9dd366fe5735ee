/// One enterprise in one run, for `exemplar history`.
public struct EnterpriseYear: Sendable {
  public struct Status: Sendable {
    public var programme: String
    public var name: String
    public var computed: String
    public var final: String
    public var position: Int?
    public var reasonZH: String?
    public var reasonEN: String?
  }
  /// A metric as read, for the run's `metric` columns.
  public struct Metric: Sendable {
    public var key: String
    public var header: String
    /// The declared cell type (`number`, `integer`, `category`, `bool`, `text`).
    public var type: String
    /// Numbers in shortest form, `true`/`false`, text; nil when the cell was empty.
    public var value: String?
  }
  public var year: YearRun
  public var name: String
  public var score: Double?
  public var rank: Int?
  public var ranked: Int
  public var stars: Int?
  public var unrankedReason: String?
  public var groups: [(key: String, score: Double)]
  public var statuses: [Status]
  /// The metrics as read; empty for a run recorded before the ledger kept them.
  public var metrics: [Metric] = []
}
