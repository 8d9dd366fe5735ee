import Foundation
import Testing

/// `exemplar history ID` shows the metrics as read, year by year, from the ledger.
@Suite struct HistoryMetricsTests {
  /// The cell `fromEnd` places from the end of `id`'s line in a sample file (a name may hold
  /// a quoted comma, so fields are counted from the end).
  static func cell(_ file: String, id: String, fromEnd: Int) throws -> String {
    let text = try String(contentsOf: CLI.root.appendingPathComponent(file), encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { $0.contains(id) })
    let fields = line.split(separator: ",", omittingEmptySubsequences: false)
    return String(fields[fields.count - fromEnd])
  }

  @Test func historyShowsTheFiguresOfEachYear() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let ledger = dir.appendingPathComponent("l.db").path
    for (year, out) in [(2022, "o22"), (2023, "o23")] {
      let r = try CLI.run([
        "run", "samples/metrics-\(year).csv", "--criteria", "criteria/\(year).toml", "--out", dir.appendingPathComponent(out).path,
        "--ledger", ledger, "--no-html", "--no-excel",
      ])
      #expect(r.status == 0, "\(r.stderr)")
    }
    // An enterprise of both years: its revenue (营业收入, 20th field from the end) as read.
    let ids2022 = try String(contentsOf: CLI.root.appendingPathComponent("samples/metrics-2022.csv"), encoding: .utf8)
      .split(separator: "\n").dropFirst().map { String($0.prefix(18)) }
    let text2023 = try String(contentsOf: CLI.root.appendingPathComponent("samples/metrics-2023.csv"), encoding: .utf8)
    let id = try #require(ids2022.first { text2023.contains($0) })
    let revenue = try [2022, 2023].map { try Self.cell("samples/metrics-\($0).csv", id: id, fromEnd: 20) }

    let zh = try CLI.run(["history", id, "--ledger", ledger])
    #expect(zh.status == 0, "\(zh.stderr)")
    let zhLines = zh.stdout.split(separator: "\n").map(String.init)
    let head = try #require(zhLines.first { $0.contains("原始指标") })
    #expect(head.contains("2022年") && head.contains("2023年"))
    let row = try #require(zhLines.first { $0.hasPrefix("  营业收入(万元)") })
    #expect(row.split(separator: " ").suffix(2).map { Double($0) } == revenue.map { Double($0) })
    #expect(zhLines.contains { $0.hasPrefix("  是否规上企业") && ($0.hasSuffix("是") || $0.hasSuffix("否")) })

    let en = try CLI.run(["history", id, "--ledger", ledger, "--lang", "en"])
    #expect(en.stdout.contains("metrics as read"))
    #expect(en.stdout.split(separator: "\n").contains { $0.hasPrefix("  是否规上企业") && ($0.hasSuffix("yes") || $0.hasSuffix("no")) })

    let json = try CLI.run(["history", id, "--ledger", ledger, "--json"])
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let years = try #require(doc["years"] as? [[String: Any]])
    #expect(years.count == 2)
    for (k, y) in years.enumerated() {
      let metrics = try #require(y["metrics"] as? [String: Any])
      #expect(metrics["revenue_wan"] as? Double == Double(revenue[k]))
      #expect(metrics["uscc"] == nil && metrics["name"] == nil && metrics.count == 26)
    }
  }

  /// The demo's three years on the samples (scripts/demo.sh without its documents): 2022
  /// with the committee's decisions, final; 2023 with history from that final and a
  /// re-review case, final; 2024; then `history` over the three years and `compare`.
  @Test func threeYearsOnTheSamples() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let ledger = dir.appendingPathComponent("l.db").path
    func run(_ args: [String]) throws -> CLI.Output {
      let r = try CLI.run(args + ["--ledger", ledger, "--no-html", "--no-excel"])
      #expect(r.status == 0, "\(r.stderr)")
      return r
    }
    _ = try run([
      "run", "samples/metrics-2022.csv", "--criteria", "criteria/2022.toml", "--history", "samples/history.csv", "--screen",
      "samples/screening.csv", "--reviews", "samples/reviews.csv", "--recusals", "samples/recusals.csv", "--decisions",
      "samples/decisions.csv", "--out", dir.appendingPathComponent("2022").path,
    ])
    #expect(try CLI.run(["ledger", "final", "1", "--ledger", ledger]).status == 0)
    _ = try run(["run", "samples/metrics-2023.csv", "--criteria", "criteria/2023.toml", "--out", dir.appendingPathComponent("2023").path])
    let results = try String(contentsOf: dir.appendingPathComponent("2023/results.json"), encoding: .utf8)
    #expect(results.contains(#"{"programme":"city_benchmark","id":"9133021255170627XX","name":"宁波亿嘉信息科技有限公司","recognised_in":2022,"valid_through":2024,"finding":"rank","rank":105"#))
    #expect(try CLI.run(["ledger", "final", "2", "--ledger", ledger]).status == 0)
    _ = try run(["run", "samples/metrics-2024.csv", "--criteria", "criteria/2024.toml", "--out", dir.appendingPathComponent("2024").path])

    let history = try CLI.run(["history", "91330281MA2GDT7XXH", "--ledger", ledger])
    #expect(history.status == 0, "\(history.stderr)")
    for line in [
      "2022年（第1次运行，终稿）：得分 90.98  排名 1/299  星级 4", "  2022年度数字化改造标杆企业 [city_benchmark]: 入选第2位",
      "2023年（第2次运行，终稿）：得分 70.40  排名 27/300  星级 3",
      "  制造业企业上云标杆 [cloud_benchmark]: 未入选：已于2022年推荐至「制造业企业上云标杆」",
      "2024年（第3次运行，未定稿）：得分 90.42  排名 1/300  星级 5",
      "  原始指标                 2022年    2023年    2024年",
      "  所属区域               朗霞街道  朗霞街道  朗霞街道",
      "  营业收入(万元)          7055.67   2884.74  16975.22",
    ] {
      #expect(history.stdout.contains(line + "\n"), "\(line)")
    }
    let compare = try CLI.run(["compare", "2023", "2024", "--ledger", ledger, "--movers", "5"])
    #expect(compare.status == 0, "\(compare.stderr)")
    #expect(compare.stdout.hasPrefix("年度对比 2023年（第2次运行，终稿） → 2024年（第3次运行，未定稿）\n"))
    #expect(compare.stdout.contains("2024年度数字化改造标杆企业 [city_benchmark]: 新入选 14，退出 14，保留 6\n"))
    #expect(compare.stdout.contains("  26 → 252  (−226)  91330282MA2C7B958C  余姚奥力智能装备股份有限公司\n"))
    // Group scores named by the labels of the criteria recorded with the runs, not by keys.
    let groupLines = history.stdout.split(separator: "\n").filter { $0.hasPrefix("  成本 ") }
    #expect(groupLines.count == 3 && groupLines.allSatisfy { $0.contains("  效率 ") && $0.contains("  品质 ") }, "\(history.stdout)")
    #expect(!history.stdout.contains("  cost "))
    // The metrics are those of the CSV: the review score the 2022 run added is not one.
    #expect(!history.stdout.contains("专家评审得分"))
  }
}
