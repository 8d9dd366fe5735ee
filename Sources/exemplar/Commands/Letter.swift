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
    abstract: "One A4 letter per enterprise: why it has its score, rank, stars and programme decisions.",
    discussion: """
      With --id: that enterprise's letter, ID.html and (when Chromium is installed) ID.pdf in
      DIR. Without --id: every enterprise's letter (HTML) in DIR. Each letter gives the score,
      rank and stars, each criterion's value, standing and points, strengths and weaknesses,
      the gap to the next star, and each programme's decision with its reason. Takes the
      same procedure files as run (--history, --screen, --reviews, --recusals, --decisions).
      DIR is written atomically, as run writes its folder.
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var output: OutputOptions

  @Option(help: "The enterprise's id (unified social credit code; case and spaces ignored); without it, every enterprise.")
  var id: String?

  @Option(help: "The output folder (created or replaced atomically).")
  var out: String

  @Flag(name: .customLong("no-pdf"), help: "Skip the PDF of the letter given with --id.")
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
