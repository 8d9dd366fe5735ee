import Dispatch
internal import GRDB
import Model

extension Ledger {
  /// The `enterprise` rows of a run, in file order (`eid` = `firstEID` + row): one
  /// prepared statement, every text built in reused buffers and bound without a copy, the
  /// id and name bound from the packed columns. (Written in id order, the index would grow
  /// at its end, but reading the run's columns in that order cost more in cache misses
  /// than SQLite saved.)
  static func insertEnterprises(_ r: RunRecord, run: Int, firstEID: Int, reasonID: [Int64], _ db: Database) throws {
    let enterprise = try RawStatement(
      db,
      """
      INSERT INTO enterprise (eid, run, id, name, line, score, rank, stars, unranked_reason, group_scores, statuses, metrics)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    // The rows' texts are encoded a chunk ahead, on the other core, while this thread
    // inserts (`EnterpriseTextEncoder`); one chunk is being encoded at a time.
    let encoder = EnterpriseTextEncoder(r, reasonID: reasonID)
    let size = EnterpriseTextEncoder.chunkRows
    let chunks = stride(from: 0, to: r.count, by: size).map { $0..<min($0 + size, r.count) }
    let slots = [EnterpriseTextChunk(encoder), EnterpriseTextChunk(encoder)]
    let encoding = DispatchGroup()
    func encodeAhead(_ k: Int) {
      guard k < chunks.count else { return }
      let (rows, chunk) = (chunks[k], slots[k % 2])
      encoding.enter()
      DispatchQueue.global().async {
        encoder.encode(rows, into: chunk)
        encoding.leave()
      }
    }
    encodeAhead(0)
    // An error thrown below leaves at most one chunk being encoded: wait for it, so that
    // no thread writes into a chunk after this function has returned.
    defer { encoding.wait() }
    for (k, rows) in chunks.enumerated() {
      encoding.wait()
      encodeAhead(k + 1)
      let chunk = slots[k % 2]
      var at = 0
      for (i, row) in rows.enumerated() {
        let (groupsEnd, statusesEnd, metricsEnd) = (chunk.ends[3 * i], chunk.ends[3 * i + 1], chunk.ends[3 * i + 2])
        enterprise.bind(1, firstEID + row)
        enterprise.bind(2, run)
        enterprise.bind(5, r.lines[row])
        if r.rank[row] > 0 {
          enterprise.bind(6, r.score[row])
          enterprise.bind(7, r.rank[row])
          enterprise.bind(8, r.stars[row])
          enterprise.bindNull(9)
          enterprise.bindStatic(10, utf8: chunk.slice(at, groupsEnd))
        } else {
          enterprise.bindNull(6)
          enterprise.bindNull(7)
          enterprise.bindNull(8)
          enterprise.bind(9, r.unranked[row] ?? "")
          enterprise.bindNull(10)
        }
        enterprise.bindStatic(11, utf8: chunk.slice(groupsEnd, statusesEnd))
        if r.metrics.isEmpty { enterprise.bindNull(12) } else { enterprise.bindStatic(12, utf8: chunk.slice(statusesEnd, metricsEnd)) }
        at = metricsEnd
        // The id and name are bound from the packed columns' storage, which stays put
        // until the row is written.
        try r.ids.withUTF8(row) { id in
          try r.names.withUTF8(row) { name in
            enterprise.bindStatic(3, utf8: id)
            enterprise.bindStatic(4, utf8: name)
            try enterprise.step()
          }
        }
      }
    }
  }
}
