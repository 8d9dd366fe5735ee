import Foundation
import Testing

@testable import Reports
@testable import Sensitivity

/// The sensitivity writers (module Reports) on a real analysis.
@Suite struct SensitivityReportTests {
  static func report() throws -> SensitivityReport {
    let p = MonteCarloTests.problem(labels: [7: "=HYPERLINK(\"x\")"])
    let model = try SensitivityModel(evaluation: p.evaluation, table: p.table, spec: p.spec)
    let mc = try MonteCarlo.run(model, options: MonteCarloOptions(samples: 200, seed: 4, threads: 2))
    let sobol = try WeightSobol.analyse(model, baseSamples: 32, threads: 2)
    let stability = try StabilityIntervals.compute(model)
    return SensitivityReport(
      title: "测试 <评选>", programmeNames: ["市级", "省级"], criterionKeys: p.spec.criteria.map(\.key), monteCarlo: mc,
      sobol: sobol, stability: stability)
  }

  static func json(_ r: SensitivityReport) -> Data {
    let b = ByteBuffer()
    r.writeJSON(into: b)
    return Data(b.bytes)
  }

  static func csv(_ r: SensitivityReport) -> Data {
    let b = ByteBuffer()
    r.writeCSV(into: b)
    return Data(b.bytes)
  }

  @Test func writesThreeDeterministicFiles() throws {
    let r = try Self.report()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sens-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    try OutputFolder.write(to: dir.path) { try r.write(to: $0) }
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    #expect(names == [OutputFolder.markerName, "sensitivity.csv", "sensitivity.html", "sensitivity.json"])
    #expect(try Data(contentsOf: dir.appendingPathComponent("sensitivity.json")) == Self.json(r))
    let again = try Self.report()
    #expect(Self.json(again) == Self.json(r))
    #expect(Self.csv(again) == Self.csv(r))
    #expect(again.html() == r.html())
  }

  @Test func jsonCarriesTheNumbers() throws {
    let r = try Self.report()
    let obj = try #require(try JSONSerialization.jsonObject(with: Self.json(r)) as? [String: Any])
    #expect(obj["samples"] as? Int == 200)
    let ents = try #require(obj["enterprises"] as? [[String: Any]])
    #expect(ents.count == r.monteCarlo.enterprises.count)
    let first = r.monteCarlo.enterprises[0]
    #expect(ents[0]["id"] as? String == first.id)
    #expect((ents[0]["selection"] as? [String: Double])?["city"] == first.selectionProbability[0])
    #expect((obj["sobol"] as? [String: Any])?["evaluations"] as? Int == 32 * 7)
    #expect((obj["stability"] as? [Any])?.count == 2)
  }

  /// A non-finite number is `null` (JSONEncoder refused the whole document and the file was `{}`).
  @Test func jsonWritesANonFiniteNumberAsNull() throws {
    var r = try Self.report()
    r.monteCarlo.programmes[0].meanJaccard = .nan
    let obj = try #require(try JSONSerialization.jsonObject(with: Self.json(r)) as? [String: Any])
    let programmes = try #require(obj["programmes"] as? [[String: Any]])
    #expect(programmes[0]["mean_jaccard"] is NSNull)
    #expect(programmes[0]["key"] as? String == "city")
  }

  @Test func csvHasBOMOneRowPerEnterpriseAndNeutralisesFormulas() throws {
    let r = try Self.report()
    let data = Self.csv(r)
    #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let text = String(decoding: data.dropFirst(3), as: UTF8.self)
    let lines = text.split(separator: "\r\n")
    #expect(lines.count == r.monteCarlo.enterprises.count + 1)
    // Chinese labels by default, English keys with `english`.
    #expect(lines[0].hasPrefix("企业编号,企业名称,名义排名,排名中位数,排名P5,排名P95,名义星级,0星概率"))
    #expect(text.contains("\"'=HYPERLINK(\"\"x\"\")\""))
    var en = r
    en.english = true
    let english = String(decoding: Self.csv(en).dropFirst(3), as: UTF8.self)
    #expect(english.hasPrefix("id,label,nominal_rank,median_rank,p5_rank,p95_rank,nominal_stars,p_stars_0"))
    #expect(english.split(separator: "\r\n").count == lines.count)
  }

  /// `--output-encoding gb18030`: the CSV is GB18030 without BOM, the other files unchanged.
  @Test func csvInGB18030() throws {
    var r = try Self.report()
    r.csvEncoding = .gb18030
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sens-gb-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    try OutputFolder.write(to: dir.path) { folder in try r.write(to: folder) }
    let bytes = try Data(contentsOf: dir.appendingPathComponent("sensitivity.csv"))
    #expect(bytes.prefix(3) != Data([0xEF, 0xBB, 0xBF]))
    #expect(String(data: bytes, encoding: .utf8) == nil)
    let gb = String(decoding: Self.csv(r), as: UTF8.self)
    #expect(gb.hasPrefix("企业编号"))
    #expect(bytes.starts(with: [0xC6, 0xF3]))  // 企 in GB18030
  }

  @Test func htmlIsSelfContainedAndEscapedLikeEveryPage() throws {
    var r = try Self.report()
    r.title = "测试 <评选> 'A&B'"
    let h = r.html()
    #expect(h.contains("<svg") && h.contains("测试 &lt;评选&gt; &#39;A&amp;B&#39;"))
    #expect(!h.contains("<script"))
    #expect(!h.contains("src=\"http"))
  }
}
