import Criteria
import Model

/// Expert review scores (`--reviews`, `--recusals`) aggregated per enterprise into the
/// numeric column `[reviews] column` (docs/selection.md, "Expert reviews"), so a criterion
/// can weight it like any other column.
///
/// Per enterprise: the scores of recused reviewers are dropped (and recorded); a reviewer
/// who scored several criteria counts once, with the mean of their scores; then `mean`,
/// `median` or `trimmed-mean` (drop one highest and one lowest) over the reviewers, when
/// at least `min_reviewers` remain, else the value is missing (the column's `missing`
/// policy applies) and a warning names the enterprise.
public struct ReviewPanel: Sendable {
  /// One reviewer's score for one enterprise, after combining criteria.
  public struct Score: Sendable, Hashable {
    public let reviewer: String
    public let score: Double
  }

  /// What happened to one enterprise's reviews (for `explain`).
  public struct Details: Sendable {
    /// The scores used, in file order.
    public let used: [Score]
    /// Scores dropped by the trimmed mean (one lowest, one highest).
    public let trimmed: [Score]
    /// Reviewers who recused themselves (their scores were dropped).
    public let recused: [String]
    /// The aggregated value (nil: too few reviewers).
    public let value: Double?
  }

  public let spec: ReviewSpec
  /// Per row: its reviewers' scores (after recusals), in file order.
  private let scores: [Int: [Score]]
  private let recused: [Int: [String]]

  /// Checks and aggregates. Errors (`FILE:LINE:COLUMN: message`, all at once): an id not
  /// in the metrics file, a score outside `[reviews] range`, a criterion the criteria file
  /// does not declare, a duplicate (id, reviewer, criterion).
  /// - Returns: the panel, the column, and warnings (too few reviewers, a reviewer whose
  ///   mean departs from the panel's by more than `outlier_sd` standard deviations).
  public static func aggregate(
    _ entries: [ReviewEntry], recusals: [Recusal], spec: Spec, ids: IDIndex, rowCount: Int
  ) -> Result<(panel: ReviewPanel, column: NumericColumn, warnings: DiagnosticLog), StageFailure> {
    let rspec = spec.reviews ?? ReviewSpec()
    var log = DiagnosticLog()
    var recused: [Int: [String]] = [:]
    var recusedSet = Set<RowReviewer>()
    for r in recusals {
      guard let row = ids.row(r.id) else {
        log.append(Diagnostic(file: r.file, line: r.line, column: "id", message: ids.unknown(r.id)))
        continue
      }
      if recusedSet.insert(RowReviewer(row: row, reviewer: r.reviewer)).inserted { recused[row, default: []].append(r.reviewer) }
    }
    let criteria = spec.criteria.map(\.key)
    var perRow: [Int: [(reviewer: String, sum: Double, count: Int)]] = [:]
    perRow.reserveCapacity(rowCount)
    var seen: [RowReviewerCriterion: (String, Int)] = [:]
    seen.reserveCapacity(entries.count)
    for e in entries {
      guard let row = ids.row(e.id) else {
        log.append(Diagnostic(file: e.file, line: e.line, column: "id", message: ids.unknown(e.id)))
        continue
      }
      if !rspec.range.contains(e.score) {
        log.append(
          Diagnostic(
            file: e.file, line: e.line, column: "score",
            message: "score \(formatNumber(e.score)) is outside the declared range [\(formatNumber(rspec.range.lowerBound)), \(formatNumber(rspec.range.upperBound))] ([reviews] range)"))
        continue
      }
      if !e.criterion.isEmpty, !criteria.contains(e.criterion) {
        log.append(
          Diagnostic(
            file: e.file, line: e.line, column: "criterion",
            message: "unknown criterion \"\(e.criterion)\"\(Suggestion.hint(e.criterion, criteria))"))
        continue
      }
      let key = RowReviewerCriterion(row: row, reviewer: e.reviewer, criterion: e.criterion)
      if let first = seen[key] {
        log.append(
          Diagnostic(
            file: e.file, line: e.line,
            message: "duplicate review of \(e.id) by \(e.reviewer)\(e.criterion.isEmpty ? "" : " for \(e.criterion)"): first at \(first.0):\(first.1)"))
        continue
      }
      seen[key] = (e.file, e.line)
      if !recusedSet.isEmpty, recusedSet.contains(RowReviewer(row: row, reviewer: e.reviewer)) { continue }
      var list = perRow[row, default: []]
      if let k = list.firstIndex(where: { $0.reviewer == e.reviewer }) {
        list[k].sum += e.score
        list[k].count += 1
      } else {
        list.append((e.reviewer, e.score, 1))
      }
      perRow[row] = list
    }
    if log.hasErrors { return .failure(StageFailure(.data, diagnostics: log)) }

    var scores: [Int: [Score]] = [:]
    scores.reserveCapacity(perRow.count)
    for (row, list) in perRow { scores[row] = list.map { Score(reviewer: $0.reviewer, score: $0.sum / Double($0.count)) } }
    let panel = ReviewPanel(spec: rspec, scores: scores, recused: recused)
    var values = [Double](repeating: 0, count: rowCount)
    var missing = [Bool](repeating: true, count: rowCount)
    var short: [Int] = []
    for row in 0..<rowCount {
      if let v = panel.value(scores[row] ?? []) {
        values[row] = v
        missing[row] = false
      } else {
        short.append(row)
      }
    }
    var warnings = DiagnosticLog()
    let file = entries.first?.file ?? recusals.first?.file ?? "reviews"
    if !short.isEmpty {
      let shown = short.prefix(5).map { "\(ids.ids[$0]) (\(scores[$0]?.count ?? 0))" }.joined(separator: ", ")
      warnings.append(
        Diagnostic(
          .warning, file: file, line: 0,
          message: "\(short.count) enterprise(s) have fewer than \(rspec.minReviewers) reviewers after recusals, so no review score: \(shown)\(short.count > 5 ? " …" : "")"))
    }
    for w in panel.outliers(file: file) { warnings.append(w) }
    return .success((panel, NumericColumn(values: values, missing: missing), warnings))
  }

