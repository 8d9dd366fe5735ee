import Foundation
import Model

/// Walks the parsed TOML tree, checks every key and value, and collects diagnostics.
///
/// Each `decode…` method reads one top-level table; they run in file-independent order
/// (columns before criteria before weighting …) so later checks can rely on earlier keys.
/// A problem is recorded and decoding goes on, so every problem is reported at once.
struct SpecDecoder {
  let source: String
  let index: KeyLineIndex
  var log = DiagnosticLog()
  /// Warnings: the file loads, but a key has no effect (handed to `Spec.warnings`).
  var warnings: [Diagnostic] = []
  /// Paths of `ahp` tables that were present but invalid (already reported).
  var invalidAHP: Set<String> = []
  /// Key paths already reported, so later checks do not pile consequences on them.
  var reported: Set<String> = []
  /// Columns whose type could not be read (criteria on them are not type-checked).
  var untypedColumns: Set<String> = []

  init(source: String, index: KeyLineIndex) {
    self.source = source
    self.index = index
  }

  // MARK: Diagnostics

  /// Records an error at the line of `path` (or its nearest ancestor), or at `line`.
  mutating func error(_ path: String, _ message: Message, line: Int? = nil) {
    reported.insert(path)
    log.append(Diagnostic(file: source, line: line ?? index.line(path), keyPath: path, message: message))
  }


  /// Records a warning at the line of `path`.
  mutating func warning(_ path: String, _ message: Message) {
    warnings.append(Diagnostic(.warning, file: source, line: index.line(path), keyPath: path, message: message))
  }


  /// Readable rendering of a computed value (10 significant digits) for messages.
  static func short(_ x: Double) -> String { formatNumber(Double(String(format: "%.10g", x)) ?? x) }

  static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

  /// Keys of a table in file order (toml++ sorts them).
  func ordered(_ table: [String: TOMLNode], _ path: String) -> [String] {
    table.keys.sorted { a, b in
      let ra = index.rank(Self.join(path, a))
      let rb = index.rank(Self.join(path, b))
      return ra != rb ? ra < rb : a < b
    }
  }

  // MARK: Tables

  /// The table at `path`, with unknown keys reported. Nil when absent or not a table.
  mutating func table(_ node: TOMLNode?, _ path: String, allowed: [String]) -> [String: TOMLNode]? {
    guard let node else { return nil }
    guard case .table(let t) = node else {
      error(path, CriteriaPhrases.expected("a table", found: "\(node.typeName) \(node.rendered)"))
      return nil
    }
    for key in ordered(t, path) where !allowed.contains(key) {
      error(Self.join(path, key), Self.unknownName(key, allowed, Message(zh: "键", en: "key"), Message(zh: "可用的键", en: "allowed keys")))
    }
    return t
  }

  /// A table whose keys are user-chosen (`[columns]`, `[criteria]` …): no key check.
  mutating func anyTable(_ node: TOMLNode?, _ path: String) -> [String: TOMLNode]? {
    guard let node else { return nil }
    guard case .table(let t) = node else {
      typeError(path, expected: "a table", node)
      return nil
    }
    return t
  }

