import ArgumentParser
import Criteria
import Ingest
import Model

extension InputEncoding: ExpressibleByArgument {
  /// `utf-8`, `gb18030`, and `gbk` (or `gb2312`, `cp936`) for GB18030, its superset.
  public init?(argument: String) { self.init(name: argument) }
}

/// The language of labels and messages (`Model.Language`: zh or en).
extension Language: ExpressibleByArgument {}

/// Encoding of CSV outputs.
enum OutputEncoding: String, ExpressibleByArgument, CaseIterable {
  case utf8 = "utf-8"
  case gb18030
}

/// The metrics file and criteria file every analysing command takes.
struct InputOptions: ParsableArguments {
  @Argument(help: "The metrics CSV (one row per enterprise).")
  var metrics: String

  @Option(help: "The criteria file (TOML).")
  var criteria: String

  @Option(
    help: "Encoding of the metrics CSV: utf-8 (BOM optional) or gb18030 (also called gbk). Without it: UTF-8, or GB18030 (with a note) when the file is not UTF-8 and has no BOM.")
  var encoding: InputEncoding?

  @Option(help: "Earlier recommendations, a CSV with columns id,year,programme.")
  var history: String?

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Change one value of the criteria file for this run, e.g. --set groups.efficiency.weight=0.30 (repeatable).",
      valueName: "KEY.PATH=VALUE"))
  var overrides: [String] = []

  @Option(
    name: .customLong("screen"),
    help: "A screening list (repeatable): CSV id,reason[,source,date]; these enterprises are screened out before scoring.")
  var screen: [String] = []

  @Option(help: "Expert review scores: CSV id,reviewer,score[,criterion] (aggregated as [reviews] says).")
  var reviews: String?

  @Option(help: "Reviewer recusals: CSV reviewer,id (those scores are dropped).")
  var recusals: String?

  @Option(help: "Committee decisions: CSV id,programme,action,reason,decided_by,date (action veto, withdraw or add; programme may be *).")
  var decisions: String?

  @Option(help: "The ledger of years (SQLite): history from the finals of earlier years; run records the run in it.")
  var ledger: String?

  /// Every input file with its role, in the manifest's order.
  var files: [(role: String, path: String)] {
    var out: [(role: String, path: String)] = [("metrics", metrics), ("criteria", criteria)]
    if let history { out.append(("history", history)) }
    for s in screen { out.append(("screen", s)) }
    if let reviews { out.append(("reviews", reviews)) }
    if let recusals { out.append(("recusals", recusals)) }
    if let decisions { out.append(("decisions", decisions)) }
    return out
  }

  func validate() throws {
    for text in overrides {
      do { _ = try Override.parse(text) } catch {
        throw UsageError.text(Message.joined(error.diagnostics.diagnostics.map(\.text), separator: Message(zh: "；", en: "; ")))
      }
    }
  }

  /// How the CSV inputs are read: the named encoding, or detection when none is named.
  var ingestOptions: IngestOptions {
    var options = IngestOptions(encoding: encoding ?? .utf8)
    options.detectEncoding = encoding == nil
    return options
  }

  /// The parsed `--set` changes (checked in `validate`).
  var parsedOverrides: [Override] { overrides.compactMap { try? Override.parse($0) } }

  /// Every input file of the command (refused inside an output folder the run would replace).
  var paths: [String] { files.map(\.path) }
}

/// Options for commands that print or write reports.
struct OutputOptions: ParsableArguments {
  @Flag(help: "Machine-readable JSON on stdout.")
  var json = false

  @Option(help: "Language of labels in reports and of every message: zh (default) or en.")
  var lang: Language = .zh

}

/// `--output-encoding`, only on the commands that write CSV files (`run`, `sensitivity`).
struct CSVOutputOptions: ParsableArguments {
  @Option(name: .customLong("output-encoding"), help: "Encoding of CSV outputs: utf-8 (default, with BOM) or gb18030.")
  var outputEncoding: OutputEncoding = .utf8
}
