import Foundation
import Testing

/// End-to-end: validate, run, explain and weights on the shipped samples and broken copies of them.
@Suite struct PipelineCommandTests {
  static let metrics = "samples/metrics-2022.csv"
  static let criteria = "criteria/2022.toml"

  /// The sample's lines (BOM stripped), for building broken copies.
  static func sampleLines() throws -> [String] {
    var text = try String(contentsOf: CLI.root.appendingPathComponent(metrics), encoding: .utf8)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  @Test func validateSummarisesTheSample() throws {
    let r = try CLI.run(["validate", Self.metrics, "--criteria", Self.criteria, "--lang", "en"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("300 rows"))
    #expect(r.stdout.contains("columns matched: 28 of 29"))
    let zh = try CLI.run(["validate", Self.metrics, "--criteria", Self.criteria])
    #expect(zh.stdout.contains("300 行"))
    #expect(zh.stdout.contains("已匹配列：28 / 29"))
  }

  @Test func validateJSONIsMachineReadable() throws {
    let r = try CLI.run(["validate", Self.metrics, "--criteria", Self.criteria, "--json"])
    #expect(r.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    #expect(object?["rows"] as? Int == 300)
    #expect(object?["ok"] as? Bool == true)
  }

  /// Named, GB18030 is read silently; not named, it is detected with a note; forced to
  /// UTF-8, it is refused with the hint.
  @Test func gb18030SampleIsDetectedOrForced() throws {
    let gb = "samples/metrics-2022-gb18030.csv"
    for name in ["gb18030", "gbk", "GBK"] {
      let ok = try CLI.run(["validate", gb, "--criteria", Self.criteria, "--encoding", name, "--lang", "en"])
      #expect(ok.status == 0, "\(ok.stderr)")
      #expect(ok.stdout.contains("300 rows"))
      #expect(ok.stderr.isEmpty)
    }
    let detected = try CLI.run(["validate", gb, "--criteria", Self.criteria, "--lang", "en"])
    #expect(detected.status == 0, "\(detected.stderr)")
    #expect(detected.stdout.contains("300 rows, 53889 bytes, gb18030 (detected)"))
    #expect(
      detected.errorLines == [
        "\(gb):1: note: the file is not valid UTF-8 (byte 0xC9 on line 1) and has no BOM: read as GB18030 (GBK); --encoding utf-8 or --encoding gb18030 forces either"
      ])
    let zh = try CLI.run(["validate", gb, "--criteria", Self.criteria])
    #expect(
      zh.errorLines == [
        "\(gb):1: 注：文件不是有效的 UTF-8（第 1 行字节 0xC9）且没有 BOM，已按 GB18030（GBK）读取；可用 --encoding utf-8 或 --encoding gb18030 指定"
      ])
    let forced = try CLI.run(["validate", gb, "--criteria", Self.criteria, "--encoding", "utf-8", "--lang", "en"])
    #expect(forced.status == 65)
    #expect(forced.stderr.contains("--encoding gb18030"))
    #expect(forced.errorLines.first?.hasPrefix("\(gb):1:") == true)
  }

  @Test func everyBadCellIsReportedWithLineAndColumn() throws {
    var lines = try Self.sampleLines()
    let header = lines[0].split(separator: ",").map(String.init)
    let efficiency = try #require(header.firstIndex(of: "生产效率提升率(%)"))
    // Line 3 (row 2): a decimal comma in a quoted number; line 5: an invalid check character.
    var row2 = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    row2[efficiency] = "\"12,5\""
    lines[2] = row2.joined(separator: ",")
    var row4 = lines[4]
    let code = String(row4.prefix(18))
    let wrong: Character = code.last == "0" ? "1" : "0"
    row4 = String(code.dropLast()) + String(wrong) + row4.dropFirst(18)
    lines[4] = row4
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("bad.csv")
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    let r = try CLI.run(["validate", file.path, "--criteria", Self.criteria])
    #expect(r.status == 65)
    #expect(r.errorLines.contains { $0.hasPrefix("\(file.path):3:生产效率提升率(%): ") && $0.contains("12.5") })
    #expect(r.errorLines.contains { $0.hasPrefix("\(file.path):5:统一社会信用代码: ") })
  }

  @Test func criteriaErrorsExit78WithLineAndKeyPath() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    var text = try String(contentsOf: CLI.root.appendingPathComponent(Self.criteria), encoding: .utf8)
    text = text.replacingOccurrences(of: "method = \"direct\"", with: "method = \"dirct\"")
    let file = dir.appendingPathComponent("bad.toml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let r = try CLI.run(["validate", Self.metrics, "--criteria", file.path])
    #expect(r.status == 78)
    let line = try #require(r.errorLines.first)
    #expect(line.hasPrefix("\(file.path):"))
    #expect(line.contains(": weighting.method: "))
    #expect(line.contains("direct"))  // the allowed methods are listed
  }

