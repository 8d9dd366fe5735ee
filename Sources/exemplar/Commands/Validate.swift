import ArgumentParser
import Criteria
import Ingest
import Model
import Reports
import Selection

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: Exit.text(
      Message(
        zh: "检查评价标准文件和指标文件的每个单元格；不写出任何文件。",
        en: "Check the criteria file and every cell of the metrics CSV; writes nothing.")),
    discussion: Exit.text(
      Message(
        zh: "打印摘要（行数、匹配上的列、每列缺失的单元格数、警告）。每个问题打印到标准错误输出，格式为 文件:行:列: 问题（指标文件）或 文件:行: 键路径: 问题（评价标准文件）。数据有错时退出码为 65，评价标准文件有错时为 78。",
        en: """
          Prints a summary (rows, columns matched, missing cells per column, warnings). Every \
          problem is printed to stderr as FILE:LINE:COLUMN: message (CSV) or \
          FILE:LINE: key.path: message (criteria). Exit 65 for data errors, 78 for criteria errors.
          """)))

  @OptionGroup var input: InputOptions

  @Flag(help: .text(zh: "以 JSON 格式在标准输出打印摘要（或问题）。", en: "Print the summary (or the problems) as JSON on stdout."))
  var json = false

  @OptionGroup var language: LanguageOption

  func run() throws {
    let pipeline = Pipeline(input: input)
    let spec: Spec
    var warnings = DiagnosticLog()
    switch CriteriaLoader.load(path: input.criteria, overrides: input.parsedOverrides) {
    case .success(let s):
      spec = s
      warnings = Pipeline.reportPolicyWarnings(spec)
    case .failure(let f):
      if json { print(problemsJSON(f.diagnostics, kind: "criteria")) }
      throw f
    }
    let result = Ingestor.read(
      path: input.metrics, columns: Pipeline.metricsColumns(spec), idColumn: spec.evaluation.idColumn,
      options: input.ingestOptions)
    warnings.append(contentsOf: result.log)
    if let failure = result.failure {
      if json { print(problemsJSON(warnings, kind: "metrics")) }
      throw failure
    }
    _ = try pipeline.history(spec)
    Exit.report(result.log)
    if json {
      print(summaryJSON(result.summary, spec: spec, warnings: warnings))
    } else {
      print(Diagnostic.terminalSafeLines(summaryText(result.summary, spec: spec, warnings: warnings.warningCount)))
    }
  }

  /// The summary in the language of `--lang`.
  func summaryText(_ s: IngestSummary, spec: Spec, warnings: Int) -> String {
    let zh = language.lang == .zh
    let encoding = s.encoding.rawValue + (s.hadBOM ? (zh ? "（带 BOM）" : " with BOM") : "")
      + (s.detectedGB18030 ? (zh ? "（自动识别）" : " (detected)") : "")
    let columns = Pipeline.metricsColumns(spec)
    var lines = [
      zh
        ? "\(input.metrics)：\(s.rows) 行，\(s.bytes) 字节，\(encoding)"
        : "\(input.metrics): \(s.rows) rows, \(s.bytes) bytes, \(encoding)",
      zh
        ? "标准文件：\(input.criteria) — \(spec.evaluation.name)（\(spec.criteria.count) 项指标，\(spec.programmes.count) 个项目）"
        : "criteria: \(input.criteria) — \(spec.evaluation.name) (\(spec.criteria.count) criteria, \(spec.programmes.count) programmes)",
      zh
        ? "已匹配列：\(s.columnsMatched.count) / \(columns.count)" : "columns matched: \(s.columnsMatched.count) of \(columns.count)",
    ]
    for column in columns {
      // A header written over two lines (Alt+Enter) is shown on one.
      let header = s.columnsMatched[column.key].map { "“\($0.replacing("\r\n", with: " ").replacing("\n", with: " "))”" }
        ?? (zh ? "（缺）" : "(absent)")
      let missing = s.missingCells[column.key] ?? 0
      let gaps = missing == 0 ? "" : zh ? "，缺失 \(missing) 个" : ", \(missing) missing"
      lines.append("  \(column.key) ← \(header)\(gaps)")
    }
    if !s.unknownHeaders.isEmpty {
      let list = s.unknownHeaders.joined(separator: ", ")
      lines.append(zh ? "未知列（已忽略）：\(list)" : "unknown columns (ignored): \(list)")
    }
    lines.append(zh ? "通过：无错误，\(warnings) 个警告" : "ok: no errors, \(warnings) warning\(warnings == 1 ? "" : "s")")
    return lines.joined(separator: "\n")
  }

  func summaryJSON(_ s: IngestSummary, spec: Spec, warnings: DiagnosticLog) -> String {
    var j = JSONText()
    j.beginObject()
    j.field("ok", true)
    j.field("rows", s.rows)
    j.field("bytes", s.bytes)
    j.field("encoding", s.encoding.rawValue)
    j.key("columns")
    j.beginArray()
    for c in Pipeline.metricsColumns(spec) {
      j.beginObject()
      j.field("key", c.key)
      j.field("header", s.columnsMatched[c.key])
      j.field("missing", s.missingCells[c.key] ?? 0)
      j.endObject()
    }
    j.endArray()
    j.field("unknown_columns", strings: s.unknownHeaders)
    j.field("warning_count", warnings.warningCount)
    diagnostics(&j, "warnings", warnings)
    j.endObject()
    return j.text
  }
}

/// Problems as JSON: `{"ok":false,"kind":…,"errors":N,"problems":[{file,line,column,key_path,severity,message}]}`.
func problemsJSON(_ log: DiagnosticLog, kind: String) -> String {
  var j = JSONText()
  j.beginObject()
  j.field("ok", false)
  j.field("kind", kind)
  j.field("errors", log.errorCount)
  j.field("warning_count", log.warningCount)
  diagnostics(&j, "problems", log)
  j.endObject()
  return j.text
}

/// `"key": [{file,line,column,key_path,severity,message}, …]`.
func diagnostics(_ j: inout JSONText, _ key: String, _ log: DiagnosticLog) {
  j.field(key, objects: log.diagnostics) { j, d in
    j.field("file", d.file)
    j.field("line", d.line)
    j.field("column", d.column)
    j.field("key_path", d.keyPath)
    j.field("severity", d.severity.rawValue)
    j.field("message", d.text.text(Exit.language))
    j.field("message_en", d.text.en)
  }
}
