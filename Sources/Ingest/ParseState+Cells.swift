import Model

extension ParseState {
  /// libcsv's field callback: reads one field into its column.
  ///
  /// `raw` is nil for an empty unquoted field (CSV_EMPTY_IS_NULL); otherwise it is
  /// NUL-terminated (CSV_APPEND_NULL). libcsv has already dropped spaces around
  /// unquoted fields; spaces inside quotes are trimmed here for every type but `text`.
  /// `line` is the field's first line while it is read; its LFs are added after.
  @inline(__always)
  mutating func field(_ raw: UnsafeMutableRawPointer?, _ len: Int) {
    if stop { return }
    if !read(raw, len), let raw { line &+= countLFShort(raw, len) }
  }

  /// Reads the field; true when its bytes certainly hold no LF (a value that parsed,
  /// an empty cell), so the caller need not count them.
  ///
  /// The common case (a data field of a known column, within the limit) is handled
  /// here, numbers first with a plain branch (21 of the 28 columns of a metrics file;
  /// a jump table on the kind mispredicted often, as the field order is lost in the
  /// branch history of `csv_parse`'s byte loop); everything else goes to `readUnusual`
  /// and `readOther`, kept out of line so this path has a small stack frame.
  @inline(__always)
  private mutating func read(_ raw: UnsafeMutableRawPointer?, _ len: Int) -> Bool {
    let fi = fieldIndex
    fieldIndex += 1
    guard len <= maxFieldBytes, headerDone, let raw, fi < planCount else { return readUnusual(raw, len, fi) }
    let p = UnsafePointer(raw.assumingMemoryBound(to: UInt8.self))
    if fi == 0 { rowStartLine = line }
    var start = 0
    var end = len
    while start < end, p[start] == 0x20 || p[start] == 0x09 { start += 1 }
    while end > start, p[end - 1] == 0x20 || p[end - 1] == 0x09 { end -= 1 }
    if start == end {
      emptyCell(fi)
      return true
    }
    markNonEmpty()
    let kind = plan + fi
    if kind.pointee.code == .number || kind.pointee.code == .integer {
      return number(kind.pointee, p + start, end - start, field: fi, len: len)
    }
    return readOther(kind.pointee, p, start, end, field: fi, len: len)
  }

  /// A field over the limit, a header field, an empty unquoted field (nil) or a field
  /// beyond the header's count.
  @inline(never)
  private mutating func readUnusual(_ raw: UnsafeMutableRawPointer?, _ len: Int, _ fi: Int) -> Bool {
    if len > maxFieldBytes {
      fatal(.fieldTooLong(limit: maxFieldBytes), line: line, column: columnName(fi))
      return false
    }
    let p = UnsafePointer(raw?.assumingMemoryBound(to: UInt8.self))
    guard headerDone else {
      if fi == 0 { headerLine = line }
      // Bounded: at most maxColumns fields, maxHeaderBytes in all.
      headerBytes += len
      if fi >= maxColumns || headerBytes > maxHeaderBytes {
        fatal(.headerTooLarge(fields: maxColumns, bytes: maxHeaderBytes), line: line, column: nil)
        return false
      }
      headerFields.append(p.map { Array(UnsafeBufferPointer(start: $0, count: len)) } ?? [])
      return false
    }
    if fi == 0 { rowStartLine = line }
    guard let p else {
      if fi < planCount { emptyCell(fi) }
      return true
    }
    // A field beyond the header (the row is reported as ragged at its end).
    var start = 0
    var end = len
    while start < end, p[start] == 0x20 || p[start] == 0x09 { start += 1 }
    while end > start, p[end - 1] == 0x20 || p[end - 1] == 0x09 { end -= 1 }
    if start < end { markNonEmpty() }
    checkEncoding(p, len, field: fi)
    return false
  }

  /// A number or integer cell (`q`/`n` already trimmed).
  @inline(__always)
  /// True when the value was stored (then the bytes held only a number: no LF).
  @discardableResult
  mutating func number(_ kind: FieldKind, _ q: UnsafePointer<UInt8>, _ n: Int, field fi: Int, len: Int) -> Bool {
    let error: IngestError
    switch DecimalParser.parse(q, n) {
    case .value(let v, let hasPoint):
      if kind.code == .integer && (hasPoint || abs(v) > 9_007_199_254_740_992) {
        error = .notAnInteger(value: string(q, n))
      } else if kind.hasRange && !(v >= kind.lower && v <= kind.upper) {
        error = .outOfRange(value: string(q, n), range: kind.lower...kind.upper)
      } else {
        builders.numeric[kind.slot].append(v)
        return true
      }
    case .overflow:
      error = .overflow(value: string(q, n))
    case .malformed:
      if let bad = UTF8Check.firstInvalid(q, n) {
        let badLine = line + countLF(q, bad)
        fatal(.invalidUTF8(byte: q[bad], inHeader: false), line: badLine, column: columnName(fi))
        return false
      }
      let s = string(q, n)
      if let outcome = numberSlip(kind, s, field: fi, len: len) { return outcome }
      error =
        NumberHint.isPlaceholder(s)
        ? .placeholder(value: s) : .notANumber(value: s, hint: NumberHint.hint(for: s).map { .init(text: $0) })
    }
    report(error, line: line, column: columnName(fi))
    builders.appendMissing(kind)
    return false
  }

  /// The bytes as a String after checking for control characters and invalid UTF-8;
  /// nil (problem reported) otherwise.
  mutating func checkedString(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, field fi: Int, len: Int) -> String? {
    guard checkText(p, start, end, field: fi, len: len) else { return nil }
    return String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
  }

