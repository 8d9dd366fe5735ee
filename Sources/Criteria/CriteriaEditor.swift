import Model
import TOMLKit

/// Writes `--set` changes into a criteria file's text in place (`exemplar tune`'s "save as
/// criteria file"): a key the file writes on a `key = value` line of its own gets the new
/// value on that line (indentation, spacing and the line's comment kept); a key the file
/// leaves out goes on a new line under its `[table]` header, or into a new table at the end.
/// Every other byte of the file stays as it was, comments and key order included.
///
/// The result is checked: loaded again it must give the criteria, groups, weighting and
/// aggregation the overrides give. A key the editor cannot write in place (a value inside
/// an inline table or spanning lines) is an error naming it.
public enum CriteriaEditor {
  /// The edited text, or a failure (config, 78) naming the change it could not write.
  public static func apply(_ bytes: [UInt8], source: String, overrides: [Override]) -> Result<String, StageFailure> {
    func fail(_ o: Override, _ why: Message) -> Result<String, StageFailure> {
      .failure(StageFailure(.config, Diagnostic(file: source, line: 0, message: Message(zh: "--set \(o.description)：", en: "--set \(o.description): ") + why)))
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let index = KeyLineIndex(text: text)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var inserts: [(after: Int, line: String)] = []
    var appended: [(table: String, lines: [String])] = []
    for o in overrides {
      guard let key = o.path.last else { continue }
      let value = valueText(o)
      let table = o.path.dropLast().joined(separator: ".")
      if let l = index.lines[o.keyPath], l > 0, l <= lines.count {
        guard let edited = replacing(key: key, in: lines[l - 1], with: value) else {
          return fail(
            o,
            Message(
              zh: "第 \(l) 行并非单独一行的 `\(key) = value`；请手工修改",
              en: "line \(l) does not hold it as `\(key) = value` on a line of its own; change it by hand"))
        }
        lines[l - 1] = edited
      } else if !table.isEmpty, let l = index.lines[table], l > 0, l <= lines.count,
        lines[l - 1].trimmingWhitespace().hasPrefix("[")
      {
        inserts.append((l, "\(bareOrQuoted(key)) = \(value)"))
      } else if index.lines[table] == nil || table.isEmpty {
        let line = "\(bareOrQuoted(key)) = \(value)"
        if let k = appended.firstIndex(where: { $0.table == table }) { appended[k].lines.append(line) } else { appended.append((table, [line])) }
      } else {
        return fail(
          o,
          Message(
            zh: "它所在的表 \(table) 在文件中不是单独的 [table]；请手工修改",
            en: "its table \(table) is not a [table] of its own in the file; change it by hand"))
      }
    }
    for ins in inserts.enumerated().sorted(by: { ($0.element.after, $0.offset) > ($1.element.after, $1.offset) }) {
      lines.insert(ins.element.line, at: ins.element.after)
    }
    var out = lines.joined(separator: "\n")
    for a in appended {
      if !out.hasSuffix("\n") { out += "\n" }
      out += "\n" + (a.table.isEmpty ? "" : "[\(a.table.split(separator: ".").map { bareOrQuoted(String($0)) }.joined(separator: "."))]\n")
      out += a.lines.joined(separator: "\n") + "\n"
    }
    // The check: the edited file says what the overrides say.
    guard case .success(let edited) = CriteriaLoader.parse(out, source: source),
      case .success(let wanted) = CriteriaLoader.load(bytes: bytes, source: source, overrides: overrides)
    else {
      return .failure(StageFailure(.config, Diagnostic(
            file: source, line: 0,
            message: Message(zh: "修改后的文件无法载入；请手工修改", en: "the edited file does not load; change it by hand"))))
    }
    guard edited.criteria == wanted.criteria, edited.groups == wanted.groups, edited.weighting == wanted.weighting,
      edited.aggregation == wanted.aggregation
    else {
      return .failure(StageFailure(.config, Diagnostic(
            file: source, line: 0,
            message: Message(
              zh: "修改后的文件与所作的更改不一致；请手工修改", en: "the edited file would not say what the changes say; change it by hand"))))
    }
    return .success(out)
  }

  /// `line` with the value of `key = value` replaced, or nil when the line is not that.
  static func replacing(key: String, in line: String, with value: String) -> String? {
    let chars = Array(line)
    var i = 0
    while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
    let indent = String(chars[..<i])
    var matched = false
    for spelling in [key, "\"\(key)\"", "'\(key)'"] where chars.count >= i + spelling.count && String(chars[i..<(i + spelling.count)]) == spelling {
      i += spelling.count
      matched = true
      break
    }
    guard matched else { return nil }
    let afterKey = i
    while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
    guard i < chars.count, chars[i] == "=" else { return nil }
    i += 1
    while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
    let equals = String(chars[afterKey..<i])
    // The old value: a quoted string to its closing quote, else up to a comment.
    guard i < chars.count else { return nil }
    var end = i
    if chars[i] == "\"" || chars[i] == "'" {
      let q = chars[i]
      end = i + 1
      while end < chars.count, chars[end] != q {
        if q == "\"", chars[end] == "\\" { end += 1 }
        end += 1
      }
      guard end < chars.count else { return nil }
      end += 1
    } else {
      if chars[i] == "[" || chars[i] == "{" { return nil }
      while end < chars.count, chars[end] != "#" { end += 1 }
      while end > i, chars[end - 1] == " " || chars[end - 1] == "\t" { end -= 1 }
    }
    let rest = String(chars[end...])
    guard rest.trimmingWhitespace().isEmpty || rest.trimmingWhitespace().hasPrefix("#") else { return nil }
    return indent + String(chars[indent.count..<afterKey]) + equals + value + rest
  }

  /// The value of a change as TOML: as written when it is TOML, else a quoted string.
  static func valueText(_ o: Override) -> String {
    let v = String(o.description[o.description.index(after: o.description.firstIndex(of: "=")!)...]).trimmingWhitespace()
    if !v.isEmpty, (try? TOMLTable(string: "k = \(v)")) != nil { return v }
    return "\"" + v.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
  }

  /// A bare key when it can be one, else a quoted key.
  static func bareOrQuoted(_ k: String) -> String {
    let bare = !k.isEmpty && k.unicodeScalars.allSatisfy { ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    return bare ? k : "\"" + k.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
  }
}
