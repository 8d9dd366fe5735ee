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
      Writes results.json, ranking.csv, shortlists/PROGRAMME.csv, recommendations.xlsx and \
      report.html into DIR. Nothing is visible in DIR until every file is complete; an \
      existing DIR is replaced only when the run succeeds.
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var csvOutput: CSVOutputOptions

  @Option(help: "The output folder (created or replaced atomically).")
  var out: String

  @Option(help: "Seed recorded in the manifest (the annual run itself draws no random numbers).")
  var seed: UInt64 = 0

  @Flag(name: .customLong("no-excel"), help: "Skip recommendations.xlsx.")
  var noExcel = false

  @Flag(name: .customLong("no-html"), help: "Skip report.html.")
  var noHTML = false

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
    let summary = RunSummary(report: report, out: out, warnings: Exit.warningsReported)
    if output.json {
      print(summary.json)
    } else {
      var err = StandardError()
      print(Diagnostic.terminalSafe(summary.text(Exit.language)), to: &err)
    }
  }

  /// Runs the analysis and keeps what the writers need. The table (every metric column, the
  /// line numbers) is released when this returns, before the outputs are written: at 1M rows
  /// that is most of the ingest's memory. The writers read ids and labels from the
  /// evaluation, which shares the table's packed id and label columns.
  func prepare() throws -> RunReport {
    // The metrics' and the criteria's SHA-256 come from the bytes parsed (`InputDigests`);
    // the procedure's files are hashed as they are named.
    let digests = InputDigests(metrics: input.metrics)
    let analysis = try Pipeline(input: input).analyse(digests: digests)
    let metricsSHA256 = try digests.metricsSHA256()
    let criteriaSHA256 = digests.criteriaSHA256
    let files = input.files
    var sha = [metricsSHA256, criteriaSHA256]
    for f in files.dropFirst(2) { sha.append(try Manifest.sha256(ofFile: f.path)) }
    var manifest = Manifest(
      version: Exemplar.version, metricsFile: input.metrics, metricsSHA256: metricsSHA256,
      criteriaFile: input.criteria, criteriaSHA256: criteriaSHA256, seed: seed == 0 ? nil : seed,
      rows: analysis.table.rowCount, time: Date())
    if files.count > 2 {
      manifest.inputs = zip(files, sha).map { Manifest.InputFile(role: $0.role, file: $0.path, sha256: $1) }
    }
    manifest.criteriaOverrides = analysis.spec.overrides
    var options = ReportOptions(
      english: output.lang == .en, outputEncoding: csvOutput.outputEncoding == .gb18030 ? .gb18030 : .utf8,
      excel: !noExcel, html: !noHTML, now: manifest.time, version: Exemplar.version, seed: seed == 0 ? nil : seed)
    options.policyWarnings = RewardPolicy.policy2022.warnings(for: analysis.spec)
    if !noHTML, !noStability, analysis.table.rowCount <= Run.stabilityRowLimit {
      options.stability = try stabilityRows(analysis)
    }
    return RunReport(
      spec: analysis.spec, evaluation: analysis.evaluation, decision: analysis.decision, manifest: manifest,
      options: options)
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
