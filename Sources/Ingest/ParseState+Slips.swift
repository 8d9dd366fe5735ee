import Model

extension ParseState {
  /// Whether `s` is one of the column's declared `missing_markers` (error path only).
  func isMarker(_ s: String, field fi: Int) -> Bool {
    guard let m = slips.markers[fi] else { return false }
    return m.contains(s)
  }

  /// A number cell that did not parse: a declared marker (read as an empty cell) or, in a
  /// lenient column, a number with thousands separators, full-width forms or a trailing
  /// `%` (read, and counted for the column's one warning). Nil when it is neither; else
  /// what `number` returns.
  mutating func numberSlip(_ kind: FieldKind, _ s: String, field fi: Int, len: Int) -> Bool? {
    if isMarker(s, field: fi) {
      emptyCell(fi)
      return false
    }
    guard slips.lenient.contains(fi), let (text, what) = SlipTally.lenientText(s) else { return nil }
    if var u = slips.lenientUse[fi] {
      u.count += 1
      u.what |= what
      slips.lenientUse[fi] = u
    } else {
      slips.lenientUse[fi] = (columnName(fi) ?? "", 1, line, what)
    }
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { b in
      guard let base = b.baseAddress else { return false }
      return number(kind, UnsafePointer(base), b.count, field: fi, len: len)
    }
  }

  /// The problem of a cell of a credit-code column, with Excel's exponent notation
  /// (`9.13303E+17`: the code was stored as a number) explained.
  func usccError(_ s: String, _ problem: USCC.Problem) -> IngestError {
    guard NumberHint.isExcelExponent(s) else { return .invalidUSCC(value: s, problem: .init(text: problem.message)) }
    let hint = Message(
      zh: "Excel 把代码当成了数字并以科学计数法保存，后几位已丢失：请在 Excel 中先把此列设为“文本”格式，再重新输入或粘贴代码后保存",
      en: "Excel stored the code as a number in exponent notation and its last digits are lost: set the column's format to Text (文本) in Excel, then type or paste the codes again and save")
    return .invalidUSCC(value: s, problem: .init(text: hint))
  }

  /// Replaces the errors of one kind in one column past the first few by one summary, and
  /// adds the lenient columns' warnings (once, at the end of the whole input: a parallel
  /// read gives the sequential result).
  mutating func reportSlips() {
    log = log.summarisingRepeats(listed: SlipTally.listedPerKind) { _, count, first in
      IngestError.moreLikeThis(count: count, firstLine: first).message
    }
    for (_, u) in slips.lenientUse.sorted(by: { $0.key < $1.key }) {
      let e = IngestError.lenientRead(count: u.count, firstLine: u.first, what: SlipTally.describe(u.what))
      log.append(Diagnostic(.warning, file: file, line: u.first, column: u.column, message: e.message))
    }
    slips.lenientUse = [:]
  }
}
