import Model
import Scoring

/// The per-enterprise values for a block of rows, column by column: what results.json's
/// `ranking` entries, enterprises.csv and enterprises.arrow write (`tableColumns`), read once
/// per block by one path for the three writers.
///
/// Each column is read in one tight loop over the block's rows, and the contributions are
/// computed a criterion at a time over the block (`ScoreDecomposition.parts(rows:…)`,
/// `Evaluation.shares(rows:…)`: the same operations, in the same order, as the row-by-row
/// forms, so the same doubles). Over rows in the file's order (the Arrow layout) every loop
/// streams; over rank order (enterprises.csv) each read is an independent cache miss, which
/// such a loop keeps many of in flight (results.json and enterprises.csv).
struct TableBlock {
  /// Rows in the block.
  let rows: Int
  /// Criteria (contribution columns) and group-score columns.
  let criteria: Int
  let groups: Int
  /// Contribution columns computed (the method's parts: one per weight, at most `criteria`);
  /// the others are NaN.
  let shareCount: Int
  /// Column-major Int32: rank, competition rank, stars, next stars (0 where no gap).
  let ints: Scratch<Int32>
  /// Column-major doubles: score, raw, the contribution shares (unrounded), the group
  /// scores, points short, reward; NaN where the table has no value (a reward of 0 included).
  let numbers: Scratch<Double>
  /// Whether the row has a star gap (next stars, points short and `gapList` are then set).
  let hasGap: Scratch<Bool>
  /// Ids and labels.
  let texts: (GatheredText, GatheredText)
  /// Row-major imputed flags, `flagged.count` per row: flag i of row k is criterion
  /// `flagged[i]`'s (the criteria with any imputed value; empty when none has).
  let flagged: [Int]
  let marks: Scratch<Bool>
  /// Index of the row's unmet requirements in `StarGaps.unmetLists` (where `hasGap`).
  let gapList: Scratch<Int32>

  /// Column indices of `numbers`.
  static let score = 0, raw = 1, firstShare = 2
  var firstGroup: Int { 2 + criteria }
  var pointsShort: Int { 2 + criteria + groups }
  var reward: Int { 3 + criteria + groups }

  /// Column `c` of `numbers` or `ints`.
  func number(_ c: Int) -> UnsafeBufferPointer<Double> { numbers.slice(c * rows, rows) }
  func integer(_ c: Int) -> UnsafeBufferPointer<Int32> { ints.slice(c * rows, rows) }
}

/// A text column of a block, packed: value k is `bytes[ends[k − 1]..<ends[k]]` (from 0 for k = 0).
struct BlockText {
  let bytes = ByteBuffer(capacity: 64)
  let ends: Scratch<Int>
  init(rows: Int) { ends = Scratch<Int>(rows, 0) }

  func value(_ k: Int) -> UnsafeBufferPointer<UInt8> {
    let start = k == 0 ? 0 : ends[k - 1]
    return UnsafeRawBufferPointer(rebasing: bytes.bytes[start..<ends[k]]).assumingMemoryBound(to: UInt8.self)
  }
}

extension RankingEntries {
  /// The values of rows `order[range]`.
  func block(_ order: [Int], _ range: Range<Int>) -> TableBlock {
    let rows = range.count
    let n = criteria.count
    let groups = groupColumns.count
    let ints = Scratch<Int32>(4 * rows, 0), numbers = Scratch<Double>((4 + n + groups) * rows, .nan), gapList = Scratch<Int32>(rows, 0)
    let hasGap = Scratch<Bool>(rows, false)
    let texts = gatherTexts(ids, labels, rows: order[range], idWidth: idWidth)
    let flagged = (0..<min(n, imputed.count)).filter { !imputed[$0].isEmpty }
    let marks = Scratch<Bool>(rows * flagged.count, false)
    var shareCount = 0
    order.withUnsafeBufferPointer { all in
      let at = UnsafeBufferPointer(rebasing: all[range])
      // One column of the block: value k from row at[k], `missing` past the column's end.
      func fill<T>(_ out: Scratch<T>, _ c: Int, _ missing: T, _ column: UnsafeBufferPointer<T>) {
        for k in 0..<rows { let row = at[k]; out[c * rows + k] = row < column.count ? column[row] : missing }
      }
      func fill(_ c: Int, _ column: [Int]) {
        column.withUnsafeBufferPointer { p in
          for k in 0..<rows { let row = at[k]; ints[c * rows + k] = row < p.count ? Int32(truncatingIfNeeded: p[row]) : 0 }
        }
      }
      fill(0, rank)
      fill(1, competitionRank)
      fill(2, stars)
      score.withUnsafeBufferPointer { fill(numbers, TableBlock.score, .nan, $0) }
      raw.withUnsafeBufferPointer { fill(numbers, TableBlock.raw, .nan, $0) }
      for g in 0..<groups { groupColumns[g].withUnsafeBufferPointer { fill(numbers, 2 + n + g, .nan, $0) } }
      reward.withUnsafeBufferPointer { p in
        for k in 0..<rows {
          let row = at[k]
          if row < p.count, p[row] > 0 { numbers[(3 + n + groups) * rows + k] = p[row] }
        }
      }
      shareCount = contributions(at, criteria: n, into: numbers)
      imputedFlags(at, flagged: flagged, marks)
      gaps(at, ints, numbers, pointsShort: 2 + n + groups, hasGap, gapList)
    }
    return TableBlock(
      rows: rows, criteria: n, groups: groups, shareCount: shareCount, ints: ints, numbers: numbers, hasGap: hasGap,
      texts: texts, flagged: flagged, marks: marks, gapList: gapList)
  }

