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

  /// Rows `order[range]` of ranking.csv; the group and normalised columns are read through
  /// buffer pointers (no per-cell retain of the inner arrays).
  func rankingRows(_ order: [Int], _ range: Range<Int>, _ csv: inout CSVWriter) {
    var reasons = programmes.map { _ in ReasonText(english: labels.english) }
    withColumnPointers(groupColumns) { groups in
      withColumnPointers(normalisedColumns) { normalised in
        for i in range { rankingRow(order[i], &reasons, groups, normalised, &csv) }
      }
    }
  }

  /// rank, competition rank, the common cells, status and reason per programme, reward.
  private func rankingRow(
    _ row: Int, _ reasons: inout [ReasonText], _ groups: [UnsafeBufferPointer<Double>],
    _ normalised: [UnsafeBufferPointer<Double>], _ csv: inout CSVWriter
  ) {
    csv.integer(ev.rank[row])
    csv.integer(ev.competitionRank[row])
    commonCells(row, groups, normalised, &csv)
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
      withColumnPointers(groupColumns) { groups in
        withColumnPointers(normalisedColumns) { normalised in commonCells(row, groups, normalised, &csv) }
      }
    } else {
      commonCells(row, nil, nil, &csv)
    }
    rewardCell(row, &csv)
    csv.endRow()
  }

  /// id, name, score, stars, group scores, normalised criterion values (the last two empty
  /// when their columns are nil).
  private func commonCells(
    _ row: Int, _ groups: [UnsafeBufferPointer<Double>]?, _ normalised: [UnsafeBufferPointer<Double>]?,
    _ csv: inout CSVWriter
  ) {
    csv.text(ev.ids[row])
    csv.text(ev.labels[row])
    guard ev.rank[row] > 0 else {
      csv.empty(2 + groupColumns.count + normalisedColumns.count)
      return
    }
    csv.number(ev.score[row], decimals: scoreDecimals)
    csv.integer(ev.stars[row])
    guard let groups, let normalised else {
      csv.empty(groupColumns.count + normalisedColumns.count)
      return
    }
    for g in groups { csv.number(row < g.count ? g[row] : nil, decimals: scoreDecimals) }
    for c in normalised { csv.number(row < c.count ? c[row] : nil, decimals: CSVReports.normalisedDecimals) }
  }

  /// The granted reward with 2 decimals, empty when none.
  private func rewardCell(_ row: Int, _ csv: inout CSVWriter) {
    let x = reward[row]
    csv.number(x > 0 ? x : nil, decimals: 2)
  }
}
