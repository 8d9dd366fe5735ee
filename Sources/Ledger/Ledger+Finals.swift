internal import GRDB
import Model

extension Ledger {
  /// Every run, in recording order.
  public func runs() throws(LedgerError) -> [RunSummary] {
    do {
      return try queue.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT r.run, r.year, r.recorded_at, r.criteria_name, r.out, r.enterprises, r.ranked,
                   (SELECT group_concat(programme, ',') FROM (SELECT programme FROM final f WHERE f.run = r.run ORDER BY programme)) AS finals
            FROM run r ORDER BY r.run
            """
        ).map { row in
          let finals = (row[7] as String?).map { $0.split(separator: ",").map(String.init) } ?? []
          return RunSummary(
            run: row[0], year: row[1], recordedAt: row[2], criteriaName: row[3], out: row[4], enterprises: row[5], ranked: row[6],
            finals: finals, finalProgrammes: try Self.programmes(of: row[0], in: db).filter { finals.contains($0.key) })
        }
      }
    } catch {
      throw Ledger.failure(error, path: path, doing: .read)
    }
  }

  /// Marks `run` as its year's final for every programme it has; returns the year and the
  /// programmes' keys and recorded names, in the criteria file's order. Refused when the run does not exist or when its year already has a final
  /// for one of them (a final is never changed: the database refuses it too).
  public func markFinal(run: Int, at time: String) throws(LedgerError) -> (year: Int, programmes: [String], names: [String]) {
    do {
      var result: (Int, [String], [String])?
      var conflict: [String] = []
      try queue.inTransaction(.immediate) { db in
        guard let year = try Int.fetchOne(db, sql: "SELECT year FROM run WHERE run = ?", arguments: [run]) else { return .rollback }
        let named = try Self.programmes(of: run, in: db)
        let programmes = named.map(\.key)
        for p in programmes {
          if let other = try Int.fetchOne(db, sql: "SELECT run FROM final WHERE year = ? AND programme = ?", arguments: [year, p]) {
            conflict.append("\(p) (run \(other))")
          }
        }
        guard conflict.isEmpty else { return .rollback }
        for p in programmes {
          try db.execute(sql: "INSERT INTO final (year, programme, run, marked_at) VALUES (?, ?, ?, ?)", arguments: [year, p, run, time])
        }
        result = (year, programmes, named.map(\.name))
        return .commit
      }
      if !conflict.isEmpty {
        throw LedgerError(
          .data, path: path,
          Message(
            zh: "第 \(run) 次运行：该年度已有 \(conflict.joined(separator: "、")) 的终稿；终稿不能更改或替换",
            en: "run \(run): its year already has a final for \(conflict.joined(separator: ", ")); a final cannot be changed or replaced"))
      }
      guard let result else { throw LedgerError(.data, path: path, Message(zh: "台账中没有第 \(run) 次运行（见 `exemplar ledger list`）", en: "no run \(run) in the ledger (see `exemplar ledger list`)")) }
      return result
    } catch let e as LedgerError {
      throw e
    } catch {
      throw Ledger.failure(error, path: path, doing: .write)
    }
  }

  /// The recommendations of every final before `year` (all years when nil), ordered by
  /// year, programme, id.
  public func finalHistory(before year: Int? = nil) throws(LedgerError) -> [FinalEntry] {
    do {
      return try queue.read { db in
        let rows = try Row.fetchCursor(
          db, sql: "SELECT id, year, programme, run FROM history WHERE year < ? ORDER BY year, programme, id",
          arguments: [year ?? Int.max])
        var out: [FinalEntry] = []
        while let row = try rows.next() { out.append(FinalEntry(id: row[0], year: row[1], programme: row[2], run: row[3])) }
        return out
      }
    } catch {
      throw Ledger.failure(error, path: path, doing: .read)
    }
  }

  /// The programmes `run` recorded, with their names, in the criteria file's order.
  static func programmes(of run: Int, in db: Database) throws -> [ProgrammeName] {
    try Row.fetchAll(db, sql: "SELECT programme, name FROM programme WHERE run = ? ORDER BY position", arguments: [run])
      .map { ProgrammeName(key: $0[0], name: $0[1]) }
  }
}
