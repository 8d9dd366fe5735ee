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
  public var year: YearRun
  public var name: String
  public var score: Double?
  public var rank: Int?
  public var ranked: Int
  public var stars: Int?
  public var unrankedReason: String?
  public var groups: [(key: String, score: Double)]
  public var statuses: [Status]
}
