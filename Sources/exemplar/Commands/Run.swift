import ArgumentParser
import Criteria
import Ledger
import Foundation
import Model
import Reports
import Scoring
import Selection
import Sensitivity

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: Exit.text(
      Message(
        zh: "年度评选：读取数据、评分、排名、评定星级、生成推荐名单、核定奖励；一次性写出 DIR。",
        en: "The annual run: ingest, score, rank, stars, shortlists, rewards; writes DIR atomically.")),
    discussion: Exit.text(
      Message(
        zh: "在 DIR 中写出 results.json、ranking.csv、shortlists/PROGRAMME.csv、recommendations.xlsx 和 report.html。所有文件写完之前，DIR 中什么也看不到；已有的 DIR 只在运行成功时才被替换。",
        en: """
          Writes results.json, ranking.csv, shortlists/PROGRAMME.csv, recommendations.xlsx and \
          report.html into DIR. Nothing is visible in DIR until every file is complete; an \
          existing DIR is replaced only when the run succeeds.
          """)))

  @OptionGroup var input: InputOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var csvOutput: CSVOutputOptions

  @Option(help: .text(zh: "输出文件夹（全部写完后一次性创建或替换）。", en: "The output folder (created or replaced atomically)."))
  var out: String

  @Option(help: .text(zh: "记入清单（manifest）的随机种子（年度评选本身不使用随机数）。", en: "Seed recorded in the manifest (the annual run itself draws no random numbers)."))
  var seed: UInt64 = 0

  @Flag(name: .customLong("no-excel"), help: .text(zh: "不生成 recommendations.xlsx。", en: "Skip recommendations.xlsx."))
  var noExcel = false

  @Flag(name: .customLong("no-html"), help: .text(zh: "不生成 report.html。", en: "Skip report.html."))
  var noHTML = false

  @Flag(
    name: .customLong("no-pdf"),
    help: .text(
      zh: "不生成 report.pdf（已安装 Chromium 时由它打印）。",
      en: "Skip report.pdf (printed with Chromium when it is installed)."))
  var noPDF = false

  @Option(
    help: .text(
      zh: "逐家企业结果的存放形式：objects（results.json 的 ranking，每家企业一个对象）、columnar（表格 enterprises.csv，由 results.json 注明）或 arrow（同一表格存为 Arrow IPC 文件 enterprises.arrow）。",
      en: "The per-enterprise layout: objects (results.json's ranking, one object per enterprise), columnar (enterprises.csv, a table; results.json names it) or arrow (the same table as enterprises.arrow, an Arrow IPC file).",
      valueName: "objects|columnar|arrow"))
  var layout: RankingLayout = .objects

  @Flag(
    name: .customLong("no-stability"),
    help: .text(
      zh: "report.html 中不列权重稳定区间（仅在加权求和汇总且企业不超过 \(Run.stabilityRowLimit) 家时计算）。",
      en: "Skip the weight-stability intervals in report.html (computed for weighted-sum aggregation up to \(Run.stabilityRowLimit) enterprises)."))
  var noStability = false

  @Flag(
    name: .customLong("excel-text-ids"),
    help: .text(
      zh: "把 ranking.csv 和 shortlists/*.csv 中的代码单元格写成 =\"ID\"，使 Excel 把全为数字的信用代码保留为文本（而不是 9.13E+17）；此设置记入 results.json。",
      en: "Write the id cells of ranking.csv and shortlists/*.csv as =\"ID\", so Excel keeps all-digit credit codes as text (not 9.13E+17); recorded in results.json."))
  var excelTextIDs = false

  /// Above this many enterprises the stability section is left out of report.html
  /// (`exemplar weights --stability` computes it at any size).
  static let stabilityRowLimit = 20_000

  func run() throws {
    try OutputFolder.checkTarget(out, inputs: input.paths + (input.ledger.map { [$0] } ?? []))
    if let path = input.ledger { try Ledger.checkCreatable(path) }
    let (report, extra) = try prepareRun()
    try report.write(to: out, inputs: input.paths)
    // The ledger records the run only once its output folder is complete.
    var summary = RunSummary(report: report, out: out, warnings: Exit.warningsReported)
    let start = DispatchTime.now().uptimeNanoseconds
    if let path = input.ledger {
      let ledger = try Ledger.open(path: path, create: true)
      let record = LedgerRecording.record(report, extra: extra, out: out)
      summary.ledgerRun = try ledger.record(record, beforeCommit: LedgerRecording.testPause)
      summary.ledgerSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
    if output.json {
      print(summary.json)
    } else {
      var err = StandardError()
      print(Diagnostic.terminalSafe(summary.text(Exit.language)), to: &err)
      // The run number on stdout (the summary above is on stderr): `ledger final RUN` takes it.
      if let recorded = summary.ledgerRun, let path = input.ledger {
        let zh = Exit.language == .zh
        print(zh ? "exemplar：已记入台账 \(path)：第 \(recorded) 次运行" : "exemplar: recorded in \(path) as run \(recorded)")
      }
    }
  }

  /// `prepare()` and what the ledger records beside the report: each row's line in the
  /// metrics file and the criteria file's text.
  func prepareRun() throws -> (RunReport, LedgerRecording.Extra) {
    var extra = LedgerRecording.Extra()
    let report = try prepare(extra: &extra)
    return (report, extra)
  }

  func prepare() throws -> RunReport {
    var extra = LedgerRecording.Extra()
    return try prepare(extra: &extra)
  }

  /// Runs the analysis and keeps what the writers need. The table (every metric column, the
  /// line numbers) is released when this returns, before the outputs are written: at 1M rows
  /// that is most of the ingest's memory. The writers read ids and labels from the
  /// evaluation, which shares the table's packed id and label columns.
  func prepare(extra: inout LedgerRecording.Extra) throws -> RunReport {
    // Every input's SHA-256 comes from the bytes parsed (`InputDigests`).
    let digests = InputDigests(metrics: input.metrics)
    let analysis = try Pipeline(input: input, ledgerMayBeNew: true).analyse(digests: digests)
    if input.ledger != nil { extra = LedgerRecording.Extra(table: analysis.table, spec: analysis.spec, criteriaText: digests.criteriaText) }
    let metricsSHA256 = try digests.metricsSHA256()
    let criteriaSHA256 = digests.criteriaSHA256
    let files = input.files
    var sha = [metricsSHA256, criteriaSHA256]
    for f in files.dropFirst(2) { sha.append(try digests.parsedSHA256(f.path) ?? Manifest.sha256(ofFile: f.path)) }
    var manifest = Manifest(
      version: Exemplar.version, metricsFile: input.metrics, metricsSHA256: metricsSHA256,
      criteriaFile: input.criteria, criteriaSHA256: criteriaSHA256, seed: seed == 0 ? nil : seed,
      rows: analysis.table.rowCount, time: Date())
    if files.count > 2 || input.ledger != nil {
      manifest.inputs = zip(files, sha).map { Manifest.InputFile(role: $0.role, file: $0.path, sha256: $1) }
    }
    if let ledger = input.ledger {
      // The ledger changes with every run: its entry fingerprints the history the run used.
      manifest.inputs.append(Manifest.InputFile(role: "ledger", file: ledger, sha256: LedgerRecording.historyDigest(analysis.history)))
    }
    manifest.criteriaOverrides = analysis.spec.overrides
    var options = ReportOptions(
      english: output.lang == .en, outputEncoding: csvOutput.outputEncoding == .gb18030 ? .gb18030 : .utf8,
      excel: !noExcel, html: !noHTML, now: manifest.time, version: Exemplar.version, seed: seed == 0 ? nil : seed)
    if !noHTML, !noPDF {
      options.pdfBrowser = Exit.chromium(missing: Message(zh: "未写出 report.pdf", en: "report.pdf not written"))
    }
    options.layout = layout
    options.excelTextIDs = excelTextIDs
    options.policyWarnings = RewardPolicy.policy2022.warnings(for: analysis.spec)
    if !noHTML, !noStability, analysis.table.rowCount <= Run.stabilityRowLimit {
      options.stability = try stabilityRows(analysis)
    }
    let documents =
      noExcel && noHTML
      ? nil
      : DocumentFacts.gather(
        table: analysis.table, spec: analysis.spec, evaluation: analysis.evaluation, decision: analysis.decision,
        english: options.english)
    var report = RunReport(
      spec: analysis.spec, evaluation: analysis.evaluation, decision: analysis.decision, manifest: manifest,
      options: options, documents: documents)
    report.reReview = ReReview.findings(spec: analysis.spec, evaluation: analysis.evaluation, history: analysis.history)
    return report
  }
}

/// The weight-stability intervals of every programme, for report.html (weighted sum only).
func stabilityRows(_ a: Analysis) throws -> [WeightStabilityRow] {
  guard case .weightedSum = a.spec.aggregation.method, !a.spec.programmes.isEmpty else { return [] }
  do {
    let model = try SensitivityModel(evaluation: a.evaluation, table: a.table, spec: a.spec, history: a.history, committee: a.committee)
    return try StabilityIntervals.compute(model).flatMap { p in
      p.intervals.map {
        WeightStabilityRow(
          programme: p.key, criterion: $0.criterion, isGroup: $0.isGroup, weight: $0.nominalWeight,
          finalWeight: $0.finalWeight, low: $0.low, high: $0.high, exact: $0.exact)
      }
    }
  } catch {
    var err = StandardError()
    let detail = Exit.text(error.message)
    let warning = Message(
      zh: "exemplar: 警告：report.html 中略去了权重稳定区间：\(detail)", en: "exemplar: warning: weight-stability intervals left out of report.html: \(detail)")
    print(Exit.text(warning), to: &err)
    return []
  }
}


/// `run --layout`: how the per-enterprise values are written (docs/outputs.md).
extension RankingLayout: ExpressibleByArgument {}
