import ArgumentParser
import Criteria
import Foundation
import Ingest
import Ledger
import Model
import Procedure
import Scoring
import Selection

/// The stages every analysing command shares: criteria → ingest → scoring → selection.
/// Each step returns its result or throws the stage's `StageError` (printed and mapped to
/// an exit code by `Exit`); warnings are printed as they come.
struct Pipeline {
  let input: InputOptions
  /// `run --ledger`: a ledger file that does not exist yet is created after the run (no
  /// history); the other commands need it to exist.
  var ledgerMayBeNew = false

  /// Loads and validates the criteria file (exit 66 when missing, 78 when invalid).
  func loadSpec(_ path: String? = nil) throws -> Spec {
    let spec = try CriteriaLoader.load(path: path ?? input.criteria, overrides: input.parsedOverrides).get()
    Pipeline.reportPolicyWarnings(spec)
    return spec
  }

  /// Warns (stderr) about keys of the criteria file that have no effect, and where a
  /// configured reward exceeds the 2022 policy's cap for its level.
  /// Returns the warnings printed (counted in `validate`'s summary).
  @discardableResult
  static func reportPolicyWarnings(_ spec: Spec) -> DiagnosticLog {
    var log = DiagnosticLog()
    for d in spec.warnings { log.append(d) }
    for d in RewardPolicy.policy2022.warnings(for: spec) { log.append(d) }
    Exit.report(log)
    return log
  }

  /// Ingests the metrics file against the spec's columns (exit 66 / 65); prints warnings.
  /// The review column (`[reviews] column`) is not read from the metrics file.
  /// `digests`, when given, hashes the bytes read (`InputDigests`).
  func ingest(_ spec: Spec, digests: InputDigests? = nil) throws -> Table {
    var options = input.ingestOptions
    if let digests { options = digests.start(options) }
    let result = Ingestor.read(
      path: input.metrics, columns: Pipeline.metricsColumns(spec), idColumn: spec.evaluation.idColumn, options: options)
    if let failure = result.failure { throw digests?.changedSinceStart() ?? failure }
    digests?.hashFile()  // on the other core, while the rest of the analysis runs on this one
    guard let table = result.table else { throw StageFailure(.data, diagnostics: result.log) }
    Exit.report(result.log)  // warnings only
    return table
  }

  /// The columns read from the metrics file: every declared column but the review column
  /// (`[reviews] column`, made from `--reviews`).
  static func metricsColumns(_ spec: Spec) -> [ColumnSpec] {
    spec.reviews.map { r in spec.columns.filter { $0.key != r.column } } ?? spec.columns
  }

  /// The history the programme rules read: `--history` and the finals of earlier years in
  /// `--ledger`, each checked (`HistoryCheck`, exit 65 at FILE:LINE), merged
  /// (`LedgerHistory.merge`, conflicts reported as warnings). With `digests`, the history
  /// file is hashed from the bytes parsed.
  func history(_ spec: Spec, digests: InputDigests? = nil) throws -> [HistoryEntry] {
    var log = DiagnosticLog()
    var csv: [HistoryEntry] = []
    if let path = input.history {
      let options = input.ingestOptions
      csv = try Ingestor.readHistory(path: path, options: digests?.hashing(path, options) ?? options).get()
      log.append(contentsOf: HistoryCheck.check(csv, file: path, spec: spec))
    }
    var entries = csv
    if let path = input.ledger, ledgerMayBeNew == false || FileManager.default.fileExists(atPath: path) {
      let finals = try Ledger.open(path: path, create: ledgerMayBeNew).finalHistory(before: spec.evaluation.year)
      entries = LedgerHistory.merge(csv: csv, csvFile: input.history ?? "", finals: finals, ledgerFile: path, spec: spec, log: &log)
    }
    if log.hasErrors { throw StageFailure(.data, diagnostics: log) }
    Exit.report(log)
    return entries
  }

  /// Scores a table (a `ScoringError`, exit 65, for degenerate data that has no result).
  func evaluate(_ table: Table, _ spec: Spec) throws -> Evaluation {
    try Scorer.evaluate(table, spec: spec)
  }

  /// The whole analysis: spec, table, the procedure (screening, reviews, committee
  /// decisions), evaluation, decision. With `digests`, every input file is hashed from the
  /// bytes parsed (`InputDigests`).
  func analyse(digests: InputDigests? = nil) throws -> Analysis {
    let spec: Spec
    if let digests {
      spec = try digests.loadCriteria(input.criteria, overrides: input.parsedOverrides)
      Pipeline.reportPolicyWarnings(spec)
    } else {
      spec = try loadSpec()
    }
    var table = try ingest(spec, digests: digests)
    let history = try history(spec, digests: digests)
    let procedure = try ProcedureFiles.prepare(input, spec: spec, table: &table, digests: digests)
    let (evaluation, decision) = try Selector.run(
      table, spec: spec, history: history, screening: procedure.screening, committee: procedure.committee)
    return Analysis(
      spec: spec, table: table, history: history, evaluation: evaluation, decision: decision, committee: procedure.committee,
      reviews: procedure.reviews)
  }
}

/// Everything one analysis produced.
struct Analysis {
  let spec: Spec
  let table: Table
  let history: [HistoryEntry]
  let evaluation: Evaluation
  let decision: Decision
  /// The committee decisions (`--decisions`), for sensitivity samples.
  var committee = Committee()
  /// The expert reviews (`--reviews`), for `explain`.
  var reviews: ReviewPanel?

  /// Row of the enterprise with this id (canonical form compared upper-cased and trimmed);
  /// `explain --id` also finds names (`EnterpriseLookup`).
  func row(of id: String) -> Int? {
    let wanted = id.trimmingWhitespace().uppercased()
    return evaluation.ids.firstIndex { $0.uppercased() == wanted }
  }
}
