import ArgumentParser
import Criteria
import Ingest
import Model
import Reports
import Selection

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check the criteria file and every cell of the metrics CSV; writes nothing.",
    discussion: """
      Prints a summary (rows, columns matched, missing cells per column, warnings). Every
      problem is printed to stderr as FILE:LINE:COLUMN: message (CSV) or
      FILE:LINE: key.path: message (criteria). Exit 65 for data errors, 78 for criteria errors.
      """)

  @OptionGroup var input: InputOptions

  @Flag(help: "Print the summary (or the problems) as JSON on stdout.")
  var json = false

  func run() throws {
    let pipeline = Pipeline(input: input)
    let spec: Spec
    switch CriteriaLoader.load(path: input.criteria) {
    case .success(let s):
      spec = s
      Pipeline.reportPolicyWarnings(spec)
    case .failure(let f):
      if json { print(problemsJSON(f.diagnostics, kind: "criteria")) }
      throw Exit.fail(f)
    }
    let result = Ingestor.read(
      path: input.metrics, columns: spec.columns, idColumn: spec.evaluation.idColumn,
      options: IngestOptions(encoding: input.encoding))
    if let failure = result.failure {
      if json { print(problemsJSON(result.log, kind: "metrics")) }
      Exit.report(result.log)
      throw ExitCode(Exit.code(for: failure.kind))
    }
    _ = try pipeline.history()
    Exit.report(result.log)
    if json {
      print(summaryJSON(result.summary, spec: spec, warnings: result.log))
    } else {
      print(summaryText(result.summary, spec: spec, warnings: result.log.warningCount))
    }
  }

  func summaryText(_ s: IngestSummary, spec: Spec, warnings: Int) -> String {
    var lines = [
      "\(input.metrics): \(s.rows) rows, \(s.bytes) bytes, \(s.encoding.rawValue)\(s.hadBOM ? " with BOM" : "")",
      "criteria: \(input.criteria) — \(spec.evaluation.name) (\(spec.criteria.count) criteria, \(spec.programmes.count) programmes)",
      "columns matched: \(s.columnsMatched.count) of \(spec.columns.count)",
    ]
    for column in spec.columns {
      let header = s.columnsMatched[column.key].map { "“\($0)”" } ?? "(absent)"
      let missing = s.missingCells[column.key] ?? 0
      lines.append("  \(column.key) ← \(header)\(missing > 0 ? ", \(missing) missing" : "")")
    }
    if !s.unknownHeaders.isEmpty { lines.append("unknown columns (ignored): \(s.unknownHeaders.joined(separator: ", "))") }
    lines.append("ok: no errors, \(warnings) warning\(warnings == 1 ? "" : "s")")
    return lines.joined(separator: "\n")
  }

  func summaryJSON(_ s: IngestSummary, spec: Spec, warnings: DiagnosticLog) -> String {
    let columns = spec.columns.map { c in
      let header = s.columnsMatched[c.key].map(JSONText.quoted) ?? "null"
      return "{\"key\":\(JSONText.quoted(c.key)),\"header\":\(header),\"missing\":\(s.missingCells[c.key] ?? 0)}"
    }
    return "{\"ok\":true,\"rows\":\(s.rows),\"bytes\":\(s.bytes),\"encoding\":\(JSONText.quoted(s.encoding.rawValue)),"
      + "\"columns\":[\(columns.joined(separator: ","))],"
      + "\"unknown_columns\":[\(s.unknownHeaders.map(JSONText.quoted).joined(separator: ","))],"
      + "\"warnings\":[\(warnings.diagnostics.map(diagnosticJSON).joined(separator: ","))]}"
  }
}

/// Problems as JSON: `{"ok":false,"kind":…,"errors":N,"problems":[{file,line,column,key_path,severity,message}]}`.
func problemsJSON(_ log: DiagnosticLog, kind: String) -> String {
  "{\"ok\":false,\"kind\":\(JSONText.quoted(kind)),\"errors\":\(log.errorCount),"
    + "\"problems\":[\(log.diagnostics.map(diagnosticJSON).joined(separator: ","))]}"
}

func diagnosticJSON(_ d: Diagnostic) -> String {
  "{\"file\":\(JSONText.quoted(d.file)),\"line\":\(d.line),\"column\":\(d.column.map(JSONText.quoted) ?? "null"),"
    + "\"key_path\":\(d.keyPath.map(JSONText.quoted) ?? "null"),\"severity\":\(JSONText.quoted(d.severity.rawValue)),"
    + "\"message\":\(JSONText.quoted(d.message))}"
}
