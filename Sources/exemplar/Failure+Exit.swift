import ArgumentParser
import Foundation
import Model

/// The one place that maps stage errors to sysexits codes and prints diagnostics.
///
/// Commands throw any `StageError` (a failed ingest or criteria load, a scoring or
/// sensitivity error, an output that cannot be written); `Exemplar.main()` catches it,
/// prints its located diagnostics and exits with `code(for:)` of its kind.
enum Exit {
  static func code(for kind: StageFailure.Kind) -> Int32 {
    switch kind {
    case .usage: return 64
    case .data: return 65
    case .noInput: return 66
    case .cantCreate: return 73
    case .config: return 78
    }
  }

  /// The language messages are printed in: the command's `--lang` (zh by default), set
  /// once by `Exemplar.main()` after parsing and before the command runs.
  nonisolated(unsafe) static var language: Language = .zh

  /// Warnings printed so far by `report` (the run's summary counts them).
  nonisolated(unsafe) static var warningsReported = 0

  /// Prints every diagnostic to stderr in `language`, one per line (plus a count of those
  /// past the cap).
  static func report(_ log: DiagnosticLog) {
    warningsReported += log.warningCount
    var err = StandardError()
    for d in log.diagnostics { print(d.rendered(language), to: &err) }
    if log.suppressedErrors > 0 {
      let more = Message(
        zh: "……另有 \(log.suppressedErrors) 个错误未列出（只报告前 \(log.cap) 个）",
        en: "… and \(log.suppressedErrors) more errors (only the first \(log.cap) are reported)")
      print(more.text(language), to: &err)
    }
  }

  /// `message` in the command's language (for the CLI's own lines: summaries, notes).
  static func text(_ message: Message) -> String { message.text(language) }

  /// Prints the error's diagnostics and returns the exit code.
  static func fail(_ error: any StageError) -> ExitCode {
    report(error.diagnostics)
    return ExitCode(code(for: error.kind))
  }
}

/// stderr as a `TextOutputStream`.
struct StandardError: TextOutputStream {
  mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}

