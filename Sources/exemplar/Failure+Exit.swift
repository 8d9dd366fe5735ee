import ArgumentParser
import Foundation
import Model

/// The one place that maps stage failures to sysexits codes and prints diagnostics.
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

  /// Prints every diagnostic to stderr, one per line (plus a count of those past the cap).
  static func report(_ log: DiagnosticLog) {
    var err = StandardError()
    for d in log.diagnostics { print(d.description, to: &err) }
    if log.suppressedErrors > 0 {
      print("… and \(log.suppressedErrors) more errors (only the first \(log.cap) are listed)", to: &err)
    }
  }

  /// Prints the failure's diagnostics and returns the exit code to throw.
  static func fail(_ failure: StageFailure) -> ExitCode {
    report(failure.diagnostics)
    return ExitCode(code(for: failure.kind))
  }
}

/// stderr as a `TextOutputStream`.
struct StandardError: TextOutputStream {
  mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
