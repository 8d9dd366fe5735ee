/// Where one enterprise stands on one programme, for `explain` and reports.
public enum ProgrammeOutcome: Sendable, Hashable {
  /// On the shortlist at this 1-based position.
  case selected(position: Int)
  /// On the reserve list (候补) at this 1-based position.
  case reserve(position: Int)
  /// Kept off both lists by the first rule that failed.
  case excluded(ExclusionReason)
}

extension ProgrammeDecision {
  /// The outcome for `row`, or nil when the row is in none of the lists (not a row of the run).
  /// - Complexity: O(n) — a scan of the lists; build a table with `outcomes(rowCount:)` for many rows.
  public func outcome(row: Int) -> ProgrammeOutcome? {
    if let i = selected.firstIndex(of: row) { return .selected(position: i + 1) }
    if let i = reserve.firstIndex(of: row) { return .reserve(position: i + 1) }
    return excluded.first { $0.row == row }.map { .excluded($0.reason) }
  }

  /// The outcome of every row `0..<rowCount` (nil for rows in no list).
  /// - Complexity: O(rowCount).
  public func outcomes(rowCount: Int) -> [ProgrammeOutcome?] {
    var out = [ProgrammeOutcome?](repeating: nil, count: rowCount)
    for (i, row) in selected.enumerated() where row < rowCount { out[row] = .selected(position: i + 1) }
    for (i, row) in reserve.enumerated() where row < rowCount { out[row] = .reserve(position: i + 1) }
    for e in excluded where e.row < rowCount { out[e.row] = .excluded(e.reason) }
    return out
  }
}

extension RewardAllocation {
  /// Total granted to each row `0..<rowCount`, yuan.
  public func granted(rowCount: Int) -> [Double] {
    var out = [Double](repeating: 0, count: rowCount)
    for a in awards where a.row < rowCount { out[a.row] += a.granted }
    return out
  }
}
