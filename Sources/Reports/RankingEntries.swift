import Model
import Scoring

/// Writes the entries of the `ranking` array of results.json straight into a `ByteBuffer`.
///
/// Built once per file: every constant byte sequence (field names, the `"key":` prefix of each
/// criterion and group, the quoted criterion keys of `imputed`) is encoded here, so the per-row
/// path makes no `String`, `Array` or `Dictionary`. The bytes are those `JSONWriter` writes for
/// the same entry inside the pretty-printed top-level `ranking` array (one compact entry per
/// line, `"\n    {...}"`, members separated by `,`).
struct RankingEntries: Sendable {
  /// Ids and labels, packed (`ReportModel.idText`, `labelText`).
  let ids: TextColumn
  let labels: TextColumn
  let rank: [Int]
  let competitionRank: [Int]
  let score: [Double]
  let raw: [Double]
  let stars: [Int]
  let starGap: StarGaps
  /// The values the method aggregated (`Evaluation.methodInput`), what the contributions decompose.
  let methodInput: [UnitColumn]
  let utility: [Double]
  let decomposition: ScoreDecomposition
  let imputed: [[Bool]]
  let weights: [Double]
  let groupColumns: [[Double]]
  let reward: [Double]
  /// `,"key":` per criterion (written from offset 1 for the first member).
  let criterionKeys: KeyBytes
  /// `,"key":` per group.
  let groupKeys: KeyBytes
  /// `,"key"` per criterion, the members of `imputed`.
  let imputedNames: KeyBytes

  init(_ m: ReportModel) {
    let ev = m.evaluation
    ids = m.idText
    labels = m.labelText
    rank = ev.rank
    competitionRank = ev.competitionRank
    score = ev.score
    raw = ev.raw
    stars = ev.stars
    starGap = ev.starGap
    methodInput = ev.methodInput
    utility = ev.utility
    decomposition = ev.decomposition
    imputed = ev.imputed
    weights = ev.weights
    groupColumns = m.groupColumns
    reward = m.rewardByRow
    let keys = m.spec.criteria.map(\.key)
    criterionKeys = KeyBytes(keys, colon: true)
    groupKeys = KeyBytes(m.groupKeys, colon: true)
    imputedNames = KeyBytes(keys, colon: false)
  }

  /// The entries of rows `order[range]`, the first without a leading `,` when `range` starts at 0.
  func write(_ order: [Int], _ range: Range<Int>, _ o: ByteBuffer) {
    forEachRow(order, range) { i, v, scratch, cells, flags, texts, k in
      write(order[i], first: i == 0, v, scratch, cells, flags, texts, k, o)
    }
  }

  /// Calls `body` for rows `order[range]` in order with the row's gathered values. The block's
  /// cells (method-input values, group scores, score, raw, reward, utility, rank, stars), its
  /// imputed flags and star gaps, and its id and label bytes are gathered first
  /// (`gather(_:rows:missing:into:)`, `gatherTexts(_:_:rows:)`: the rows come in rank order,
  /// so these reads miss the cache; read while formatting, the flags and gaps alone took a
  /// tenth of enterprises.csv's time at 1M rows).
  /// `scratch` has one slot per weight; `cells` starts with the row's method-input values, then
  /// its group scores; `flags` has the row's imputed flag per criterion of `imputed`.
  func forEachRow(
    _ order: [Int], _ range: Range<Int>,
    _ body: (
      _ i: Int, RowValues, UnsafeMutableBufferPointer<Double>, UnsafeBufferPointer<Double>, _ flags: UnsafeBufferPointer<Bool>,
      (GatheredText, GatheredText), _ k: Int
    ) -> Void
  ) {
    let n = min(weights.count, methodInput.count)
    var scratch = [Double](repeating: 0, count: n)
    let width = n + groupColumns.count + 4
    var cells: [Double] = []
    withReaders(Array(methodInput.prefix(n)) + (groupColumns + [score, raw, reward, utility]).map(UnitColumn.init)) {
      gather($0, rows: order[range], missing: .nan, into: &cells)
    }
    var ints: [Int] = []
    withColumnPointers([rank, competitionRank, stars]) { gather($0, rows: order[range], missing: 0, into: &ints) }
    var flags: [Bool] = []
    withColumnPointers(imputed) { gather($0, rows: order[range], missing: false, into: &flags) }
    let gaps: [StarGap?] = starGap.any ? order[range].map { $0 < starGap.count ? starGap[$0] : nil } : []
    let flagWidth = imputed.count
    scratch.withUnsafeMutableBufferPointer { scratch in
      cells.withUnsafeBufferPointer { cells in
        flags.withUnsafeBufferPointer { flags in
          let texts = gatherTexts(ids, labels, rows: order[range])
          for (k, i) in range.enumerated() {
            let rowCells = UnsafeBufferPointer(rebasing: cells[k * width..<(k + 1) * width])
            let values = RowValues(
              row: order[i], rank: ints[3 * k], competitionRank: ints[3 * k + 1], stars: ints[3 * k + 2],
              score: rowCells[width - 4], raw: rowCells[width - 3], reward: rowCells[width - 2], utility: rowCells[width - 1],
              starGap: gaps.isEmpty ? nil : gaps[k])
            body(i, values, scratch, rowCells, UnsafeBufferPointer(rebasing: flags[k * flagWidth..<(k + 1) * flagWidth]), texts, k)
          }
        }
      }
    }
  }

