import Foundation
import Testing

/// `run --ledger`, `ledger final|list|history` and history from the ledger, on metrics from
/// `exemplar generate` (the same seed shares ids across years).
@Suite struct LedgerCommandTests {
  /// A folder with generated metrics for `years` and the criteria path.
  static func story(_ years: [Int], rows: Int = 2000) throws -> URL {
    let dir = try CLI.temporaryFolder()
    for y in years {
      let r = try CLI.run(["generate", "--rows", "\(rows)", "--seed", "7", "--year", "\(y)", "--out", dir.appendingPathComponent("m\(y).csv").path])
      #expect(r.status == 0, "\(r.stderr)")
    }
    return dir
  }

  static func runYear(_ year: Int, in dir: URL, extra: [String] = []) throws -> CLI.Output {
    try CLI.run(
      [
        "run", dir.appendingPathComponent("m\(year).csv").path, "--criteria", "criteria/2022.toml", "--set", "evaluation.year=\(year)",
        "--out", dir.appendingPathComponent("out\(year)").path, "--ledger", dir.appendingPathComponent("ledger.db").path, "--json",
      ] + extra)
  }

  @Test func yearlyCycleTakesHistoryFromTheFinal() throws {
    let dir = try Self.story([2022, 2023])
    defer { try? FileManager.default.removeItem(at: dir) }
    let ledger = dir.appendingPathComponent("ledger.db").path
    let r1 = try Self.runYear(2022, in: dir)
    #expect(r1.status == 0, "\(r1.stderr)")
    #expect(r1.stdout.contains("\"ledger_run\":1"))
    // Without a final, the 2023 run has no history.
    let draft = try Self.runYear(2023, in: dir)
    #expect(draft.stdout.contains("\"ledger_run\":2"))
    let draftRanking = try String(contentsOf: dir.appendingPathComponent("out2023/ranking.csv"), encoding: .utf8)
    #expect(!draftRanking.contains("已于2022年推荐"))

    let f = try CLI.run(["ledger", "final", "1", "--ledger", ledger])
    #expect(f.status == 0, "\(f.stderr)")
    // One final per year and programme: a second final of 2022 is refused.
    let again = try CLI.run(["ledger", "final", "1", "--ledger", ledger, "--lang", "en"])
    #expect(again.status == 65)
    #expect(again.stderr.contains("a final cannot be changed"))
    #expect(try CLI.run(["ledger", "final", "1", "--ledger", ledger]).stderr.contains("终稿不能更改或替换"))

    let r2 = try Self.runYear(2023, in: dir)
    #expect(r2.status == 0, "\(r2.stderr)")
    #expect(r2.stdout.contains("\"ledger_run\":3"))
    let ranking = try String(contentsOf: dir.appendingPathComponent("out2023/ranking.csv"), encoding: .utf8)
    #expect(ranking.contains("已于2022年推荐"))
    let manifest = try String(contentsOf: dir.appendingPathComponent("out2023/results.json"), encoding: .utf8)
    let ledgerEntry = try #require(manifest.firstMatch(of: /\{"role":"ledger","file":"[^"]*","sha256":"([0-9a-f]{64})"\}/)).output.1

    let list = try CLI.run(["ledger", "list", "--ledger", ledger, "--json"])
    #expect(list.status == 0)
    #expect(list.stdout.contains("\"run\":1,\"year\":2022"))
    #expect(list.stdout.contains("\"run\":3,\"year\":2023"))

    let historyFile = dir.appendingPathComponent("history.csv").path
    let h = try CLI.run(["ledger", "history", "--ledger", ledger, "--out", historyFile])
    #expect(h.status == 0, "\(h.stderr)")
    let csv = try String(contentsOf: URL(fileURLWithPath: historyFile), encoding: .utf8)
    let lines = csv.split(whereSeparator: \.isNewline)
    #expect(lines.first == "id,year,programme")
    #expect(try Data(contentsOf: URL(fileURLWithPath: historyFile)).prefix(3) == Data([0xEF, 0xBB, 0xBF]))
    // 2022's final lists: 20 + 6 + 2 + 3 + 4 + 5 recommendations.
    #expect(lines.count == 1 + 40)
    // One enterprise over the years, and the two years compared.
    let holder = String(try #require(lines.dropFirst().first).prefix(18))
    let story = try CLI.run(["history", holder.lowercased(), "--ledger", ledger, "--json"])
    #expect(story.status == 0, "\(story.stderr)")
    #expect(story.stdout.contains("\"year\":2022,\"run\":1,\"final\":true"))
    #expect(story.stdout.contains("\"final\":\"selected\""))
    let text = try CLI.run(["history", holder, "--ledger", ledger])
    #expect(text.stdout.contains("2022年（第1次运行，终稿）"))
    let compareDir = dir.appendingPathComponent("compare")
    let cmp = try CLI.run(["compare", "2022", "2023", "--ledger", ledger, "--json", "--out", compareDir.path])
    #expect(cmp.status == 0, "\(cmp.stderr)")
    let doc = try JSONSerialization.jsonObject(with: Data(cmp.stdout.utf8)) as? [String: Any]
    #expect((doc?["a"] as? [String: Any])?["run"] as? Int == 1)
    #expect((doc?["b"] as? [String: Any])?["run"] as? Int == 3)
    let programmes = try #require(doc?["programmes"] as? [[String: Any]])
    #expect(programmes.count == 6)
    // Entered + stayed is the 2023 list; left + stayed the 2022 list.
    for p in programmes {
      let entered = (p["entered"] as? [String])?.count ?? -1
      let left = (p["left"] as? [String])?.count ?? -1
      let stayed = p["stayed"] as? Int ?? -1
      if p["programme"] as? String == "city_benchmark" { #expect(entered + stayed == 20 && left + stayed == 20) }
    }
    let html = try String(contentsOf: compareDir.appendingPathComponent("compare.html"), encoding: .utf8)
    #expect(html.contains("<svg") && html.contains("<polyline"))
    #expect(try CLI.run(["compare", "2022", "2031", "--ledger", ledger]).status == 65)
    // The written file is a valid history file for the next year, equal to the ledger's.
    let same = try Self.runYear(2023, in: dir, extra: ["--history", historyFile])
    #expect(same.status == 0, "\(same.stderr)")
    #expect(!same.stderr.contains("warning"))
    // The same history from both sources: the same fingerprint in the manifest.
    let sameManifest = try String(contentsOf: dir.appendingPathComponent("out2023/results.json"), encoding: .utf8)
    #expect(sameManifest.contains("\"sha256\":\"\(ledgerEntry)\"}"))
    #expect(sameManifest.contains("{\"role\":\"history\""))
    // A history file that disagrees with the final: reported at its line, the final wins.
    var changed = lines.map(String.init)
    let outsider = "91330281MA2GDT7XXH"
    changed[1] = outsider + changed[1].dropFirst(18)
    let conflicting = dir.appendingPathComponent("conflict.csv")
    try (changed.joined(separator: "\n") + "\n").write(to: conflicting, atomically: true, encoding: .utf8)
    let merged = try Self.runYear(2023, in: dir, extra: ["--history", conflicting.path, "--lang", "en"])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(merged.stderr.contains("conflict.csv:2:id: warning: \(outsider) is not on the ledger's final of 2022"))
    #expect(merged.stderr.contains("is on the ledger's final of 2022 for city_benchmark (run 1) but not in this history file"))
  }

  @Test func mistypedProgrammeInHistoryIsAnError() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let history = dir.appendingPathComponent("h.csv")
    try "id,year,programme\n91330281MA2GDT7XXH,2021,宁波市管理创新提升标杆\n91330281MA2GDT7XXH,2022,city_benchmark\n91330281MA2GDT7XXH,2020,city_benchmark\n91330281MA2GDT7XXH,2020,city_benchmark\n"
      .write(to: history, atomically: true, encoding: .utf8)
    let args = ["validate", "samples/metrics-2022.csv", "--criteria", "criteria/2022.toml", "--history", history.path]
    let r = try CLI.run(args + ["--lang", "en"])
    #expect(r.status == 65)
    #expect(r.stderr.contains("h.csv:2:programme: unknown programme \"宁波市管理创新提升标杆\" (did you mean \"宁波市管理创新提升标杆企业\"?)"))
    #expect(r.stderr.contains("h.csv:3:year: year 2022 is not before the evaluation year 2022"))
    #expect(r.stderr.contains("h.csv:5:id: duplicate"))
    // The same problems at the same positions in Chinese, the default.
    let zh = try CLI.run(args)
    #expect(zh.status == 65)
    #expect(zh.stderr.contains("h.csv:2:programme: 未知的推荐项目 \"宁波市管理创新提升标杆\"（是否应为 \"宁波市管理创新提升标杆企业\"？）"))
    #expect(zh.stderr.contains("h.csv:3:year: 年度 2022 不早于评选年度 2022"))
    #expect(zh.stderr.contains("h.csv:5:id: 重复："))
  }

  @Test func missingLedgerIsAnErrorForReaders() throws {
    let r = try CLI.run(["ledger", "list", "--ledger", "/nonexistent/ledger.db"])
    #expect(r.status == 66)
    let e = try CLI.run(["explain", "samples/metrics-2022.csv", "--criteria", "criteria/2022.toml", "--id", "91330281MA2GDT7XXH", "--ledger", "/nonexistent/l.db"])
    #expect(e.status == 66)
  }

  /// 2022 run and final; the 2023 run re-reviews 2022's recognitions (valid 3 years): one
  /// holder is on 2023's screening list, others fell below the rank line.
  @Test func reReviewListsValidRecognitionsThatNoLongerQualify() throws {
    let dir = try Self.story([2022, 2023])
    defer { try? FileManager.default.removeItem(at: dir) }
    let ledger = dir.appendingPathComponent("ledger.db").path
    #expect(try Self.runYear(2022, in: dir).status == 0)
    #expect(try CLI.run(["ledger", "final", "1", "--ledger", ledger]).status == 0)
    let history = try CLI.run(["ledger", "history", "--ledger", ledger]).stdout
    let recognised = history.split(separator: "\n").filter { $0.hasSuffix(",city_benchmark") }.map { String($0.prefix(18)) }
    let metrics2023 = try String(contentsOf: dir.appendingPathComponent("m2023.csv"), encoding: .utf8)
    let present = Set(metrics2023.split(separator: "\n").map { String($0.prefix(18)) })
    let holder = try #require(recognised.first { present.contains($0) }, "no 2022 recognition recurs in 2023")
    let screen = dir.appendingPathComponent("screen.csv")
    try "id,reason\n\(holder),近三年发生重大安全生产事故\n".write(to: screen, atomically: true, encoding: .utf8)
    let sets = [
      "--set", "programmes.city_benchmark.valid_years=3", "--set", "programmes.city_benchmark.review_rank=20", "--screen", screen.path,
    ]
    let r = try Self.runYear(2023, in: dir, extra: sets)
    #expect(r.status == 0, "\(r.stderr)")
    let out = dir.appendingPathComponent("out2023")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("results.json"))) as? [String: Any]
    let findings = try #require(json?["re_review"] as? [[String: Any]])
    let screened = findings.filter { $0["finding"] as? String == "screened" }
    #expect(screened.map { $0["id"] as? String } == [holder])
    #expect(screened.first?["reason"] as? String == "本年度一票否决：近三年发生重大安全生产事故")
    #expect(screened.first?["valid_through"] as? Int == 2024)
    let ranks = findings.filter { $0["finding"] as? String == "rank" }
    #expect(!ranks.isEmpty)
    #expect(ranks.allSatisfy { ($0["rank"] as? Int ?? 0) > 20 && recognised.contains($0["id"] as? String ?? "") })
    let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(html.contains("<section class=\"re-review\">\n<h2>复核</h2>"))
    #expect(html.contains(holder))
    // Without valid_years there is no re-review in the outputs.
    let plain = try Self.runYear(2023, in: dir)
    #expect(plain.status == 0)
    let plainJSON = try String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8)
    #expect(!plainJSON.contains("re_review"))
  }
}
