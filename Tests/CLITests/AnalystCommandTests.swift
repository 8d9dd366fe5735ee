import Foundation
import Testing

/// End-to-end: the analysts' commands — sensitivity, diff, weights --stability.
@Suite struct AnalystCommandTests {
  static let metrics = "samples/metrics-2022.csv"
  static let criteria = "criteria/2022.toml"
  static let ahp = "criteria/2022-ahp-topsis.toml"

  @Test func sensitivityIsIdenticalWhateverTheThreadCount() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    var outputs: [Data] = []
    for threads in ["1", "2", "3"] {
      let out = dir.appendingPathComponent("t\(threads)")
      let r = try CLI.run([
        "sensitivity", Self.metrics, "--criteria", Self.criteria, "--history", "samples/history.csv", "--out", out.path,
        "--samples", "300", "--seed", "7", "--threads", threads, "--sobol", "16",
      ])
      #expect(r.status == 0, "\(r.stderr)")
      #expect(!r.stderr.contains("\r"), "no progress bar when stderr is not a terminal")
      outputs.append(try Data(contentsOf: out.appendingPathComponent("sensitivity.json")))
      for name in ["sensitivity.csv", "sensitivity.html"] {
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path))
      }
    }
    #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
    let object = try #require(try JSONSerialization.jsonObject(with: outputs[0]) as? [String: Any])
    let enterprises = try #require(object["enterprises"] as? [[String: Any]])
    #expect(enterprises.count == 300)
    for e in enterprises {
      let p5 = try #require(e["p5_rank"] as? Double), p95 = try #require(e["p95_rank"] as? Double)
      let median = try #require(e["median_rank"] as? Double)
      #expect(p5 <= median && median <= p95)
    }
  }

  @Test func anotherSeedGivesAnotherSample() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    var outputs: [Data] = []
    for seed in ["1", "2"] {
      let out = dir.appendingPathComponent("s\(seed)")
      let r = try CLI.run(["sensitivity", Self.metrics, "--criteria", Self.criteria, "--out", out.path, "--samples", "200", "--seed", seed, "--sobol", "0"])
      #expect(r.status == 0, "\(r.stderr)")
      outputs.append(try Data(contentsOf: out.appendingPathComponent("sensitivity.json")))
    }
    #expect(outputs[0] != outputs[1])
  }

  @Test func sensitivityRejectsBadCounts() throws {
    let r = try CLI.run(["sensitivity", Self.metrics, "--criteria", Self.criteria, "--out", "/tmp/x", "--samples", "0"])
    #expect(r.status == 64)
  }

  @Test func diffOfAFileWithItselfChangesNothing() throws {
    let r = try CLI.run(["diff", Self.metrics, "--criteria", Self.criteria, "--criteria", Self.criteria, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(object["spearman"] as? Double == 1)
    #expect(object["kendall_tau_b"] as? Double == 1)
    let programmes = try #require(object["programmes"] as? [[String: Any]])
    #expect(programmes.count == 6)
    for p in programmes {
      #expect((p["entering"] as? [String])?.isEmpty == true)
      #expect((p["leaving"] as? [String])?.isEmpty == true)
    }
  }

  @Test func diffBetweenMethodsNamesWhoMoves() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let page = dir.appendingPathComponent("diff.html")
    let r = try CLI.run(["diff", Self.metrics, "--criteria", Self.criteria, "--criteria", Self.ahp, "--json", "--html", page.path])
    #expect(r.status == 0, "\(r.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let spearman = try #require(object["spearman"] as? Double)
    #expect(spearman > 0 && spearman < 1)
    let programmes = try #require(object["programmes"] as? [[String: Any]])
    let moved = programmes.reduce(0) { $0 + (($1["entering"] as? [String])?.count ?? 0) }
    let left = programmes.reduce(0) { $0 + (($1["leaving"] as? [String])?.count ?? 0) }
    #expect(moved == left)  // quotas are the same in both files
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(html.contains("<svg"))
    #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
  }

  @Test func diffNeedsTwoCriteriaFiles() throws {
    let r = try CLI.run(["diff", Self.metrics, "--criteria", Self.criteria])
    #expect(r.status == 64)
  }

  /// TOPSIS has no exact intervals: the weights are printed with a located note, exit 0.
  @Test func stabilityOnTopsisPrintsTheWeightsAndANote() throws {
    let r = try CLI.run(["weights", Self.metrics, "--criteria", Self.ahp, "--stability"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("[cloud]"))
    #expect(r.errorLines == ["criteria/2022-ahp-topsis.toml:397: aggregation.method: 注：没有权重稳定区间：它只对加权求和（weighted-sum）汇总是精确的，此文件使用 topsis；其稳健性请用 exemplar sensitivity 分析"])
    let en = try CLI.run(["weights", Self.metrics, "--criteria", Self.ahp, "--stability", "--lang", "en"])
    #expect(en.errorLines == ["criteria/2022-ahp-topsis.toml:397: aggregation.method: note: no stability intervals: they are exact for weighted-sum aggregation only, this file uses topsis; use exemplar sensitivity for its robustness"])
  }

  @Test func stabilityIntervalsContainTheNominalWeight() throws {
    let r = try CLI.run(["weights", Self.metrics, "--criteria", Self.criteria, "--history", "samples/history.csv", "--stability", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let programmes = try #require(object["stability"] as? [[String: Any]])
    #expect(programmes.count == 6)
    for p in programmes {
      for i in try #require(p["intervals"] as? [[String: Any]]) {
        let w = try #require(i["weight"] as? Double), lo = try #require(i["low"] as? Double), hi = try #require(i["high"] as? Double)
        #expect(lo <= w + 1e-12 && w <= hi + 1e-12 && lo >= 0 && hi <= 1)
      }
    }
  }
}
