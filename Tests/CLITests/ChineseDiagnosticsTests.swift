import Foundation
import Testing

/// Every diagnostic follows `--lang` (zh by default): the failing invocations of issue #16's
/// cases, run through the CLI, print no English sentence under zh, and the same positions
/// under `--lang en`. A message added in English only fails here (as a run-time peer of
/// `UntranslatedMessageScanTests`).
@Suite struct ChineseDiagnosticsTests {
  static let metrics = "samples/metrics-2022.csv"
  static let criteria = "criteria/2022.toml"
  static let complete = "Tests/Fixtures/criteria/complete.toml"

  /// A failing invocation: its arguments, with `{DIR}` for a fresh temporary folder, and the
  /// criteria files to write there first (name → text).
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    var files: [String: String] = [:]
    var testDescription: String { name }
  }

  static func edited(_ path: String, _ old: String, _ new: String) -> String {
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    precondition(text.contains(old), "\(path) has no \(old)")
    return text.replacingOccurrences(of: old, with: new)
  }

  static let cases: [Case] = [
    Case(name: "unknown method", arguments: ["validate", metrics, "--criteria", criteria, "--set", "aggregation.method=topsiss"]),
    Case(name: "malformed --set", arguments: ["validate", metrics, "--criteria", criteria, "--set", "groups.efficiency.weight"]),
    Case(
      name: "rule not a condition", arguments: ["validate", metrics, "--criteria", "{DIR}/c.toml"],
      files: ["c.toml": edited(complete, "require = \"above_scale and consulting_spend_wan >= 30\"", "require = \"consulting_spend_wan\"")]),
    Case(
      name: "rule compares types", arguments: ["validate", metrics, "--criteria", "{DIR}/c.toml"],
      files: ["c.toml": edited(complete, "require = 'above_scale and consulting_spend_wan >= 15'", "require = 'above_scale and name >= 15'")]),
    Case(
      name: "rule syntax", arguments: ["validate", metrics, "--criteria", "{DIR}/c.toml"],
      files: ["c.toml": edited(complete, "require = 'above_scale and consulting_spend_wan >= 15'", "require = 'above_scale and (stars >= 1'")]),
    Case(
      name: "AHP inconsistent", arguments: ["validate", metrics, "--criteria", "{DIR}/c.toml"],
      files: ["c.toml": edited(complete, "  [1, 3, 5],\n  [\"1/3\", 1, 3],\n  [\"1/5\", \"1/3\", 1],", "  [1, 3, \"1/5\"],\n  [\"1/3\", 1, 3],\n  [5, \"1/3\", 1],")]),
    Case(
      name: "TOML: bad value", arguments: ["validate", metrics, "--criteria", "{DIR}/c.toml"],
      files: ["c.toml": edited(complete, "cumulative = false", "cumulative = fals")]),
    Case(
      name: "TOML: unclosed header", arguments: ["validate", metrics, "--criteria", "{DIR}/c.toml"],
      files: ["c.toml": edited(complete, "[stars]", "[stars")]),
    Case(
      name: "TOML: table twice", arguments: ["validate", metrics, "--criteria", "{DIR}/c.toml"],
      files: ["c.toml": edited(complete, "[stars]", "[stars]\n[stars]")]),
    Case(
      name: "TOML: unquoted text", arguments: ["validate", metrics, "--criteria", "{DIR}/c.toml"],
      files: ["c.toml": edited(complete, "cumulative = false", "cumulative = false\nmode = topsis")]),
    Case(name: "slipped cells", arguments: ["validate", "Tests/Fixtures/office/slipped-cells.csv", "--criteria", criteria]),
    Case(name: "formatted numbers", arguments: ["validate", "Tests/Fixtures/office/formatted-numbers.csv", "--criteria", criteria]),
    Case(name: "full-width digits", arguments: ["validate", "Tests/Fixtures/office/fullwidth-digits.csv", "--criteria", criteria]),
    Case(name: "misspelt header", arguments: ["validate", "Tests/Fixtures/office/misspelt-header.csv", "--criteria", criteria]),
    Case(name: "empty file", arguments: ["validate", "Tests/Fixtures/office/empty.csv", "--criteria", criteria]),
    Case(name: "samples 0", arguments: ["sensitivity", metrics, "--criteria", criteria, "--out", "{DIR}/s", "--samples", "0"]),
    Case(name: "missing --criteria", arguments: ["validate", metrics]),
    Case(name: "unknown option", arguments: ["validate", metrics, "--criteria", criteria, "--frob"]),
    Case(name: "bad --encoding", arguments: ["validate", metrics, "--criteria", criteria, "--encoding", "latin1"]),
    Case(name: "bad --layout", arguments: ["run", metrics, "--criteria", criteria, "--out", "{DIR}/o", "--layout", "parquet"]),
    Case(name: "no such metrics file", arguments: ["validate", "{DIR}/none.csv", "--criteria", criteria]),
    Case(
      name: "output cannot be created",
      arguments: ["run", metrics, "--criteria", criteria, "--out", "/proc/exemplar-zh/out", "--no-excel", "--no-html"]),
    Case(name: "no such id", arguments: ["explain", metrics, "--criteria", criteria, "--id", "91330281MA2TKFB4X"]),
    Case(
      name: "vector, negative, weighted sum",
      arguments: ["run", metrics, "--criteria", criteria, "--out", "{DIR}/o", "--no-excel", "--no-html", "--set", "criteria.cost_reduction.normalise=vector", "--set", "criteria.cost_reduction.goalposts=[]"]),
  ]

  /// A line of stderr that is a message (not the usage synopsis, nor an option's help).
  static func isMessage(_ line: String) -> Bool {
    !(line.hasPrefix("说明：") || line.hasPrefix("Help:") || line.hasPrefix("用法：") || line.hasPrefix("Usage:")
      || line.hasPrefix("  详见") || line.hasPrefix("  See ") || line.hasPrefix(" "))
  }

  /// The line without its `FILE:LINE[:COLUMN]:` position and quoted values ('…', "…", `…`).
  static func prose(_ line: String) -> String {
    var s = line
    if let r = s.range(of: #"^[^ ]*:[0-9]+:([^ ]*:)?"#, options: .regularExpression) { s.removeSubrange(r) }
    for q in [#"'[^']*'"#, #""[^"]*""#, #"“[^”]*”"#, "`[^`]*`"] { s = s.replacingOccurrences(of: q, with: "…", options: .regularExpression) }
    return s
  }

  /// Three English words in a row (a phrase or sentence; a list of values has commas).
  static let englishPhrase = #"[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}"#

  @Test(arguments: cases) func noEnglishUnderZh(_ c: Case) throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, text) in c.files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    let args = c.arguments.map { $0.replacingOccurrences(of: "{DIR}", with: dir.path) }
    let zh = try CLI.run(args)
    let en = try CLI.run(args + ["--lang", "en"])
    #expect(zh.status != 0 && zh.status == en.status, "\(zh.stderr)")
    let zhLines = zh.errorLines.filter(Self.isMessage)
    #expect(!zhLines.isEmpty)
    for line in zhLines {
      #expect(line.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "no Chinese: \(line)")
      #expect(Self.prose(line).range(of: Self.englishPhrase, options: .regularExpression) == nil, "English under zh: \(line)")
      #expect(Self.prose(line).range(of: #"\b(or|and)\b"#, options: .regularExpression) == nil, "English list word under zh: \(line)")
    }
    // English is still there, at the same positions.
    let enLines = en.errorLines.filter(Self.isMessage)
    #expect(enLines.count == zhLines.count)
    #expect(zip(zhLines, enLines).allSatisfy { $0 != $1 }, "\(en.stderr)")
    let position = #"^[^ ]*:[0-9]+:([^ ]*:)?"#
    func positionOf(_ line: String) -> String? { line.range(of: position, options: .regularExpression).map { String(line[$0]) } }
    #expect(zhLines.compactMap(positionOf) == enLines.compactMap(positionOf))
  }
}
