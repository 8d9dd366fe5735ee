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
  /// Reviewer names (`ReviewRecords.reviewerLevels`).
  private let reviewers: [String]
  /// Per row, its reviewers' combined scores (after recusals) in file order:
  /// `reviewerOf[offsets[row]..<offsets[row + 1]]`, `scoreOf` likewise.
  private let offsets: [Int32]
  private let reviewerOf: [Int32]
  private let scoreOf: [Double]
  private let recused: [Int: [String]]

  /// Checks and aggregates. Errors (`FILE:LINE:COLUMN: message`, all at once): an id not
  /// in the metrics file, a score outside `[reviews] range`, a criterion the criteria file
  /// does not declare, a duplicate (id, reviewer, criterion).
  /// - Returns: the panel, the column, and warnings (too few reviewers, a reviewer whose
  ///   mean departs from the others').
  /// - Complexity: O(records + rows): records are grouped by row with a counting sort.
  public static func aggregate(
    _ records: ReviewRecords, recusals: [Recusal], spec: Spec, ids: IDIndex, rowCount n: Int
  ) -> Result<(panel: ReviewPanel, column: NumericColumn, warnings: DiagnosticLog), StageFailure> {
    let rspec = spec.reviews ?? .defaults
    var log = DiagnosticLog()
    let file = records.file
    let levelRow = records.idLevels.map { ids.row($0) ?? -1 }
    let criteria = spec.criteria.map(\.key)
    let criterionOK = records.criterionLevels.map { $0.isEmpty || criteria.contains($0) }
    var reviewerIndex: [String: Int32] = [:]
    for (k, r) in records.reviewerLevels.enumerated() { reviewerIndex[r] = Int32(k) }
    let reviewerCount = records.reviewerLevels.count
    var recused: [Int: [String]] = [:]
    var recusedKey = Set<Int>()
    for r in recusals {
      guard let row = ids.row(r.id) else {
        log.append(Diagnostic(file: r.file, line: r.line, column: "id", message: ids.unknownID(r.id)))
        continue
      }
      if let code = reviewerIndex[r.reviewer] { recusedKey.insert(row * reviewerCount + Int(code)) }
      if !(recused[row]?.contains(r.reviewer) ?? false) { recused[row, default: []].append(r.reviewer) }
    }
    // Counting sort of the valid records by row.
    var count = [Int32](repeating: 0, count: n + 1)
    for i in 0..<records.count {
      let row = levelRow[Int(records.idCode[i])]
      let line = records.lines[i]
      if row < 0 {
        log.append(Diagnostic(file: file, line: line, column: "id", message: ids.unknownID(records.idLevels[Int(records.idCode[i])])))
        continue
      }
      let x = records.score[i]
      if !rspec.range.contains(x) {
        log.append(
          Diagnostic(
            file: file, line: line, column: "score",
            message: Message(
              zh: "评分 \(formatNumber(x)) 超出声明的范围 [\(formatNumber(rspec.range.lowerBound)), \(formatNumber(rspec.range.upperBound))]（[reviews] range）",
              en: "score \(formatNumber(x)) is outside the declared range [\(formatNumber(rspec.range.lowerBound)), \(formatNumber(rspec.range.upperBound))] ([reviews] range)")))
        continue
      }
      let c = Int(records.criterionCode[i])
      if c >= 0, !criterionOK[c] {
        let key = records.criterionLevels[c]
        log.append(Diagnostic(file: file, line: line, column: "criterion", message: Message(
              zh: "未知的指标 \"\(key)\"\(Suggestion.closest(to: key, in: criteria).map { "（是否应为 \"\($0)\"？）" } ?? "")",
              en: "unknown criterion \"\(key)\"\(Suggestion.hint(key, criteria))")))
        continue
      }
      count[row + 1] += 1
    }
    for row in 0..<n { count[row + 1] += count[row] }
    var next = count
    var sorted = [Int32](repeating: 0, count: Int(count[n]))
    for i in 0..<records.count {
      let row = levelRow[Int(records.idCode[i])]
      guard row >= 0, rspec.range.contains(records.score[i]) else { continue }
      let c = Int(records.criterionCode[i])
      if c >= 0, !criterionOK[c] { continue }
      sorted[Int(next[row])] = Int32(i)
      next[row] += 1
    }
    var offsets = [Int32](repeating: 0, count: n + 1)
    var reviewerOf: [Int32] = []
    var scoreOf: [Double] = []
    reviewerOf.reserveCapacity(sorted.count)
    scoreOf.reserveCapacity(sorted.count)
    var sums: [Double] = []
    var counts: [Int] = []
    for row in 0..<n {
      let group = sorted[Int(count[row])..<Int(count[row + 1])]
      let first = reviewerOf.count
      sums.removeAll(keepingCapacity: true)
      counts.removeAll(keepingCapacity: true)
      for (k, i32) in group.enumerated() {
        let i = Int(i32)
        let reviewer = records.reviewerCode[i]
        let criterion = records.criterionCode[i]
        if let d = group.prefix(k).first(where: { records.reviewerCode[Int($0)] == reviewer && records.criterionCode[Int($0)] == criterion }) {
          let c = Int(criterion)
          log.append(
            Diagnostic(
              file: file, line: records.lines[i],
              message: Message(
                zh: "评审 \(records.reviewerLevels[Int(reviewer)]) 对 \(ids.ids[row])\(c >= 0 ? "（\(records.criterionLevels[c])）" : "") 的评分重复：首次在 \(file):\(records.lines[Int(d)])",
                en: "duplicate review of \(ids.ids[row]) by \(records.reviewerLevels[Int(reviewer)])\(c >= 0 ? " for \(records.criterionLevels[c])" : ""): first at \(file):\(records.lines[Int(d)])")))
          continue
        }
        if !recusedKey.isEmpty, recusedKey.contains(row * reviewerCount + Int(reviewer)) { continue }
        if let k = reviewerOf[first...].firstIndex(of: reviewer) {
          sums[k - first] += records.score[i]
          counts[k - first] += 1
        } else {
          reviewerOf.append(reviewer)
          sums.append(records.score[i])
          counts.append(1)
        }
      }
      for k in sums.indices { scoreOf.append(sums[k] / Double(counts[k])) }
      offsets[row + 1] = Int32(reviewerOf.count)
    }
    if log.hasErrors { return .failure(StageFailure(.data, diagnostics: log)) }

    let panel = ReviewPanel(
      spec: rspec, reviewers: records.reviewerLevels, offsets: offsets, reviewerOf: reviewerOf, scoreOf: scoreOf, recused: recused)
    var values = [Double](repeating: 0, count: n)
    var missing = [Bool](repeating: true, count: n)
    var short: [Int] = []
    var buffer: [Double] = []
    for row in 0..<n {
      buffer.removeAll(keepingCapacity: true)
      buffer.append(contentsOf: scoreOf[Int(offsets[row])..<Int(offsets[row + 1])])
      if let v = panel.value(&buffer) {
        values[row] = v
        missing[row] = false
      } else {
        short.append(row)
      }
    }
    var warnings = DiagnosticLog()
    if !short.isEmpty {
      let shown = short.prefix(5).map { "\(ids.ids[$0]) (\(offsets[$0 + 1] - offsets[$0]))" }.joined(separator: ", ")
      warnings.append(
        Diagnostic(
          .warning, file: file, line: 0,
          message: Message(
            zh: "\(short.count) 家企业在回避后评审人数少于 \(rspec.minReviewers)，因此没有评审得分：\(shown)\(short.count > 5 ? " …" : "")",
            en: "\(short.count) enterprise(s) have fewer than \(rspec.minReviewers) reviewers after recusals, so no review score: \(shown)\(short.count > 5 ? " …" : "")")))
    }
    var firstLine = [Int](repeating: 0, count: reviewerCount)
    for i in 0..<records.count where firstLine[Int(records.reviewerCode[i])] == 0 { firstLine[Int(records.reviewerCode[i])] = records.lines[i] }
    for w in panel.outliers(file: file, firstLines: firstLine) { warnings.append(w) }
    return .success((panel, NumericColumn(values: values, missing: missing), warnings))
  }

  /// One row's combined scores, in file order.
  func scores(_ row: Int) -> [Score] {
    (Int(offsets[row])..<Int(offsets[row + 1])).map { Score(reviewer: reviewers[Int(reviewerOf[$0])], score: scoreOf[$0]) }
  }

  /// The aggregate of one enterprise's scores (sorted in place), or nil when too few.
  func value(_ s: inout [Double]) -> Double? {
    guard s.count >= spec.minReviewers, !s.isEmpty else { return nil }
    s.sort()
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
    let list = scores(row)
    var values = list.map(\.score)
    var trimmed: [Score] = []
    if spec.aggregate == .trimmedMean, list.count >= max(3, spec.minReviewers) {
      let low = list.indices.min { (list[$0].score, $0) < (list[$1].score, $1) }!
      let high = list.indices.max { (list[$0].score, -$0) < (list[$1].score, -$1) }!
      trimmed = [list[low], list[high]]
    }
    return Details(used: list, trimmed: trimmed, recused: recused[row] ?? [], value: value(&values))
  }

  /// Reviewers whose mean score departs from the mean of the other reviewers' means by
  /// more than `outlier_sd` of their standard deviations (leave-one-out, so one harsh
  /// reviewer cannot hide by widening the spread; the deviation is at least 2% of the
  /// range wide, so a unanimous panel does not flag a one-point difference). Needs at
  /// least 3 reviewers. Each warning is at the reviewer's first line of the file
  /// (`firstLines`, by reviewer code).
  func outliers(file: String, firstLines: [Int]) -> [Diagnostic] {
    var total = [Double](repeating: 0, count: reviewers.count)
    var number = [Int](repeating: 0, count: reviewers.count)
    for (k, r) in reviewerOf.enumerated() {
      total[Int(r)] += scoreOf[k]
      number[Int(r)] += 1
    }
    var means: [String: Double] = [:]
    var lineOf: [String: Int] = [:]
    for r in reviewers.indices where number[r] > 0 {
      means[reviewers[r]] = total[r] / Double(number[r])
      lineOf[reviewers[r]] = r < firstLines.count ? firstLines[r] : 0
    }
    guard means.count >= 3 else { return [] }
    let floor = 0.02 * (spec.range.upperBound - spec.range.lowerBound)
    return means.keys.sorted().compactMap { r in
      let others = means.filter { $0.key != r }.map(\.value)
      let m = others.reduce(0, +) / Double(others.count)
      let sd = Swift.max(floor, (others.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(others.count - 1)).squareRoot())
      let z = (means[r]! - m) / sd
      guard abs(z) > spec.outlierSD else { return nil }
      return Diagnostic(
        .warning, file: file, line: lineOf[r] ?? 0, column: "reviewer",
        message: Message(
          zh: "评审 \(r) 的平均评分为 \(formatFixed(means[r]!, decimals: 1))，比其他评审的 \(formatFixed(m, decimals: 1)) \(z > 0 ? "高" : "低") \(formatFixed(abs(z), decimals: 1)) 个标准差",
          en: "reviewer \(r) scores \(formatFixed(means[r]!, decimals: 1)) on average, \(formatFixed(abs(z), decimals: 1)) standard deviations \(z > 0 ? "above" : "below") the other reviewers' \(formatFixed(m, decimals: 1))"))
    }
  }
}

