/// The language of messages and labels: Chinese (the default of every command) or English.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
  case zh, en
}

/// A user-facing text in both languages, written side by side where the problem is found.
///
/// Every diagnostic carries one (`Diagnostic.text`); the CLI renders it in the language of
/// `--lang`. `Message(zh:en:)` keeps a message's two texts next to each other at the error
/// site, so a test can pin both. `Message(_:)` is the same text in both languages: for text
/// that needs no translation (a quoted value) and for messages not yet translated (they
/// then read in English under `--lang zh`).
public struct Message: Sendable, Hashable, Codable, CustomStringConvertible {
  public var zh: String
  public var en: String

  public init(zh: String, en: String) {
    self.zh = zh
    self.en = en
  }

  /// The same text in both languages.
  public init(_ text: String) {
    zh = text
    en = text
  }

  /// The text in `language`.
  public func text(_ language: Language) -> String { language == .zh ? zh : en }

  /// Whether the two texts differ (the message has been translated).
  public var isTranslated: Bool { zh != en }

  /// English (what `"\(message)"` and older callers read).
  public var description: String { en }

  /// Both texts joined: `a + b` is `a.zh + b.zh` and `a.en + b.en`.
  public static func + (a: Message, b: Message) -> Message { Message(zh: a.zh + b.zh, en: a.en + b.en) }

  public static func += (a: inout Message, b: Message) { a = a + b }

  /// Texts of several messages joined with `separator` (the same in both languages) .
  public static func joined(_ parts: [Message], separator: Message) -> Message {
    Message(zh: parts.map(\.zh).joined(separator: separator.zh), en: parts.map(\.en).joined(separator: separator.en))
  }

  /// Empty text in both languages.
  public static let empty = Message("")
}
