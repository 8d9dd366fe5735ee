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
      Both criteria files are applied to the same metrics file. Prints per programme who
      enters and who leaves, the largest rank movers, Spearman and Kendall (tau-b) rank
      correlation and the stars gained or lost; --json for machine-readable output,
      --html FILE for a self-contained page.
      """)

  @Argument(help: "The metrics CSV (one row per enterprise).")
  var metrics: String

  @Option(help: "Two criteria files: --criteria A.toml --criteria B.toml.")
  var criteria: [String] = []

  @Option(help: "Encoding of the metrics CSV: utf-8 (default; BOM optional) or gb18030.")
  var encoding: InputEncoding = .utf8

  @Option(help: "Earlier recommendations, a CSV with columns id,year,programme.")
  var history: String?

  @OptionGroup var output: OutputOptions

  @Option(help: "Also write the comparison as a self-contained HTML page to this file.")
  var html: String?

  @Option(help: "How many of the largest rank movers to list.")
  var movers: Int = 20

  func validate() throws {
    guard criteria.count == 2 else {
      throw ValidationError("diff needs exactly two criteria files (--criteria A.toml --criteria B.toml), got \(criteria.count)")
    }
    guard movers >= 0 else { throw ValidationError("--movers must be ≥ 0") }
  }

  func run() throws {
    let sides = try criteria.map { path -> Analysis in
      let input = try InputOptions.parse([metrics, "--criteria", path, "--encoding", encoding.rawValue] + (history.map { ["--history", $0] } ?? []))
      return try Pipeline(input: input).analyse()
    }
    let (a, b) = (sides[0], sides[1])
    let diff = CriteriaDiff.compare(
      specA: a.spec, a.evaluation, a.decision, specB: b.spec, b.evaluation, b.decision, movers: movers)
    let view = DiffReport(
      diff: diff, specA: a.spec, a.evaluation, specB: b.spec, b.evaluation, files: (criteria[0], criteria[1]),
      english: output.lang == .en, limit: movers)
    if let html { try OutputFile.write(to: html) { try $0.write(view.html) } }
    print(output.json ? view.json : Diagnostic.terminalSafeLines(view.text))
  }
}
