import ArgumentParser
import Model

/// `exemplar`: selects benchmark enterprises (标杆企业) from implementation-effect metrics.
@main
struct Exemplar: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "exemplar",
    abstract: Exit.text(
      Message(
        zh: "遴选标杆企业：读取指标，评分、排名、评定星级，生成推荐名单。",
        en: "Select benchmark enterprises: ingest metrics, score, rank, award stars, build shortlists.")),
    version: version,
    subcommands: [
      Validate.self, Run.self, Explain.self, Weights.self, Sensitivity.self, Diff.self, Generate.self,
      LedgerCommand.self, HistoryCommand.self, Compare.self, Tune.self, Letter.self,
    ]
  )

  /// Parses and runs a command; a `StageError` it throws is printed and mapped to its exit
  /// code here (`Exit`), anything else (usage, help) by Argument Parser, in the language of
  /// `--lang` (`UsageError`).
  static func main() {
    do {
      let arguments = Array(CommandLine.arguments.dropFirst())
      // Before parsing: the parser reads the help texts and abstracts (`ArgumentHelp.text`)
      // and runs `validate()` while it parses.
      Exit.language = UsageError.language(in: arguments) ?? .zh
      var command = try parseAsRoot(UsageError.helpArguments(arguments))
      Exit.language = (command as? MessageLanguage)?.messageLanguage ?? Exit.language
      try command.run()
    } catch let error as any StageError {
      exit(withError: Exit.fail(error))
    } catch {
      let code = exitCode(for: error)
      guard Exit.language == .zh else { exit(withError: error) }
      if code == .success {
        // Help (and --version): stdout, exit 0.
        let text = fullMessage(for: error, columns: UsageError.unwrapped)
        if !text.isEmpty { print(UsageError.localisedHelp(text, Exit.language, width: UsageError.screenWidth)) }
        exit(withError: code)
      }
      let text = fullMessage(for: error)
      guard !text.isEmpty else { exit(withError: error) }
      var err = StandardError()
      print(UsageError.localised(text, Exit.language), to: &err)
      exit(withError: code)
    }
  }
}
