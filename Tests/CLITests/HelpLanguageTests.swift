import Foundation
import Testing

/// `--help`, `exemplar help COMMAND` and `exemplar --help` follow `--lang` like every other
/// message: Chinese by default (the option help, the abstracts and Argument Parser's frame:
/// 用法：, 选项：, （默认：…）, 显示帮助信息。), English with `--lang en`, as it was before
/// help followed the language. Option names, value names and values stay as they are.
@Suite struct HelpLanguageTests {
  /// Every command and subcommand; "" is `exemplar --help`.
  static let commands = [
    "", "validate", "run", "explain", "weights", "sensitivity", "diff", "generate", "ledger", "ledger list", "ledger final",
    "ledger history", "history", "compare", "tune", "letter",
  ]

  /// Help wraps to the terminal's width: 80 columns, whatever the test's environment says.
  static let environment = ["COLUMNS": "80"]

  static func help(_ command: String, _ more: [String] = []) throws -> CLI.Output {
    try CLI.run(command.split(separator: " ").map(String.init) + ["--help"] + more, environment: environment)
  }

  /// The option names a help text mentions.
  static func optionNames(_ text: String) -> Set<String> { Set(text.matches(of: /--[a-z][a-z-]*/).map { String($0.output) }) }

  static func isChinese(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) }

  /// The columns `line` takes on a terminal (CJK and full-width characters take two).
  static func columns(_ line: String) -> Int {
    line.unicodeScalars.reduce(0) { n, s in
      let wide = [0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6]
        .contains { $0.contains(Int(s.value)) }
      return n + (wide ? 2 : 1)
    }
  }

  /// Each option's, argument's and subcommand's text: the element lines of the sections
  /// (label in the first 26 columns, text after it, or on the next lines indented 26).
  static func elementTexts(_ help: String) -> [(label: String, text: String)] {
    let indent = String(repeating: " ", count: 26)
    var out: [(label: String, text: String)] = []
    var inSection = false
    for line in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.isEmpty {
        inSection = false
      } else if !line.hasPrefix(" "), line.hasSuffix(":") || line.hasSuffix("：") {
        inSection = true
      } else if inSection, line.hasPrefix(indent), !out.isEmpty {
        out[out.count - 1].text += " " + line.dropFirst(indent.count)
      } else if inSection, line.hasPrefix("  ") {
        let label = labelPart(line)
        out.append((label.trimmingCharacters(in: .whitespaces), String(line.dropFirst(label.count))))
      }
    }
    return out
  }

  /// The label of an element's first line: its first 26 columns when the text follows on
  /// the line (a space at column 26), else the whole line (the text is on the next).
  static func labelPart(_ line: String) -> String {
    guard line.count > 26, line[line.index(line.startIndex, offsetBy: 25)] == " " else { return line }
    return String(line.prefix(26))
  }

  /// Whether `line` holds one word too long to break (a value such as
  /// `'groups.efficiency.weight=0.3;weighting.normalise=true'`), with its punctuation.
  static func isOneWord(_ line: String) -> Bool {
    let word = line.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "。，；）"))
    return !word.contains(" ") && !word.unicodeScalars.contains(where: isChinese)
  }

  /// A line of help without what stays in English: the usage line, an element's label,
  /// option names with their value names, and quoted text (`ChineseDiagnosticsTests.prose`).
  static func prose(_ line: String) -> String {
    if line.hasPrefix("用法：") || line.hasPrefix("USAGE: ") { return "" }
    var s = line
    if s.hasPrefix("  "), !s.hasPrefix("   ") { s = String(s.dropFirst(labelPart(s).count)) }
    s = s.replacingOccurrences(of: #"--[a-z][a-z-]*( <[^>]*>)?|<[^>]*>"#, with: "…", options: .regularExpression)
    return ChineseDiagnosticsTests.prose(s)
  }

  /// Under the default language: Chinese frame and texts, no English phrase outside option
  /// names and values, every option the English help names, lines within 80 columns.
  @Test(arguments: commands) func chineseByDefault(command: String) throws {
    let zh = try Self.help(command)
    let en = try Self.help(command, ["--lang", "en"])
    #expect(zh.status == 0 && en.status == 0)
    #expect(zh.stderr.isEmpty)
    #expect(zh.stdout.hasPrefix("概述："), "\(zh.stdout)")
    #expect(zh.stdout.contains("\n用法：exemplar"))
    #expect(zh.stdout.contains("\n选项：\n"))
    #expect(zh.stdout.contains("  -h, --help              显示帮助信息。"))
    #expect(zh.stdout.contains("  --version               显示版本。"))
    for line in zh.stdout.split(separator: "\n").map(String.init) {
      let prose = Self.prose(line)
      #expect(prose.range(of: ChineseDiagnosticsTests.englishPhrase, options: .regularExpression) == nil, "English under zh: \(line)")
      #expect(line.range(of: #"^[A-Z][A-Z ]*:|\((default|values)"#, options: .regularExpression) == nil, "Argument Parser's English: \(line)")
      #expect(line.hasPrefix("用法：") || Self.columns(line) <= 80 || Self.isOneWord(line), "wider than 80 columns: \(line)")
    }
    let elements = Self.elementTexts(zh.stdout)
    #expect(elements.count == Self.elementTexts(en.stdout).count)
    for e in elements {
      #expect(e.text.unicodeScalars.contains(where: Self.isChinese), "not in Chinese: \(e.label) \(e.text)")
    }
    let missing = Self.optionNames(en.stdout).subtracting(Self.optionNames(zh.stdout))
    #expect(missing.isEmpty, "options the English help names and the Chinese does not: \(missing.sorted())")
  }

  /// `--lang en` (before or after `--help`) prints the English help as it was; the default
  /// does not.
  @Test func englishWithLangEn() throws {
    let en = try Self.help("generate", ["--lang", "en"])
    #expect(en.status == 0)
    #expect(en.stdout == Self.generateEnglish + "\n")
    let before = try CLI.run(["generate", "--lang", "en", "--help"], environment: Self.environment)
    #expect(before.stdout == en.stdout)
    #expect(try Self.help("generate").stdout != en.stdout)
    for command in Self.commands {
      let r = try Self.help(command, ["--lang", "en"])
      #expect(r.stdout.hasPrefix("OVERVIEW: ") && r.stdout.contains("\nUSAGE: exemplar"), "\(command): \(r.stdout)")
      #expect(!r.stdout.unicodeScalars.contains(where: Self.isChinese), "Chinese under --lang en: \(command)")
    }
  }

  /// `exemplar help COMMAND` is `exemplar COMMAND --help`, in the language of `--lang`.
  @Test func helpSubcommandFollowsTheLanguage() throws {
    let zh = try CLI.run(["help", "run"], environment: Self.environment)
    #expect(zh.status == 0)
    #expect(zh.stdout == (try Self.help("run")).stdout)
    #expect(zh.stdout.contains("用法：exemplar run [<options>] <metrics> --criteria <criteria> --out <out>"))
    #expect(zh.stdout.contains("  --out <out>             输出文件夹"))
    let en = try CLI.run(["run", "--help", "--lang", "en"], environment: Self.environment)
    #expect(en.status == 0)
    #expect(en.stdout.contains("USAGE: exemplar run [<options>] <metrics> --criteria <criteria> --out <out>"))
    #expect(en.stdout.contains("  --out <out>             The output folder (created or replaced atomically)."))
    let helpEn = try CLI.run(["help", "run", "--lang", "en"], environment: Self.environment)
    #expect(helpEn.status == 0, "\(helpEn.stderr)")
    #expect(helpEn.stdout == en.stdout)
    let ledger = try CLI.run(["help", "ledger", "final"], environment: Self.environment)
    #expect(ledger.stdout.hasPrefix("概述：将某次运行定为该年度的终稿"), "\(ledger.stdout)")
    let root = try CLI.run(["help"], environment: Self.environment)
    #expect(root.stdout.contains("  各子命令的详细说明见 'exemplar help <subcommand>'。"), "\(root.stdout)")
  }

  /// `exemplar generate --help --lang en` at 80 columns, as it printed before help followed
  /// the language.
  static let generateEnglish = """
    OVERVIEW: Write realistic synthetic metrics (one row per enterprise) for trials
    and benchmarks.

    The file has the columns of criteria/2022.toml: USCC, name, district, industry,
    size, honour, pilot flag and 21 implementation-effect metrics driven by a
    latent digital-maturity factor, with about 1–2% empty cells in four optional
    metrics.

    Encoding: UTF-8 with a byte-order mark by default, as files saved by Chinese
    Excel have (so the file also opens correctly in Excel); --no-bom omits it. Line
    endings are LF.

    The same --seed (and --year) always gives the same bytes, and row i does not
    depend on --rows. The file is written to a temporary file in the same folder,
    synced and renamed (as every output), so a failed run leaves nothing behind.

    USAGE: exemplar generate --rows <rows> [--seed <seed>] [--year <year>] --out <out> [--no-bom] [--json] [--lang <lang>]

    OPTIONS:
      --rows <rows>           Number of enterprises (rows), 1…20000000.
      --seed <seed>           Random seed; the same seed gives the same file.
                              (default: 2022)
      --year <year>           Selection year the metrics describe (row i is the
                              same enterprise every year, its figures moved).
                              (default: 2022)
      --out <out>             The CSV file to write.
      --no-bom                Write UTF-8 without the byte-order mark.
      --json                  Print a JSON summary (rows, seed, year, path, bytes)
                              on stdout.
      --lang <lang>           Language of messages: zh (default) or en. (values:
                              zh, en; default: zh)
      --version               Show the version.
      -h, --help              Show help information.

    """
}
