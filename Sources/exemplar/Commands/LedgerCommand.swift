import ArgumentParser
import Foundation
import Ledger
import Model
import Reports

/// `exemplar ledger …`: the ledger of years (docs/ledger.md): its runs, finals and the
/// history they make.
struct LedgerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ledger",
    abstract: "The ledger of years (SQLite): list the runs, mark a run final, write the history CSV.",
    subcommands: [LedgerList.self, LedgerFinal.self, LedgerHistoryCommand.self])
}

/// The ledger file option of the `ledger`, `history` and `compare` commands.
struct LedgerFileOptions: ParsableArguments {
  @Option(help: "The ledger file (SQLite), as `run --ledger` wrote it.")
  var ledger: String

  @Option(help: "Labels: zh (default) or en.")
  var lang: Language = .zh

  var english: Bool { lang == .en }
}

struct LedgerList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "The recorded runs: number, year, time, criteria, enterprises, finals.")

  @OptionGroup var file: LedgerFileOptions

  @Flag(help: "Machine-readable JSON on stdout.")
  var json = false

  func run() throws {
    let runs = try Ledger.open(path: file.ledger, create: false).runs()
    if json {
      var j = JSONText()
      j.beginArray()
      for r in runs {
        j.beginObject()
        j.field("run", r.run)
        j.field("year", r.year)
        j.field("recorded_at", r.recordedAt)
        j.field("criteria", r.criteriaName)
        j.field("out", r.out)
        j.field("enterprises", r.enterprises)
        j.field("ranked", r.ranked)
        j.field("finals", strings: r.finals)
        j.endObject()
      }
      j.endArray()
      print(j.text)
      return
    }
    let e = file.english
    print(e ? "run  year  recorded at           enterprises  ranked  final for" : "运行  年度  记录时间              企业数  参与排名  定稿项目")
    for r in runs {
      let finals = r.finals.isEmpty ? "—" : r.finals.joined(separator: ", ")
      print("\(pad(r.run, 4))  \(r.year)  \(r.recordedAt)  \(pad(r.enterprises, 11))  \(pad(r.ranked, 6))  \(finals)")
    }
    if runs.isEmpty { print(e ? "(no runs)" : "（无运行记录）") }
  }
}

/// Right-aligned number text.
func pad(_ n: Int, _ width: Int) -> String {
  let s = String(n)
  return String(repeating: " ", count: max(0, width - s.count)) + s
}

struct LedgerFinal: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "final",
    abstract: "Mark a run as its year's final (after the public notice); a final cannot be changed or deleted afterwards.")

  @Argument(help: ArgumentHelp("The run number (see `exemplar ledger list`).", valueName: "run"))
  var number: Int

  @OptionGroup var file: LedgerFileOptions

  func run() throws {
    let ledger = try Ledger.open(path: file.ledger, create: false)
    let (year, programmes) = try ledger.markFinal(run: number, at: ISO8601DateFormatter().string(from: Date()))
    print(
      file.english
        ? "run \(number) is the final of \(year) for \(programmes.joined(separator: ", "))"
        : "第 \(number) 次运行已定为 \(year) 年度终稿：\(programmes.joined(separator: "、"))")
  }
}

struct LedgerHistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "The recommendations of every final as the classic id,year,programme history CSV.")

  @OptionGroup var file: LedgerFileOptions

  @Option(help: "Write the CSV to this file (default: stdout).")
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
