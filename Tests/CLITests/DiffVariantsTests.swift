import Foundation
import Testing

/// `diff` with several variants: each against the first file, each as the two-file diff says.
@Suite struct DiffVariantsTests {
  static let inputs = ["samples/metrics-2022.csv", "--criteria", "criteria/2022.toml", "--history", "samples/history.csv"]
  static let efficiency = ["groups.efficiency.weight=0.6", "weighting.normalise=true"]

  static func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func everyVariantIsItsTwoFileDiff() throws {
    let r = try CLI.run(
      ["diff"] + Self.inputs + ["--variant", Self.efficiency.joined(separator: ";"), "--variant", "aggregation.method=topsis", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let all = try Self.object(r.stdout)
    #expect(all["a"] as? String == "criteria/2022.toml")
    let variants = try #require(all["variants"] as? [[String: Any]])
    #expect(variants.count == 2)
    for (k, sets) in [Self.efficiency, ["aggregation.method=topsis"]].enumerated() {
      let pair = try CLI.run(["diff"] + Self.inputs + sets.flatMap { ["--set", $0] } + ["--json"])
      #expect(pair.status == 0, "\(pair.stderr)")
      #expect(NSDictionary(dictionary: variants[k]).isEqual(to: try Self.object(pair.stdout)), "variant \(k + 1) differs from its two-file diff")
    }
    #expect(!NSDictionary(dictionary: variants[0]).isEqual(to: variants[1]))
  }

  @Test func theTextTabulatesEveryVariantThenShowsEach() throws {
    let r = try CLI.run(
      ["diff"] + Self.inputs + ["--criteria", "criteria/2022-ahp-topsis.toml", "--variant", Self.efficiency.joined(separator: ";"), "--lang", "en"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try Self.object(
      try CLI.run(["diff"] + Self.inputs + ["--criteria", "criteria/2022-ahp-topsis.toml", "--variant", Self.efficiency.joined(separator: ";"), "--json"]).stdout)
    let variants = try #require(json["variants"] as? [[String: Any]])
    #expect(r.stdout.contains("B1: criteria/2022-ahp-topsis.toml\n"))
    #expect(r.stdout.contains("B2: criteria/2022.toml --set groups.efficiency.weight=0.6 --set weighting.normalise=true\n"))
    #expect(r.stdout.contains("══ B1 ══") && r.stdout.contains("══ B2 ══"))
    // The count table's city_benchmark row: +entering −leaving of each variant.
    let counts = variants.map { v -> String in
      let p = (v["programmes"] as? [[String: Any]] ?? []).first { $0["key"] as? String == "city_benchmark" }
      return "+\((p?["entering"] as? [Any])?.count ?? -1) −\((p?["leaving"] as? [Any])?.count ?? -1)"
    }
    let row = r.stdout.split(separator: "\n").first { $0.hasPrefix("  city_benchmark") }.map(String.init) ?? ""
    let cells = row.split(separator: " ", omittingEmptySubsequences: true).dropFirst().map(String.init)
    #expect(cells == counts.flatMap { $0.split(separator: " ").map(String.init) }, "\(row)")
  }

  @Test func aMalformedVariantIsAUsageError() throws {
    let r = try CLI.run(["diff"] + Self.inputs + ["--variant", "groups.efficiency.weight"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--variant"))
    let empty = try CLI.run(["diff"] + Self.inputs + ["--variant", " ; "])
    #expect(empty.status == 64)
  }
}
