import Model

extension ParseState {
  /// True when `other` can be appended without any text column coming within a field's
  /// worth of its byte limit (where a sequential read might have stopped).
  func canAppend(_ other: UnsafeMutablePointer<ParseState>) -> Bool {
    builders.textFits(adding: other.pointee.builders, plan: plan, count: planCount, margin: maxFieldBytes + 18)
  }

  /// Appends what `other` read — the bytes right after this state's, read from a row
  /// boundary with lines counted from 1 — exactly as if this state had read them, and
  /// takes over its state at the end of those bytes. Frees `other`'s values as it goes.
  ///
  /// - Lines: `other`'s line 1 is this state's current line, so every line of `other`
  ///   (rows, diagnostics, pending empty cells) moves by `line − 1`.
  /// - Diagnostics: `other`'s stored ones are appended in order under this log's cap, so
  ///   the first `cap` errors and warnings of the whole input are kept, as one log would;
  ///   those `other` only counted are counted again (never stored: the cap is full then).
  /// - Duplicate-id marks: `other`'s log counts at its row ends become this log's counts
  ///   after appending the same diagnostics, so `reportDuplicates` on the merged rows
  ///   places each duplicate-id error where a sequential read would.
  mutating func append(_ other: UnsafeMutablePointer<ParseState>, threads: Int = 1) {
    let lineShift = line - 1
    let rowShift = rowCount
    var storedAfter = [log.diagnostics.count]
    storedAfter.reserveCapacity(other.pointee.log.diagnostics.count + 1)
    for var d in other.pointee.log.diagnostics {
      if d.line > 0 { d.line += lineShift }
      log.append(d)
      storedAfter.append(log.diagnostics.count)
    }
    let uncountedErrors = other.pointee.log.suppressedErrors
    let uncountedWarnings = max(0, other.pointee.log.warningCount - other.pointee.log.cap)
    if uncountedErrors > 0 {
      let d = Diagnostic(.error, file: file, line: 0, message: "")
      for _ in 0..<uncountedErrors { log.append(d) }
    }
    if uncountedWarnings > 0 {
      let d = Diagnostic(.warning, file: file, line: 0, message: "")
      for _ in 0..<uncountedWarnings { log.append(d) }
    }
    other.pointee.log = DiagnosticLog(cap: log.cap)

    for i in 0..<other.pointee.markRows.count {
      markRows.append(other.pointee.markRows[i] + rowShift)
      markCounts.append(storedAfter[other.pointee.markCounts[i]])
    }
    lastMarkCount = -1  // the next row end records a mark again (a repeated mark is harmless)
    idHashes.appendReleasing(&other.pointee.idHashes) { $0 }
    other.pointee.freeDuplicateCheck()

    lines.appendReleasing(&other.pointee.lines) { $0 + lineShift }
    builders.append(other.pointee.builders, plan: plan, count: planCount, threads: threads)

    slips.append(other.pointee.slips, lineShift: lineShift)
    if invalidUTF8 == nil, let bad = other.pointee.invalidUTF8 { invalidUTF8 = (bad.line + lineShift, bad.byte) }
    invalidGB18030 = invalidGB18030 || other.pointee.invalidGB18030
    rowCount += other.pointee.rowCount
    skippedRows += other.pointee.skippedRows
    line = other.pointee.line + lineShift
    fieldIndex = other.pointee.fieldIndex
    rowStartLine = other.pointee.rowStartLine + lineShift
    rowAllEmpty = other.pointee.rowAllEmpty
    pendingEmpty = other.pointee.pendingEmpty.map { ($0.0, $0.1 + lineShift) }
    rowIDHash = other.pointee.rowIDHash
    stop = other.pointee.stop
  }
}
