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
  /// `ReportModel.idWidth`.
  let idWidth: Int?
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
  /// The criterion keys (the tables' `imputed` text).
  let criteria: [String]
  /// Each of `starGap.unmetLists` joined by ` | ` (the tables' `unmet` text), once per file.
  let unmetTexts: [String]

  init(_ m: ReportModel) {
    let ev = m.evaluation
    ids = m.idText
    labels = m.labelText
    idWidth = m.idWidth
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
    criteria = keys
    unmetTexts = ev.starGap.unmetLists.map { $0.joined(separator: " | ") }
    criterionKeys = KeyBytes(keys, colon: true)
    groupKeys = KeyBytes(m.groupKeys, colon: true)
    imputedNames = KeyBytes(keys, colon: false)
  }

  /// The entries of rows `order[range]`, the first without a leading `,` when `range` starts
  /// at 0, from the block's values (`block`). Contributions are written with 9 decimals.
  func write(_ order: [Int], _ range: Range<Int>, _ o: ByteBuffer) {
    let b = block(order, range)
    let rows = b.rows
    let lists = starGap.unmetLists
    let width = b.flagged.count
    for k in 0..<rows {
      let row = order[range.lowerBound + k]
      o.append(range.lowerBound + k == 0 ? "\n    {\"id\":" : ",\n    {\"id\":" as StaticString)
      b.texts.0.withValue(k) { o.append(jsonQuoted: $0) }
      o.append(",\"label\":" as StaticString)
      b.texts.1.withValue(k) { o.append(jsonQuoted: $0) }
      o.append(",\"rank\":" as StaticString)
      o.append(integer: Int(b.ints[k]))
      o.append(",\"competition_rank\":" as StaticString)
      o.append(integer: Int(b.ints[rows + k]))
      o.append(",\"score\":" as StaticString)
      o.append(jsonNumber: b.numbers[TableBlock.score * rows + k])
      o.append(",\"raw\":" as StaticString)
      o.append(jsonNumber: b.numbers[TableBlock.raw * rows + k])
      o.append(",\"stars\":" as StaticString)
      o.append(integer: Int(b.ints[2 * rows + k]))
      o.append(",\"contributions\":{" as StaticString)
      for j in 0..<min(criterionKeys.count, b.shareCount) {
        criterionKeys.write(j, comma: j > 0, o)
        let share = b.numbers[(TableBlock.firstShare + j) * rows + k]
        if share.isFinite { o.append(share: share) } else { o.append("null" as StaticString) }
      }
      o.append("},\"group_scores\":{" as StaticString)
      var member = false
      for g in 0..<min(groupKeys.count, groupColumns.count) where row < groupColumns[g].count {
        groupKeys.write(g, comma: member, o)
        member = true
        o.append(jsonNumber: b.numbers[(b.firstGroup + g) * rows + k])
      }
      o.append(UInt8(ascii: "}"))
      member = false
      for i in 0..<width where b.marks[k * width + i] && b.flagged[i] < imputedNames.count {
        if !member { o.append(",\"imputed\":[" as StaticString) }
        imputedNames.write(b.flagged[i], comma: member, o)
        member = true
      }
      if member { o.append(UInt8(ascii: "]")) }
      o.append(",\"star_gap\":" as StaticString)
      if b.hasGap[k] {
        o.append("{\"next_stars\":" as StaticString)
        o.append(integer: Int(b.ints[3 * rows + k]))
        o.append(",\"points_short\":" as StaticString)
        o.append(jsonNumber: b.numbers[b.pointsShort * rows + k])
        o.append(",\"unmet\":[" as StaticString)
        for (i, u) in lists[Int(b.gapList[k])].enumerated() {
          if i > 0 { o.append(UInt8(ascii: ",")) }
          o.append(jsonString: u)
        }
        o.append("]}" as StaticString)
      } else {
        o.append("null" as StaticString)
      }
      let reward = b.numbers[b.reward * rows + k]
      if reward.isFinite {
        o.append(",\"reward\":" as StaticString)
        o.append(jsonNumber: reward)
      }
      o.append(UInt8(ascii: "}"))
    }
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
