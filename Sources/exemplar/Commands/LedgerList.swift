import ArgumentParser
import Foundation
import Ledger
import Model
import Reports

/// `exemplar ledger list`.
struct LedgerList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: Exit.text(
      Message(
        zh: "已记录的各次运行：序号、年度、时间、评价标准、企业数、终稿。",
        en: "The recorded runs: number, year, time, criteria, enterprises, finals.")))

  @OptionGroup var file: LedgerFileOptions

  @Flag(help: .text(zh: "在标准输出打印供程序读取的 JSON。", en: "Machine-readable JSON on stdout."))
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
        j.field("final_programmes", objects: r.finalProgrammes) { j, p in
          j.field("programme", p.key)
          j.field("name", p.name)
        }
        j.endObject()
      }
      j.endArray()
      print(j.text)
      return
    }
    let e = file.english
    print(e ? "run  year  Beijing time      enterprises  ranked  final for" : "运行  年度  记录时间（北京）  企业数  参与排名  定稿项目")
    for r in runs {
      // The names the run recorded (what the criteria file says), in its order.
      let names = r.finalProgrammes.map(\.name)
      let finals = names.isEmpty ? "—" : names.joined(separator: e ? ", " : "、")
      print("\(pad(r.run, 4))  \(r.year)  \(beijingMinute(iso8601: r.recordedAt))  \(pad(r.enterprises, 11))  \(pad(r.ranked, 6))  \(finals)")
    }
    if runs.isEmpty { print(e ? "(no runs)" : "（无运行记录）") }
  }
}

/// Right-aligned number text.
func pad(_ n: Int, _ width: Int) -> String {
  let s = String(n)
  return String(repeating: " ", count: max(0, width - s.count)) + s
}
