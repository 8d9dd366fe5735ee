import Model

/// Readers for the files of the selection procedure around the ranking (docs/selection.md,
/// "Screening, reviews and committee decisions"): screening lists, expert reviews,
/// recusals and committee decisions. Each is a CSV with a header (English or Chinese
/// spellings), read by the same ingest as the metrics (UTF-8 with or without BOM, or
/// `options.encoding`); every problem is reported at once as `FILE:LINE:COLUMN: message`.
/// The records carry their file and physical line, so later checks (unknown ids,
/// contradictions) are located too.
extension Ingestor {
  static let idHeaders = ["id", "uscc", "统一社会信用代码", "企业代码"]

  /// `id,reason,source,date` (source and date optional).
  public static let screenColumns: [ColumnSpec] = [
    ColumnSpec(key: "id", headers: idHeaders, type: .text),
    ColumnSpec(key: "reason", headers: ["reason", "原因", "理由", "否决原因"], type: .text),
    ColumnSpec(key: "source", headers: ["source", "来源", "来源单位"], type: .text, missing: .allow, required: false),
    ColumnSpec(key: "date", headers: ["date", "日期"], type: .text, missing: .allow, required: false),
  ]

  /// `id,programme,action,reason,decided_by,date`.
  public static let decisionColumns: [ColumnSpec] = [
    ColumnSpec(key: "id", headers: idHeaders, type: .text),
    ColumnSpec(key: "programme", headers: ["programme", "program", "项目", "推荐项目"], type: .text),
    ColumnSpec(
      key: "action", headers: ["action", "决定", "处理"], type: .category,
      allowedValues: CommitteeDecision.Action.allCases.map(\.rawValue) + Array(chineseActions.keys).sorted()),
    ColumnSpec(key: "reason", headers: ["reason", "理由", "原因"], type: .text),
    ColumnSpec(key: "decided_by", headers: ["decided_by", "决定人", "决定单位", "决定机构"], type: .text),
    ColumnSpec(key: "date", headers: ["date", "日期"], type: .text),
  ]

  /// Chinese spellings of the actions.
  static let chineseActions: [String: CommitteeDecision.Action] = ["否决": .veto, "撤回": .withdraw, "增补": .add]

  /// `id,reviewer,score[,criterion]` (ids, reviewers and criteria interned: a reviews
  /// file has about five lines per enterprise).
  public static let reviewColumns: [ColumnSpec] = [
    ColumnSpec(key: "id", headers: idHeaders, type: .category),
    ColumnSpec(key: "reviewer", headers: ["reviewer", "专家", "评审专家", "专家编号"], type: .category),
    ColumnSpec(key: "score", headers: ["score", "评分", "得分"], type: .number),
    ColumnSpec(key: "criterion", headers: ["criterion", "指标"], type: .category, missing: .allow, required: false),
  ]

  /// `reviewer,id`.
  public static let recusalColumns: [ColumnSpec] = [
    ColumnSpec(key: "reviewer", headers: ["reviewer", "专家", "评审专家", "专家编号"], type: .text),
    ColumnSpec(key: "id", headers: idHeaders, type: .text),
  ]

  /// Reads a screening list (`--screen`).
  public static func readScreenList(path: String, options: IngestOptions) -> Result<[ScreenEntry], StageFailure> {
    records(read(path: path, columns: screenColumns, idColumn: "", options: options)) { t, row in
      ScreenEntry(
        id: canonicalID(t.string("id", row: row)), reason: trimmed(t, "reason", row), source: trimmed(t, "source", row),
        date: trimmed(t, "date", row), file: path, line: t.lines[row])
    }
  }

  /// Reads committee decisions (`--decisions`).
  public static func readDecisions(path: String, options: IngestOptions) -> Result<[CommitteeDecision], StageFailure> {
    records(read(path: path, columns: decisionColumns, idColumn: "", options: options)) { t, row in
      let word = trimmed(t, "action", row)
      return CommitteeDecision(
        id: canonicalID(t.string("id", row: row)), programme: trimmed(t, "programme", row),
        action: CommitteeDecision.Action(rawValue: word) ?? chineseActions[word] ?? .veto, reason: trimmed(t, "reason", row),
        decidedBy: trimmed(t, "decided_by", row), date: trimmed(t, "date", row), file: path, line: t.lines[row])
    }
  }

  /// Reads expert review scores (`--reviews`), columnar.
  public static func readReviews(path: String, options: IngestOptions) -> Result<ReviewRecords, StageFailure> {
    let result = read(path: path, columns: reviewColumns, idColumn: "", options: options)
    if let failure = result.failure { return .failure(failure) }
    guard let t = result.table, case .category(let id)? = t["id"], case .category(let reviewer)? = t["reviewer"],
      let score = t.numbers("score")
    else { return .failure(StageFailure(.data, diagnostics: result.log)) }
    var criterion = CategoryColumn(codes: [Int32](repeating: -1, count: t.rowCount), levels: [])
    if case .category(let c)? = t["criterion"] { criterion = c }
    return .success(
      ReviewRecords(
        file: path, idLevels: id.levels.map(canonicalID), idCode: id.codes, reviewerLevels: reviewer.levels.map { $0.trimmingWhitespace() },
        reviewerCode: reviewer.codes, criterionLevels: criterion.levels.map { $0.trimmingWhitespace() }, criterionCode: criterion.codes,
        score: score.values, lines: t.lines))
  }

  /// Reads recusals (`--recusals`).
  public static func readRecusals(path: String, options: IngestOptions) -> Result<[Recusal], StageFailure> {
    records(read(path: path, columns: recusalColumns, idColumn: "", options: options)) { t, row in
      Recusal(reviewer: trimmed(t, "reviewer", row), id: canonicalID(t.string("id", row: row)), file: path, line: t.lines[row])
    }
  }

  static func records<R>(_ result: IngestResult, _ make: (Table, Int) -> R) -> Result<[R], StageFailure> {
    if let failure = result.failure { return .failure(failure) }
    guard let table = result.table else { return .failure(StageFailure(.data, diagnostics: result.log)) }
    return .success((0..<table.rowCount).map { make(table, $0) })
  }

  static func trimmed(_ t: Table, _ key: String, _ row: Int) -> String { t.string(key, row: row).trimmingWhitespace() }

  /// A valid USCC in canonical form, any other id trimmed (as history files).
  static func canonicalID(_ s: String) -> String {
    let raw = s.trimmingWhitespace()
    if case .success(let c) = USCC.canonical(raw) { return c }
    return raw
  }
}
