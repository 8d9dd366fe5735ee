import Scoring

extension ResultsJSON {
  /// The ranking, one entry per line, formatted in blocks on every core and written
  /// in order through a bounded ring of buffers (`BlockWriter`).
  static func ranking(_ m: ReportModel, _ w: inout JSONWriter, _ sink: ByteSink) throws(ReportError) {
    let order = m.evaluation.order
    w.key("ranking")
    w.beginArray()
    try sink.write(w.out)
    w.out.removeAll()
    let entries = RankingEntries(m)
    // About 1 MiB of text per block: ~200 bytes per entry plus ~40 per criterion and group.
    let rowBytes = 200 + 40 * (m.spec.criteria.count + m.groupKeys.count)
    let blockRows = max(256, min(8_192, (1 << 20) / rowBytes))
    try BlockWriter.write(count: order.count, to: sink, blockRows: blockRows) { range, buffer in
      entries.write(order, range, buffer)
    }
    if !order.isEmpty { w.markHasMember() }
    w.endArray()
  }
}
