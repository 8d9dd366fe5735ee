import Foundation
import Testing

/// `ledger list` and `ledger final` name each programme as the run recorded it (what its
/// criteria file says), in both languages; `ledger list --json` keeps the keys and gives
/// the names beside them.
@Suite struct LedgerNamesTests {
  static let names2022 = [
    "市级标杆（试行）", "宁波市管理创新提升标杆企业", "浙江省管理创新提升标杆企业", "新一代信息技术与制造业融合发展试点示范",
    "工业互联网优秀应用案例", "制造业企业上云标杆",
  ]
  static let names2023 = ["2023年度数字化改造标杆企业"] + names2022.dropFirst()

  func record(_ year: Int, in dir: URL, extra: [String] = []) throws {
    let r = try CLI.run(
      [
        "run", "samples/metrics-\(year).csv", "--criteria", "criteria/\(year).toml", "--out", dir.appendingPathComponent("out\(year)").path,
        "--ledger", dir.appendingPathComponent("ledger.db").path, "--no-excel", "--no-html",
      ] + extra)
    #expect(r.status == 0, "\(r.stderr)")
  }

  @Test func listAndFinalNameTheProgrammes() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let ledger = dir.appendingPathComponent("ledger.db").path
    // The 2022 run renames its first programme: the name recorded is the run's, not today's file's.
    try record(2022, in: dir, extra: ["--set", "programmes.city_benchmark.name=市级标杆（试行）"])
    try record(2023, in: dir)

    let zh = try CLI.run(["ledger", "final", "1", "--ledger", ledger])
    #expect(zh.status == 0, "\(zh.stderr)")
    #expect(zh.stdout == "第 1 次运行已定为 2022 年度终稿：\(Self.names2022.joined(separator: "、"))\n")
    let en = try CLI.run(["ledger", "final", "2", "--ledger", ledger, "--lang", "en"])
    #expect(en.status == 0, "\(en.stderr)")
    #expect(en.stdout == "run 2 is the final of 2023 for \(Self.names2023.joined(separator: ", "))\n")

    let list = try CLI.run(["ledger", "list", "--ledger", ledger])
    #expect(list.status == 0)
    let rows = list.stdout.split(separator: "\n")
    #expect(rows.count == 3)
    #expect(rows[1].hasSuffix("  " + Self.names2022.joined(separator: "、")))
    #expect(rows[2].hasSuffix("  " + Self.names2023.joined(separator: "、")))
    #expect(!list.stdout.contains("city_benchmark"))
    let listEn = try CLI.run(["ledger", "list", "--ledger", ledger, "--lang", "en"])
    #expect(listEn.stdout.split(separator: "\n")[2].hasSuffix("  " + Self.names2023.joined(separator: ", ")))
    #expect(!listEn.stdout.contains("city_benchmark"))

    // JSON: the keys as before (sorted), the names beside them in the criteria file's order.
    let json = try CLI.run(["ledger", "list", "--ledger", ledger, "--json"]).stdout
    let runs = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    #expect(runs.count == 2)
    let keys = ["city_benchmark", "ningbo_municipal", "zhejiang_provincial", "national_it_pilot", "industrial_internet_case", "cloud_benchmark"]
    #expect(runs[0]["finals"] as? [String] == keys.sorted())
    let named = try #require(runs[0]["final_programmes"] as? [[String: String]])
    #expect(named.map { $0["programme"] } == keys)
    #expect(named.map { $0["name"] } == Self.names2022)
  }

  @Test func aRunNotYetFinalHasNoNames() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try record(2023, in: dir)
    let list = try CLI.run(["ledger", "list", "--ledger", dir.appendingPathComponent("ledger.db").path, "--json"])
    #expect(list.stdout.contains("\"finals\":[],\"final_programmes\":[]"))
  }
}
