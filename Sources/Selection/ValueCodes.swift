import Model

/// One column's cell values as small integer codes, for caps and pilot industries.
///
/// Category columns already are codes. Text, bool and numeric columns are interned in
/// row order (first value seen gets code 0), so two rows share a code exactly when
/// their display strings are equal. Missing cells (and an absent column) are -1.
package struct ValueCodes: Sendable {
  /// Code per row; -1 = missing.
  package let codes: [Int32]
  /// Display string of each code.
  package let levels: [String]

  init(table: Table, key: String, rowCount: Int) {
    guard let column = table.columns[key] else {
      codes = [Int32](repeating: -1, count: rowCount)
      levels = []
      return
    }
    if case .category(let c) = column {
      codes = c.codes
      levels = c.levels
      return
    }
    var index: [String: Int32] = [:]
    var levels: [String] = []
    var codes = [Int32](repeating: -1, count: rowCount)
    for row in 0..<min(rowCount, column.count) where !column.isMissing(row) {
      let s = column.string(at: row)
      if let code = index[s] {
        codes[row] = code
      } else {
        let code = Int32(levels.count)
        index[s] = code
        levels.append(s)
        codes[row] = code
      }
    }
    self.codes = codes
    self.levels = levels
  }

  /// A per-code flag: whether the level is one of `values`.
  func levelMask(_ values: [String]) -> [Bool] {
    let wanted = Set(values)
    return levels.map { wanted.contains($0) }
  }
}
