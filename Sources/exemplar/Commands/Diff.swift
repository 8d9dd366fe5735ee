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
    abstract: Exit.text(
      Message(
        zh: "比较两个评价标准文件：各推荐名单新入选和落选的企业，以及排名和星级的变化。",
        en: "Who enters and leaves each shortlist, and how ranks and stars move, between two criteria files.")),
    discussion: Exit.text(
      Message(
        zh: "两个评价标准文件用于同一指标文件。按推荐项目列出新入选和落选的企业、排名变化最大的企业、Spearman 与 Kendall（tau-b）等级相关系数，以及星级的升降；--json 输出供程序读取的 JSON，--html FILE 另写出一个独立的网页。",
        en: """
          Both criteria files are applied to the same metrics file. Prints per programme who \
          enters and who leaves, the largest rank movers, Spearman and Kendall (tau-b) rank \
          correlation and the stars gained or lost; --json for machine-readable output, \
          --html FILE for a self-contained page.
          """)))

  @Argument(help: .text(zh: "指标文件（CSV，每家企业一行）。", en: "The metrics CSV (one row per enterprise)."))
  var metrics: String

  @Option(
    help: .text(
      zh: "评价标准文件：--criteria A.toml --criteria B.toml（只给一个并加 --set 时，比较该文件与修改后的自身；多于两个或使用 --variant 时，各自与 A 比较）。",
      en: "Criteria files: --criteria A.toml --criteria B.toml (one with --set: the file against itself changed; more than two, or --variant: each against A)."))
  var criteria: [String] = []

  @Option(
    name: .customLong("set"),
    help: .text(
      zh: "修改第二个评价标准文件的一个值（可重复使用），如 --set groups.efficiency.weight=0.30。",
      en: "Change one value of the second criteria file (repeatable), e.g. --set groups.efficiency.weight=0.30.",
      valueName: "KEY.PATH=VALUE"))
  var overrides: [String] = []

  @Option(
    name: .customLong("variant"),
    help: .text(
      zh: "第一个评价标准文件的又一变体（可重复使用）：其各项 --set 修改以 ';' 分隔，如 --variant 'groups.efficiency.weight=0.3;weighting.normalise=true'。",
      en: "Another variant of the first criteria file (repeatable): its --set changes separated by ';', e.g. --variant 'groups.efficiency.weight=0.3;weighting.normalise=true'.",
      valueName: "KEY.PATH=VALUE;…"))
  var variants: [String] = []

  @Option(help: .text(zh: "指标文件的编码：utf-8（可带 BOM）或 gb18030。", en: "Encoding of the metrics CSV: utf-8 (default; BOM optional) or gb18030."))
  var encoding: InputEncoding = .utf8

  @Option(help: .text(zh: "往年推荐记录：CSV 文件，列为 id,year,programme。", en: "Earlier recommendations, a CSV with columns id,year,programme."))
  var history: String?

  @Option(help: .text(zh: "历年台账（SQLite）：往年终稿作为推荐历史。", en: "The ledger of years (SQLite): history from the finals of earlier years."))
  var ledger: String?

  @OptionGroup var output: OutputOptions

  @Option(help: .text(zh: "同时把比较结果写成独立的 HTML 网页，存入此文件。", en: "Also write the comparison as a self-contained HTML page to this file."))
  var html: String?

  @Option(help: .text(zh: "排名变化最大的企业列出几家。", en: "How many of the largest rank movers to list."))
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
