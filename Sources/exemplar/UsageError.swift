import ArgumentParser
import Foundation
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

  /// The arguments without `--lang`, for `exemplar help COMMAND`: the help subcommand takes
  /// no options, and `--lang` there only chooses the language (read before by `language(in:)`).
  static func helpArguments(_ arguments: [String]) -> [String] {
    guard arguments.first == "help" else { return arguments }
    var out: [String] = []
    var i = 0
    while i < arguments.count {
      let a = arguments[i]
      if a == "--lang", i + 1 < arguments.count {
        i += 2
        continue
      }
      if !a.hasPrefix("--lang=") { out.append(a) }
      i += 1
    }
    return out
  }

  /// Argument Parser's text for a usage error (`Error: …`, `Help: …`, `Usage: …`, `See …`)
  /// in `language`: for zh, the frame and the messages it writes for a missing argument,
  /// an unknown option, an invalid value, a missing value and an unexpected argument in
  /// Chinese; option names and values are kept, and the option help is already in the
  /// language (`ArgumentHelp.text`). `--help` is `localisedHelp`, below.
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

/// `--help` (and `exemplar help COMMAND`) in the language of `--lang`.
///
/// The help texts of the options and the commands' abstracts are already in that language
/// (`ArgumentHelp.text(zh:en:)`); for zh this translates Argument Parser's frame (`OVERVIEW:`,
/// `USAGE:`, the section headers, `(default: …)`, `(values: …)`, the texts of `--help` and
/// `--version`, the pointer to `exemplar help`) and wraps the texts by their width on the
/// screen (a Chinese character takes two columns, and a line may break between two of
/// them), which Argument Parser cannot do: it counts characters and breaks at spaces only.
/// Option names, value names and values are kept.
extension UsageError {
  /// Help rendered for `localisedHelp` with this many columns: a width Argument Parser
  /// never reaches, so that the texts come unwrapped.
  static let unwrapped = 1 << 20

  /// Argument Parser's help text, rendered with `unwrapped` columns, in `language`, its
  /// texts wrapped to `width` columns. English (and the version number, which is no help
  /// text) is returned unchanged.
  static func localisedHelp(_ text: String, _ language: Language, width: Int) -> String {
    guard language == .zh else { return text }
    let headers = ["ARGUMENTS:": "参数：", "OPTIONS:": "选项：", "SUBCOMMANDS:": "子命令："]
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var out: [String] = []
    var inOverview = false
    var inSection = false
    var i = 0
    while i < lines.count {
      let l = lines[i]
      i += 1
      if l.isEmpty {
        inSection = false
        out.append(l)
      } else if l.hasPrefix("OVERVIEW: ") {
        inOverview = true
        out += wrapped("概述：" + l.dropFirst("OVERVIEW: ".count), width: width)
      } else if l.hasPrefix("USAGE: ") {
        inOverview = false
        out.append("用法：" + l.dropFirst("USAGE: ".count))
      } else if let header = headers[l] {
        inOverview = false
        inSection = true
        out.append(header)
      } else if inOverview {
        out += wrapped(l, width: width)
      } else if inSection, l.hasPrefix("  "), !l.hasPrefix(labelIndent) {
        // An option, argument or subcommand: its label, then its text from column 26, or
        // on the next line when the label is longer.
        var label = l
        var help = ""
        if i < lines.count, lines[i].hasPrefix(labelIndent) {
          help = String(lines[i].dropFirst(labelIndent.count))
          i += 1
        } else if l.count > labelIndent.count, l[l.index(l.startIndex, offsetBy: labelIndent.count - 1)] == " " {
          label = String(l.prefix(labelIndent.count))
          help = String(l.dropFirst(labelIndent.count))
        }
        out += element(label, helpZh(help), width: width)
      } else if l.hasPrefix("  See '"), l.hasSuffix("' for detailed help.") {
        out.append("  各子命令的详细说明见 '" + l.dropFirst("  See '".count).dropLast("' for detailed help.".count) + "'。")
      } else {
        out.append(l)
      }
    }
    return out.joined(separator: "\n")
  }

