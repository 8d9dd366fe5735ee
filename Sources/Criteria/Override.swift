import Model
import TOMLKit

/// A what-if change of one value of a criteria file, given on the command line as
/// `--set KEY.PATH=VALUE` (docs/criteria.md, "What-if: --set"): the key path as the file
/// writes it (`groups.efficiency.weight`, quoted parts allowed: `columns."a.b".range`), the
/// value in TOML syntax (`0.30`, `true`, `[0, 50]`, `"topsis"`); a value that is not TOML
/// is taken as a string, so `aggregation.method=topsis` works unquoted.
///
/// Overrides are applied to the parsed file before it is checked, so every message of the
/// file applies to them (unknown key with the closest one, type, weight sums); their
/// diagnostics name the `--set` they come from.
public struct Override: Sendable, CustomStringConvertible {
  /// The option's text, `KEY.PATH=VALUE`.
  public let description: String
  /// The key path's parts.
  public let path: [String]
  let value: TOMLNode

  /// Parses `KEY.PATH=VALUE`.
  /// - Throws: a usage failure (exit 64) saying what is wrong with the text.
  public static func parse(_ text: String) throws(StageFailure) -> Override {
    func fail(_ message: Message) -> StageFailure {
      StageFailure(.usage, Diagnostic(file: "--set", line: 0, message: message))
    }
    guard let eq = text.firstIndex(of: "="), !String(text[..<eq]).trimmingWhitespace().isEmpty else {
      throw fail(
        Message(
          zh: "--set \(text)：应写成 KEY.PATH=VALUE，如 --set groups.efficiency.weight=0.30",
          en: "--set \(text): expected KEY.PATH=VALUE, e.g. --set groups.efficiency.weight=0.30"))
    }
    guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
      throw fail(
        Message(
          zh: "--set：KEY.PATH=VALUE 中不能有控制字符（换行、制表符等）",
          en: "--set: control characters (line breaks, tabs …) are not allowed in KEY.PATH=VALUE"))
    }
    let key = String(text[..<eq]).trimmingWhitespace()
    let value = String(text[text.index(after: eq)...]).trimmingWhitespace()
    // The key's parts: the path down to the placeholder value of `KEY = 0`.
    var path: [String] = []
    if let probe = try? TOMLTable(string: "\(key) = 0") {
      var node = TOMLNode(probe)
      while case .table(let t) = node, t.count == 1, let (k, v) = t.first {
        path.append(k)
        node = v
      }
    }
    guard !path.isEmpty, path.count <= Self.maxParts else {
      throw fail(
        Message(
          zh: "--set \(text)：\"\(key)\" 不是键路径（请按标准文件中的写法，如 groups.efficiency.weight）",
          en: "--set \(text): \"\(key)\" is not a key path (write it as in the criteria file, e.g. groups.efficiency.weight)"))
    }
    let quoted = "\"" + value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    for candidate in value.isEmpty ? [quoted] : [value, quoted] {
      guard let table = try? TOMLTable(string: "\(key) = \(candidate)") else { continue }
      var node = TOMLNode(table)
      for k in path {
        guard case .table(let t) = node, let v = t[k] else { break }
        node = v
      }
      return Override(description: text, path: path, value: node)
    }
    throw fail(Message(zh: "--set \(text)：该值既不是 TOML 也不是文本", en: "--set \(text): the value is neither TOML nor text"))
  }

  /// The most parts a key path may have.
  static let maxParts = 64

  /// The key path as the file's messages write it.
  public var keyPath: String { path.joined(separator: ".") }
}

extension TOMLNode {
  /// This table with `value` at `path` (an inline table merges key by key into an existing
  /// table); every table on the way must exist (`firstMissing`).
  func setting(_ path: ArraySlice<String>, to value: TOMLNode) -> TOMLNode {
    guard let first = path.first, case .table(var t) = self else { return value }
    let rest = path.dropFirst()
    if rest.isEmpty, case .table(let add) = value, case .table(var old)? = t[first] {
      for (k, v) in add { old[k] = v }
      t[first] = .table(old)
    } else {
      t[first] = rest.isEmpty ? value : (t[first] ?? .table([:])).setting(rest, to: value)
    }
    return .table(t)
  }

  /// Where `path` leaves the criteria file's tables: a top-level table that does not
  /// exist in any criteria file, or a key of `[columns]`, `[groups]`, `[criteria]` or
  /// `[programmes]` (named by the file itself) that this file does not declare. Nil when the
  /// path is fine; fixed tables (`aggregation`, `weighting.ahp` …) are created as needed and
  /// their keys checked as the file's are.
  func firstMissing(_ path: [String], topLevel: [String]) -> (index: Int, keys: [String])? {
    guard let first = path.first else { return nil }
    guard topLevel.contains(first) else { return (0, topLevel) }
    guard ["columns", "groups", "criteria", "programmes"].contains(first), path.count > 2 else { return nil }
    let declared = keys(at: [first])
    return declared.contains(path[1]) ? nil : (1, declared.sorted())
  }

  private func keys(at path: [String]) -> [String] {
    var node = self
    for k in path {
      guard case .table(let t) = node, let next = t[k] else { return [] }
      node = next
    }
    if case .table(let t) = node { return Array(t.keys) }
    return []
  }
}
