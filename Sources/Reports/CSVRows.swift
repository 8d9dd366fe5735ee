import Scoring
import Selection

/// Formats the rows of ranking.csv and shortlists/KEY.csv (columns in docs/outputs.md).
/// Built once per file, so the per-row path reads its arrays without copying.
struct CSVRows: Sendable {
  let ev: Evaluation
  let labels: Labels
  let programmes: [ProgrammeDecision]
  let status: [[UInt8]]
  let excludedIndex: [[Int32]]
  let groupColumns: [[Double]]
  let normalisedColumns: [[Double]]
  let reward: [Double]
  let scoreDecimals: Int
  /// Status words by `ShortlistStatus` raw value (index 0: not on the list).
  let statusWords: [String]

  init(_ m: ReportModel) {
    ev = m.evaluation
    labels = m.labels
    programmes = m.decision.programmes
    status = m.status
    excludedIndex = m.excludedIndex
    groupColumns = m.groupColumns
    normalisedColumns = m.normalisedColumns
    reward = m.rewardByRow
    scoreDecimals = m.spec.evaluation.scoreDecimals
    statusWords = ["", m.labels.selected, m.labels.reserve, m.labels.excluded]
  }

  /// Rows `order[range]` of ranking.csv. The group and normalised cells of the block are
  /// gathered first (`gather(_:rows:into:)`: the rows come in rank order, so these reads miss
  /// the cache), then formatted.
  func rankingRows(_ order: [Int], _ range: Range<Int>, _ csv: inout CSVWriter) {
    var reasons = programmes.map { _ in ReasonText(english: labels.english) }
    let width = groupColumns.count + normalisedColumns.count
    var cells: [Double] = []
    withColumnPointers(groupColumns + normalisedColumns) { gather($0, rows: order[range], into: &cells) }
    cells.withUnsafeBufferPointer { cells in
      for (k, i) in range.enumerated() {
        rankingRow(order[i], &reasons, UnsafeBufferPointer(rebasing: cells[k * width..<(k + 1) * width]), &csv)
      }
    }
  }

  /// rank, competition rank, the common cells, status and reason per programme, reward.
  private func rankingRow(
    _ row: Int, _ reasons: inout [ReasonText], _ cells: UnsafeBufferPointer<Double>, _ csv: inout CSVWriter
  ) {
    csv.integer(ev.rank[row])
    csv.integer(ev.competitionRank[row])
    commonCells(row, cells, &csv)
    for p in programmes.indices {
      let s = status[p][row]
      csv.text(Int(s) < statusWords.count ? statusWords[Int(s)] : "")
      if s == ShortlistStatus.excluded.rawValue {
        csv.text(reasons[p](programmes[p].excluded[Int(excludedIndex[p][row])].reason))
      } else {
        csv.empty()
      }
    }
    rewardCell(row, &csv)
    csv.endRow()
  }

  /// status, position, reason, rank, the common cells (group and normalised only when `full`), reward.
  func shortlistRow(_ row: Int, _ status: String, _ position: Int, _ reason: String, full: Bool, _ csv: inout CSVWriter) {
    csv.text(status)
    csv.integer(position)
    csv.text(reason)
    let r = ev.rank[row]
    if r > 0 { csv.integer(r) } else { csv.empty() }
    if full {
      let cells = (groupColumns + normalisedColumns).map { row < $0.count ? $0[row] : .nan }
      cells.withUnsafeBufferPointer { commonCells(row, $0, &csv) }
    } else {
      commonCells(row, nil, &csv)
    }
    rewardCell(row, &csv)
    csv.endRow()
  }

  /// id, name, score, stars, then `cells`: the group scores and normalised criterion values
  /// of the row (NaN = empty cell), or all empty when `cells` is nil.
  private func commonCells(_ row: Int, _ cells: UnsafeBufferPointer<Double>?, _ csv: inout CSVWriter) {
    csv.text(ev.ids[row])
    csv.text(ev.labels[row])
    guard ev.rank[row] > 0 else {
      csv.empty(2 + groupColumns.count + normalisedColumns.count)
      return
    }
    csv.number(ev.score[row], decimals: scoreDecimals)
    csv.integer(ev.stars[row])
    guard let cells else {
      csv.empty(groupColumns.count + normalisedColumns.count)
      return
    }
    for (j, x) in cells.enumerated() {
      csv.number(x, decimals: j < groupColumns.count ? scoreDecimals : CSVReports.normalisedDecimals)
    }
  }

  /// The granted reward with 2 decimals, empty when none.
  private func rewardCell(_ row: Int, _ csv: inout CSVWriter) {
    let x = reward[row]
    csv.number(x > 0 ? x : nil, decimals: 2)
  }
}
