import Model
import Scoring
import Selection

/// Formats the rows of ranking.csv and shortlists/KEY.csv (columns in docs/outputs.md).
/// Built once per file, so the per-row path reads its arrays without copying.
struct CSVRows: Sendable {
  let ev: Evaluation
  let labels: Labels
  let programmes: [ProgrammeDecision]
  let status: [[UInt8]]
  /// Computed statuses per programme (`ReportModel.computedStatus`; empty without decisions).
  let computedStatus: [[UInt8]]
  let excludedReason: [[Int32]]
  let reasonTexts: [[String]]
  let groupColumns: [[Double]]
  let normalisedColumns: [UnitColumn]
  let reward: [Double]
  /// Ids and labels, packed (`ReportModel.idText`, `labelText`).
  let ids: TextColumn
  let names: TextColumn
  /// `ReportModel.idWidth`.
  let idWidth: Int?
  let scoreDecimals: Int
  /// Status words by `ShortlistStatus` raw value (index 0: not on the list).
  let statusWords: [String]
  /// Id cells as `="ID"` for Excel (`ReportOptions.excelTextIDs`).
  let excelTextIDs: Bool

  init(_ m: ReportModel) {
    ev = m.evaluation
    labels = m.labels
    programmes = m.decision.programmes
    status = m.status
    computedStatus = m.computedStatus
    excludedReason = m.excludedReason
    reasonTexts = m.reasonTexts
    groupColumns = m.groupColumns
    normalisedColumns = m.normalisedColumns
    reward = m.rewardByRow
    ids = m.idText
    names = m.labelText
    idWidth = m.idWidth
    scoreDecimals = m.spec.evaluation.scoreDecimals
    statusWords = ["", m.labels.selected, m.labels.reserve, m.labels.excluded]
    excelTextIDs = m.options.excelTextIDs
  }

  /// The number columns of a ranking row in `FixedCodes`' order (score, group scores,
  /// normalised criteria), with their decimals.
  var codedColumns: (columns: [UnitColumn], decimals: [Int]) {
    (
      ([ev.score] + groupColumns).map(UnitColumn.init) + normalisedColumns,
      [Int](repeating: scoreDecimals, count: 1 + groupColumns.count)
        + [Int](repeating: CSVReports.normalisedDecimals, count: normalisedColumns.count)
    )
  }

  /// Rows `order[range]` of ranking.csv. A row's number cells are read at once from `codes`
  /// (built from `codedColumns`; a cell they do not hold is formatted from its column). Its
  /// ranks, stars, reward, id and name are gathered first (`gather`, `gatherTexts`: the rows
  /// come in rank order, so these reads miss the cache), then the rows are formatted.
  func rankingRows(_ order: [Int], _ range: Range<Int>, codes: FixedCodes, _ csv: inout CSVWriter) {
    let w = codes.width
    var cells = [UInt16](repeating: FixedCodes.none, count: range.count * w)
    cells.withUnsafeMutableBufferPointer { cells in
      for (k, row) in order[range].enumerated() where row < codes.rows {
        (cells.baseAddress! + k * w).update(from: codes.codes.baseAddress! + row * w, count: w)
      }
    }
    var ints: [Int] = []
    withColumnPointers([ev.rank, ev.competitionRank, ev.stars]) { gather($0, rows: order[range], missing: 0, into: &ints) }
    var rewards: [Double] = []
    withColumnPointers([reward]) { gather($0, rows: order[range], missing: .nan, into: &rewards) }
    let texts = gatherTexts(ids, names, rows: order[range], idWidth: idWidth)
    withReaders(codes.columns) { columns in
      cells.withUnsafeBufferPointer { cells in
        codes.decimals.withUnsafeBufferPointer { decimals in
          // One cell, from its code or (none) from its column.
          func cell(_ k: Int, _ row: Int, _ j: Int) {
            let code = cells[k * w + j]
            if code != FixedCodes.none {
              csv.number(code: code, decimals: decimals[j])
            } else {
              csv.number(row < columns[j].count ? columns[j][row] : .nan, decimals: decimals[j])
            }
          }
          for (k, row) in order[range].enumerated() {
            csv.integer(ints[3 * k])
            csv.integer(ints[3 * k + 1])
            texts.0.withValue(k) { csv.id(bytes: $0, excelText: excelTextIDs) }
            texts.1.withValue(k) { csv.text(bytes: $0) }
            if ints[3 * k] > 0 {
              cell(k, row, 0)
              csv.integer(ints[3 * k + 2])  // stars follow the score
              let rest = UnsafeBufferPointer(rebasing: cells[(k * w + 1)..<(k * w + w)])
              if rest.contains(FixedCodes.none) {
                for j in 1..<w { cell(k, row, j) }
              } else {
                csv.numbers(codes: rest, decimals: UnsafeBufferPointer(rebasing: decimals[1...]))
              }
            } else {
              csv.empty(1 + w)
            }
            programmeCells(row, &csv)
            rewardCell(rewards[k], &csv)
            csv.endRow()
          }
        }
      }
    }
  }

