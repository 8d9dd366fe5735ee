/// Every row's gap to the next star level (`StarGap`, nil for none), kept as columns: the
/// next level, the points short, and which list of unmet requirements (the distinct lists
/// kept once). 16 bytes a row instead of a 32-byte optional with an array per row, and
/// nothing at all when no row has a gap (no `[stars]` levels).
public struct StarGaps: RandomAccessCollection, Sendable, Equatable {
  public let count: Int
  /// Per row when any row has a gap (else empty): the next level, 0 for no gap.
  private var next: [Int32] = []
  private var short: [Double] = []
  private var list: [UInt32] = []
  /// The distinct lists of unmet requirements, in the order first met.
  private var lists: [[String]] = []
  private var listIndex: [[String]: UInt32] = [:]

  /// `count` rows without a gap.
  public init(count: Int) { self.count = count }

  /// The given gaps, row by row.
  public init(_ gaps: [StarGap?]) {
    self.init(count: gaps.count)
    for (row, gap) in gaps.enumerated() { if let gap { set(row, gap) } }
  }

  /// Sets `row`'s gap (`nextStars` must fit an Int32 and not be 0).
  public mutating func set(_ row: Int, _ gap: StarGap) {
    precondition(gap.nextStars != 0 && Int32(exactly: gap.nextStars) != nil, "a next star level is a non-zero Int32")
    if next.isEmpty {
      next = [Int32](repeating: 0, count: count)
      short = [Double](repeating: 0, count: count)
      list = [UInt32](repeating: 0, count: count)
    }
    next[row] = Int32(gap.nextStars)
    short[row] = gap.pointsShort
    if let k = listIndex[gap.unmetRequirements] {
      list[row] = k
    } else {
      let k = UInt32(lists.count)
      lists.append(gap.unmetRequirements)
      listIndex[gap.unmetRequirements] = k
      list[row] = k
    }
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }

  public subscript(row: Int) -> StarGap? {
    guard !next.isEmpty, next[row] != 0 else { return nil }
    return StarGap(nextStars: Int(next[row]), pointsShort: short[row], unmetRequirements: lists[Int(list[row])])
  }

  /// `row`'s gap as stored, without building a `StarGap`: the next level, the points short
  /// and the index of its unmet requirements in `unmetLists`; nil when none.
  @inline(__always)
  public func parts(_ row: Int) -> (nextStars: Int32, pointsShort: Double, unmet: Int)? {
    guard !next.isEmpty, next[row] != 0 else { return nil }
    return (next[row], short[row], Int(list[row]))
  }

  /// The distinct lists of unmet requirements (`parts(_:)`'s `unmet` indexes them).
  public var unmetLists: [[String]] { lists }

  /// Whether any row has a gap.
  public var any: Bool { !next.isEmpty }

  public static func == (a: StarGaps, b: StarGaps) -> Bool { a.elementsEqual(b) }
}
