import Foundation
import GRDB
import Model
import Testing

@testable import Ledger

/// The metrics as read (schema version 2): every cell type, empty cells, and a ledger of
/// version 1 migrated forward.
@Suite struct LedgerMetricsTests {
  static func metrics() -> [RunRecord.Metric] {
    [
      .init(key: "district", header: "所属区域", type: "category", column: .category(CategoryColumn(codes: [0, 1, -1], levels: ["泗门镇", "低塘\"街道"]))),
      .init(key: "above", header: "是否规上企业", type: "bool", column: .bool([true, false, nil])),
      .init(key: "revenue", header: "营业收入(万元)", type: "number", column: .numeric(NumericColumn(values: [1289.86, -0.05, 0], missing: [false, false, true]))),
      .init(key: "ratio", header: "r", type: "number", column: .numeric(NumericColumn(values: [0.1 + 0.2, 12345678.25, 1e-9], missing: [false, false, false]))),
      .init(key: "note", header: "备注", type: "text", column: .text(TextColumn(["a,\\b\n", "", nil]))),
    ]
  }

  @Test func metricsAreKeptAsReadAndReadBack() throws {
    let ledger = try Ledger.open(path: temporaryPath("l.db"), create: true)
    var record = sampleRecord(year: 2022)
    record.metrics = Self.metrics()
    _ = try ledger.record(record)
    let json = try ledger.queue.read { db in try String.fetchAll(db, sql: "SELECT metrics FROM enterprise ORDER BY eid") }
    #expect(json == [
      #"["泗门镇",true,1289.86,0.30000000000000004,"a,\\b\n"]"#,
      #"["低塘\"街道",false,-0.05,12345678.25,""]"#,
      #"[null,null,null,1e-09,null]"#,
    ])
    // Every text is valid JSON that SQLite reads back to the same values.
    let values = try ledger.queue.read { db in
      try Row.fetchAll(db, sql: "SELECT metric, header, value FROM metric_value WHERE id = 'B2' ORDER BY metric")
    }
    #expect(values.map { $0["metric"] as String } == ["above", "district", "note", "ratio", "revenue"])
    #expect((values[4]["value"] as Double) == -0.05)
    let history = try #require(try ledger.enterpriseHistory(id: "A1").first)
    #expect(history.metrics.map(\.value) == ["泗门镇", "true", "1289.86", "0.30000000000000004", "a,\\b\n"])
    #expect(history.metrics.map(\.header) == ["所属区域", "是否规上企业", "营业收入(万元)", "r", "备注"])
    #expect(try ledger.enterpriseHistory(id: "C3").first?.metrics.map(\.value) == [nil, nil, nil, "1e-09", nil])
  }

  @Test func aVersion1LedgerIsMigratedAndKeepsItsRuns() throws {
    let path = temporaryPath("v1.db")
    let q = try DatabaseQueueOpener.open(path)
    try q.write { db in
      try db.execute(sql: LedgerSchema.version1)
      try db.execute(sql: "PRAGMA application_id = \(LedgerSchema.applicationID)")
      try db.execute(sql: "PRAGMA user_version = 1")
      try db.execute(sql: "INSERT INTO run VALUES (1, 2022, 't', 'v', 'c', 'out', 1, 1, 1, 1)")
      try db.execute(sql: "INSERT INTO programme VALUES (1, 'city', 1, 'City', 'local', 1, 0, 2, 0)")
      try db.execute(sql: #"INSERT INTO enterprise VALUES (1, 1, 'A1', '甲', 2, 90, 1, 4, NULL, '{"cost":1}', '[["s","s",1,null]]')"#)
      try db.execute(sql: "INSERT INTO listed VALUES (1, 'city', 'final', 'selected', 1, 1)")
      try db.execute(sql: "INSERT INTO final VALUES (2022, 'city', 1, 't')")
    }
    try q.close()
    let ledger = try Ledger.open(path: path, create: false)
    let state = try ledger.queue.read { db in
      (try Int.fetchOne(db, sql: "PRAGMA user_version"), try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'enterprise%'"))
    }
    #expect(state.0 == 2 && state.1 == ["enterprise_run_id"])
    #expect(try ledger.finalHistory() == [FinalEntry(id: "A1", year: 2022, programme: "city", run: 1)])
    var next = sampleRecord(year: 2023)
    next.metrics = Self.metrics()
    #expect(try ledger.record(next) == 2)
    let years = try ledger.enterpriseHistory(id: "A1")
    #expect(years.map(\.metrics.count) == [0, 5])
    // The final run's rows stay guarded, the new table's too once its run is final.
    #expect(throws: (any Error).self) { try ledger.queue.write { try $0.execute(sql: "UPDATE enterprise SET metrics = '[]' WHERE run = 1") } }
    _ = try ledger.markFinal(run: 2, at: "t")
    #expect(throws: (any Error).self) { try ledger.queue.write { try $0.execute(sql: "DELETE FROM metric WHERE run = 2") } }
  }

  @Test func aNewLedgerHasLargePages() throws {
    let ledger = try Ledger.open(path: temporaryPath("p.db"), create: true)
    #expect(try ledger.queue.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == Ledger.pageSize)
  }

  @Test func listsAndRewardsFollowTheirRows() throws {
    let ledger = try Ledger.open(path: temporaryPath("o.db"), create: true)
    var record = sampleRecord(year: 2022, selected: 0)
    record.ids = ["C3", "A1", "B2"]
    _ = try ledger.record(record)
    let rows = try ledger.queue.read { db in try Row.fetchAll(db, sql: "SELECT id, line FROM enterprise ORDER BY eid") }
    #expect(rows.map { $0["id"] as String } == ["C3", "A1", "B2"])
    #expect(rows.map { $0["line"] as Int } == [2, 3, 4])
    let listed = try ledger.queue.read { db in
      try String.fetchAll(db, sql: "SELECT e.id FROM listed l JOIN enterprise e ON e.eid = l.eid WHERE l.stage = 'final'")
    }
    #expect(listed == ["C3"])
    let rewarded = try ledger.queue.read { db in try String.fetchAll(db, sql: "SELECT e.id FROM reward w JOIN enterprise e USING (eid)") }
    #expect(rewarded == ["C3"])
    #expect(try ledger.enterpriseHistory(id: "C3").first?.rank == 1)
  }
}
