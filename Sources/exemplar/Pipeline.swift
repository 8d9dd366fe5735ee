import ArgumentParser
import Criteria
import Foundation
import Ingest
import Model
import Scoring
import Selection

/// The stages every analysing command shares: criteria → ingest → scoring → selection.
/// Each step returns its result or throws the stage's `StageError` (printed and mapped to
/// an exit code by `Exit`); warnings are printed as they come.
struct Pipeline {
  let input: InputOptions

  /// Loads and validates the criteria file (exit 66 when missing, 78 when invalid).
  func loadSpec(_ path: String? = nil) throws -> Spec {
    let spec = try CriteriaLoader.load(path: path ?? input.criteria).get()
    Pipeline.reportPolicyWarnings(spec)
    return spec
  }

  /// Warns (stderr) where a configured reward exceeds the 2022 policy's cap for its level.
  static func reportPolicyWarnings(_ spec: Spec) {
    var log = DiagnosticLog()
    for d in RewardPolicy.policy2022.warnings(for: spec) { log.append(d) }
    Exit.report(log)
  }

  /// Ingests the metrics file against the spec's columns (exit 66 / 65); prints warnings.
  /// `digests`, when given, hashes the bytes read (`InputDigests`).
  func ingest(_ spec: Spec, digests: InputDigests? = nil) throws -> Table {
    var options = IngestOptions(encoding: input.encoding)
    if let digests { options = digests.start(options) }
    let result = Ingestor.read(
      path: input.metrics, columns: spec.columns, idColumn: spec.evaluation.idColumn, options: options)
    if let failure = result.failure { throw digests?.changedSinceStart() ?? failure }
    guard let table = result.table else { throw StageFailure(.data, diagnostics: result.log) }
    Exit.report(result.log)  // warnings only
    return table
  }

  /// Reads `--history` when given (exit 66 / 65).
  func history() throws -> [HistoryEntry] {
    guard let path = input.history else { return [] }
    return try Ingestor.readHistory(path: path, options: IngestOptions(encoding: input.encoding)).get()
  }

  /// Scores a table (a `ScoringError`, exit 65, for degenerate data that has no result).
  func evaluate(_ table: Table, _ spec: Spec) throws -> Evaluation {
    try Scorer.evaluate(table, spec: spec)
  }

  /// The whole analysis: spec, table, evaluation, decision. With `digests`, the criteria
  /// file and the metrics file are hashed from the bytes parsed (`InputDigests`).
  func analyse(digests: InputDigests? = nil) throws -> Analysis {
    let spec: Spec
    if let digests {
      spec = try digests.loadCriteria(input.criteria)
      Pipeline.reportPolicyWarnings(spec)
    } else {
      spec = try loadSpec()
    }
    let table = try ingest(spec, digests: digests)
    let history = try history()
    let (evaluation, decision) = try Selector.run(table, spec: spec, history: history)
    return Analysis(spec: spec, table: table, history: history, evaluation: evaluation, decision: decision)
  }
}

/// Everything one analysis produced.
struct Analysis {
  let spec: Spec
  let table: Table
  let history: [HistoryEntry]
  let evaluation: Evaluation
  let decision: Decision

  /// Row of the enterprise with this id (canonical form compared upper-cased and trimmed).
  func row(of id: String) -> Int? {
    let wanted = id.trimmingWhitespace().uppercased()
    return evaluation.ids.firstIndex { $0.uppercased() == wanted }
  }
}
