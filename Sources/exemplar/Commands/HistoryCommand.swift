import ArgumentParser
import Criteria
import Foundation
import Ledger
import Model
import Reports

/// `exemplar history ID --ledger FILE`: one enterprise over the years of the ledger.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: Exit.text(
      Message(
        zh: "一家企业的历年情况：得分、排名、星级、分组得分、各推荐项目的状态和理由，以及读入的各项指标。",
        en: "One enterprise over the years: score, rank, stars, group scores, each programme's status and reason, its metrics as read.")),
    discussion: Exit.text(
      Message(
        zh: "每个年度取其终稿运行（尚未定稿时取最近一次运行，并标为草稿）。",
        en: "Each year is its final run (or, before the final, its latest run, marked as a draft).")))

  @Argument(help: .text(zh: "企业的统一社会信用代码（不区分大小写，忽略空格）。", en: "The enterprise's id (unified social credit code; case and spaces ignored)."))
  var id: String

  @OptionGroup var file: LedgerFileOptions

  @Flag(help: .text(zh: "在标准输出打印供程序读取的 JSON。", en: "Machine-readable JSON on stdout."))
  var json = false

  func run() throws {
    let raw = id.trimmingWhitespace()
    let canonical = (try? USCC.canonical(raw).get()) ?? raw.uppercased()
    let ledger = try Ledger.open(path: file.ledger, create: false)
    let years = try ledger.enterpriseHistory(id: canonical)
    guard !years.isEmpty else {
      throw StageFailure(.data, Diagnostic(file: file.ledger, line: 0, message: Message(zh: "台账的各次运行中均无企业 \(canonical)", en: "no enterprise \(canonical) in any run of the ledger")))
    }
    let rows = years.map { y in
      EnterpriseHistoryReport.Year(
        year: y.year.year, run: y.year.run, final: y.year.isFinal, name: y.name, score: y.score, rank: y.rank, ranked: y.ranked,
        stars: y.stars, unranked: y.unrankedReason, groups: y.groups,
        statuses: y.statuses.map {
          .init(
            programme: $0.programme, name: $0.name, computed: $0.computed, final: $0.final, position: $0.position,
            reason: file.english ? $0.reasonEN : $0.reasonZH)
        },
        metrics: y.metrics.map { .init(key: $0.key, header: $0.header, type: $0.type, value: $0.value) })
    }
    let report = EnterpriseHistoryReport(id: canonical, years: rows, english: file.english, groupLabels: try groupLabels(ledger, runs: years.map(\.year.run)))
    print(json ? report.json : Diagnostic.terminalSafeLines(report.text))
  }

  /// The groups' labels of the criteria recorded with `runs` (a later run's label wins); a
  /// run whose criteria text is missing or no longer loads adds none.
  private func groupLabels(_ ledger: Ledger, runs: [Int]) throws -> [String: String] {
    var labels: [String: String] = [:]
    var parsed = Set<String>()  // years usually share one criteria text: load each text once
    for run in runs {
      guard let text = try ledger.criteriaText(run: run), parsed.insert(text).inserted,
        case .success(let spec) = CriteriaLoader.load(bytes: Array(text.utf8), source: "run \(run)")
      else { continue }
      for g in spec.groups { labels[g.key] = g.label }
    }
    return labels
  }
}
