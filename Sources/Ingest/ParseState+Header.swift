import Model

extension ParseState {
  /// Matches the header record against the declared columns and builds the field plan.
  ///
  /// Rules: a header cell is trimmed of spaces, tabs, U+3000 and a leading U+FEFF;
  /// it matches a column when it equals one of the column's spellings exactly, or
  /// ignoring ASCII case, or (with a note) once both are normalised (`normalisedHeader`).
  /// The same header twice is an error naming both positions; two headers matching one
  /// column is an error; an unknown header is a warning, unless it resembles a missing
  /// required column: then the two are one error with "did you mean"; a required column
  /// with no header is an error listing the accepted spellings.
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
    var normal: [String: (spec: Int, spelling: String)] = [:]
    for (s, spec) in specs.enumerated() {
      for h in spec.headers.isEmpty ? [spec.key] : spec.headers {
        let t = trimHeader(h)
        if exact[t] == nil { exact[t] = s }
        let f = asciiLowercased(t)
        if folded[f] == nil { folded[f] = s }
        let n = normalisedHeader(t)
        if normal[n] == nil { normal[n] = (s, t) }
      }
    }

    var firstPosition: [String: Int] = [:]
    var specAt: [Int: Int] = [:]  // spec index → field position
    var unknown: [(name: String, position: Int)] = []
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
      var found = exact[name] ?? folded[asciiLowercased(name)]
      if found == nil, let n = normal[normalisedHeader(name)] {
        // 综合成本降低率（%） for 综合成本降低率(%), a header broken by Alt+Enter, doubled spaces.
        found = n.spec
        report(.headerNormalised(name: name, position: pos + 1, spelling: n.spelling), line: headerLine, column: name)
      }
      guard let s = found else {
        unknown.append((name, pos))
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
      if !specs[s].missingMarkers.isEmpty { slips.markers[pos] = Set(specs[s].missingMarkers) }
      if specs[s].lenient { slips.lenient.insert(pos) }
    }
    // An unknown header that resembles a missing column is one problem ("did you mean").
    var missing = specs.indices.filter { specAt[$0] == nil && specs[$0].required }
    for u in unknown {
      if let k = missing.firstIndex(where: { resembles(u.name, specs[$0]) }) {
        let spec = specs[missing[k]]
        report(
          .unknownNearMissing(name: u.name, position: u.position + 1, key: spec.key, spelling: spec.canonicalHeader),
          line: headerLine, column: u.name)
        missing.remove(at: k)
      } else {
        unknownHeaders.append(u.name)
        report(.unknownHeader(name: u.name, position: u.position + 1), line: headerLine, column: u.name)
      }
    }
    for s in missing {
      let spec = specs[s]
      report(.missingColumn(key: spec.key, spellings: spec.headers.isEmpty ? [spec.key] : spec.headers), line: headerLine, column: nil)
    }
  }

  /// Whether header `name` is plausibly a misspelling of one of `spec`'s spellings (or
  /// its key): close by edit distance once normalised, or one containing the other.
  func resembles(_ name: String, _ spec: ColumnSpec) -> Bool {
    let n = normalisedHeader(name)
    for h in spec.headers + [spec.key] {
      let t = normalisedHeader(h)
      if t.isEmpty || n.isEmpty { continue }
      if Suggestion.closest(to: n, in: [t]) != nil { return true }
      if n.count >= 2 && t.count >= 2 && (n.contains(t) || t.contains(n)) { return true }
    }
    return false
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

/// A header as compared when the exact spelling does not match: full-width forms
/// (U+FF01–U+FF5E, U+3000) folded to their ASCII counterparts, every space, tab and line
/// break removed (inner ones too: Alt+Enter in an Excel template), ASCII letters lower-cased.
func normalisedHeader(_ s: String) -> String {
  var out = String.UnicodeScalarView()
  for u in s.unicodeScalars {
    var v = u.value
    if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }
    if v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x3000 || v == 0xA0 || v == 0xFEFF { continue }
    if (0x41...0x5A).contains(v) { v |= 0x20 }
    out.append(Unicode.Scalar(v) ?? u)
  }
  return String(out)
}
