/// `[documents]`: what the documents an office hands over say about who issues them and how
/// the public notice works (docs/criteria.md, "[documents]"). Every key is optional.
public struct DocumentsSpec: Sendable, Hashable {
  /// The issuing body (发文单位 / 填报单位), e.g. "余姚市经济和信息化局"; "" when not given
  /// (the documents then leave a blank to fill in by hand).
  public internal(set) var issuer: String
  /// The committee report's title; nil: the evaluation's name followed by "推荐结果报告".
  public internal(set) var title: String?
  /// Length of the public notice (公示期), in working days.
  public internal(set) var noticeDays: Int
  /// Where and how objections are made during the notice.
  public internal(set) var objection: String
  /// Contact for objections (telephone, address); "" when not given.
  public internal(set) var contact: String
  /// Per programme key: the criterion keys whose raw values the 推荐汇总表 shows.
  /// A programme not named shows the `keyMetricCount` criteria of highest final weight.
  public internal(set) var metrics: [String: [String]]
  /// How many top-weighted criteria a programme shows by default.
  public internal(set) var keyMetricCount: Int

  /// The objection procedure used when the file gives none: in writing and under one's real name.
  public static let defaultObjection =
    "公示期间，对公示企业有异议的，请以书面形式实名向发文单位提出，写明异议事项和理由，提供真实姓名（单位名称并加盖公章）、联系方式和必要的证明材料；匿名或超出公示期提出的异议不予受理。"

  init(
    issuer: String = "", title: String? = nil, noticeDays: Int = 5, objection: String = DocumentsSpec.defaultObjection,
    contact: String = "", metrics: [String: [String]] = [:], keyMetricCount: Int = 3
  ) {
    self.issuer = issuer
    self.title = title
    self.noticeDays = noticeDays
    self.objection = objection
    self.contact = contact
    self.metrics = metrics
    self.keyMetricCount = keyMetricCount
  }
}
