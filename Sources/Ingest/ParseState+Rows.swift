import Model

extension ParseState {
  /// libcsv's row callback: closes the record (header or data row).
  /// `term` is the byte that ended the row (CR or LF; −1 at the end of the input).
  /// A row of no fields is a blank line (or the LF of CR LF): it only counts the line.
  mutating func endRow(term: Int32) {
    if stop { return }
    if term == 0x0A { line += 1 }
    let n = fieldIndex
    guard n > 0 else { return }
    fieldIndex = 0
    guard headerDone else { return finishHeader() }
    defer { resetRow() }
    if rowAllEmpty {
      undo(fields: n)
      skippedRows += 1
      report(.emptyRowSkipped, line: rowStartLine, column: nil)
      return
    }
    if n != planCount {
      report(.ragged(found: n, expected: planCount), line: rowStartLine, column: nil)
      for i in min(n, planCount)..<planCount { builders.appendMissing(plan[i]) }
    }
    if idField != nil { noteID() }
    lines.append(rowStartLine)
    rowCount += 1
  }

  /// Drops the record being read after a structural error (its fields are undone).
  mutating func abandonRow() {
    if !headerDone {
      stop = true
      return
    }
    undo(fields: fieldIndex)
    fieldIndex = 0
    resetRow()
  }

  /// Undoes the values appended by the first `n` fields of the current record.
  mutating func undo(fields n: Int) {
    for i in 0..<min(n, kinds.count) { builders.removeLast(kinds[i]) }
  }

  mutating func resetRow() {
    rowAllEmpty = true
    if !pendingEmpty.isEmpty { pendingEmpty.removeAll(keepingCapacity: true) }
    rowIDHash = nil
  }
}
