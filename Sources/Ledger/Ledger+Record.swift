import Foundation
import GRDB

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
      throw Ledger.failure(error, path: path, doing: "record the run in")
    }
  }

  static func insert(_ r: RunRecord, _ db: Database) throws -> Int {
    try db.execute(
      sql: """
        INSERT INTO run (year, recorded_at, exemplar_version, criteria_name, out, enterprises, ranked)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """, arguments: [r.year, r.recordedAt, r.version, r.criteriaName, r.out, r.count, r.rank.lazy.filter { $0 > 0 }.count])
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
    let firstEID = (try Int.fetchOne(db, sql: "SELECT coalesce(max(eid), 0) FROM enterprise") ?? 0) + 1
    let enterprise = try RawStatement(
      db, "INSERT INTO enterprise (eid, run, id, name, line, score, rank, stars, unranked_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
    let status = try RawStatement(
      db, "INSERT INTO status (eid, programme, run, computed, final, position, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")
    let group = try RawStatement(db, "INSERT INTO group_score (eid, grp, run, score) VALUES (?, ?, ?, ?)")
    let statusText = [RunRecord.Status.excluded, .selected, .reserve].map(\.text)
    for row in 0..<r.count {
      let eid = firstEID + row
      enterprise.bind(1, eid)
      enterprise.bind(2, run)
      r.ids.withUTF8(row) { enterprise.bind(3, utf8: $0) }
      r.names.withUTF8(row) { enterprise.bind(4, utf8: $0) }
      enterprise.bind(5, r.lines[row])
      if r.rank[row] > 0 {
        enterprise.bind(6, r.score[row])
        enterprise.bind(7, r.rank[row])
        enterprise.bind(8, r.stars[row])
        enterprise.bindNull(9)
      } else {
        enterprise.bindNull(6)
        enterprise.bindNull(7)
        enterprise.bindNull(8)
        enterprise.bind(9, r.unranked[row] ?? "")
      }
      try enterprise.step()
      for p in r.programmes {
        status.bind(1, eid)
        status.bind(2, p.key)
        status.bind(3, run)
        status.bind(4, statusText[Int(p.computed[row].rawValue)])
        status.bind(5, statusText[Int(p.final[row].rawValue)])
        if p.position[row] > 0 { status.bind(6, Int(p.position[row])) } else { status.bindNull(6) }
        let reason = Int(p.reason[row])
        if reason >= 0 { status.bind(7, Int(reasonID[reason])) } else { status.bindNull(7) }
        try status.step()
      }
      if r.rank[row] > 0 {
        for g in r.groups {
          group.bind(1, eid)
          group.bind(2, g.key)
          group.bind(3, run)
          group.bind(4, g.scores[row])
          try group.step()
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
