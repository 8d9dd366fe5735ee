import Model

/// Why an output could not be written. One error type for the Reports module; every
/// message names the offending path or value; exit 73, located at the path
/// (`PATH:0: message`: the problem concerns the whole file).
public enum ReportError: StageError, Equatable, CustomStringConvertible {
  /// A system call on `path` failed; `operation` is what was attempted, `code` the errno.
  case io(path: String, operation: String, code: Int32)
  /// libxlsxwriter reported an error for the workbook at `path`.
  case workbook(path: String, message: String)
  /// A character could not be encoded in the requested output encoding.
  case encoding(path: String, encoding: String, detail: String)
  /// The output folder exists and does not look like an earlier Exemplar output.
  case refusingToReplace(path: String)
  /// The output folder to be replaced holds one of the run's input files.
  case inputInsideOutput(path: String, input: String)
  /// The browser could not print the page at `path` to PDF (`PDFPrinter`).
  case printing(path: String, message: String)

  public var description: String {
    switch self {
    case .io(let path, let operation, let code):
      return "cannot \(operation) '\(path)': \(errnoText(code))"
    case .workbook(let path, let message):
      return "cannot write workbook '\(path)': \(message)"
    case .encoding(let path, let encoding, let detail):
      return "cannot encode '\(path)' as \(encoding): \(detail)"
    case .refusingToReplace(let path):
      return "'\(path)' exists and is not an Exemplar output folder (it has no \(OutputFolder.markerName) marker); "
        + "it is left untouched: choose another --out, or remove it yourself"
    case .inputInsideOutput(let path, let input):
      return "the input '\(input)' is inside the output folder '\(path)', which the run would replace; "
        + "move the input or choose another --out"
    case .printing(let path, let message):
      return "cannot print '\(path)' to PDF: \(message) (run again with --no-pdf to skip the PDF)"
    }
  }

  /// The path the error is about.
  public var path: String {
    switch self {
    case .io(let p, _, _), .workbook(let p, _), .encoding(let p, _, _), .refusingToReplace(let p), .inputInsideOutput(let p, _),
      .printing(let p, _):
      return p
    }
  }

  public var kind: StageFailure.Kind { .cantCreate }

  public var diagnostics: DiagnosticLog {
    var log = DiagnosticLog()
    log.append(Diagnostic(file: path, line: 0, message: description))
    return log
  }
}