  /// Where Argument Parser starts an element's text (its `labelColumnWidth`).
  static let labelIndent = String(repeating: " ", count: 26)

  /// An element of a section: the label, padded to column 26, and its text wrapped beside it.
  static func element(_ label: String, _ help: String, width: Int) -> [String] {
    let label = String(label.reversed().drop { $0 == " " }.reversed())
    guard !help.isEmpty else { return [label] }
    let lines = wrapped(help, width: max(width - labelIndent.count, 20)).map { labelIndent + $0 }
    guard label.count < labelIndent.count else { return [label] + lines }
    return [label + lines[0].dropFirst(label.count)] + lines.dropFirst()
  }

  /// An element's text with Argument Parser's words in Chinese: the help of `--help` and
  /// `--version`, and the `(values: …; default: …)` it appends (values kept, joined by 、).
  static func helpZh(_ help: String) -> String {
    switch help {
    case "Show help information.": return "显示帮助信息。"
    case "Show the version.": return "显示版本。"
    default: break
    }
    guard help.hasSuffix(")"), let open = help.range(of: "(values: ", options: .backwards) ?? help.range(of: "(default", options: .backwards) else {
      return help
    }
    let text = help[..<open.lowerBound].trimmingCharacters(in: .whitespaces)
    var parts: [String] = []
    for part in help[open.lowerBound...].dropFirst().dropLast().split(separator: "; ") {
      if part.hasPrefix("values: ") {
        parts.append("可选值：" + part.dropFirst("values: ".count).replacing(", ", with: "、"))
      } else if part.hasPrefix("default as flag: ") {
        parts.append("不带值时为：" + part.dropFirst("default as flag: ".count))
      } else if part.hasPrefix("default: ") {
        parts.append("默认：" + part.dropFirst("default: ".count))
      } else {
        return help
      }
    }
    return text + "（" + parts.joined(separator: "；") + "）"
  }

  /// The columns of the screen help is wrapped to, as Argument Parser finds them: `COLUMNS`,
  /// else the terminal's width, else 80.
  static var screenWidth: Int {
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return columns }
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    return 80
  }

  /// The columns `c` takes on a terminal: 2 for East Asian wide and full-width characters.
  static func columns(_ c: Character) -> Int {
    guard let v = c.unicodeScalars.first?.value else { return 0 }
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }

  /// `text` in lines of at most `width` columns (a longer word stays whole): a line breaks
  /// at a space (dropped) or beside a wide character, but never before closing punctuation
  /// (，。、；：）…) nor after opening punctuation (（“…).
  static func wrapped(_ text: String, width: Int) -> [String] {
    let closing: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "》", "”", "’", ",", ".", ";", ":", ")", "!", "?"]
    let opening: Set<Character> = ["（", "「", "『", "《", "“", "‘", "("]
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    var word = ""
    var wordWidth = 0
    var spaced = false
    func place() {
      guard !word.isEmpty else { return }
      let gap = spaced && !line.isEmpty ? 1 : 0
      if !line.isEmpty, lineWidth + gap + wordWidth > width {
        lines.append(line)
        line = word
        lineWidth = wordWidth
      } else {
        line += (gap == 1 ? " " : "") + word
        lineWidth += gap + wordWidth
      }
      word = ""
      wordWidth = 0
      spaced = false
    }
    var previous: Character?
    for c in text {
      if c == " " {
        place()
        spaced = true
      } else {
        if let p = previous, p != " ", columns(c) == 2 || columns(p) == 2, !closing.contains(c), !opening.contains(p) { place() }
        word.append(c)
        wordWidth += columns(c)
      }
      previous = c
    }
    place()
    lines.append(line)
    return lines
  }
}
