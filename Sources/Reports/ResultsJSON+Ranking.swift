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
    try BlockWriter.write(count: order.count, to: sink, workers: m.formatThreads) { range, buffer in
      entries.write(order, range, buffer)
    }
    if !order.isEmpty { w.markHasMember() }
    w.endArray()
  }
}