  /// True when bytes `start..<end` have no control characters and are valid UTF-8;
  /// otherwise the problem is reported. Tab, CR and LF are allowed (the last two only
  /// occur inside quoted fields).
  @inline(__always)
  mutating func checkText(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, field fi: Int, len: Int) -> Bool {
    var i = start
    // Eight bytes at a time while none is a control character (`hasControl`); from a
    // word with one on, byte by byte, where tab, CR and LF are let through.
    var words: UInt64 = 0
    while i + 8 <= end {
      let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
      if hasControl(w) { break }
      words |= w
      i += 8
    }
    var high = words & 0x8080_8080_8080_8080 != 0
    while i < end {
      let b = p[i]
      if b < 0x20 || b == 0x7F {
        if b != 0x09 && b != 0x0A && b != 0x0D {
          cellError(.controlCharacter(scalar: UInt32(b)), fi, p, len)
          return false
        }
      } else if b >= 0x80 {
        high = true
      }
      i += 1
    }
    if high, let bad = UTF8Check.firstInvalid(p + start, end - start) {
      // The line of the bad byte itself (a quoted field may span lines).
      let badLine = line + countLF(p, start + bad)
      fatal(.invalidUTF8(byte: p[start + bad], inHeader: false), line: badLine, column: columnName(fi))
      return false
    }
    return true
  }

  /// Checks a field that is not stored (unknown column, extra field) for invalid UTF-8.
  mutating func checkEncoding(_ p: UnsafePointer<UInt8>, _ len: Int, field fi: Int) {
    if let bad = UTF8Check.firstInvalid(p, len) {
      fatal(.invalidUTF8(byte: p[bad], inHeader: false), line: line + countLF(p, bad), column: columnName(fi))
    }
  }

  /// Reports a problem in the cell ending now (whose bytes are `p`/`len`).
  mutating func cellError(_ e: IngestError, _ fi: Int, _ p: UnsafePointer<UInt8>, _ len: Int) {
    report(e, line: line, column: columnName(fi))
  }

  /// An empty cell: stored as missing; an error for `reject` columns and the id.
  ///
  /// While every field of the row so far is empty the error waits: a row of only
  /// empty fields (Excel's trailing `,,,`) is skipped with a warning instead.
  mutating func emptyCell(_ fi: Int) {
    let kind = plan[fi]
    builders.appendMissing(kind)
    guard kind.code != .ignore, kind.reject || kind.isID else { return }
    if rowAllEmpty {
      pendingEmpty.append((fi, line))
    } else {
      report(kind.isID ? .emptyID : .emptyCell, line: line, column: columnName(fi))
    }
  }

  /// The row has a non-empty field: report the empty cells held back so far.
  @inline(__always)
  mutating func markNonEmpty() {
    guard rowAllEmpty else { return }
    rowAllEmpty = false
    guard !pendingEmpty.isEmpty else { return }
    for (fi, l) in pendingEmpty {
      report(kinds[fi].isID ? .emptyID : .emptyCell, line: l, column: columnName(fi))
    }
    pendingEmpty.removeAll(keepingCapacity: true)
  }

  func string(_ p: UnsafePointer<UInt8>, _ n: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
  }
}

/// `true/false`, `1/0`, `是/否`, `Y/N` (Latin forms in any case).
func parseBool(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool? {
  func lower(_ i: Int) -> UInt8 { p[i] >= 0x41 && p[i] <= 0x5A ? p[i] | 0x20 : p[i] }
  switch n {
  case 1:
    switch lower(0) {
    case UInt8(ascii: "1"), UInt8(ascii: "y"): return true
    case UInt8(ascii: "0"), UInt8(ascii: "n"): return false
    default: return nil
    }
  case 3:
    if p[0] == 0xE6 && p[1] == 0x98 && p[2] == 0xAF { return true }  // 是
    if p[0] == 0xE5 && p[1] == 0x90 && p[2] == 0xA6 { return false }  // 否
    return nil
  case 4:
    return lower(0) == 0x74 && lower(1) == 0x72 && lower(2) == 0x75 && lower(3) == 0x65 ? true : nil
  case 5:
    return lower(0) == 0x66 && lower(1) == 0x61 && lower(2) == 0x6C && lower(3) == 0x73 && lower(4) == 0x65 ? false : nil
  default:
    return nil
  }
}

/// True when some byte of `w` is below 0x20 or is 0x7F (DEL), exactly; bytes ≥ 0x80 never
/// count. For the low seven bits `x` of a byte, `x + 0x60` has bit 7 set exactly when
/// `x ≥ 0x20`, and `x + 1` has bit 7 set exactly when `x = 0x7F`; no sum carries into the
/// next byte. A byte is a control character when its bit 7 is clear, `x + 0x60` has bit 7
/// clear, or `x + 1` has it set (Hacker's Delight §6-1, the same per-byte test as `countLFShort`).
@inline(__always)
func hasControl(_ w: UInt64) -> Bool {
  let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  let high: UInt64 = 0x8080_8080_8080_8080
  let x = w & low7
  let atLeastSpace = (x &+ 0x6060_6060_6060_6060) & high
  let isDEL = (x &+ 0x0101_0101_0101_0101) & high
  // Per byte: ASCII (bit 7 clear) and (below 0x20 or DEL).
  return ~w & (~atLeastSpace | isDEL) & high != 0
}
