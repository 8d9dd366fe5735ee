import Model

/// The one ranking policy of Exemplar (docs/methods.md, "Ranking and ties").
///
/// 1. Sort by key, higher first.
/// 2. Tie groups: walking down the sorted keys, a row joins the current group while its key
///    is within `precision` of the group's first (highest) key; otherwise it starts a new
///    group. (Anchoring on the group's first key keeps every group within `precision`, so
///    ties never chain across a wide range.)
/// 3. Inside a group, rows are ordered by the tie-break keys in turn (higher first; callers
///    negate a key for ascending), then by id ascending (byte order of UTF-8).
/// 4. `rank` is the position (1…n, a total order); `competitionRank` is the position of the
///    group's first row (1, 1, 3 style).
/// - Complexity: O(n) for the key order (`RadixSort`), plus O(g log g) per tie group of
///   size g; ids and tie-break keys are only read inside tie groups.
public enum Ranker {
  public struct Result: Sendable, Hashable {
    /// Indices into the input arrays, best first.
    public var order: [Int]
    /// 1…n per input index.
    public var rank: [Int]
    /// 1,1,3-style per input index.
    public var competitionRank: [Int]
  }

  /// - Parameters:
  ///   - keys: one finite value per item, higher is better.
  ///   - precision: keys within this (absolute) are equal.
  ///   - tieBreak: further keys, each with one value per item, higher first.
  ///   - ids: final tie-break, ascending.
  public static func rank(keys: [Double], precision: Double, tieBreak: [[Double]] = [], ids: [String]) -> Result {
    rank(keys: keys, precision: precision, tieBreak: tieBreak, ids: StringColumn(ids))
  }

  /// The same, with packed ids (their bytes are compared without building strings).
  public static func rank(keys: [Double], precision: Double, tieBreak: [[Double]] = [], ids: StringColumn) -> Result {
    let n = keys.count
    // The keys in order come with it, so the walk below reads them in sequence (−0 as +0,
    // which changes no difference).
    var (order, sorted) = RadixSort.descending(keys)
    var rank = [Int](repeating: 0, count: n)
    var competition = [Int](repeating: 0, count: n)
    var start = 0
    while start < n {
      let leader = sorted[start]
      var end = start + 1
      while end < n, leader - sorted[end] <= precision { end += 1 }
      if end - start > 1 {
        order[start..<end].sort { a, b in precedes(a, b, tieBreak: tieBreak, ids: ids) }
      }
      for p in start..<end {
        rank[order[p]] = p + 1
        competition[order[p]] = start + 1
      }
      start = end
    }
    return Result(order: order, rank: rank, competitionRank: competition)
  }

  private static func precedes(_ a: Int, _ b: Int, tieBreak: [[Double]], ids: StringColumn) -> Bool {
    for key in tieBreak where key[a] != key[b] { return key[a] > key[b] }
    let order = ids.withUTF8(a) { ia in ids.withUTF8(b) { ib in ia.elementsEqual(ib) ? 0 : (ia.lexicographicallyPrecedes(ib) ? -1 : 1) } }
    return order != 0 ? order < 0 : a < b
  }
}
