import Model

/// A syntax error in a rule expression, with the 1-based character column inside the
/// expression text where the problem was found.
///
/// The criteria loader shifts `column` to the column in the criteria file.
public struct ExprSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
  /// 1-based column of the offending character within the expression (characters, not bytes).
  public var column: Int
  /// What was expected or found, quoting the offending text, in both languages.
  public var text: Message

  /// The English text.
  public var message: String { text.en }

  public init(column: Int, message: String) {
    self.column = column
    self.text = Message(message)
  }

  public init(column: Int, text: Message) {
    self.column = column
    self.text = text
  }

  /// Equal when the column and the English text are (the Chinese is the same message).
  public static func == (a: Self, b: Self) -> Bool { a.column == b.column && a.text.en == b.text.en }

  public func hash(into h: inout Hasher) {
    h.combine(column)
    h.combine(text.en)
  }

  /// `COLUMN: message`.
  public var description: String { "\(column): \(message)" }
}
