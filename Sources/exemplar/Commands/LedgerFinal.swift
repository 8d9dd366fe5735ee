import ArgumentParser
import Foundation
import Ledger
import Model
import Reports

/// `exemplar ledger final RUN`.
struct LedgerFinal: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "final",
    abstract: Exit.text(
      Message(
        zh: "将某次运行定为该年度的终稿（公示期满后）；终稿此后不能更改或删除。",
        en: "Mark a run as its year's final (after the public notice); a final cannot be changed or deleted afterwards.")))

  @Argument(help: .text(zh: "运行序号（见 `exemplar ledger list`）。", en: "The run number (see `exemplar ledger list`).", valueName: "run"))
  var number: Int

  @OptionGroup var file: LedgerFileOptions

  func run() throws {
    let ledger = try Ledger.open(path: file.ledger, create: false)
    // Named as the run recorded them (what its criteria file says), in the file's order.
    let (year, _, names) = try ledger.markFinal(run: number, at: ISO8601DateFormatter().string(from: Date()))
    print(
      file.english
        ? "run \(number) is the final of \(year) for \(names.joined(separator: ", "))"
        : "第 \(number) 次运行已定为 \(year) 年度终稿：\(names.joined(separator: "、"))")
  }
}
