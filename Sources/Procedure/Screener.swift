import Criteria
import Model
import Scoring

/// The screening decision (一票否决, docs/selection.md "Screening"): the one place that
/// decides which enterprises leave the selection before scoring, from the `[screening]`
/// rules of the criteria file (each a condition over columns with an official reason), the
/// data-coverage rule (off by default) and the `--screen` lists. Produces the `Screening`
/// the Scorer consumes; every reason carries its evidence and the line it came from.
public enum Screener {
  /// Screens `table`. An id of a list that is not in the table is an error
  /// (`FILE:LINE: unknown enterprise id …`, with the closest id); all are reported at once.
  public static func screen(
    _ table: Table, spec: Spec, lists: [ScreenEntry], ids: IDIndex
  ) -> Result<Screening, StageFailure> {
    var screening = Screening()
    var log = DiagnosticLog()
    let n = table.rowCount
    for rule in spec.screening.rules {
      let columns = rule.columns.map { table[$0] }
      let labels = rule.columns.map { key in spec.column(key).map { $0.label ?? $0.canonicalHeader } ?? key }
      for row in 0..<n {
        let holds = rule.when.holds { name in
          guard let k = rule.columns.firstIndex(of: name), let c = columns[k] else { return .missing }
          return RowContext.columnValue(c, row: row)
        }
        guard holds else { continue }
        let evidence = rule.columns.indices.map { k in "\(labels[k])=\(columns[k]?.string(at: row) ?? "")" }.joined(separator: ", ")
        screening.screen(
          row, ScreenReason(kind: .rule, name: rule.name, reason: rule.reason, evidence: evidence, file: spec.source, line: rule.line))
      }
    }
    if let minimum = spec.screening.minCoverage, !spec.criteria.isEmpty {
      let columns = spec.criteria.map { table[$0.column] }
      let total = columns.count
      for row in 0..<n {
        var present = 0
        for c in columns where c.map({ !$0.isMissing(row) }) ?? false { present += 1 }
        let share = Double(present) / Double(total)
        guard share < minimum else { continue }
        let evidence = "\(present)/\(total) = \(formatFixed(share * 100, decimals: 1))% < \(formatNumber(minimum * 100))%"
        screening.screen(
          row,
          ScreenReason(
            kind: .coverage, name: "coverage", reason: spec.screening.coverageReason, evidence: evidence, file: spec.source,
            line: spec.screening.coverageLine))
      }
    }
    for entry in lists {
      guard let row = ids.row(entry.id) else {
        log.append(Diagnostic(file: entry.file, line: entry.line, column: "id", message: ids.unknownID(entry.id)))
        continue
      }
      let evidence = [entry.source, entry.date].filter { !$0.isEmpty }.joined(separator: ", ")
      screening.screen(
        row, ScreenReason(kind: .list, name: entry.file, reason: entry.reason, evidence: evidence, file: entry.file, line: entry.line))
    }
    if log.hasErrors { return .failure(StageFailure(.data, diagnostics: log)) }
    return .success(screening)
  }
}
