import ArgumentParser
import Criteria
import Foundation
import Model
import Reports
import Scoring
import Selection
import Sensitivity

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "The annual run: ingest, score, rank, stars, shortlists, rewards; writes DIR atomically.",
    discussion: """
      Writes results.json, ranking.csv, shortlists/PROGRAMME.csv, recommendations.xlsx and
      report.html into DIR. Nothing is visible in DIR until every file is complete; an
      existing DIR is replaced only when the run succeeds.
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var output: OutputOptions

  @Option(help: "The output folder (created or replaced atomically).")
  var out: String

  @Option(help: "Seed recorded in the manifest (the annual run itself draws no random numbers).")
  var seed: UInt64 = 0

  @Flag(name: .customLong("no-excel"), help: "Skip recommendations.xlsx.")
  var noExcel = false

  @Flag(name: .customLong("no-html"), help: "Skip report.html.")
  var noHTML = false

  @Flag(name: .customLong("no-pdf"), help: "Skip report.pdf (printed with Chromium when it is installed).")
  var noPDF = false

  @Option(
    help: ArgumentHelp(
      "The per-enterprise layout: objects (results.json's ranking, one object per enterprise) or columnar (enterprises.csv, a table; results.json names it).",
      valueName: "objects|columnar"))
  var layout: ResultsLayout = .objects

  @Flag(
    name: .customLong("no-stability"),
    help: "Skip the weight-stability intervals in report.html (computed for weighted-sum aggregation up to \(Run.stabilityRowLimit) enterprises).")
  var noStability = false

  /// Above this many enterprises the stability section is left out of report.html
  /// (`exemplar weights --stability` computes it at any size).
  static let stabilityRowLimit = 20_000

  func run() throws {
    try OutputFolder.checkTarget(out, inputs: input.paths)
    let report = try prepare()
    try report.write(to: out, inputs: input.paths)
    if output.json {
      var j = JSONText()
      j.beginObject()
      j.field("out", out)
      j.field("ranked", report.evaluation.order.count)
      j.endObject()
      print(j.text)
    } else {
      let selected = report.decision.programmes.map { "\($0.key) \($0.selected.count)" }.joined(separator: ", ")
      var err = StandardError()
      print("exemplar: \(report.evaluation.order.count) ranked; selected: \(selected); wrote \(out)", to: &err)
    }
  }

  /// Runs the analysis and keeps what the writers need. The table (every metric column, the
  /// line numbers) is released when this returns, before the outputs are written: at 1M rows
  /// that is most of the ingest's memory. The writers read ids and labels from the
  /// evaluation, which shares the table's packed id and label columns.
  func prepare() throws -> RunReport {
    // Every input's SHA-256 comes from the bytes parsed (`InputDigests`).
    let digests = InputDigests(metrics: input.metrics)
    let analysis = try Pipeline(input: input).analyse(digests: digests)
    let metricsSHA256 = try digests.metricsSHA256()
    let criteriaSHA256 = digests.criteriaSHA256
    let files = input.files
    var sha = [metricsSHA256, criteriaSHA256]
    for f in files.dropFirst(2) { sha.append(try digests.parsedSHA256(f.path) ?? Manifest.sha256(ofFile: f.path)) }
    var manifest = Manifest(
      version: Exemplar.version, metricsFile: input.metrics, metricsSHA256: metricsSHA256,
      criteriaFile: input.criteria, criteriaSHA256: criteriaSHA256, seed: seed == 0 ? nil : seed,
      rows: analysis.table.rowCount, time: Date())
    if files.count > 2 {
      manifest.inputs = zip(files, sha).map { Manifest.InputFile(role: $0.role, file: $0.path, sha256: $1) }
    }
    manifest.criteriaOverrides = analysis.spec.overrides
    var options = ReportOptions(
      english: output.lang == .en, outputEncoding: output.outputEncoding == .gb18030 ? .gb18030 : .utf8,
      excel: !noExcel, html: !noHTML, now: manifest.time, version: Exemplar.version, seed: seed == 0 ? nil : seed)
    if !noHTML, !noPDF {
      options.pdfBrowser = PDFPrinter.browser()
      if options.pdfBrowser == nil {
        var err = StandardError()
        print("exemplar: note: no Chromium found (chromium, chromium-browser, google-chrome or $EXEMPLAR_CHROMIUM); report.pdf not written", to: &err)
      }
    }
    options.columnar = layout == .columnar
    if !noHTML, !noStability, analysis.table.rowCount <= Run.stabilityRowLimit {
      options.stability = try stabilityRows(analysis)
    }
    let documents =
      noExcel && noHTML
      ? nil
      : DocumentFacts.gather(
        table: analysis.table, spec: analysis.spec, evaluation: analysis.evaluation, decision: analysis.decision,
        english: options.english)
    return RunReport(
      spec: analysis.spec, evaluation: analysis.evaluation, decision: analysis.decision, manifest: manifest,
      options: options, documents: documents)
  }
}

/// The weight-stability intervals of every programme, for report.html (weighted sum only).
func stabilityRows(_ a: Analysis) throws -> [WeightStabilityRow] {
  guard case .weightedSum = a.spec.aggregation.method, !a.spec.programmes.isEmpty else { return [] }
  do {
    let model = try SensitivityModel(evaluation: a.evaluation, table: a.table, spec: a.spec, history: a.history, committee: a.committee)
    return try StabilityIntervals.compute(model).flatMap { p in
      p.intervals.map {
        WeightStabilityRow(
          programme: p.key, criterion: $0.criterion, isGroup: $0.isGroup, weight: $0.nominalWeight,
          finalWeight: $0.finalWeight, low: $0.low, high: $0.high, exact: $0.exact)
      }
    }
  } catch {
    var err = StandardError()
    print("exemplar: warning: weight-stability intervals left out of report.html: \(error)", to: &err)
    return []
  }
}


/// `run --layout`: how the per-enterprise values are written (docs/outputs.md).
enum ResultsLayout: String, ExpressibleByArgument, CaseIterable {
  case objects, columnar
}
