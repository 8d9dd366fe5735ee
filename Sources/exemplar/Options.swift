import ArgumentParser
import Ingest

extension InputEncoding: ExpressibleByArgument {}

/// Output label language.
enum Language: String, ExpressibleByArgument, CaseIterable {
  case zh, en
}

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

  @Option(help: "Encoding of the metrics CSV: utf-8 (default; BOM optional) or gb18030.")
  var encoding: InputEncoding = .utf8

  @Option(help: "Earlier recommendations, a CSV with columns id,year,programme.")
  var history: String?

  /// Every input file of the command (refused inside an output folder the run would replace).
  var paths: [String] { [metrics, criteria] + (history.map { [$0] } ?? []) }
}

/// Options for commands that print or write reports.
struct OutputOptions: ParsableArguments {
  @Flag(help: "Machine-readable JSON on stdout.")
  var json = false

  @Option(help: "Labels in reports: zh (default) or en.")
  var lang: Language = .zh

  @Option(name: .customLong("output-encoding"), help: "Encoding of CSV outputs: utf-8 (default, with BOM) or gb18030.")
  var outputEncoding: OutputEncoding = .utf8
}