  /// The contribution shares of rows `at` into columns 2… of `numbers` (one per criterion up to
  /// the method's parts; NaN beyond): the method-input values and utilities gathered a column
  /// at a time, then the block's parts and shares. Returns the number of parts.
  private func contributions(_ at: UnsafeBufferPointer<Int>, criteria n: Int, into numbers: Scratch<Double>) -> Int {
    let rows = at.count
    let m = min(n, weights.count, methodInput.count)
    guard m > 0, rows > 0 else { return max(0, m) }
    let values = Scratch<Double>(m * rows, .nan), utilities = Scratch<Double>(rows, .nan)
    for j in 0..<m {
      methodInput[j].withReader { r in
        for k in 0..<rows { let row = at[k]; values[j * rows + k] = row < r.count ? r[row] : .nan }
      }
    }
    utility.withUnsafeBufferPointer { u in
      for k in 0..<rows { let row = at[k]; utilities[k] = row < u.count ? u[row] : .nan }
    }
    let parts = numbers.mutableSlice(TableBlock.firstShare * rows, m * rows)
    decomposition.parts(rows: rows, utility: utilities.slice(0, rows), values: values.slice(0, m * rows), into: parts)
    Evaluation.shares(rows: rows, parts: parts, utility: utilities.slice(0, rows))
    return m
  }

  /// Each row's imputed flags (`marks`, for the criteria `flagged`), read a column at a time
  /// (in rank order each read is a cache miss; a tight loop keeps many in flight).
  private func imputedFlags(_ at: UnsafeBufferPointer<Int>, flagged: [Int], _ marks: Scratch<Bool>) {
    guard !flagged.isEmpty else { return }
    let width = flagged.count
    withColumnPointers(flagged.map { imputed[$0] }) { flags in
      for (i, f) in flags.enumerated() {
        for k in 0..<at.count { let row = at[k]; if row < f.count { marks[k * width + i] = f[row] } }
      }
    }
  }

  /// Each row's star gap: next stars (column 3 of `ints`), points short, its unmet
  /// requirements' index in `StarGaps.unmetLists`.
  private func gaps(
    _ at: UnsafeBufferPointer<Int>, _ ints: Scratch<Int32>, _ numbers: Scratch<Double>, pointsShort: Int, _ hasGap: Scratch<Bool>,
    _ list: Scratch<Int32>
  ) {
    guard starGap.any else { return }
    let rows = at.count
    for k in 0..<rows {
      let row = at[k]
      if row < starGap.count, let gap = starGap.parts(row) {
        hasGap[k] = true
        ints[3 * rows + k] = gap.nextStars
        numbers[pointsShort * rows + k] = gap.pointsShort
        list[k] = Int32(truncatingIfNeeded: gap.unmet)
      }
    }
  }

  /// The two text columns of the tables (not of results.json, which writes the keys and
  /// requirements as JSON arrays): each row's imputed criteria's keys joined by `;` (empty when
  /// none), and its unmet requirements joined by ` | ` (empty without a gap).
  func tableTexts(_ b: TableBlock) -> (imputed: BlockText, unmet: BlockText) {
    let imputed = BlockText(rows: b.rows), unmet = BlockText(rows: b.rows)
    let width = b.flagged.count
    for k in 0..<b.rows {
      var first = true
      for i in 0..<width where b.marks[k * width + i] {
        if !first { imputed.bytes.append(UInt8(ascii: ";")) }
        imputed.bytes.append(criteria[b.flagged[i]])
        first = false
      }
      imputed.ends[k] = imputed.bytes.count
      if b.hasGap[k] { unmet.bytes.append(unmetTexts[Int(b.gapList[k])]) }
      unmet.ends[k] = unmet.bytes.count
    }
    return (imputed, unmet)
  }
}

/// A block-local array written through its pointer (no copy-on-write check per element in a
/// row loop), freed with the block.
final class Scratch<T> {
  private let p: UnsafeMutableBufferPointer<T>
  init(_ count: Int, _ value: T) {
    p = .allocate(capacity: count)
    p.initialize(repeating: value)
  }
  deinit {
    _ = p.deinitialize()
    p.deallocate()
  }
  subscript(i: Int) -> T {
    get { p[i] }
    set { p[i] = newValue }
  }
  /// Elements `start..<start + count`.
  func slice(_ start: Int, _ count: Int) -> UnsafeBufferPointer<T> { UnsafeBufferPointer(rebasing: p[start..<(start + count)]) }
  func mutableSlice(_ start: Int, _ count: Int) -> UnsafeMutableBufferPointer<T> { UnsafeMutableBufferPointer(rebasing: p[start..<(start + count)]) }
}
