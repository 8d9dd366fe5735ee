import Foundation
import Testing

/// `run`'s summary (text and `--json` alike) and the policy warnings passed on to the
/// officials' files (issue #16).
@Suite struct RunSummaryTests {
  static let metrics = "samples/metrics-2022.csv"
  static let criteria = "criteria/2022.toml"
  /// A municipal reward above the 2022 ceiling of 100,000 yuan (criteria/2022.toml line 475).
  static let overCeiling = ["--set", "programmes.ningbo_municipal.reward=150000"]

  @Test func jsonSummaryAndPolicyWarnings() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out").path
    let r = try CLI.run(["run", Self.metrics, "--criteria", Self.criteria, "--out", out, "--no-excel", "--json"] + Self.overCeiling)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.errorLines.first == "criteria/2022.toml:475: programmes.ningbo_municipal.reward: 警告：奖励 150000 元超过市级项目的政策上限 100000 元")
    let summary = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(summary["ranked"] as? Int == 300)
    #expect(summary["warnings"] as? Int == 1)
    let programmes = try #require(summary["programmes"] as? [[String: Any]])
    #expect(programmes.first?["key"] as? String == "city_benchmark")
    #expect(programmes.first?["selected"] as? Int == 20 && programmes.first?["unfilled"] as? Int == 0)
    let rewards = try #require(summary["rewards"] as? [String: Any])
    #expect(rewards["budget"] as? Double == 2_500_000 && rewards["granted"] as? Double == 2_500_000)
    #expect(rewards["unpaid"] as? Double == 550_000)
    // results.json carries the warning, located, in the report's language.
    let results = try #require(
      JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/results.json"))) as? [String: Any])
    let warnings = try #require(results["policy_warnings"] as? [[String: Any]])
    #expect(warnings.count == 1)
    #expect(warnings.first?["line"] as? Int == 475)
    #expect(warnings.first?["key_path"] as? String == "programmes.ningbo_municipal.reward")
    #expect(warnings.first?["message"] as? String == "奖励 150000 元超过市级项目的政策上限 100000 元")
    let page = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
    #expect(page.contains("政策提示") && page.contains("奖励 150000 元超过市级项目的政策上限 100000 元"))
  }

  @Test func textSummaryInBothLanguages() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out").path
    let en = try CLI.run(
      ["run", Self.metrics, "--criteria", Self.criteria, "--out", out, "--no-excel", "--no-html", "--lang", "en"] + Self.overCeiling)
    #expect(
      en.errorLines.last
        == "exemplar: 300 ranked; selected: city_benchmark 20, ningbo_municipal 6, zhejiang_provincial 2, national_it_pilot 3, industrial_internet_case 4, cloud_benchmark 5; rewards 2500000 yuan of a 2500000 budget, 550000 earned but unpaid; 1 warning; wrote \(out)"
    )
    let zh = try CLI.run(["run", Self.metrics, "--criteria", Self.criteria, "--out", out, "--no-excel", "--no-html"])
    #expect(zh.errorLines.last?.hasPrefix("exemplar：已排名 300 家；入选：city_benchmark 20，") == true)
    #expect(zh.errorLines.last?.contains("奖励已用 2500000 元（预算 2500000 元）") == true)
    #expect(zh.errorLines.last?.contains("；0 个警告；") == true)
  }

  /// `validate` counts the policy warning in its summary and lists it in `--json`.
  @Test func validateCountsWarnings() throws {
    let r = try CLI.run(["validate", Self.metrics, "--criteria", Self.criteria, "--json"] + Self.overCeiling)
    #expect(r.status == 0)
    let summary = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(summary["warning_count"] as? Int == 1)
    let warnings = try #require(summary["warnings"] as? [[String: Any]])
    #expect(warnings.first?["line"] as? Int == 475)
    let text = try CLI.run(["validate", Self.metrics, "--criteria", Self.criteria, "--lang", "en"] + Self.overCeiling)
    #expect(text.stdout.hasSuffix("ok: no errors, 1 warning\n"))
  }
}
