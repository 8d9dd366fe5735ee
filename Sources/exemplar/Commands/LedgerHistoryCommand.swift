import ArgumentParser
import Foundation
import Ledger
import Model
import Reports

/// `exemplar ledger history`.
struct LedgerHistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: Exit.text(
      Message(
        zh: "把各年度终稿的推荐结果写成传统的 id,year,programme 推荐历史 CSV。",
        en: "The recommendations of every final as the classic id,year,programme history CSV.")))

  @OptionGroup var file: LedgerFileOptions

  @Option(help: .text(zh: "把 CSV 写入此文件（默认：标准输出）。", en: "Write the CSV to this file (default: stdout)."))
  var out: String?

  func run() throws {
    let finals = try Ledger.open(path: file.ledger, create: false).finalHistory()
    let rows = finals.map { (id: $0.id, year: $0.year, programme: $0.programme) }
    if let out {
      try HistoryCSV.write(rows, to: out)
      var err = StandardError()
      print(file.english ? "exemplar: \(rows.count) recommendations written to \(out)" : "exemplar: 已写出 \(rows.count) 条推荐记录至 \(out)", to: &err)
    } else {
      print("id,year,programme")
      for r in rows { print("\(r.id),\(r.year),\(r.programme)") }
    }
  }
}
