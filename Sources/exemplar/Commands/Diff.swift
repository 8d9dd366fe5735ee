import ArgumentParser
import Criteria
import Ingest
import Model
import Reports
import Scoring
import Selection
import Sensitivity

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Who enters and leaves each shortlist, and how ranks and stars move, between two criteria files.",
    discussion: """
      Both criteria files are applied to the same metrics file. Prints per programme who \
      enters and who leaves, the largest rank movers, Spearman and Kendall (tau-b) rank \
      correlation and the stars gained or lost; --json for machine-readable output, \
      --html FILE for a self-contained page.
      """)

  @Argument(help: "The metrics CSV (one row per enterprise).")
  var metrics: String

  @Option(
    help: "Criteria files: --criteria A.toml --criteria B.toml (one with --set: the file against itself changed; more than two, or --variant: each against A).")
  var criteria: [String] = []

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Change one value of the second criteria file (repeatable), e.g. --set groups.efficiency.weight=0.30.",
      valueName: "KEY.PATH=VALUE"))
  var overrides: [String] = []

  @Option(
    name: .customLong("variant"),
    help: ArgumentHelp(
      "Another variant of the first criteria file (repeatable): its --set changes separated by ';', e.g. --variant 'groups.efficiency.weight=0.3;weighting.normalise=true'.",
      valueName: "KEY.PATH=VALUE;…"))
  var variants: [String] = []

  @Option(help: "Encoding of the metrics CSV: utf-8 (default; BOM optional) or gb18030.")
  var encoding: InputEncoding = .utf8

  @Option(help: "Earlier recommendations, a CSV with columns id,year,programme.")
  var history: String?

  @Option(help: "The ledger of years (SQLite): history from the finals of earlier years.")
  var ledger: String?

  @OptionGroup var output: OutputOptions

  @Option(help: "Also write the comparison as a self-contained HTML page to this file.")
  var html: String?

  @Option(help: "How many of the largest rank movers to list.")
  var movers: Int = 20

  func validate() throws {
    guard criteria.count >= 2 || (criteria.count == 1 && (!overrides.isEmpty || !variants.isEmpty)) else {
      throw UsageError.text(
        zh: "diff 需要两个标准文件（--criteria A.toml --criteria B.toml），或一个标准文件加 --set 修改或 --variant，实际为 \(criteria.count) 个",
        en: "diff needs two criteria files (--criteria A.toml --criteria B.toml), or one with --set changes or --variant, got \(criteria.count)")
    }
    for v in variants {
      let parts = Diff.sets(of: v)
      guard !parts.isEmpty else { throw UsageError.text(zh: "--variant '\(v)'：其中没有 KEY.PATH=VALUE", en: "--variant '\(v)': no KEY.PATH=VALUE in it") }
      for text in parts {
        do { _ = try Override.parse(text) } catch {
          throw UsageError.text(
            Message(zh: "--variant '\(v)'：", en: "--variant '\(v)': ")
              + Message.joined(error.diagnostics.diagnostics.map(\.text), separator: Message(zh: "；", en: "; ")))
        }
      }
    }
    guard movers >= 0 else { throw UsageError.text(zh: "--movers 必须 ≥ 0", en: "--movers must be ≥ 0") }
  }

  /// The `--set` changes of a `--variant`: its parts between `;`, trimmed, empty ones dropped.
  static func sets(of variant: String) -> [String] {
    variant.split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
  }

  /// The comparisons against A when there are several variants: every file after the first
  /// (with the --set changes), then every --variant (the first file with its changes).
  var variantSides: [(path: String, sets: [String])] {
    var out: [(path: String, sets: [String])] = criteria.dropFirst().map { ($0, overrides) }
    if criteria.count == 1 && !overrides.isEmpty { out.append((criteria[0], overrides)) }
    for v in variants { out.append((criteria[0], Diff.sets(of: v))) }
    return out
  }

  func analyse(_ path: String, sets: [String]) throws -> Analysis {
    let input = try InputOptions.parse(
      [metrics, "--criteria", path, "--encoding", encoding.rawValue] + (history.map { ["--history", $0] } ?? []) + sets.flatMap { ["--set", $0] })
    return try Pipeline(input: input).analyse()
  }

  func run() throws {
    if variantSides.count > 1 { return try runVariants() }
    // A is the first file as written; B is the last file with the --set changes.
    let files = [criteria[0], criteria[criteria.count - 1]]
    let sides = try files.enumerated().map { side, path -> Analysis in
      let sets = side == 1 ? overrides.flatMap { ["--set", $0] } : []
      let input = try InputOptions.parse(
        [metrics, "--criteria", path, "--encoding", encoding.rawValue] + (history.map { ["--history", $0] } ?? [])
          + (ledger.map { ["--ledger", $0] } ?? []) + sets)
      return try Pipeline(input: input).analyse()
    }
    let (a, b) = (sides[0], sides[1])
    let diff = CriteriaDiff.compare(
      specA: a.spec, a.evaluation, a.decision, specB: b.spec, b.evaluation, b.decision, movers: movers)
    let view = DiffReport(
      diff: diff, specA: a.spec, a.evaluation, specB: b.spec, b.evaluation, files: (files[0], overrides.isEmpty ? files[1] : files[1] + " " + overrides.map { "--set " + $0 }.joined(separator: " ")),
      english: output.lang == .en, limit: movers)
    if let html { try OutputFile.write(to: html) { try $0.write(view.html) } }
    print(output.json ? view.json : Diagnostic.terminalSafeLines(view.text))
  }

  /// Several variants: each against A, printed after a table of counts.
  func runVariants() throws {
    let a = try analyse(criteria[0], sets: [])
    let reports = try variantSides.map { side -> DiffReport in
      let b = try analyse(side.path, sets: side.sets)
      let diff = CriteriaDiff.compare(specA: a.spec, a.evaluation, a.decision, specB: b.spec, b.evaluation, b.decision, movers: movers)
      let label = ([side.path] + side.sets.map { "--set " + $0 }).joined(separator: " ")
      return DiffReport(
        diff: diff, specA: a.spec, a.evaluation, specB: b.spec, b.evaluation, files: (criteria[0], label), english: output.lang == .en,
        limit: movers)
    }
    if let html { try OutputFile.write(to: html) { try $0.write(DiffReport.html(reports, english: output.lang == .en)) } }
    print(output.json ? DiffReport.json(reports) : Diagnostic.terminalSafeLines(DiffReport.text(reports, english: output.lang == .en)))
  }
}
