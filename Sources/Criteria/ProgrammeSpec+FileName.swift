extension ProgrammeSpec {
  /// The longest shortlist file name accepted, in UTF-8 bytes (the common file-system limit).
  public static let maxFileNameBytes = 255

  /// The name of the programme's shortlist file, `shortlists/NAME` (docs/outputs.md): the key
  /// with `/`, `\` and control characters replaced by `_`, a leading `_` before an empty key
  /// or one starting with `.`, then `.csv`. The one rule: the loader checks it for collisions
  /// and length, the CSV writer uses it.
  public static func shortlistFileName(forKey key: String) -> String {
    var s = String(
      key.unicodeScalars.map { c -> Character in
        (c == "/" || c == "\\" || c.value < 0x20) ? "_" : Character(c)
      })
    if s.isEmpty || s.hasPrefix(".") { s = "_" + s }
    return s + ".csv"
  }
}
