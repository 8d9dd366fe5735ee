import Scoring

/// enterprises.csv, the per-enterprise table of the columnar layout (`run --layout columnar`,
/// docs/outputs.md): one row per ranked enterprise in rank order with every value results.json's
/// `ranking` entries hold, the keys written once in the header instead of in every entry.
///
/// UTF-8 without a byte-order mark, RFC 4180 quoting, CRLF; text is not neutralised against
/// formula injection (a table for programs: ids and labels come back exactly). Numbers as in
/// results.json: shortest round-trip, contributions with at most 9 decimals.
extension RankingEntries {
  /// The table's columns, named and typed (the types are the Arrow layout's, `ArrowIPC`):
  /// `id,label,rank,competition_rank,score,raw,stars,contribution.KEY…,group.KEY…,imputed,
  /// next_stars,points_short,unmet,reward`.
  static func tableColumns(criteria: [String], groups: [String]) -> [ArrowIPC.Field] {
    func text(_ name: String, nullable: Bool = false) -> ArrowIPC.Field { .init(name: name, type: .utf8, nullable: nullable) }
    func integer(_ name: String, nullable: Bool = false) -> ArrowIPC.Field { .init(name: name, type: .int32, nullable: nullable) }
    func number(_ name: String) -> ArrowIPC.Field { .init(name: name, type: .float64, nullable: true) }
    return [text("id"), text("label"), integer("rank"), integer("competition_rank"), number("score"), number("raw"), integer("stars")]
      + criteria.map { number("contribution." + $0) } + groups.map { number("group." + $0) }
      + [text("imputed"), integer("next_stars", nullable: true), number("points_short"), text("unmet", nullable: true), number("reward")]
  }

  /// The names of `tableColumns`, enterprises.csv's header.
  static func tableHeader(criteria: [String], groups: [String]) -> [String] {
    tableColumns(criteria: criteria, groups: groups).map(\.name)
  }

  /// Rows `order[range]` of the table (`block`, `tableTexts`).
  func writeTable(_ order: [Int], _ range: Range<Int>, _ csv: inout CSVWriter) {
    let b = block(order, range)
    let text = tableTexts(b)
    let rows = b.rows
    for k in 0..<rows {
      b.texts.0.withValue(k) { csv.text(bytes: $0) }
      b.texts.1.withValue(k) { csv.text(bytes: $0) }
      csv.integer(Int(b.ints[k]))
      csv.integer(Int(b.ints[rows + k]))
      csv.number(shortest: b.numbers[TableBlock.score * rows + k])
      csv.number(shortest: b.numbers[TableBlock.raw * rows + k])
      csv.integer(Int(b.ints[2 * rows + k]))
      for j in 0..<b.criteria { csv.share(b.numbers[(TableBlock.firstShare + j) * rows + k]) }
      for g in 0..<b.groups { csv.number(shortest: b.numbers[(b.firstGroup + g) * rows + k]) }
      csv.text(bytes: text.imputed.value(k))
      if b.hasGap[k] {
        csv.integer(Int(b.ints[3 * rows + k]))
        csv.number(shortest: b.numbers[b.pointsShort * rows + k])
        csv.text(bytes: text.unmet.value(k))
      } else {
        csv.empty(3)
      }
      csv.number(shortest: b.numbers[b.reward * rows + k])
      csv.endRow()
    }
  }
}

extension RankingEntries {
  /// The file name of the table, inside the output folder.
  static let tableFile = "enterprises.csv"

  /// Writes the table of `m`'s ranking to `path`, formatted in blocks on every core.
  static func writeTable(_ m: ReportModel, to path: String) throws(ReportError) {
    let sink = try ByteSink(path: path, durability: .byFolder)
    var csv = CSVWriter(into: ByteBuffer(capacity: 1 << 16))
    csv.neutralising = false
    let criteria = m.spec.criteria.map(\.key)
    csv.row(tableHeader(criteria: criteria, groups: m.groupKeys))
    try sink.write(csv.out)
    let entries = RankingEntries(m)
    let order = m.evaluation.order
    try BlockWriter.write(count: order.count, to: sink, workers: m.formatThreads) { range, buffer in
      var b = CSVWriter(into: buffer)
      b.neutralising = false
      entries.writeTable(order, range, &b)
    }
    try sink.close()
  }
}