  /// Status and reason per programme (and the computed status, when decisions were applied).
  private func programmeCells(_ row: Int, _ csv: inout CSVWriter) {
    for p in programmes.indices {
      let s = status[p][row]
      csv.text(Int(s) < statusWords.count ? statusWords[Int(s)] : "")
      if s == ShortlistStatus.excluded.rawValue {
        csv.text(reasonTexts[p][Int(excludedReason[p][row])])
      } else {
        csv.empty()
      }
      if p < computedStatus.count { computedCell(p, row, &csv) }
    }
  }

  /// The computed status of `row` on programme `p` (入选/候补/未入选).
  func computedCell(_ p: Int, _ row: Int, _ csv: inout CSVWriter) {
    let s = Int(computedStatus[p][row])
    csv.text(s < statusWords.count ? statusWords[s] : "")
  }

  /// status, position, reason, computed status (with decisions), rank, the common cells
  /// (group and normalised only when `full`), this programme's reward.
  func shortlistRow(
    _ row: Int, programme p: Int, _ status: String, _ position: Int, _ reason: String, reward: Double, full: Bool,
    _ csv: inout CSVWriter
  ) {
    csv.text(status)
    csv.integer(position)
    csv.text(reason)
    if p < computedStatus.count { computedCell(p, row, &csv) }
    let r = ev.rank[row]
    if r > 0 { csv.integer(r) } else { csv.empty() }
    if full {
      let cells = groupColumns.map { row < $0.count ? $0[row] : .nan } + normalisedColumns.map { row < $0.count ? $0[row] : .nan }
      cells.withUnsafeBufferPointer { commonCells(row, rank: r, score: ev.score[row], stars: ev.stars[row], $0, &csv) }
    } else {
      commonCells(row, rank: r, score: ev.score[row], stars: ev.stars[row], nil, &csv)
    }
    rewardCell(reward, &csv)
    csv.endRow()
  }

  /// id, name, score, stars, then `cells`: the group scores and normalised criterion values
  /// of the row (NaN = empty cell), or all empty when `cells` is nil; only id and name when
  /// the row is unranked (`rank` 0).
  private func commonCells(
    _ row: Int, rank: Int, score: Double, stars: Int, _ cells: UnsafeBufferPointer<Double>?, _ csv: inout CSVWriter
  ) {
    ids.utf8.withUnsafeBufferPointer { csv.id(bytes: UnsafeBufferPointer(rebasing: $0[ids.byteRange(row)]), excelText: excelTextIDs) }
    names.utf8.withUnsafeBufferPointer { csv.text(bytes: UnsafeBufferPointer(rebasing: $0[names.byteRange(row)])) }
    numberCells(rank: rank, score: score, stars: stars, cells, &csv)
  }

  /// score, stars, then `cells` (see `commonCells`).
  private func numberCells(
    rank: Int, score: Double, stars: Int, _ cells: UnsafeBufferPointer<Double>?, _ csv: inout CSVWriter
  ) {
    guard rank > 0 else {
      csv.empty(2 + groupColumns.count + normalisedColumns.count)
      return
    }
    csv.number(score, decimals: scoreDecimals)
    csv.integer(stars)
    guard let cells else {
      csv.empty(groupColumns.count + normalisedColumns.count)
      return
    }
    for (j, x) in cells.enumerated() {
      csv.number(x, decimals: j < groupColumns.count ? scoreDecimals : CSVReports.normalisedDecimals)
    }
  }

  /// The granted reward `x` with 2 decimals, empty when none.
  private func rewardCell(_ x: Double, _ csv: inout CSVWriter) {
    csv.number(x > 0 ? x : nil, decimals: 2)
  }
}
