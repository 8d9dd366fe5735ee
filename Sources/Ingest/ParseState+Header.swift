import Model

extension ParseState {
  /// Matches the header record against the declared columns and builds the field plan.
  ///
  /// Rules: a header cell is trimmed of spaces, tabs, U+3000 and a leading U+FEFF;
  /// it matches a column when it equals one of the column's spellings exactly, or
  /// ignoring ASCII case. The same header twice is an error naming both positions;
  /// two headers matching one column is an error; an unknown header is a warning;
  /// a required column with no header is an error listing the accepted spellings.
  mutating func finishHeader() {
    headerDone = true
    var names: [String] = []
    for bytes in headerFields {
      if let bad = UTF8Check.firstInvalid(bytes) {
        fatal(.invalidUTF8(byte: bytes[bad], inHeader: true), line: headerLine, column: nil)
        return
      }
      names.append(trimHeader(String(decoding: bytes, as: UTF8.self)))
    }
    rawHeader = headerFields
    headerFields = []
    headers = names

    var exact: [String: Int] = [:]
    var folded: [String: Int] = [:]
    for (s, spec) in specs.enumerated() {
      for h in spec.headers.isEmpty ? [spec.key] : spec.headers {
        let t = trimHeader(h)
        if exact[t] == nil { exact[t] = s }
        let f = asciiLowercased(t)
        if folded[f] == nil { folded[f] = s }
      }
    }

    var firstPosition: [String: Int] = [:]
    var specAt: [Int: Int] = [:]  // spec index → field position
    kinds = Array(repeating: FieldKind(), count: names.count)
    for (pos, name) in names.enumerated() {
      if let earlier = firstPosition[name] {
        report(.duplicateHeader(name: name, first: earlier + 1, second: pos + 1), line: headerLine, column: name)
        continue
      }
      firstPosition[name] = pos
      if name.isEmpty {
        report(.emptyHeader(position: pos + 1), line: headerLine, column: nil)
        continue
      }
      guard let s = exact[name] ?? folded[asciiLowercased(name)] else {
        unknownHeaders.append(name)
        report(.unknownHeader(name: name, position: pos + 1), line: headerLine, column: name)
        continue
      }
      if let other = specAt[s] {
        report(
          .sameColumnTwice(
            key: specs[s].key, first: names[other], firstPosition: other + 1, second: name, secondPosition: pos + 1),
          line: headerLine, column: name)
        continue
      }
      specAt[s] = pos
      kinds[pos] = makeKind(specs[s])
      keyOf[pos] = specs[s].key
      if specs[s].key == idColumn { idField = pos }
      matched[specs[s].key] = name
    }
    for (s, spec) in specs.enumerated() where specAt[s] == nil && spec.required {
      report(.missingColumn(key: spec.key, spellings: spec.headers.isEmpty ? [spec.key] : spec.headers), line: headerLine, column: nil)
    }
  }

  /// Creates the builder for `spec` and returns how its field is read.
  mutating func makeKind(_ spec: ColumnSpec) -> FieldKind {
    var k = FieldKind()
    k.reject = spec.missing == .reject
    k.isID = spec.key == idColumn
    if let r = spec.range {
      k.hasRange = true
      k.lower = r.lowerBound
      k.upper = r.upperBound
    }
    switch spec.type {
    case .number, .integer:
      k.code = spec.type == .number ? .number : .integer
      k.slot = builders.addNumeric()
    case .text, .uscc:
      k.code = spec.type == .text ? .text : .uscc
      k.slot = builders.addText()
    case .category:
      k.code = .category
      k.slot = builders.addCategory(allowed: spec.allowedValues)
    case .bool:
      k.code = .bool
      k.slot = builders.addBool()
    }
    return k
  }
}

/// A header cell without surrounding spaces, tabs, U+3000 or a leading U+FEFF.
func trimHeader(_ s: String) -> String {
  var t = Substring(s)
  while let f = t.unicodeScalars.first, f == " " || f == "\t" || f == "\u{3000}" || f == "\u{FEFF}" {
    t = Substring(t.unicodeScalars.dropFirst())
  }
  while let l = t.unicodeScalars.last, l == " " || l == "\t" || l == "\u{3000}" {
    t = Substring(t.unicodeScalars.dropLast())
  }
  return String(t)
}

/// `s` with ASCII letters lower-cased (other characters unchanged).
func asciiLowercased(_ s: String) -> String {
  String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
}
