/// A syntax error in a rule expression, with the 1-based character column inside the
/// expression text where the problem was found.
///
/// The criteria loader shifts `column` to the column in the criteria file.
public struct ExprSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
  /// 1-based column of the offending character within the expression (characters, not bytes).
  public var column: Int
  /// What was expected or found, quoting the offending text.
  public var message: String

  public init(column: Int, message: String) {
    self.column = column
    self.message = message
  }

  /// `COLUMN: message`.
  public var description: String { "\(column): \(message)" }
}
