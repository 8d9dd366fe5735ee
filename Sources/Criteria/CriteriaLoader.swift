import Foundation
import Model
import TOMLKit

/// Loads and validates criteria files (docs/criteria.md).
///
/// Every key is checked; every problem is reported (up to `DiagnosticLog.defaultCap`) as
/// `FILE:LINE: key.path: message`, or `FILE:LINE:COLUMN: key.path: message` for a syntax
/// error inside an expression. A TOML syntax error stops at once: `FILE:LINE: message`.
public enum CriteriaLoader {
  /// Top-level tables of a criteria file.
  public static let topLevelKeys = [
    "evaluation", "columns", "groups", "criteria", "weighting", "aggregation", "ranking", "stars", "programmes",
    "rewards", "uncertainty", "screening", "reviews", "documents",
  ]

  /// Loads and validates a criteria file. Failure kinds: `.noInput` (missing or unreadable
  /// → exit 66), `.config` (→ exit 78).
  /// - Parameter overrides: `--set` changes applied before the checks (docs/criteria.md).
  public static func load(path: String, overrides: [Override] = []) -> Result<Spec, StageFailure> {
    switch read(path: path) {
    case .failure(let f): return .failure(f)
    case .success(let bytes): return load(bytes: bytes, source: path, overrides: overrides)
    }
  }