  /// The contribution shares of a row into `scratch` (`Evaluation.contributions(row:)`), from
  /// its method-input `cells`.
  @inline(__always)
  func shares(_ v: RowValues, _ cells: UnsafeBufferPointer<Double>, into scratch: UnsafeMutableBufferPointer<Double>) {
    decomposition.parts(utility: v.utility, into: scratch) { cells[$0] }
    Evaluation.shares(scratch, utility: v.utility)
  }

  /// The gathered scalar cells of one row.
  struct RowValues {
    let row: Int
    let rank: Int
    let competitionRank: Int
    let stars: Int
    let score: Double
    let raw: Double
    let reward: Double
    let utility: Double
    /// The row's star gap (`Evaluation.starGap`), nil when none.
    let starGap: StarGap?
  }

  /// One entry, preceded by `,` unless it is the `first` of the array; `cells` holds the row's
  /// method-input values (one per weight), then its group scores; `flags` its imputed flags. Contributions are the
  /// shares of the method's parts, as `Evaluation.contributions(row:)` computes them (here into
  /// `scratch`, one slot per weight), written with 9 decimals.
  private func write(
    _ row: Int, first: Bool, _ v: RowValues, _ scratch: UnsafeMutableBufferPointer<Double>,
    _ cells: UnsafeBufferPointer<Double>, _ flags: UnsafeBufferPointer<Bool>,
    _ texts: (GatheredText, GatheredText), _ k: Int, _ o: ByteBuffer
  ) {
    o.append(first ? "\n    {\"id\":" : ",\n    {\"id\":" as StaticString)
    texts.0.withValue(k) { o.append(jsonQuoted: $0) }
    o.append(",\"label\":" as StaticString)
    texts.1.withValue(k) { o.append(jsonQuoted: $0) }
    o.append(",\"rank\":" as StaticString)
    o.append(integer: v.rank)
    o.append(",\"competition_rank\":" as StaticString)
    o.append(integer: v.competitionRank)
    o.append(",\"score\":" as StaticString)
    o.append(jsonNumber: v.score)
    o.append(",\"raw\":" as StaticString)
    o.append(jsonNumber: v.raw)
    o.append(",\"stars\":" as StaticString)
    o.append(integer: v.stars)
    o.append(",\"contributions\":{" as StaticString)
    shares(v, cells, into: scratch)
    for j in 0..<min(criterionKeys.count, scratch.count) {
      criterionKeys.write(j, comma: j > 0, o)
      let share = scratch[j]
      if share.isFinite { o.append(share: share) } else { o.append("null" as StaticString) }
    }
    o.append("},\"group_scores\":{" as StaticString)
    var member = false
    for g in 0..<min(groupKeys.count, groupColumns.count) where row < groupColumns[g].count {
      groupKeys.write(g, comma: member, o)
      member = true
      o.append(jsonNumber: cells[scratch.count + g])
    }
    o.append(UInt8(ascii: "}"))
    member = false
    for j in 0..<min(imputedNames.count, flags.count) where flags[j] {
      if !member { o.append(",\"imputed\":[" as StaticString) }
      imputedNames.write(j, comma: member, o)
      member = true
    }
    if member { o.append(UInt8(ascii: "]")) }
    o.append(",\"star_gap\":" as StaticString)
    if let gap = v.starGap {
      o.append("{\"next_stars\":" as StaticString)
      o.append(integer: gap.nextStars)
      o.append(",\"points_short\":" as StaticString)
      o.append(jsonNumber: gap.pointsShort)
      o.append(",\"unmet\":[" as StaticString)
      for (i, u) in gap.unmetRequirements.enumerated() {
        if i > 0 { o.append(UInt8(ascii: ",")) }
        o.append(jsonString: u)
      }
      o.append("]}" as StaticString)
    } else {
      o.append("null" as StaticString)
    }
    if v.reward > 0 {
      o.append(",\"reward\":" as StaticString)
      o.append(jsonNumber: v.reward)
    }
    o.append(UInt8(ascii: "}"))
  }
}

/// Pre-encoded `,"key":` (or `,"key"`) byte sequences, packed in one array.
struct KeyBytes: Sendable {
  private let bytes: [UInt8]
  private let ends: [Int]

  init(_ keys: [String], colon: Bool) {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    let b = ByteBuffer(capacity: 64)
    for k in keys {
      b.removeAll()
      b.append(UInt8(ascii: ","))
      b.append(jsonString: k)
      if colon { b.append(UInt8(ascii: ":")) }
      bytes += b.bytes
      ends.append(bytes.count)
    }
    self.bytes = bytes
    self.ends = ends
  }

  var count: Int { ends.count }

  /// Appends sequence `i` to `o`, without its leading comma unless `comma`.
  @inline(__always)
  func write(_ i: Int, comma: Bool, _ o: ByteBuffer) {
    let start = (i == 0 ? 0 : ends[i - 1]) + (comma ? 0 : 1)
    bytes.withUnsafeBytes { o.append(UnsafeRawBufferPointer(rebasing: $0[start..<ends[i]])) }
  }
}
