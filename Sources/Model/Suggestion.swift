/// "Did you mean …?" suggestions for unknown keys, values and names.
public enum Suggestion {
  /// The candidate closest to `word` by edit distance, if it is close enough to be a
  /// plausible typo: none for words of 1–2 characters, distance 1 for 3 characters, else
  /// ≤ max(2, ⌊length/3⌋), at most 3. Ties go to the earlier candidate.
  public static func closest(to word: String, in candidates: [String]) -> String? {
    let limit = word.count <= 2 ? 0 : word.count == 3 ? 1 : min(3, max(2, word.count / 3))
    var best: (String, Int)?
    for c in candidates {
      let d = distance(word, c)
      if d <= limit, d < (best?.1 ?? Int.max) { best = (c, d) }
    }
    return best?.0
  }

  /// ` (did you mean "x"?)` or the empty string.
  public static func hint(_ word: String, _ candidates: [String]) -> String {
    closest(to: word, in: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
  }

  /// `hint` in both languages: ` (did you mean "x"?)` / `（是否应为 "x"？）`, or empty.
  public static func hintText(_ word: String, _ candidates: [String]) -> Message {
    closest(to: word, in: candidates).map { Message(zh: "（是否应为 \"\($0)\"？）", en: " (did you mean \"\($0)\"?)") } ?? .empty
  }

  /// Optimal-string-alignment distance over characters: insertions, deletions,
  /// substitutions and transpositions of adjacent characters cost 1 ("scroe" → "score" = 1).
  /// - Complexity: O(|a|·|b|).
  public static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a)
    let y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
    for i in 0...x.count { d[i][0] = i }
    for j in 0...y.count { d[0][j] = j }
    for i in 1...x.count {
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
      }
    }
    return d[x.count][y.count]
  }
}
