import Scoring

extension ResultsJSON {
  /// The ranking, one entry per line, formatted in blocks on every core and written
  /// in order through a bounded ring of buffers (`BlockWriter`); in the columnar and Arrow
  /// layouts, an object naming the table file (enterprises.csv, enterprises.arrow) and its
  /// columns instead.
  static func ranking(_ m: ReportModel, _ w: inout JSONWriter, _ sink: ByteSink) throws(ReportError) {
    let order = m.evaluation.order
    w.key("ranking")
    if let file = m.options.layout.tableFile {
      w.beginObject()
      w.field("layout", m.options.layout.rawValue)
      w.field("file", file)
      w.field("rows", order.count)
      w.key("columns")
      w.beginArray()
      for c in RankingEntries.tableHeader(criteria: m.spec.criteria.map(\.key), groups: m.groupKeys) { w.string(c) }
      w.endArray()
      w.endObject()
      return
    }
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
