/// "Did you mean …?" suggestions for unknown keys, values and names.
enum Suggestion {
  /// The candidate closest to `word` by edit distance, if it is close enough to be a
  /// plausible typo (distance ≤ max(1, ⌊length/3⌋), at most 3). Ties go to the earlier candidate.
  static func closest(to word: String, in candidates: [String]) -> String? {
    let limit = min(3, max(1, word.count / 3))
    var best: (String, Int)?
    for c in candidates {
      let d = distance(word, c)
      if d <= limit, d < (best?.1 ?? Int.max) { best = (c, d) }
    }
    return best?.0
  }

  /// ` (did you mean "x"?)` or the empty string.
  static func hint(_ word: String, _ candidates: [String]) -> String {
    closest(to: word, in: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
  }

  /// Levenshtein distance over characters.
  /// - Complexity: O(|a|·|b|).
  static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a)
    let y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = previous
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[y.count]
  }
}
