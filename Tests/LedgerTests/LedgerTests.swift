import Foundation
import Model
import Testing
import GRDB

@testable import Ledger

/// A small run: three enterprises, one programme.
func sampleRecord(year: Int, selected: Int = 0, out: String = "out") -> RunRecord {
  var p = RunRecord.Programme(key: "city", name: "City", level: "local", quota: 1, reserves: 1, historyYears: 2, validYears: 3, rows: 3)
  for row in 0..<3 {
    p.computed[row] = row == selected ? .selected : .excluded
    p.final[row] = p.computed[row]
    p.position[row] = row == selected ? 1 : 0
    p.reason[row] = row == selected ? -1 : 0
  }
  p.finalOrder = [selected]
  p.computedOrder = [selected]
  return RunRecord(
    year: year, recordedAt: "2026-01-01T00:00:00Z", version: "test", criteriaName: "c", out: out,
    inputs: [.init(role: "criteria", path: "c.toml", sha256: "00", content: "[evaluation]\n")],
    ids: ["A1", "B2", "C3"], names: ["甲", "乙", "丙"], lines: [2, 3, 4], score: [90, 80, 0], rank: [1, 2, 0], stars: [4, 3, 0],
    unranked: [2: "screened"], groups: [(key: "cost", scores: [1, 2, 0])], programmes: [p],
    reasons: [(zh: "未入选", en: "below the line")], rewards: [.init(row: 0, source: "city", entitled: 10, granted: 10, superseded: false)])
}

func temporaryPath(_ name: String) -> String {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-tests-\(UUID().uuidString)")
  try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  return dir.appendingPathComponent(name).path
}

@Suite struct LedgerTests {
  @Test func recordsNumbersRunsAndFinals() throws {
    let path = temporaryPath("l.db")
    let ledger = try Ledger.open(path: path, create: true)
    #expect(try ledger.record(sampleRecord(year: 2022)) == 1)
    #expect(try ledger.record(sampleRecord(year: 2022, selected: 1)) == 2)
    let final = try ledger.markFinal(run: 2, at: "t")
    #expect(final.year == 2022 && final.programmes == ["city"])
    #expect(try ledger.finalHistory(before: 2023) == [FinalEntry(id: "B2", year: 2022, programme: "city", run: 2)])
    #expect(try ledger.finalHistory(before: 2022).isEmpty)
    #expect(throws: LedgerError.self) { try ledger.markFinal(run: 1, at: "t") }
    #expect(throws: LedgerError.self) { try ledger.markFinal(run: 9, at: "t") }
    #expect(try ledger.runs().map(\.finals) == [[], ["city"]])
  }

  @Test func viewsReadTheStatusesAndGroupScores() throws {
    let ledger = try Ledger.open(path: temporaryPath("l.db"), create: true)
    _ = try ledger.record(sampleRecord(year: 2022, selected: 1))
    let rows = try ledger.queue.read { db in
      try Row.fetchAll(db, sql: "SELECT id, programme, computed, final, position, reason_zh, reason_en FROM decision ORDER BY id")
    }
    #expect(rows.count == 3)
    let first: [String?] = [rows[0]["id"], rows[0]["final"], rows[0]["reason_en"]]
    #expect(first == ["A1", "excluded", "below the line"])
    let second: [String?] = [rows[1]["id"], rows[1]["final"], rows[1]["reason_zh"]]
    #expect(second == ["B2", "selected", nil])
    let position: Int? = rows[1]["position"]
    #expect(position == 1)
    let groups = try ledger.queue.read { db in try Row.fetchAll(db, sql: "SELECT id, grp, score FROM group_score ORDER BY id") }
    #expect(groups.map { $0["score"] as Double } == [1, 2])
    let unranked = try ledger.queue.read { db in try String.fetchOne(db, sql: "SELECT unranked_reason FROM enterprise WHERE id = 'C3'") }
    #expect(unranked == "screened")
    let history = try ledger.enterpriseHistory(id: "B2")
    #expect(history.first?.statuses.first?.final == "selected")
    #expect(history.first?.groups.first?.score == 2)
  }

  @Test func finalsCannotBeChangedInTheDatabase() throws {
    let path = temporaryPath("l.db")
    let ledger = try Ledger.open(path: path, create: true)
    _ = try ledger.record(sampleRecord(year: 2022))
    _ = try ledger.markFinal(run: 1, at: "t")
    for sql in [
      "UPDATE final SET run = 2", "DELETE FROM final", "DELETE FROM listed WHERE run = 1", "UPDATE enterprise SET rank = 9",
      "DELETE FROM run", "INSERT INTO final (year, programme, run, marked_at) VALUES (2023, 'city', 1, 't')",
    ] {
      #expect(throws: (any Error).self, "\(sql)") { try ledger.queue.write { try $0.execute(sql: sql) } }
    }
    #expect(try ledger.finalHistory().count == 1)
  }

  @Test func refusesNewerDamagedAndForeignFiles() throws {
    let newer = temporaryPath("n.db")
    _ = try Ledger.open(path: newer, create: true)
    let q = try DatabaseQueueOpener.open(newer)
    try q.write { try $0.execute(sql: "PRAGMA user_version = 99") }
    #expect(throws: LedgerError.self) { try Ledger.open(path: newer, create: true) }

    let damaged = temporaryPath("d.db")
    let junk = Data(repeating: 0x41, count: 8192)
    try junk.write(to: URL(fileURLWithPath: damaged))
    do {
      _ = try Ledger.open(path: damaged, create: true)
      Issue.record("a damaged file was opened")
    } catch {
      #expect(error.diagnostics.diagnostics.first?.message.contains("damaged") == true)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: damaged)) == junk)

    let foreign = temporaryPath("f.db")
    let f = try DatabaseQueueOpener.open(foreign)
    try f.write { try $0.execute(sql: "CREATE TABLE t (x)") }
    #expect(throws: LedgerError.self) { try Ledger.open(path: foreign, create: true) }
    #expect(throws: LedgerError.self) { try Ledger.open(path: temporaryPath("missing.db"), create: false) }
  }
}