  @Test func missingInputsExit66() throws {
    let r = try CLI.run(["validate", "no/such/file.csv", "--criteria", Self.criteria])
    #expect(r.status == 66)
    let c = try CLI.run(["validate", Self.metrics, "--criteria", "no/such/criteria.toml"])
    #expect(c.status == 66)
  }

  @Test func runWritesEveryOutputAndRerunsIdentically() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a"), b = dir.appendingPathComponent("b")
    for out in [a, b] {
      let r = try CLI.run(["run", Self.metrics, "--criteria", Self.criteria, "--history", "samples/history.csv", "--out", out.path])
      #expect(r.status == 0, "\(r.stderr)")
    }
    for name in ["results.json", "ranking.csv", "recommendations.xlsx", "report.html", "shortlists/city_benchmark.csv"] {
      #expect(FileManager.default.fileExists(atPath: a.appendingPathComponent(name).path), "\(name) missing")
    }
    // Byte-identical apart from the manifest's time.
    func withoutTime(_ url: URL) throws -> [String] {
      try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.contains("\"time\"") }.map(String.init)
    }
    #expect(try withoutTime(a.appendingPathComponent("results.json")) == withoutTime(b.appendingPathComponent("results.json")))
    for name in ["ranking.csv", "shortlists/zhejiang_provincial.csv"] {
      #expect(try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name)))
    }
    let ranking = try Data(contentsOf: a.appendingPathComponent("ranking.csv"))
    #expect(Array(ranking.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let results = try JSONSerialization.jsonObject(with: Data(contentsOf: a.appendingPathComponent("results.json"))) as? [String: Any]
    let rankingRows = try #require(results?["ranking"] as? [[String: Any]])
    #expect(rankingRows.count == 300)
    #expect(rankingRows.map { $0["rank"] as? Int } == (1...300).map { $0 })
    let weights = try #require(results?["weights"] as? [String: Double])
    #expect(abs(weights.values.reduce(0, +) - 1) < 1e-12)
  }

  @Test func failedRunLeavesAnExistingFolderUntouched() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out")
    // An earlier output (marked), with a file of the user's added since.
    let first = try CLI.run(["run", Self.metrics, "--criteria", Self.criteria, "--out", out.path, "--no-excel", "--no-html"])
    #expect(first.status == 0)
    try "keep".write(to: out.appendingPathComponent("earlier.txt"), atomically: true, encoding: .utf8)
    let r = try CLI.run(["run", "no/such.csv", "--criteria", Self.criteria, "--out", out.path])
    #expect(r.status == 66)
    #expect(try String(contentsOf: out.appendingPathComponent("earlier.txt"), encoding: .utf8) == "keep")
    let siblings = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(siblings == ["out"])
  }

  @Test func unwritableOutputExits73() throws {
    let r = try CLI.run(["run", Self.metrics, "--criteria", Self.criteria, "--out", "/proc/exemplar-out", "--no-excel"])
    #expect(r.status == 73)
    #expect(r.stderr.contains("/proc/exemplar-out"))
  }

  @Test func explainShowsCriteriaStarsAndProgrammes() throws {
    let json = try CLI.run(["explain", Self.metrics, "--criteria", Self.criteria, "--json", "--id", "91330281MA2GDT7XXH"])
    #expect(json.status == 0, "\(json.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let criteria = try #require(object["criteria"] as? [[String: Any]])
    #expect(criteria.count == 16)
    let share = criteria.compactMap { $0["contribution"] as? Double }.reduce(0, +)
    #expect(abs(share - 1) < 1e-9)
    let points = criteria.compactMap { $0["points"] as? Double }.reduce(0, +)
    #expect(abs(points - (object["score"] as? Double ?? -1)) < 1e-9)
    let text = try CLI.run(["explain", Self.metrics, "--criteria", Self.criteria, "--id", "91330281ma2gdt7xxh", "--lang", "en"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("programmes"))
    let unknown = try CLI.run(["explain", Self.metrics, "--criteria", Self.criteria, "--id", "NOPE"])
    #expect(unknown.status == 65)
  }

  @Test func weightsReportsAHPConsistency() throws {
    let r = try CLI.run(["weights", Self.metrics, "--criteria", "criteria/2022-ahp-topsis.toml", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let weights = try #require(object["weights"] as? [String: Double])
    #expect(abs(weights.values.reduce(0, +) - 1) < 1e-12)
    let nodes = try #require(object["nodes"] as? [[String: Any]])
    let ahp = nodes.compactMap { $0["ahp"] as? [String: Double] }
    #expect(!ahp.isEmpty)
    #expect(ahp.allSatisfy { ($0["cr"] ?? 1) < 0.1 })
  }
}
