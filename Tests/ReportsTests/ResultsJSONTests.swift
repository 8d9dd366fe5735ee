import Foundation
import Model
import Reports
import TestSupport
import Testing

/// The text of the first number after `"key":` in a one-line JSON object.
func numberText(_ line: String, _ key: String) -> String? {
  guard let r = line.range(of: "\"\(key)\":") else { return nil }
  return String(line[r.upperBound...].prefix { "0123456789.-+eE".contains($0) })
}

@Suite struct ResultsJSONTests {
  func load(_ dir: String) throws -> [String: Any] {
    let data = Data(bytes(dir + "/results.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func rankingFollowsTheEvaluationInRankOrder() throws {
    let f = Fixture.make()
    let dir = scratchFolder() + "/out"
    try f.write(to: dir)
    let json = try load(dir)
    let ranking = try #require(json["ranking"] as? [[String: Any]])
    #expect(ranking.count == f.evaluation.order.count)
    let lines = text(dir + "/results.json").split(separator: "\n").filter { $0.hasPrefix("    {\"id\":") && $0.contains("\"rank\":") }.map(String.init)
    #expect(lines.count == ranking.count)
    for (i, entry) in ranking.enumerated() {
      let row = f.evaluation.order[i]
      #expect(entry["id"] as? String == f.evaluation.ids[row])
      #expect(entry["label"] as? String == f.evaluation.labels[row])
      #expect(entry["rank"] as? Int == i + 1)
      #expect(entry["competition_rank"] as? Int == f.evaluation.competitionRank[row])
      // Exact: the number text reads back to the same double (JSONSerialization on Linux is
      // off by an ulp or two, so the text is parsed with Double(String) here).
      #expect(numberText(lines[i], "score").flatMap(Double.init) == f.evaluation.score[row])
      #expect(numberText(lines[i], "raw").flatMap(Double.init) == f.evaluation.raw[row])
      #expect(entry["stars"] as? Int == f.evaluation.stars[row])
      let contributions = try #require(entry["contributions"] as? [String: Double])
      #expect(Set(contributions.keys) == ["efficiency", "cost", "invest"])
      let sum = contributions.values.reduce(0, +)
      // Contributions are written with 9 decimals (docs/outputs.md): each within 5e-10.
      #expect(sum == 0 || abs(sum - 1) < 3 * 5e-10 + 1e-12)
      let groups = try #require(entry["group_scores"] as? [String: Double])
      #expect(isClose(groups["effect"] ?? .nan, f.evaluation.groupScores["effect"]?[row] ?? 0, relative: 1e-15))
      #expect(entry.keys.contains("star_gap"))
    }
    let unranked = try #require(json["unranked"] as? [[String: Any]])
    #expect(unranked.map { $0["id"] as? String } == [f.evaluation.ids[f.table.rowCount - 1]])
  }

  @Test func weightsShortlistsRewardsAndManifest() throws {
    let f = Fixture.make()
    let dir = scratchFolder() + "/out"
    try f.write(to: dir)
    let json = try load(dir)
    let weights = try #require(json["weights"] as? [String: Double])
    #expect(weights == ["efficiency": 0.35, "cost": 0.35, "invest": 0.3])
    let derivation = try #require(json["weight_derivation"] as? [[String: Any]])
    #expect(derivation.first?["method"] as? String == "ahp")
    #expect((derivation.first?["ahp"] as? [String: Double])?["lambda_max"] == 2)

    let shortlists = try #require(json["shortlists"] as? [String: [String: Any]])
    let ids = f.evaluation.ids
    for p in f.decision.programmes {
      let s = try #require(shortlists[p.key])
      #expect(s["selected"] as? [String] == p.selected.map { ids[$0] })
      #expect(s["reserve"] as? [String] == p.reserve.map { ids[$0] })
      let excluded = try #require(s["excluded"] as? [[String: String]])
      #expect(excluded.map { $0["id"] } == p.excluded.map { ids[$0.row] })
      #expect(excluded.map { $0["reason"] } == p.excluded.map { $0.reason.text(english: false) })
    }
    #expect(shortlists["provincial"]?["level"] as? String == "provincial")

    let rewards = try #require(json["rewards"] as? [String: Any])
    #expect(rewards["total_granted"] as? Double == f.decision.rewards.totalGranted)
    #expect(rewards["remaining"] as? Double == 1_000_000 - f.decision.rewards.totalGranted)
    #expect((rewards["awards"] as? [Any])?.count == f.decision.rewards.awards.count)

    let manifest = try #require(json["manifest"] as? [String: Any])
    #expect(manifest["metrics_sha256"] as? String == String(repeating: "a", count: 64))
    #expect(manifest["criteria_sha256"] as? String == String(repeating: "b", count: 64))
    #expect(manifest["seed"] as? Int == 2022)
    #expect(manifest["rows"] as? Int == 12)
    #expect(manifest["time"] as? String == "2023-01-01T00:00:00Z")
    #expect(manifest["version"] as? String == "0.1.0-test")
  }

  @Test func topLevelKeysComeInTheDocumentedOrder() throws {
    let dir = scratchFolder() + "/out"
    try Fixture.make().write(to: dir)
    let s = text(dir + "/results.json")
    let keys = ["evaluation", "ranking", "unranked", "weights", "weight_derivation", "shortlists", "rewards", "manifest"]
    let positions = keys.map { s.range(of: "\n  \"\($0)\":")?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil })
    #expect(positions.compactMap { $0 }.sorted() == positions.compactMap { $0 })
    // UTF-8 is written as is, not \u-escaped.
    #expect(s.contains("宁波甬江智能制造有限公司"))
    #expect(!s.contains("\\u5b81"))
  }

  @Test func nonFiniteNumbersBecomeNullAndTheFileStaysValid() throws {
    let f = Fixture.make(nanScoreRow: 2, infiniteScoreRow: 2)
    let e = f.evaluation
    let dir = scratchFolder() + "/out"
    try RunReport(
      spec: f.spec, evaluation: e, decision: f.decision, manifest: f.manifest,
      options: ReportOptions(now: Fixture.now, version: "t")
    ).write(to: dir)
    let s = text(dir + "/results.json")
    #expect(!s.contains("nan") && !s.contains("inf") && !s.contains("NaN") && !s.contains("Infinity"))
    let json = try load(dir)
    let entry = try #require((json["ranking"] as? [[String: Any]])?.first { $0["id"] as? String == f.evaluation.ids[2] })
    #expect(entry["raw"] is NSNull)
    #expect(entry["score"] is NSNull)
  }

  @Test func sameInputsGiveByteIdenticalFiles() throws {
    let f = Fixture.make()
    let a = scratchFolder() + "/a", b = scratchFolder() + "/b"
    try f.write(to: a)
    try f.write(to: b)
    for name in ["results.json", "ranking.csv", "shortlists/municipal.csv", "shortlists/provincial.csv", "recommendations.xlsx", "report.html"] {
      let x = bytes(a + "/" + name)
      #expect(!x.isEmpty, "\(name) missing")
      #expect(x == bytes(b + "/" + name), "\(name) differs between two identical runs")
    }
  }

  @Test func onlyTheManifestTimeChangesWithTheClock() throws {
    let f = Fixture.make()
    let a = scratchFolder() + "/a", b = scratchFolder() + "/b"
    try f.write(to: a)
    try f.write(to: b, options: ReportOptions(now: Date(timeIntervalSince1970: 1_700_000_000), version: "0.1.0-test"))
    let la = text(a + "/results.json").split(separator: "\n"), lb = text(b + "/results.json").split(separator: "\n")
    #expect(la.count == lb.count)
    let differing = zip(la, lb).filter { $0 != $1 }
    #expect(differing.count == 1)
    #expect(differing.first?.1.contains("\"time\": \"2023-11-14T22:13:20Z\"") == true)
    #expect(bytes(a + "/ranking.csv") == bytes(b + "/ranking.csv"))
  }
}
