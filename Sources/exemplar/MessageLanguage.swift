import ArgumentParser
import Model

/// A command that chooses the language of its messages (`--lang`, zh by default):
/// `Exemplar.main()` sets `Exit.language` from it before the command runs. A new command
/// conforms by returning its `--lang` option (see `LanguageOption`).
protocol MessageLanguage {
  var messageLanguage: Language { get }
}

/// `--lang` for commands that write no reports (their messages and summaries only).
struct LanguageOption: ParsableArguments {
  @Option(help: "Language of messages: zh (default) or en.")
  var lang: Language = .zh
}

extension Run: MessageLanguage { var messageLanguage: Language { output.lang } }
extension Explain: MessageLanguage { var messageLanguage: Language { output.lang } }
extension Weights: MessageLanguage { var messageLanguage: Language { output.lang } }
extension Sensitivity: MessageLanguage { var messageLanguage: Language { output.lang } }
extension Diff: MessageLanguage { var messageLanguage: Language { output.lang } }
extension Validate: MessageLanguage { var messageLanguage: Language { language.lang } }
extension Generate: MessageLanguage { var messageLanguage: Language { language.lang } }
extension LedgerList: MessageLanguage { var messageLanguage: Language { file.lang } }
extension LedgerFinal: MessageLanguage { var messageLanguage: Language { file.lang } }
extension LedgerHistoryCommand: MessageLanguage { var messageLanguage: Language { file.lang } }
extension HistoryCommand: MessageLanguage { var messageLanguage: Language { file.lang } }
extension Compare: MessageLanguage { var messageLanguage: Language { file.lang } }
extension Letter: MessageLanguage { var messageLanguage: Language { output.lang } }
extension Tune: MessageLanguage { var messageLanguage: Language { lang } }