  /// The aggregate of one enterprise's scores, or nil when too few.
  func value(_ list: [Score]) -> Double? {
    guard list.count >= spec.minReviewers, !list.isEmpty else { return nil }
    let s = list.map(\.score).sorted()
    switch spec.aggregate {
    case .mean: return s.reduce(0, +) / Double(s.count)
    case .median:
      let mid = s.count / 2
      return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    case .trimmedMean:
      let inner = s.dropFirst().dropLast()
      return inner.reduce(0, +) / Double(inner.count)
    }
  }

  /// What happened to `row`'s reviews.
  public func details(_ row: Int) -> Details {
    let list = scores[row] ?? []
    var trimmed: [Score] = []
    if spec.aggregate == .trimmedMean, list.count >= max(3, spec.minReviewers) {
      let low = list.indices.min { (list[$0].score, $0) < (list[$1].score, $1) }!
      let high = list.indices.max { (list[$0].score, -$0) < (list[$1].score, -$1) }!
      trimmed = [list[low], list[high]]
    }
    return Details(used: list, trimmed: trimmed, recused: recused[row] ?? [], value: value(list))
  }

  /// Reviewers whose mean score departs from the mean of the other reviewers' means by
  /// more than `outlier_sd` of their standard deviations (leave-one-out, so one harsh
  /// reviewer cannot hide by widening the spread; the deviation is at least 2% of the
  /// range wide, so a unanimous panel does not flag a one-point difference). Needs at
  /// least 3 reviewers.
  func outliers(file: String) -> [Diagnostic] {
    var sum: [String: (Double, Int)] = [:]
    for list in scores.values {
      for s in list {
        let t = sum[s.reviewer] ?? (0, 0)
        sum[s.reviewer] = (t.0 + s.score, t.1 + 1)
      }
    }
    guard sum.count >= 3 else { return [] }
    let means = sum.mapValues { $0.0 / Double($0.1) }
    let floor = 0.02 * (spec.range.upperBound - spec.range.lowerBound)
    return means.keys.sorted().compactMap { r in
      let others = means.filter { $0.key != r }.map(\.value)
      let m = others.reduce(0, +) / Double(others.count)
      let sd = Swift.max(floor, (others.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(others.count - 1)).squareRoot())
      let z = (means[r]! - m) / sd
      guard abs(z) > spec.outlierSD else { return nil }
      return Diagnostic(
        .warning, file: file, line: 0,
        message: "reviewer \(r) scores \(formatFixed(means[r]!, decimals: 1)) on average, \(formatFixed(abs(z), decimals: 1)) standard deviations \(z > 0 ? "above" : "below") the other reviewers' \(formatFixed(m, decimals: 1))")
    }
  }
}

struct RowReviewer: Hashable {
  let row: Int
  let reviewer: String
}

struct RowReviewerCriterion: Hashable {
  let row: Int
  let reviewer: String
  let criterion: String
}
