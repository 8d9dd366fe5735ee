import Foundation
internal import GRDB

extension Ledger {
  /// Records a run in one transaction and returns its number (1, 2, 3 … in recording
  /// order). `beforeCommit` runs inside the transaction after every row is written (the
  /// fault tests pause there); the run is visible to others only once this returns.
  public func record(_ r: RunRecord, beforeCommit: () -> Void = {}) throws(LedgerError) -> Int {
    do {
      var number = 0
      try queue.inTransaction(.immediate) { db in
        number = try Ledger.insert(r, db)
        beforeCommit()
        return .commit
      }
      return number
    } catch {
      throw Ledger.failure(error, path: path, doing: .record)
    }
  }

  static func insert(_ r: RunRecord, _ db: Database) throws -> Int {
    // Room for the index pages a large run touches (allocated only as used).
    try db.execute(sql: "PRAGMA cache_size = -131072")
    let firstEID = (try Int.fetchOne(db, sql: "SELECT coalesce(max(eid), 0) FROM enterprise") ?? 0) + 1
    try db.execute(
      sql: """
        INSERT INTO run (year, recorded_at, exemplar_version, criteria_name, out, enterprises, ranked, first_eid, last_eid)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        r.year, r.recordedAt, r.version, r.criteriaName, r.out, r.count, r.rank.lazy.filter { $0 > 0 }.count, firstEID,
        firstEID + r.count - 1,
      ])
    let run = Int(db.lastInsertedRowID)
    for (i, input) in r.inputs.enumerated() {
      try db.execute(
        sql: "INSERT INTO input (run, position, role, path, sha256, content) VALUES (?, ?, ?, ?, ?, ?)",
        arguments: [run, i + 1, input.role, input.path, input.sha256, input.content])
    }
    for (i, p) in r.programmes.enumerated() {
      try db.execute(
        sql: """
          INSERT INTO programme (run, programme, position, name, level, quota, reserves, history_years, valid_years)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, arguments: [run, p.key, i + 1, p.name, p.level, p.quota, p.reserves, p.historyYears, p.validYears])
    }
    // Reasons are shared by every run: look each up, insert the new ones.
    var reasonID: [Int64] = []
    for (zh, en) in r.reasons {
      try db.execute(sql: "INSERT OR IGNORE INTO reason (zh, en) VALUES (?, ?)", arguments: [zh, en])
      reasonID.append(try Int64.fetchOne(db, sql: "SELECT reason FROM reason WHERE zh = ? AND en = ?", arguments: [zh, en]) ?? 0)
    }
    for (i, m) in r.metrics.enumerated() {
      try db.execute(
        sql: "INSERT INTO metric (run, position, key, header, type) VALUES (?, ?, ?, ?, ?)",
        arguments: [run, i + 1, m.key, m.header, m.type])
    }
    try insertEnterprises(r, run: run, firstEID: firstEID, reasonID: reasonID, db)
    // The lists (few rows): what history, compare and the views read.
    let listed = try RawStatement(db, "INSERT INTO listed (run, programme, stage, list, position, eid) VALUES (?, ?, ?, ?, ?, ?)")
    for p in r.programmes {
      for (stage, column) in [("computed", p.computed), ("final", p.final)] {
        var next = [RunRecord.Status.selected: 0, .reserve: 0]
        for row in stage == "final" ? p.finalOrder : p.computedOrder where column[row] != .excluded {
          next[column[row], default: 0] += 1
          listed.bind(1, run)
          listed.bind(2, p.key)
          listed.bind(3, stage)
          listed.bind(4, column[row].text)
          listed.bind(5, next[column[row]] ?? 0)
          listed.bind(6, firstEID + row)
          try listed.step()
        }
      }
    }
    for a in r.rewards {
      try db.execute(
        sql: "INSERT INTO reward (run, eid, source, entitled, granted, superseded) VALUES (?, ?, ?, ?, ?, ?)",
        arguments: [run, firstEID + a.row, a.source, a.entitled, a.granted, a.superseded ? 1 : 0])
    }
    return run
  }
}
