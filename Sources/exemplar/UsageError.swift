import ArgumentParser
import Model

/// Usage errors of the commands' `validate()` (exit 64) in the language of `--lang`.
///
/// Argument Parser runs `validate()` while it parses, before `Exemplar.main()` knows the
/// command; `Exit.language` is therefore set beforehand from the raw arguments
/// (`language(in:)`), and `UsageError.text(zh:en:)` picks the text from it.
enum UsageError {
  /// A `ValidationError` with the text in the command's language.
  static func text(zh: String, en: String) -> ValidationError { ValidationError(Exit.text(Message(zh: zh, en: en))) }

  /// The same for a message already in both languages.
  static func text(_ message: Message) -> ValidationError { ValidationError(Exit.text(message)) }

  /// The `--lang` the arguments give (`--lang en` or `--lang=en`, the last one wins), nil
  /// when none or an unknown value (Argument Parser then reports it).
  static func language(in arguments: [String]) -> Language? {
    var found: Language?
    var i = 0
    while i < arguments.count {
      let a = arguments[i]
      if a == "--", i > 0 { break }
      if a == "--lang", i + 1 < arguments.count {
        found = Language(rawValue: arguments[i + 1]) ?? found
        i += 1
      } else if a.hasPrefix("--lang=") {
        found = Language(rawValue: String(a.dropFirst("--lang=".count))) ?? found
      }
      i += 1
    }
    return found
  }

  /// Argument Parser's text for a usage error (`Error: …`, `Help: …`, `Usage: …`, `See …`)
  /// in `language`: for zh, the frame and the messages it writes for a missing argument,
  /// an unknown option, an invalid value, a missing value and an unexpected argument in
  /// Chinese; option names, values and the option help (English) are kept.
  static func localised(_ text: String, _ language: Language) -> String {
    guard language == .zh else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      let l = String(line)
      if l.hasPrefix("Error: ") { return "错误：" + errorZh(String(l.dropFirst("Error: ".count))) }
      if l.hasPrefix("Help:  ") { return "说明：" + l.dropFirst("Help:  ".count) }
      if l.hasPrefix("Usage: ") { return "用法：" + l.dropFirst("Usage: ".count) }
      if l.hasPrefix("  See '"), l.hasSuffix("' for more information.") {
        return "  详见 '" + l.dropFirst("  See '".count).dropLast("' for more information.".count) + "'。"
      }
      return l
    }.joined(separator: "\n")
  }

  /// The Chinese of Argument Parser's error sentences; others (and ours, already in the
  /// language of `--lang`) are returned unchanged.
  static func errorZh(_ message: String) -> String {
    func after(_ prefix: String) -> String? { message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : nil }
    if let rest = after("Missing expected argument ") { return "缺少必需的参数 \(rest)" }
    if let rest = after("Missing value for ") { return "选项 \(rest) 缺少值" }
    if let rest = after("Unexpected argument ") { return "多余的参数 \(rest)" }
    if let rest = after("Unknown option ") {
      if let r = rest.range(of: ". Did you mean ") {
        return "未知选项 \(rest[..<r.lowerBound])；是否应为 \(rest[r.upperBound...].dropLast())？"
      }
      return "未知选项 \(rest)"
    }
    if let rest = after("The value "), let r = rest.range(of: " is invalid for ") {
      let value = rest[..<r.lowerBound]
      var tail = String(rest[r.upperBound...])
      var choices = ""
      if let p = tail.range(of: ". Please provide one of ") {
        // Argument Parser lists the values as "'a', 'b' or 'c'" ("and" in older versions).
        choices = "；可选：" + tail[p.upperBound...].dropLast().replacing(", ", with: "、").replacing(" or ", with: "、").replacing(" and ", with: "、")
        tail = String(tail[..<p.lowerBound])
      } else if tail.hasSuffix(".") {
        tail = String(tail.dropLast())
      }
      return "\(tail) 的值 \(value) 无效\(choices)"
    }
    return message
  }
}