  /// `unknown key "x" (did you mean "y"?); allowed keys: …` in both languages.
  static func unknownName(_ name: String, _ allowed: [String], _ noun: Message, _ listNoun: Message) -> Message {
    let close = Suggestion.closest(to: name, in: allowed)
    let list = allowed.joined(separator: ", ")
    return Message(
      zh: "未知的\(noun.zh) \"\(name)\"\(close.map { "（是否应为 \"\($0)\"？）" } ?? "")；\(listNoun.zh)：\(list)",
      en: "unknown \(noun.en) \"\(name)\"\(close.map { " (did you mean \"\($0)\"?)" } ?? ""); \(listNoun.en): \(list)")
  }

  mutating func missing(_ path: String, _ key: String) {
    error(Self.join(path, key), Message(zh: "缺少必需的键", en: "required key is missing"))
  }

  mutating func typeError(_ path: String, expected: String, _ node: TOMLNode) {
    error(path, CriteriaPhrases.expected(expected, found: "\(node.typeName) \(node.rendered)"))
  }

  // MARK: Scalars

  mutating func string(_ t: [String: TOMLNode], _ key: String, _ path: String, required: Bool = false) -> String? {
    let p = Self.join(path, key)
    guard let node = t[key] else {
      if required { missing(path, key) }
      return nil
    }
    guard case .string(let s) = node else {
      typeError(p, expected: "a string", node)
      return nil
    }
    return s
  }

  mutating func bool(_ t: [String: TOMLNode], _ key: String, _ path: String) -> Bool? {
    guard let node = t[key] else { return nil }
    guard case .bool(let b) = node else {
      typeError(Self.join(path, key), expected: "true or false", node)
      return nil
    }
    return b
  }

  /// An integer satisfying `valid` (described by `expected`, e.g. "an integer ≥ 0").
  mutating func integer(
    _ t: [String: TOMLNode], _ key: String, _ path: String, required: Bool = false,
    expected: String = "an integer", valid: (Int) -> Bool = { _ in true }
  ) -> Int? {
    let p = Self.join(path, key)
    guard let node = t[key] else {
      if required { missing(path, key) }
      return nil
    }
    guard case .integer(let n) = node else {
      typeError(p, expected: expected, node)
      return nil
    }
    guard valid(n) else {
      error(p, CriteriaPhrases.expected(expected, found: "\(n)"))
      return nil
    }
    return n
  }

  /// An integer or float satisfying `valid` (described by `expected`, e.g. "a number ≥ 0").
  mutating func number(
    _ t: [String: TOMLNode], _ key: String, _ path: String, required: Bool = false,
    expected: String = "a number", valid: (Double) -> Bool = { _ in true }
  ) -> Double? {
    guard let node = t[key] else {
      if required { missing(path, key) }
      return nil
    }
    return number(node, Self.join(path, key), expected: expected, valid: valid)
  }

  mutating func number(_ node: TOMLNode, _ p: String, expected: String = "a number", valid: (Double) -> Bool = { _ in true }) -> Double? {
    guard let x = node.number, x.isFinite else {
      typeError(p, expected: expected, node)
      return nil
    }
    guard valid(x) else {
      error(p, CriteriaPhrases.expected(expected, found: node.rendered))
      return nil
    }
    return x
  }

  /// `[low, high]` with low < high (or ≤ when `allowEqual`), each satisfying `valid`.
  mutating func pair(
    _ t: [String: TOMLNode], _ key: String, _ path: String, expected: String = "[low, high] with low < high",
    allowEqual: Bool = false, valid: (Double) -> Bool = { _ in true }
  ) -> ClosedRange<Double>? {
    guard let node = t[key] else { return nil }
    let p = Self.join(path, key)
    guard case .array(let items) = node, items.count == 2, let lo = items[0].number, let hi = items[1].number,
      lo.isFinite, hi.isFinite
    else {
      typeError(p, expected: expected, node)
      return nil
    }
    guard (allowEqual ? lo <= hi : lo < hi), valid(lo), valid(hi) else {
      error(p, CriteriaPhrases.expected(expected, found: node.rendered))
      return nil
    }
    return lo...hi
  }

  /// An array of strings (`orSingle`: a lone string is accepted as a one-element list).
  mutating func strings(_ t: [String: TOMLNode], _ key: String, _ path: String, orSingle: Bool = false) -> [String]? {
    guard let node = t[key] else { return nil }
    let p = Self.join(path, key)
    if orSingle, case .string(let s) = node { return [s] }
    guard case .array(let items) = node else {
      typeError(p, expected: orSingle ? "a string or an array of strings" : "an array of strings", node)
      return nil
    }
    var out: [String] = []
    for (i, item) in items.enumerated() {
      guard case .string(let s) = item else {
        typeError(p + "[\(i)]", expected: "a string", item)
        return nil
      }
      out.append(s)
    }
    return out
  }

  /// One of `allowed` (a method or policy name); `noun` names it in the message.
  mutating func choice(_ t: [String: TOMLNode], _ key: String, _ path: String, noun: String, allowed: [String]) -> String? {
    guard let s = string(t, key, path) else { return nil }
    guard allowed.contains(s) else {
      let close = Suggestion.closest(to: s, in: allowed)
      let list = allowed.joined(separator: ", ")
      error(
        Self.join(path, key),
        Message(
          zh: "未知的\(CriteriaPhrases.zh(noun)) \"\(s)\"\(close.map { "（是否应为 \"\($0)\"？）" } ?? "")；可选：\(list)",
          en: "unknown \(noun) \"\(s)\"\(Suggestion.hint(s, allowed)); allowed: \(list)"))
      return nil
    }
    return s
  }

  mutating func choice<E: RawRepresentable & CaseIterable>(
    _ t: [String: TOMLNode], _ key: String, _ path: String, noun: String, as type: E.Type
  ) -> E? where E.RawValue == String {
    choice(t, key, path, noun: noun, allowed: E.allCases.map(\.rawValue)).flatMap(E.init(rawValue:))
  }
}
