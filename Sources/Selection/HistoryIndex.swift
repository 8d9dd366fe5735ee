import Model

/// Earlier recommendations, joined to the rows of this run once.
///
/// Each history id is looked up against the evaluation's canonical ids a single time;
/// a programme's rule then reads a small map row → most recent year in its window.
struct HistoryIndex {
  /// For each row that appears in the history: its entries (year, programme name).
  private let entriesByRow: [Int: [(year: Int, programme: String)]]

  init(history: [HistoryEntry], ids: StringColumn) {
    guard !history.isEmpty else {
      entriesByRow = [:]
      return
    }
    var byId: [String: [(year: Int, programme: String)]] = [:]
    for entry in history { byId[entry.id, default: []].append((entry.year, entry.programme)) }
    var byRow: [Int: [(year: Int, programme: String)]] = [:]
    for (row, id) in ids.enumerated() {
      if let entries = byId[id] { byRow[row] = entries }
    }
    entriesByRow = byRow
  }

  /// Row → the most recent year `y` with `year − years ≤ y < year` in which the row was
  /// recommended under one of `names`. Empty when `years` is 0 (no history rule).
  func recentYears(names: [String], year: Int, years: Int) -> [Int: Int] {
    guard years > 0 else { return [:] }
    let wanted = Set(names)
    var result: [Int: Int] = [:]
    for (row, entries) in entriesByRow {
      for e in entries where wanted.contains(e.programme) && e.year >= year - years && e.year < year {
        result[row] = max(result[row] ?? e.year, e.year)
      }
    }
    return result
  }
}
