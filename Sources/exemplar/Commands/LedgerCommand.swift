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
