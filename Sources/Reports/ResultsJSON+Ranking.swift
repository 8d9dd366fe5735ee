import Scoring

extension ResultsJSON {
  /// The ranking, one entry per line, formatted in blocks on every core (`BlockWriter`).
  static func ranking(_ m: ReportModel, _ w: inout JSONWriter, _ sink: ByteSink) throws(ReportError) {
    let order = m.evaluation.order
    w.key("ranking")
    w.beginArray()
    try sink.write(w.out)
    w.out.removeAll()
    let entries = RankingEntries(m)
    try BlockWriter.write(count: order.count, to: sink) { range, buffer in
      var b = JSONWriter(into: buffer, insideArrayAt: 2, hasMember: range.lowerBound > 0)
      var scratch = [Double](repeating: 0, count: entries.ev.weights.count)
      for i in range { entries.write(order[i], &scratch, &b) }
    }
    if !order.isEmpty { w.markHasMember() }
    w.endArray()
  }
}

/// Writes ranking entries; built once, so the per-row path reads its arrays without copying.
private struct RankingEntries: Sendable {
  let ev: Evaluation
  let keys: [[UInt8]]
  let criterionKeys: [String]
  let groupKeys: [[UInt8]]
  let groupColumns: [[Double]]
  let reward: [Double]

  init(_ m: ReportModel) {
    ev = m.evaluation
    criterionKeys = m.spec.criteria.map(\.key)
    keys = criterionKeys.map { JSONWriter.compactKey($0) }
    groupKeys = m.groupKeys.map { JSONWriter.compactKey($0) }
    groupColumns = m.groupColumns
    reward = m.rewardByRow
  }

  /// One entry. Contributions are w_j·r_ij / Σ_k w_k·r_ik, as `Evaluation.contributions(row:)`
  /// computes them (here into `scratch`, sparing an array per row), written with 9 decimals.
  func write(_ row: Int, _ scratch: inout [Double], _ w: inout JSONWriter) {
    w.beginObject()
    w.field("id", ev.ids[row])
    w.field("label", ev.labels[row])
    w.field("rank", ev.rank[row])
    w.field("competition_rank", ev.competitionRank[row])
    w.field("score", ev.score[row])
    w.field("raw", ev.raw[row])
    w.field("stars", ev.stars[row])
    w.key("contributions")
    w.beginObject()
    var total = 0.0
    for j in scratch.indices {
      scratch[j] = ev.weights[j] * ev.normalised[j][row]
      total += scratch[j]
    }
    for j in keys.indices where j < scratch.count {
      w.key(compact: keys[j])
      w.share(total > 0 ? scratch[j] / total : 0)
    }
    w.endObject()
    w.key("group_scores")
    w.beginObject()
    for (g, column) in groupColumns.enumerated() where row < column.count {
      w.key(compact: groupKeys[g])
      w.number(column[row])
    }
    w.endObject()
    var anyImputed = false
    for j in keys.indices where j < ev.imputed.count && row < ev.imputed[j].count && ev.imputed[j][row] {
      if !anyImputed {
        w.key("imputed")
        w.beginArray()
        anyImputed = true
      }
      w.string(criterionKeys[j])
    }
    if anyImputed { w.endArray() }
    w.key("star_gap")
    if row < ev.starGap.count, let gap = ev.starGap[row] {
      w.beginObject()
      w.field("next_stars", gap.nextStars)
      w.field("points_short", gap.pointsShort)
      w.key("unmet")
      w.beginArray()
      for u in gap.unmetRequirements { w.string(u) }
      w.endArray()
      w.endObject()
    } else {
      w.null()
    }
    if reward[row] > 0 { w.field("reward", reward[row]) }
    w.endObject()
  }
}
