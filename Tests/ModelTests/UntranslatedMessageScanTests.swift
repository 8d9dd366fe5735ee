import Foundation
import Testing

/// Every user-facing message is written in both languages (`Message(zh:en:)`): this scan of
/// the sources catches the forms that give a message in one language only, so the next one
/// fails here instead of reaching a Chinese user in English:
/// - `Message("text")` (the same text in both languages) with words in it;
/// - `Diagnostic(…, message: "text")` (the `String` initialiser);
/// - `ValidationError("text")` in the commands (use `UsageError.text(zh:en:)`);
/// - `print("English words …")` (a note or summary printed past `Exit.text`/`Exit.report`);
/// - `error(path, "text")` / `warning(path, "text")` on one line (the criteria decoder's
///   `String` forms are gone, so a multi-line one does not compile).
/// A line may opt out with a trailing `// one language: REASON` (text that is not a
/// sentence, e.g. a value, or a library's own text); the reason is required.
@Suite struct UntranslatedMessageScanTests {
  /// The repository's `Sources` folder, from this file's path.
  static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources")

  /// A string literal holding a word of two or more ASCII letters.
  static let wordy = #""[^"]*[A-Za-z]{2,}[^"]*""#

  static let patterns: [(name: String, regex: String)] = [
    ("Message(\"…\")", #"Message\(\s*"# + wordy),
    ("Diagnostic(…, message: \"…\")", #"Diagnostic\(.*message:\s*"# + wordy),
    ("ValidationError(\"…\")", #"ValidationError\(\s*"# + wordy),
    ("SpecDecoder error/warning with a String", #"\b(error|warning)\([^()]*,\s*"# + wordy + #"\s*\)"#),
    ("print(\"English words\")", #"print\(\s*"[^"]*[A-Za-z]{2,} [A-Za-z]{2,}"#),
  ]

  /// `(file, line number, pattern name, text)` of every line matching a pattern.
  static func findings(in text: String, file: String) -> [String] {
    var out: [String] = []
    for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let l = String(line)
      let trimmed = l.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("//") || l.range(of: #"// one language: \S"#, options: .regularExpression) != nil { continue }
      for p in patterns where l.range(of: p.regex, options: .regularExpression) != nil {
        out.append("\(file):\(i + 1): \(p.name): \(trimmed)")
      }
    }
    return out
  }

  @Test func noMessageIsInOneLanguageOnly() throws {
    let files = try #require(FileManager.default.enumerator(atPath: Self.sources.path)).compactMap { $0 as? String }
      .filter { $0.hasSuffix(".swift") }.sorted()
    #expect(files.count > 100, "the scan must see the sources (found \(files.count) files under \(Self.sources.path))")
    var found: [String] = []
    for f in files {
      let text = try String(contentsOf: Self.sources.appendingPathComponent(f), encoding: .utf8)
      found += Self.findings(in: text, file: f)
    }
    #expect(found.isEmpty, "messages in one language only:\n\(found.joined(separator: "\n"))")
  }

  /// The scan finds each form it names (so it cannot pass by matching nothing).
  @Test func theScanFindsEachForm() {
    let samples = [
      #"    return Message("cannot read the file")"#,
      #"    log.append(Diagnostic(file: f, line: 1, message: "bad value"))"#,
      #"    throw ValidationError("--rows must be at least 1")"#,
      #"      error(p, "expected a table")"#,
      #"    print("exemplar: note: no Chromium found", to: &err)"#,
    ]
    for s in samples { #expect(Self.findings(in: s, file: "x.swift").count == 1, "\(s)") }
    let fine = [
      #"    return Message(zh: "无法读取文件", en: "cannot read the file")"#,
      #"    let m = Message("")"#,
      #"    Message("\(name)") // one language: a quoted name"#,
      #"    // Message("an example in a comment")"#,
      #"      print("id,year,programme")"#,
    ]
    for s in fine { #expect(Self.findings(in: s, file: "x.swift").isEmpty, "\(s)") }
  }
}
