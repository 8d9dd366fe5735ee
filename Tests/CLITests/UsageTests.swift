import Foundation
import Testing

@Suite struct UsageTests {
  @Test func helpListsEveryCommand() throws {
    let r = try CLI.run(["--help"])
    #expect(r.status == 0)
    for command in ["validate", "run", "explain", "weights", "sensitivity", "diff", "generate", "ledger", "history", "compare", "tune"] {
      #expect(r.stdout.contains(command), "help does not mention \(command)")
    }
  }

  @Test func missingOptionIsAUsageError() throws {
    let r = try CLI.run(["validate", "samples/metrics-2022.csv"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--criteria"))
  }

  /// docs/cli.md lists every option of every command: it holds the usage line `--help`
  /// prints, and every option `--help` names (read in English: `USAGE:`; the Chinese help
  /// names the same options, `HelpLanguageTests`).
  @Test(arguments: [
    "validate", "run", "explain", "weights", "sensitivity", "diff", "generate", "ledger list", "ledger final", "ledger history", "history", "compare", "tune", "letter",
  ])
  func cliPageListsEveryOption(command: String) throws {
    let page = try String(contentsOf: CLI.root.appendingPathComponent("docs/cli.md"), encoding: .utf8)
    let r = try CLI.run(command.split(separator: " ").map(String.init) + ["--help", "--lang", "en"])
    #expect(r.status == 0)
    let usage = r.stdout.split(separator: "\n").first { $0.hasPrefix("USAGE: ") }.map { String($0.dropFirst(7)) }
    let line = try #require(usage, "no USAGE line in \(command) --help")
    #expect(page.contains(line), "docs/cli.md lacks the usage line: \(line)")
    let options = Set(r.stdout.matches(of: /--[a-z][a-z-]*/).map { String($0.output) })
    #expect(options.contains("--version"))
    for option in options.subtracting(["--version", "--help"]) {
      #expect(page.contains("`\(option)"), "docs/cli.md does not list \(command) \(option)")
    }
  }

  @Test func unknownCommandIsAUsageError() throws {
    let r = try CLI.run(["rank-everything"])
    #expect(r.status == 64)
  }
}
