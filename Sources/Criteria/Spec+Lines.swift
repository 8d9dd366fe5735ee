import Model

extension Spec {
  /// The line of key path `path` in the criteria file (or of its nearest written ancestor,
  /// e.g. `uncertainty` for a defaulted `uncertainty.vary`); 0 when unknown (a spec not
  /// loaded from a file).
  public func line(of path: String) -> Int { keyLines?.line(path) ?? 0 }

  /// A problem with the value at key path `path`, located in the criteria file:
  /// `FILE:LINE: key.path: message`, with the message in both languages.
  public func diagnostic(at path: String, _ message: Message, severity: Diagnostic.Severity = .error) -> Diagnostic {
    Diagnostic(severity, file: source, line: line(of: path), keyPath: path, message: message)
  }
}
