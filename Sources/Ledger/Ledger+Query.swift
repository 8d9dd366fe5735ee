internal import GRDB
import Model

extension Ledger {
  /// The run standing for each year, by year.
  public func yearRuns() throws(LedgerError) -> [YearRun] {
    do {
      return try queue.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT r.year,
                   coalesce((SELECT f.run FROM final f WHERE f.year = r.year GROUP BY f.run ORDER BY count(*) DESC, f.run DESC LIMIT 1), max(r.run)),
                   EXISTS (SELECT 1 FROM final f WHERE f.year = r.year)
            FROM run r GROUP BY r.year ORDER BY r.year
            """
        ).map { YearRun(year: $0[0], run: $0[1], isFinal: $0[2]) }
      }
    } catch {
      throw Ledger.failure(error, path: path, doing: .read)
    }
  }

  /// The enterprise `id` (canonical) in the run standing for each year it appears in.
  public func enterpriseHistory(id: String) throws(LedgerError) -> [EnterpriseYear] {
    let years = try yearRuns()
    do {
      return try queue.read { db in
        var out: [EnterpriseYear] = []
        for y in years {
          guard
            let e = try Row.fetchOne(
              db, sql: "SELECT eid, name, score, rank, stars, unranked_reason FROM enterprise WHERE id = ? AND run = ?",
              arguments: [id, y.run])
          else { continue }
          let eid: Int64 = e[0]
          let ranked = try Int.fetchOne(db, sql: "SELECT ranked FROM run WHERE run = ?", arguments: [y.run]) ?? 0
          let groups = try Row.fetchAll(db, sql: "SELECT grp, score FROM group_score WHERE eid = ?", arguments: [eid]).map {
            (key: $0[0] as String, score: $0[1] as Double)
          }
          let statuses = try Row.fetchAll(
            db,
            sql: """
              SELECT d.programme, p.name, d.computed, d.final, d.position, d.reason_zh, d.reason_en
              FROM decision d JOIN programme p ON p.run = d.run AND p.programme = d.programme
              WHERE d.eid = ? ORDER BY p.position
              """, arguments: [eid]
          ).map { EnterpriseYear.Status(programme: $0[0], name: $0[1], computed: $0[2], final: $0[3], position: $0[4], reasonZH: $0[5], reasonEN: $0[6]) }
          let metrics = try Row.fetchAll(
            db,
            sql: """
              SELECT m.key, m.header, m.type, j.type, j.value FROM enterprise e JOIN json_each(e.metrics) j
              JOIN metric m ON m.run = e.run AND m.position = j.key + 1 WHERE e.eid = ? ORDER BY m.position
              """, arguments: [eid]
          ).map { row in
            let jsonType: String = row[3]
            let cell: DatabaseValue = row[4]
            let value: String?
            switch (jsonType, cell.storage) {
            case ("true", _), ("false", _): value = jsonType
            case (_, .int64(let i)): value = "\(i)"
            case (_, .double(let x)): value = formatNumber(x)
            case (_, .string(let t)): value = t
            default: value = nil
            }
            return EnterpriseYear.Metric(key: row[0], header: row[1], type: row[2], value: value)
          }
          out.append(
            EnterpriseYear(
              year: y, name: e[1], score: e[2], rank: e[3], ranked: ranked, stars: e[4], unrankedReason: e[5], groups: groups,
              statuses: statuses, metrics: metrics))
        }
        return out
      }
    } catch {
      throw Ledger.failure(error, path: path, doing: .read)
    }
  }

  /// The ranking and final lists of the run standing for `year`; nil when no run has it.
  public func snapshot(year: Int) throws(LedgerError) -> RunSnapshot? {
    guard let y = try yearRuns().first(where: { $0.year == year }) else { return nil }
    do {
      return try queue.read { db in
        var enterprises: [String: (name: String, rank: Int?, stars: Int?)] = [:]
        let rows = try Row.fetchCursor(
          db, sql: "SELECT e.id, e.name, e.rank, e.stars FROM run r JOIN enterprise e ON e.eid BETWEEN r.first_eid AND r.last_eid WHERE r.run = ?",
          arguments: [y.run])
        while let r = try rows.next() { enterprises[r[0]] = (r[1], r[2], r[3]) }
        var programmes: [(key: String, name: String, selected: [String])] = []
        for p in try Row.fetchAll(db, sql: "SELECT programme, name FROM programme WHERE run = ? ORDER BY position", arguments: [y.run]) {
          let selected = try String.fetchAll(
            db,
            sql: """
              SELECT e.id FROM listed l JOIN enterprise e ON e.eid = l.eid
              WHERE l.run = ? AND l.programme = ? AND l.stage = 'final' AND l.list = 'selected' ORDER BY l.position
              """, arguments: [y.run, p[0] as String])
          programmes.append((p[0], p[1], selected))
        }
        return RunSnapshot(year: y, enterprises: enterprises, programmes: programmes)
      }
    } catch {
      throw Ledger.failure(error, path: path, doing: .read)
    }
  }

  /// The rank of each of `ids` in each of `runs` (nil where absent or unranked).
  public func ranks(of ids: [String], runs: [Int]) throws(LedgerError) -> [[Int?]] {
    do {
      return try queue.read { db in
        try ids.map { id in
          try runs.map { run in
            try Int.fetchOne(db, sql: "SELECT rank FROM enterprise WHERE id = ? AND run = ?", arguments: [id, run])
          }
        }
      }
    } catch {
      throw Ledger.failure(error, path: path, doing: .read)
    }
  }
}

extension Ledger {
  /// The criteria file's text recorded with `run` (nil when the run recorded none).
  public func criteriaText(run: Int) throws(LedgerError) -> String? {
    do {
      return try queue.read { db in
        try String.fetchOne(
          db, sql: "SELECT content FROM input WHERE run = ? AND role = 'criteria' ORDER BY position LIMIT 1", arguments: [run])
      }
    } catch {
      throw Ledger.failure(error, path: path, doing: .read)
    }
  }
}
