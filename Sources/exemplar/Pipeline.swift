import ArgumentParser
import Criteria
import Foundation
import Ingest
import Model
import Scoring
import Selection

/// The stages every analysing command shares: criteria → ingest → scoring → selection.
/// Each step returns its result or throws the sysexits code after printing diagnostics.
struct Pipeline {
  let input: InputOptions

  /// Loads and validates the criteria file (exit 66 when missing, 78 when invalid).
  func loadSpec(_ path: String? = nil) throws -> Spec {
    switch CriteriaLoader.load(path: path ?? input.criteria) {
    case .success(let spec):
      Pipeline.reportPolicyWarnings(spec)
      return spec
    case .failure(let f): throw Exit.fail(f)
    }
  }

  /// Warns (stderr) about keys of the criteria file that have no effect, and where a
  /// configured reward exceeds the 2022 policy's cap for its level.
  static func reportPolicyWarnings(_ spec: Spec) {
    var log = DiagnosticLog()
    for d in spec.warnings { log.append(d) }
    for d in RewardPolicy.policy2022.warnings(for: spec) { log.append(d) }
    Exit.report(log)
  }

  /// Ingests the metrics file against the spec's columns (exit 66 / 65); prints warnings.
  func ingest(_ spec: Spec) throws -> Table {
    let result = Ingestor.read(
      path: input.metrics, columns: spec.columns, idColumn: spec.evaluation.idColumn,
      options: IngestOptions(encoding: input.encoding))
    if let failure = result.failure {
      Exit.report(result.log)
      throw ExitCode(Exit.code(for: failure.kind))
    }
    guard let table = result.table else {
      Exit.report(result.log)
      throw ExitCode(Exit.code(for: .data))
    }
    Exit.report(result.log)  // warnings only
    return table
  }

  /// Reads `--history` when given (exit 66 / 65).
  func history() throws -> [HistoryEntry] {
    guard let path = input.history else { return [] }
    switch Ingestor.readHistory(path: path, options: IngestOptions(encoding: input.encoding)) {
    case .success(let entries): return entries
    case .failure(let f): throw Exit.fail(f)
    }
  }

  /// Scores a table (exit 65 for a degenerate case that has no result).
  func evaluate(_ table: Table, _ spec: Spec) throws -> Evaluation {
    do {
      return try Scorer.evaluate(table, spec: spec)
    } catch {
      var err = StandardError()
      print("\(table.source): \(error)", to: &err)
      throw ExitCode(Exit.code(for: .data))
    }
  }

  /// The whole analysis: spec, table, evaluation, decision.
  func analyse() throws -> Analysis {
    let spec = try loadSpec()
    let table = try ingest(spec)
    let history = try history()
    let evaluation = try evaluate(table, spec)
    let decision = Selector.decide(evaluation, table: table, spec: spec, history: history)
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
