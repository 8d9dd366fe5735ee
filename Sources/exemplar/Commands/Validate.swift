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
    switch CriteriaLoader.load(path: input.criteria, overrides: input.parsedOverrides) {
    case .success(let s):
      spec = s
      Pipeline.reportPolicyWarnings(spec)
    case .failure(let f):
      if json { print(problemsJSON(f.diagnostics, kind: "criteria")) }
      throw f
    }
    let result = Ingestor.read(
      path: input.metrics, columns: Pipeline.metricsColumns(spec), idColumn: spec.evaluation.idColumn,
      options: IngestOptions(encoding: input.encoding))
    if let failure = result.failure {
      if json { print(problemsJSON(result.log, kind: "metrics")) }
      throw failure
    }
    _ = try pipeline.history(spec)
    Exit.report(result.log)
    if json {
      print(summaryJSON(result.summary, spec: spec, warnings: result.log))
    } else {
      print(Diagnostic.terminalSafeLines(summaryText(result.summary, spec: spec, warnings: result.log.warningCount)))
    }
  }

  func summaryText(_ s: IngestSummary, spec: Spec, warnings: Int) -> String {
    var lines = [
      "\(input.metrics): \(s.rows) rows, \(s.bytes) bytes, \(s.encoding.rawValue)\(s.hadBOM ? " with BOM" : "")",
      "criteria: \(input.criteria) — \(spec.evaluation.name) (\(spec.criteria.count) criteria, \(spec.programmes.count) programmes)",
      "columns matched: \(s.columnsMatched.count) of \(Pipeline.metricsColumns(spec).count)",
    ]
    for column in Pipeline.metricsColumns(spec) {
      let header = s.columnsMatched[column.key].map { "“\($0)”" } ?? "(absent)"
      let missing = s.missingCells[column.key] ?? 0
      lines.append("  \(column.key) ← \(header)\(missing > 0 ? ", \(missing) missing" : "")")
    }
    if !s.unknownHeaders.isEmpty { lines.append("unknown columns (ignored): \(s.unknownHeaders.joined(separator: ", "))") }
    lines.append("ok: no errors, \(warnings) warning\(warnings == 1 ? "" : "s")")
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
    j.field("message", d.message)
  }
}
