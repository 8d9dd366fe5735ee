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
    abstract: Exit.text(
      Message(
        zh: "历年台账（SQLite）：列出各次运行，将某次运行定为终稿，写出推荐历史 CSV。",
        en: "The ledger of years (SQLite): list the runs, mark a run final, write the history CSV.")),
    subcommands: [LedgerList.self, LedgerFinal.self, LedgerHistoryCommand.self])
}

/// The ledger file option of the `ledger`, `history` and `compare` commands.
struct LedgerFileOptions: ParsableArguments {
  @Option(help: .text(zh: "台账文件（SQLite），即 `run --ledger` 写入的文件。", en: "The ledger file (SQLite), as `run --ledger` wrote it."))
  var ledger: String

  @Option(help: .text(zh: "标签的语言：zh（中文）或 en（英文）。", en: "Labels: zh (default) or en."))
  var lang: Language = .zh

  var english: Bool { lang == .en }
}
