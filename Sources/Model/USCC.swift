/// The unified social credit code (统一社会信用代码), GB 32100-2015.
///
/// 18 characters over the alphabet `0123456789ABCDEFGHJKLMNPQRTUWXY` (31 symbols,
/// no I O Z S V). The 18th is a check character:
/// ```
/// c18 = (31 − (Σ_{i=1..17} value(c_i) · w_i) mod 31) mod 31
/// w = 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
/// ```
/// Source: GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》 §4.
public enum USCC {
  public static let alphabet: [UInt8] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
  public static let weights: [Int] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

  /// Why a code is not valid.
  public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
    case length(Int)
    case character(Character, position: Int)
    case checkCharacter(expected: Character, found: Character)

    public var description: String { message.en }

    /// The problem in both languages.
    public var message: Message {
      switch self {
      case .length(let n):
        return Message(zh: "统一社会信用代码应为 18 位，此处为 \(n) 位", en: "a unified social credit code has 18 characters, found \(n)")
      case .character(let c, let p):
        return Message(
          zh: "第 \(p) 位的字符 '\(c)' 不能出现在统一社会信用代码中（不使用 I、O、Z、S、V）",
          en: "character '\(c)' at position \(p) is not allowed in a unified social credit code (I, O, Z, S, V are never used)")
      case .checkCharacter(let e, let f):
        return Message(
          zh: "校验码为 '\(f)'，但按前 17 位应为 '\(e)'", en: "check character is '\(f)' but the first 17 characters give '\(e)'")
      }
    }
  }

  private static let valueOf: [Int8] = {
    var t = [Int8](repeating: -1, count: 256)
    for (i, c) in alphabet.enumerated() { t[Int(c)] = Int8(i) }
    return t
  }()

  /// The canonical form (trimmed, upper-cased) of `raw`, or the first problem found.
  public static func canonical(_ raw: String) -> Result<String, Problem> {
    let trimmed = raw.trimmingWhitespace().uppercased()
    let scalars = Array(trimmed.unicodeScalars)
    guard scalars.count == 18 else { return .failure(.length(scalars.count)) }
    var sum = 0
    for (i, s) in scalars.enumerated() {
      let v = s.value < 128 ? Int(valueOf[Int(s.value)]) : -1
      if v < 0 { return .failure(.character(Character(s), position: i + 1)) }
      if i < 17 { sum += v * weights[i] }
    }
    let expected = alphabet[(31 - sum % 31) % 31]
    let found = UInt8(scalars[17].value)
    if expected != found {
      return .failure(.checkCharacter(expected: Character(Unicode.Scalar(expected)), found: Character(Unicode.Scalar(found))))
    }
    return .success(trimmed)
  }

  /// The check character for a 17-character prefix over the alphabet (precondition: valid prefix).
  public static func checkCharacter(forPrefix prefix: [UInt8]) -> UInt8 {
    precondition(prefix.count == 17)
    var sum = 0
    for (i, c) in prefix.enumerated() { sum += Int(valueOf[Int(c)]) * weights[i] }
    return alphabet[(31 - sum % 31) % 31]
  }
}

extension String {
  /// The string without leading and trailing ASCII white space and U+3000 (ideographic space).
  public func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\r" || $0 == "\n" }
    guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
    let end = lastIndex(where: { !isSpace($0) })!  // exists: start exists
    return String(self[start...end])
  }
}
