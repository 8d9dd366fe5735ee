import Model

extension ParseState {
  /// A non-empty cell of a column that is not a number (`start..<end`: trimmed).
  @inline(never)
  mutating func readOther(
    _ kind: FieldKind, _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, field fi: Int, len: Int
  ) -> Bool {
    switch kind.code {
    case .ignore: checkEncoding(p, len, field: fi)
    case .number, .integer: return number(kind, p + start, end - start, field: fi, len: len)
    case .text:
      let t = builders.text + kind.slot
      guard roomForText(t, len, field: fi, p, len) else { return false }
      if checkText(p, 0, len, field: fi, len: len) {
        t.pointee.append(p, len)
        if kind.isID { rowIDHash = t.pointee.lastHash() }
      } else {
        builders.appendMissing(kind)
      }
    case .uscc:
      let t = builders.text + kind.slot
      guard roomForText(t, 18 + len, field: fi, p, len) else { return false }
      if usccFast(p + start, end - start, into: t) {
        if kind.isID { rowIDHash = t.pointee.lastHash() }
        return true
      }
      guard let s = checkedString(p, start, end, field: fi, len: len) else {
        builders.appendMissing(kind)
        return false
      }
      switch USCC.canonical(s) {
      case .success(var id):
        id.withUTF8 { b in
          if let base = b.baseAddress { t.pointee.append(base, b.count) } else { t.pointee.appendMissing() }
        }
        if kind.isID { rowIDHash = t.pointee.lastHash() }
      case .failure(let problem):
        if isMarker(s, field: fi) {
          emptyCell(fi)
          return false
        }
        cellError(usccError(s, problem), fi, p, len)
        builders.appendMissing(kind)
      }
    case .category:
      return category(kind, p, start, end, field: fi, len: len)
    case .bool:
      if let b = parseBool(p + start, end - start) {
        builders.bool[kind.slot].values.append(b)
        return true
      } else {
        if let s = checkedString(p, start, end, field: fi, len: len) {
          if isMarker(s, field: fi) {
            emptyCell(fi)
            return false
          }
          cellError(NumberHint.isPlaceholder(s) ? .placeholder(value: s) : .notABool(value: s), fi, p, len)
        }
        builders.appendMissing(kind)
      }
    }
    return false
  }

  /// A category cell: looked up by its bytes; a String is made only for a new level.
  /// True when the value is a known level without LF (the caller then need not count).
  @inline(__always)
  mutating func category(_ kind: FieldKind, _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, field fi: Int, len: Int) -> Bool {
    let q = p + start
    let n = end - start
    let h = idHash(q, n)
    let c = builders.category + kind.slot
    if let code = c.pointee.interner.find(q, n, hash: h) {
      c.pointee.codes.append(code)
      return !c.pointee.interner.hasLF(code)
    }
    guard let s = checkedString(p, start, end, field: fi, len: len) else {
      builders.appendMissing(kind)
      return false
    }
    if isMarker(s, field: fi) {
      emptyCell(fi)
      return false
    }
    if let allowed = c.pointee.allowed, !allowed.contains(s) {
      let list = c.pointee.allowedList
      let e: IngestError =
        NumberHint.isPlaceholder(s)
        ? .placeholder(value: s) : .notAllowed(value: s, allowed: list, closest: closestValue(s, list))
      cellError(e, fi, p, len)
      builders.appendMissing(kind)
      return false
    }
    let code = c.pointee.interner.add(q, n, hash: h, string: s)
    c.pointee.codes.append(code)
    return false
  }

  /// Appends the canonical USCC to `t` when the bytes are 18 alphabet characters (any
  /// case) with the right check character, written straight into the column's bytes;
  /// false (nothing appended) sends the cell to `USCC.canonical` for the exact problem.
  @inline(__always)
  func usccFast(_ p: UnsafePointer<UInt8>, _ n: Int, into t: UnsafeMutablePointer<TextBuilder>) -> Bool {
    guard n == 18 else { return false }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 18) { buf -> Bool in
      var sum = 0
      for i in 0..<18 {
        var c = p[i]
        if c >= 0x61 && c <= 0x7A { c -= 0x20 }
        buf[i] = c
        let v = Int(usccValue[Int(c)])
        if v < 0 { return false }
        if i < 17 { sum += v * usccWeights[i] }
      }
      guard usccValue[Int(buf[17])] == Int8((31 - sum % 31) % 31), let base = buf.baseAddress else { return false }
      t.pointee.append(base, 18)
      return true
    }
  }

  /// False (and reading stops) when `n` more bytes would take a text column past
  /// `TextBuilder.byteLimit`.
  @inline(__always)
  mutating func roomForText(
    _ t: UnsafeMutablePointer<TextBuilder>, _ n: Int, field fi: Int, _ p: UnsafePointer<UInt8>, _ len: Int
  ) -> Bool {
    if t.pointee.bytes.count <= TextBuilder.byteLimit - n { return true }
    // Reported at the field's last line.
    fatal(.textColumnTooLarge(limit: TextBuilder.byteLimit), line: line + countLF(p, len), column: columnName(fi))
    return false
  }
}

/// The allowed value closest to `value` (a typo, or a value with a word added or left
/// out such as `专精特新企业` for `专精特新`); nil when none is close. Error path only.
func closestValue(_ value: String, _ allowed: [String]) -> String? {
  if let c = Suggestion.closest(to: value, in: allowed) { return c }
  // The longest allowed value the cell starts with or contains, or that contains it.
  let containing = allowed.filter { !$0.isEmpty && (value.contains($0) || $0.contains(value)) }
  return containing.max { $0.count < $1.count }
}
