import Foundation
import Model
import Reports
import Selection
import Testing

/// Outputs of more rows than one formatting block (8,192 rows): the ranking and the exclusion
/// lists are formatted in blocks on several threads and must read back as one ordered file.
@Suite struct LargeOutputTests {
  static let rows = 20_000

  @Test func rankingCSVRowsFollowTheRankOrderAcrossBlocks() throws {
    let f = Fixture.make(rows: LargeOutputTests.rows)
    let dir = scratchFolder() + "/out"
    try f.write(to: dir)
    let records = parseCSV(String(decoding: bytes(dir + "/ranking.csv").dropFirst(3), as: UTF8.self))
    let ev = f.evaluation
    #expect(records.count == 1 + ev.order.count + ev.unranked.count)
    #expect(records.allSatisfy { $0.count == records[0].count })
    for (i, row) in ev.order.enumerated() {
      let r = records[i + 1]
      #expect(r[0] == String(i + 1) && r[2] == ev.ids[row])
      // Two decimals for the score, four for normalised values: within half a unit of the last place.
      let score = try #require(Double(r[4]))
      #expect(abs(score - ev.score[row]) <= 0.005 + 1e-9)
      for j in 0..<3 {
        let v = try #require(Double(r[8 + j]))
        #expect(abs(v - ev.normalised[j][row]) <= 0.00005 + 1e-12)
      }
    }
  }

  @Test func resultsJSONEntriesFollowTheRankOrderAcrossBlocks() throws {
    let f = Fixture.make(rows: LargeOutputTests.rows)
    let dir = scratchFolder() + "/out"
    try f.write(to: dir)
    let data = Data(bytes(dir + "/results.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let ranking = try #require(json["ranking"] as? [[String: Any]])
    let ev = f.evaluation
    #expect(ranking.count == ev.order.count)
    let lines = text(dir + "/results.json").split(separator: "\n").filter { $0.hasPrefix("    {\"id\":") && $0.contains("\"rank\":") }.map(String.init)
    #expect(lines.count == ev.order.count)
    for (i, row) in ev.order.enumerated() {
      #expect(ranking[i]["id"] as? String == ev.ids[row])
      #expect(ranking[i]["rank"] as? Int == i + 1)
      #expect(numberText(lines[i], "score").flatMap(Double.init) == ev.score[row])
      #expect(numberText(lines[i], "raw").flatMap(Double.init) == ev.raw[row])
      // Contributions: 9 decimals at most, within 5e-10 of w_j·r_ij / Σ w_k·r_ik.
      let expected = ev.contributions(row: row)
      for (j, key) in ["efficiency", "cost", "invest"].enumerated() {
        let t = try #require(numberText(lines[i], key))
        #expect((t.split(separator: ".").dropFirst().first?.count ?? 0) <= 9)
        #expect(abs((Double(t) ?? .nan) - expected[j]) <= 5e-10 + 1e-15)
      }
    }
    let shortlists = try #require(json["shortlists"] as? [String: [String: Any]])
    for p in f.decision.programmes {
      let excluded = try #require(shortlists[p.key]?["excluded"] as? [[String: String]])
      #expect(excluded.map { $0["id"] } == p.excluded.map { ev.ids[$0.row] })
      #expect(excluded.map { $0["reason"] } == p.excluded.map { $0.reason.text(english: false) })
    }
  }

  @Test func largeOutputsAreByteIdenticalBetweenRuns() throws {
    let f = Fixture.make(rows: LargeOutputTests.rows)
    let a = scratchFolder() + "/a", b = scratchFolder() + "/b"
    try f.write(to: a, options: ReportOptions(excel: false, html: false, now: Fixture.now, version: "t"))
    try f.write(to: b, options: ReportOptions(excel: false, html: false, now: Fixture.now, version: "t"))
    for file in ["results.json", "ranking.csv", "shortlists/municipal.csv", "shortlists/provincial.csv"] {
      #expect(!bytes(a + "/" + file).isEmpty)
      #expect(bytes(a + "/" + file) == bytes(b + "/" + file), "\(file)")
    }
  }

  @Test func excludedShortlistRowsCarryRankScoreStarsAndReasonOnly() throws {
    let f = Fixture.make(rows: LargeOutputTests.rows)
    let dir = scratchFolder() + "/out"
    try f.write(to: dir, options: ReportOptions(excel: false, html: false, now: Fixture.now, version: "t"))
    let records = parseCSV(String(decoding: bytes(dir + "/shortlists/municipal.csv").dropFirst(3), as: UTF8.self))
    let d = f.decision.programmes[0]
    let ev = f.evaluation
    #expect(records.count == 1 + d.selected.count + d.reserve.count + d.excluded.count)
    #expect(records.allSatisfy { $0.count == records[0].count })
    let selected = records[1]
    #expect(!selected[8].isEmpty && !selected[10].isEmpty)  // group score and normalised value
    for (i, e) in d.excluded.enumerated() {
      let r = records[1 + d.selected.count + d.reserve.count + i]
      #expect(r[0] == "未入选" && r[1] == String(i + 1) && r[2] == e.reason.text(english: false))
      #expect(r[4] == ev.ids[e.row])
      if ev.rank[e.row] > 0 {
        #expect(r[3] == String(ev.rank[e.row]) && r[7] == String(ev.stars[e.row]))
        #expect(abs((Double(r[6]) ?? .nan) - ev.score[e.row]) <= 0.005 + 1e-9)
      }
      #expect(r[8...12].allSatisfy { $0.isEmpty })
    }
  }
}
