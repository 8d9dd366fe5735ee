import Foundation
import Testing

/// `sensitivity` reports weight noise and method swaps apart when `[uncertainty]` lists
/// alternative methods (docs/sensitivity.md, "Weight noise and method swaps, separately").
@Suite struct SeparatedSensitivityTests {
  static let inputs = ["samples/metrics-2022.csv", "--criteria", "criteria/2022.toml", "--history", "samples/history.csv"]

  static func sensitivity(_ out: URL, _ extra: [String] = []) throws -> (CLI.Output, [String: Any]) {
    let r = try CLI.run(["sensitivity"] + inputs + ["--out", out.path, "--samples", "200", "--seed", "11", "--sobol", "0"] + extra)
    #expect(r.status == 0, "\(r.stderr)")
    let data = try Data(contentsOf: out.appendingPathComponent("sensitivity.json"))
    return (r, try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
  }

  /// robust ids per programme of a list of programme objects.
  static func robust(_ programmes: Any?) -> [String: [String]] {
    var out: [String: [String]] = [:]
    for p in programmes as? [[String: Any]] ?? [] { out[p["key"] as? String ?? ""] = p["robust"] as? [String] ?? [] }
    return out
  }

  @Test func weightsAloneIsTheRunWithoutTheAlternativesAndMethodsAreEachVariantsRun() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (both, json) = try Self.sensitivity(dir.appendingPathComponent("both"))
    let separated = try #require(json["separated"] as? [String: Any])
    #expect(both.stderr.contains("（仅权重 "), "\(both.stderr)")
    #expect(both.stderr.contains("，6 种方法变体中均稳健 "), "\(both.stderr)")
    #expect(!both.stderr.contains("robust"), "\(both.stderr)")
    let (english, _) = try Self.sensitivity(dir.appendingPathComponent("en"), ["--lang", "en"])
    #expect(english.stderr.contains(" robust (weights alone "), "\(english.stderr)")
    #expect(english.stderr.contains(", in every one of 6 method variants "), "\(english.stderr)")
    #expect(!english.stderr.contains(") robust"), "robust once per programme: \(english.stderr)")

    // Weights alone = the same samples and seed with the file's method only.
    let (alone, aloneJSON) = try Self.sensitivity(
      dir.appendingPathComponent("alone"), ["--set", "uncertainty.normalisations=[]", "--set", "uncertainty.aggregations=[]"])
    #expect(aloneJSON["separated"] == nil)
    #expect(!alone.stderr.contains("仅权重"))
    let weightsAlone = try #require(separated["weights_alone"] as? [String: Any])
    #expect(Self.robust(weightsAlone["programmes"]) == Self.robust(aloneJSON["programmes"]))
    #expect(Self.robust(weightsAlone["programmes"]) != Self.robust(json["programmes"]), "the method swaps make no difference: the test would not tell the two apart")

    // Methods: the file lists min-max and rank, weighted-sum (the nominal, not repeated) and
    // topsis: 3 normalisations × 2 aggregations, nominal first, each exactly `run` with that method.
    let methods = try #require(separated["methods"] as? [String: Any])
    let variants = try #require(methods["variants"] as? [[String: Any]])
    #expect(variants.map { "\($0["normalisation"] ?? "") / \($0["aggregation"] ?? "")" } == [
      "nominal / weighted-sum", "min-max / weighted-sum", "rank / weighted-sum", "nominal / topsis", "min-max / topsis", "rank / topsis",
    ])
    let nominal = Dictionary(uniqueKeysWithValues: (json["programmes"] as? [[String: Any]] ?? []).map { ($0["key"] as? String ?? "", $0["nominal"] as? [String] ?? []) })
    #expect(variants[0]["selected"] as? [String: [String]] == nominal)
    let out = dir.appendingPathComponent("topsis")
    let run = try CLI.run(["run"] + Self.inputs + ["--set", "aggregation.method=topsis", "--out", out.path, "--no-excel", "--no-html"])
    #expect(run.status == 0, "\(run.stderr)")
    let results = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("results.json"))) as? [String: Any])
    let shortlists = try #require(results["shortlists"] as? [String: [String: Any]])
    #expect(variants[3]["selected"] as? [String: [String]] == shortlists.mapValues { $0["selected"] as? [String] ?? [] })

    // In every variant: the nominal members that every variant selects.
    for entry in methods["in_every_variant"] as? [[String: Any]] ?? [] {
      let key = entry["key"] as? String ?? ""
      let expected = (nominal[key] ?? []).filter { id in variants.allSatisfy { (($0["selected"] as? [String: [String]])?[key] ?? []).contains(id) } }
      #expect(entry["ids"] as? [String] == expected)
    }
    let html = try String(contentsOf: dir.appendingPathComponent("both/sensitivity.html"), encoding: .utf8)
    #expect(html.contains("权重扰动与方法切换（分开）"))
  }
}
