import ArgumentParser
import Criteria
import Foundation
import Model
import Reports
import Scoring
import Selection

struct Letter: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "letter",
    abstract: Exit.text(
      Message(
        zh: "为每家企业生成一份 A4 通知书：说明其得分、排名、星级和各推荐项目结果从何而来。",
        en: "One A4 letter per enterprise: why it has its score, rank, stars and programme decisions.")),
    discussion: Exit.text(
      Message(
        zh: "加 --id 时：在 DIR 中写出该企业的通知书 ID.html，以及（已安装 Chromium 时）ID.pdf。不加 --id 时：在 DIR 中写出每家企业的通知书（HTML）。每份通知书列出得分、排名和星级，各项指标的数值、位次和得分，优势与不足，距下一星级的差距，以及各推荐项目的结果和理由。使用与 run 相同的评选过程文件（--history、--screen、--reviews、--recusals、--decisions）。DIR 与 run 的输出文件夹一样一次性写出。",
        en: """
          With --id: that enterprise's letter, ID.html and (when Chromium is installed) ID.pdf in
          DIR. Without --id: every enterprise's letter (HTML) in DIR. Each letter gives the score,
          rank and stars, each criterion's value, standing and points, strengths and weaknesses,
          the gap to the next star, and each programme's decision with its reason. Takes the
          same procedure files as run (--history, --screen, --reviews, --recusals, --decisions).
          DIR is written atomically, as run writes its folder.
          """)))

  @OptionGroup var input: InputOptions
  @OptionGroup var output: OutputOptions

  @Option(
    help: .text(
      zh: "企业的统一社会信用代码（不区分大小写，忽略空格）；不指定时为每家企业各写一份。",
      en: "The enterprise's id (unified social credit code; case and spaces ignored); without it, every enterprise."))
  var id: String?

  @Option(help: .text(zh: "输出文件夹（全部写完后一次性创建或替换）。", en: "The output folder (created or replaced atomically)."))
  var out: String

  @Flag(name: .customLong("no-pdf"), help: .text(zh: "不生成 --id 所指企业通知书的 PDF。", en: "Skip the PDF of the letter given with --id."))
  var noPDF = false

  func run() throws {
    try OutputFolder.checkTarget(out, inputs: input.paths)
    let a = try Pipeline(input: input).analyse()
    let rows: [Int]
    if let id {
      guard let row = a.row(of: id) else {
        throw StageFailure(.data, Diagnostic(file: input.metrics, line: 0, message: Message(zh: "没有代码为 \(id) 的企业", en: "no enterprise with id \(id)")))
      }
      rows = [row]
    } else {
      // Ranked enterprises in rank order, then the others in file order.
      let ranked = Set(a.evaluation.order)
      rows = a.evaluation.order + (0..<a.table.rowCount).filter { !ranked.contains($0) }
    }
    var options = ReportOptions(english: output.lang == .en, excel: false, html: true, version: Exemplar.version)
    if id != nil, !noPDF {
      options.pdfBrowser = Exit.chromium(missing: Message(zh: "未写出 PDF", en: "no PDF written"))
    }
    let manifest = Manifest(
      version: Exemplar.version, metricsFile: input.metrics, metricsSHA256: "", criteriaFile: input.criteria, criteriaSHA256: "",
      seed: nil, rows: a.table.rowCount, time: options.now)
    let documents = DocumentFacts.gather(
      table: a.table, spec: a.spec, evaluation: a.evaluation, decision: a.decision, extra: rows, english: options.english)
    let report = RunReport(
      spec: a.spec, evaluation: a.evaluation, decision: a.decision, manifest: manifest, options: options, documents: documents)
    try LetterReport.write(report, rows: rows, to: out, inputs: input.paths)
    if output.json {
      var j = JSONText()
      j.beginObject()
      j.field("out", out)
      j.field("letters", rows.count)
      j.endObject()
      print(j.text)
    } else {
      var err = StandardError()
      let done = Message(
        zh: "exemplar: \(rows.count) 封通知书；已写出 \(out)", en: "exemplar: \(rows.count) letter\(rows.count == 1 ? "" : "s"); wrote \(out)")
      print(Exit.text(done), to: &err)
    }
  }
}