  /// The bytes of a criteria file, read once (a FIFO or /dev/stdin works too); `.noInput`
  /// (exit 66) when it is missing or unreadable.
  public static func read(path: String) -> Result<[UInt8], StageFailure> {
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason =
        FileManager.default.fileExists(atPath: path)
        ? Message(zh: "无法读取标准文件", en: "cannot read the criteria file") : Message(zh: "找不到标准文件", en: "criteria file not found")
      return .failure(StageFailure(.noInput, Diagnostic(file: path, line: 0, message: reason)))
    }
    return .success([UInt8](data))
  }

  /// Loads a criteria file from its bytes (`read(path:)`): a UTF-8 BOM is skipped, the
  /// rest must be UTF-8; `source` names the file in diagnostics.
  public static func load(bytes data: [UInt8], source path: String, overrides: [Override] = []) -> Result<Spec, StageFailure> {
    var bytes = data
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return .failure(StageFailure(.config, Diagnostic(file: path, line: 0, message: Message(zh: "标准文件不是有效的 UTF-8（请以 UTF-8 保存）", en: "the criteria file is not valid UTF-8"))))
    }
    return parse(text, source: path, overrides: overrides)
  }

  /// Same from text (`source` is the file name used in diagnostics).
  public static func parse(_ text: String, source: String, overrides: [Override] = []) -> Result<Spec, StageFailure> {
    if let problem = CriteriaTextCheck.firstProblem(Array(text.utf8)) {
      return .failure(StageFailure(.config, Diagnostic(file: source, line: problem.line, message: problem.message)))
    }
    let root: TOMLTable
    do {
      root = try TOMLTable(string: text)
    } catch let e as TOMLParseError {
      let column = e.source.begin.column > 0 ? String(e.source.begin.column) : nil
      return .failure(
        StageFailure(.config, Diagnostic(file: source, line: e.source.begin.line, column: column, message: TOMLErrorText.message(e.description))))
    } catch {
      return .failure(StageFailure(.config, Diagnostic(file: source, line: 0, message: Message(zh: "无法解析 TOML：", en: "cannot parse TOML: ") + SystemErrorText.of(error))))
    }
    guard case .table(var top) = TOMLNode(root) else {
      return .failure(StageFailure(.config, Diagnostic(file: source, line: 0, message: Message(zh: "无法解析 TOML", en: "cannot parse TOML"))))
    }
    var d = SpecDecoder(source: source, index: KeyLineIndex(text: text))
    for o in overrides {
      if let (i, keys) = TOMLNode.table(top).firstMissing(o.path, topLevel: topLevelKeys) {
        let table = o.path[...i].joined(separator: ".")
        let close = Suggestion.closest(to: o.path[i], in: keys)
        let message = Message(
          zh: "--set \(o)：标准文件中没有 \(table)\(close.map { "（是否应为 \"\($0)\"？）" } ?? "")",
          en: "--set \(o): no \(table) in the criteria file\(Suggestion.hint(o.path[i], keys))")
        d.log.append(Diagnostic(file: source, line: d.index.line(o.path[..<i].joined(separator: ".")), keyPath: table, message: message))
      } else if case .table(let t) = TOMLNode.table(top).setting(o.path[...], to: o.value) {
        top = t
      }
    }
    for key in d.ordered(top, "") where !topLevelKeys.contains(key) {
      d.error(key, SpecDecoder.unknownName(key, topLevelKeys, Message(zh: "表", en: "table"), Message(zh: "可用的表", en: "allowed tables")))
    }
    var columns = d.decodeColumns(top["columns"])
    let reviews = d.decodeReviews(top["reviews"], columns: &columns)
    let evaluation = d.decodeEvaluation(top["evaluation"], columns: columns)
    let weighting = d.decodeWeighting(top["weighting"])
    let groups = d.decodeGroups(top["groups"], rootMethod: weighting.method)
    let criteria = d.decodeCriteria(top["criteria"], columns: columns, groups: groups)
    // The columns the file declares (the review column's policy is `[reviews] missing`).
    d.warnUnusedMissingPolicies(columns: columns.filter { $0.key != reviews?.column }, criteria: criteria)
    let children = d.checkTree(groups: groups, criteria: criteria)
    d.checkWeights(root: weighting, groups: groups, criteria: criteria, children: children)
    let aggregation = d.decodeAggregation(top["aggregation"])
    let ranking = d.decodeRanking(top["ranking"], columns: columns, groups: groups, criteria: criteria)
    let scope = ExprScope(columns: columns, groups: groups, criteria: criteria)
    var starScope = scope
    for n in ["stars", "rank"] {
      starScope.names[n] = nil
      starScope.forbidden[n] = Message(
        zh: "不能用于星级要求（星级在排名和项目遴选之前评定）",
        en: "cannot be used in a star requirement (stars are awarded before ranks and programmes)")
    }
    if case .table(let all)? = top["programmes"] {
      let beforeProgrammes = Message(
        zh: "不能用于星级要求（星级在项目遴选之前评定）", en: "cannot be used in a star requirement (stars are awarded before programmes)")
      for key in all.keys {
        starScope.forbidden["selected." + key] = beforeProgrammes
        starScope.forbidden["eligible." + key] = beforeProgrammes
      }
    }
    let stars = d.decodeStars(top["stars"], scale: evaluation.scale, scope: starScope)
    var programmeScope = scope
    if case .table(let all)? = top["programmes"] {
      for key in all.keys {
        for kind in ["selected", "eligible"] {
          programmeScope.forbidden["\(kind).\(key)"] = Message(
            zh: "指向项目 \"\(key)\"，它未在本项目之前声明；selected.P 和 eligible.P 只能指向更早声明的项目",
            en: "names programme \"\(key)\", which is not declared before this one; selected.P and eligible.P may name only earlier programmes")
        }
      }
    }
    let programmes = d.decodeProgrammes(top["programmes"], columns: columns, scope: programmeScope)
    let rewards = d.decodeRewards(top["rewards"])
    let screening = d.decodeScreening(top["screening"], scope: ExprScope(columnsOnly: columns))
    var aggregationTable: [String: TOMLNode]?
    if case .table(let t)? = top["aggregation"] { aggregationTable = t }
    let uncertainty = d.decodeUncertainty(top["uncertainty"], criteria: criteria, aggregation: aggregationTable)
    let documents = d.decodeDocuments(top["documents"], criteria: criteria, programmes: programmes)
    guard !d.log.hasErrors else { return .failure(StageFailure(.config, diagnostics: attributed(d.log, overrides))) }
    var spec = Spec(
        source: source, evaluation: evaluation, columns: columns, criteria: criteria, groups: groups,
        weighting: weighting, aggregation: aggregation, ranking: ranking, stars: stars, programmes: programmes,
        rewards: rewards, uncertainty: uncertainty)
    spec.keyLines = d.index
    spec.warnings = d.warnings
    spec.overrides = overrides.map(\.description)
    spec.screening = screening
    spec.reviews = reviews
    spec.documents = documents
    return .success(spec)
  }

  /// The diagnostics with the `--set` that changed their key named.
  private static func attributed(_ log: DiagnosticLog, _ overrides: [Override]) -> DiagnosticLog {
    guard !overrides.isEmpty else { return log }
    var out = DiagnosticLog(cap: log.cap)
    for var diagnostic in log.diagnostics {
      guard !diagnostic.message.hasPrefix("--set ") else {
        out.append(diagnostic)
        continue
      }
      if let path = diagnostic.keyPath,
        let o = overrides.last(where: { path == $0.keyPath || path.hasPrefix($0.keyPath + ".") })
      {
        diagnostic.text += Message(zh: "（值来自 --set \(o)）", en: " (value from --set \(o))")
      } else {
        let sets = overrides.map { "--set \($0)" }.joined(separator: ", ")
        diagnostic.text += Message(zh: "（使用了 \(sets)）", en: " (with \(sets))")
      }
      out.append(diagnostic)
    }
    return out
  }
}
