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
  @Option(help: .text(zh: "消息的语言：zh（中文）或 en（英文）。", en: "Language of messages: zh (default) or en."))
  var lang: Language = .zh
}

extension ArgumentHelp {
  /// An option's or argument's help in the language of `--lang`. Argument Parser builds it
  /// when it instantiates the command (while parsing, and again for `--help`), after
  /// `Exemplar.main()` has set `Exit.language` from the raw arguments; a command's
  /// `abstract` and `discussion` are `Exit.text(Message(zh:en:))` the same way (its static
  /// `configuration` is built on first use, while parsing).
  static func text(zh: String, en: String, valueName: String? = nil) -> ArgumentHelp {
    ArgumentHelp(Exit.text(Message(zh: zh, en: en)), valueName: valueName)
  }
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
