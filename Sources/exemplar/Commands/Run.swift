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

  @Flag(
    name: .customLong("no-stability"),
    help: "Skip the weight-stability intervals in report.html (computed for weighted-sum aggregation up to \(Run.stabilityRowLimit) enterprises).")
  var noStability = false

  /// Above this many enterprises the stability section is left out of report.html
  /// (`exemplar weights --stability` computes it at any size).
  static let stabilityRowLimit = 20_000

  func run() throws {
    let report = try prepare()
    try report.write(to: out)
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
    // The inputs' SHA-256 are computed on a second core while the (single-threaded) ingest
    // and scoring run; a file that cannot be hashed fails the run as before, after them.
    let files = input.files
    let hashes = InputHashes(files.map(\.path))
    let analysis = try Pipeline(input: input).analyse()
    let sha = try hashes.wait()
    var manifest = Manifest(
      version: Exemplar.version, metricsFile: input.metrics, metricsSHA256: sha[0],
      criteriaFile: input.criteria, criteriaSHA256: sha[1], seed: seed == 0 ? nil : seed,
      rows: analysis.table.rowCount, time: Date())
    if files.count > 2 {
      manifest.inputs = zip(files, sha).map { Manifest.InputFile(role: $0.role, file: $0.path, sha256: $1) }
    }
    manifest.criteriaOverrides = analysis.spec.overrides
    var options = ReportOptions(
      english: output.lang == .en, outputEncoding: output.outputEncoding == .gb18030 ? .gb18030 : .utf8,
      excel: !noExcel, html: !noHTML, now: manifest.time, version: Exemplar.version, seed: seed == 0 ? nil : seed)
    if !noHTML, !noStability, analysis.table.rowCount <= Run.stabilityRowLimit {
      options.stability = try stabilityRows(analysis)
    }
    return RunReport(
      spec: analysis.spec, evaluation: analysis.evaluation, decision: analysis.decision, manifest: manifest,
      options: options)
  }
}

/// The SHA-256 of the input files (`Manifest.sha256(ofFile:)`), computed on a
/// background thread from `init`; `wait()` returns them in order or the first failure.
private final class InputHashes: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  /// Written by the worker before `done.signal()`, read after `done.wait()`.
  private var result: Result<[String], StageFailure>?

  init(_ paths: [String]) {
    DispatchQueue.global(qos: .userInitiated).async {
      do throws(StageFailure) {
        var out: [String] = []
        for p in paths { out.append(try Manifest.sha256(ofFile: p)) }
        self.result = .success(out)
      } catch {
        self.result = .failure(error)
      }
      self.done.signal()
    }
  }

  func wait() throws(StageFailure) -> [String] {
    done.wait()
    switch result {
    case .success(let hashes)?: return hashes
    case .failure(let failure)?: throw failure
    case nil: throw StageFailure(.noInput, diagnostics: DiagnosticLog())  // not reached: set before the signal
    }
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
