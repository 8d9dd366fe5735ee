import ArgumentParser
import Foundation
import Ledger
import Model
import Reports

/// `exemplar compare YEAR_A YEAR_B --ledger FILE`: two years of the ledger side by side.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: Exit.text(
      Message(
        zh: "比较台账中的两个年度：各终稿名单新入选和落选的企业、排名变化最大的企业、星级的升降。",
        en: "Two years of the ledger: who entered and left each final list, the largest rank moves, stars gained and lost.")),
    discussion: Exit.text(
      Message(
        zh: "每个年度取其终稿运行（尚未定稿时取最近一次运行，并标为草稿）。--out DIR 写出 compare.html（含历年排名图）和 compare.json。",
        en: """
          Each year is its final run (or, before the final, its latest run, marked as a draft).
          --out DIR writes compare.html (with a rank-over-years chart) and compare.json.
          """)))

  @Argument(help: .text(zh: "较早的年度。", en: "The earlier year."))
  var yearA: Int

  @Argument(help: .text(zh: "较晚的年度。", en: "The later year."))
  var yearB: Int

  @OptionGroup var file: LedgerFileOptions

  @Option(help: .text(zh: "排名变化最大的企业列出几家。", en: "How many of the largest rank movers to list."))
  var movers: Int = 20

  @Option(
    help: .text(
      zh: "同时把 compare.html 和 compare.json 写入此文件夹（全部写完后一次性创建或替换）。",
      en: "Also write compare.html and compare.json into this folder (created or replaced atomically)."))
  var out: String?

  @Flag(help: .text(zh: "在标准输出打印供程序读取的 JSON。", en: "Machine-readable JSON on stdout."))
  var json = false

  func validate() throws {
    guard movers >= 0 else { throw UsageError.text(zh: "--movers 必须 ≥ 0", en: "--movers must be ≥ 0") }
  }

  func run() throws {
    if let out { try OutputFolder.checkTarget(out, inputs: [file.ledger]) }
    let ledger = try Ledger.open(path: file.ledger, create: false)
    let years = try ledger.yearRuns()
    func snapshot(_ y: Int) throws -> RunSnapshot {
      guard let s = try ledger.snapshot(year: y) else {
        let recorded = years.map { String($0.year) }.joined(separator: ", ")
        throw StageFailure(.data, Diagnostic(file: file.ledger, line: 0, message: Message(zh: "台账中没有 \(y) 年的运行（已记录的年度：\(recorded.isEmpty ? "无" : recorded)）", en: "no run of \(y) in the ledger (years recorded: \(recorded.isEmpty ? "none" : recorded))")))
      }
      return s
    }
    let a = try snapshot(yearA)
    let b = try snapshot(yearB)
    let report = try YearComparison.make(a, b, ledger: ledger, years: years, movers: movers, english: file.english)
    let jsonText = YearComparison.json(report)
    if let out { try report.write(to: out, json: jsonText) }
    print(json ? jsonText : Diagnostic.terminalSafeLines(report.text))
  }
}
