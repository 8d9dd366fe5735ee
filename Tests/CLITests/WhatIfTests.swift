import Foundation
import Testing

/// `--set KEY.PATH=VALUE`: a what-if without editing the criteria file.
@Suite struct WhatIfTests {
  static let metrics = "samples/metrics-2022.csv"
  static let criteria = "criteria/2022.toml"
  static let id = "91330281MA2GDT7XXH"

  /// The same result as editing the file: `--set` equals a copy of the file with the change.
  @Test func setEqualsEditingTheFile() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    var text = try String(contentsOf: CLI.root.appendingPathComponent(Self.criteria), encoding: .utf8)
    text += "\n[aggregation]\nmethod = \"topsis\"\n"
    let edited = dir.appendingPathComponent("edited.toml")
    try text.write(to: edited, atomically: true, encoding: .utf8)
    let set = try CLI.run([
      "explain", Self.metrics, "--criteria", Self.criteria, "--id", Self.id, "--json", "--set", "aggregation.method=topsis",
    ])
    let file = try CLI.run(["explain", Self.metrics, "--criteria", edited.path, "--id", Self.id, "--json"])
    let plain = try CLI.run(["explain", Self.metrics, "--criteria", Self.criteria, "--id", Self.id, "--json"])
    #expect(set.status == 0 && file.status == 0, "\(set.stderr)\(file.stderr)")
    #expect(set.stdout == file.stdout)
    #expect(set.stdout != plain.stdout)
  }

  /// Checked with the file's own messages, located and attributed; the manifest records it.
  @Test func messagesAndManifest() throws {
    let typo = try CLI.run([
      "run", Self.metrics, "--criteria", Self.criteria, "--out", "/nonexistent/x", "--set", "groups.efficency.weight=0.30", "--lang", "en",
    ])
    #expect(typo.status == 78)
    #expect(typo.stderr.contains("--set groups.efficency.weight=0.30: no groups.efficency in the criteria file (did you mean \"efficiency\"?)"))
    let sum = try CLI.run([
      "validate", Self.metrics, "--criteria", Self.criteria, "--set", "groups.efficiency.weight=0.30", "--lang", "en",
    ])
    #expect(sum.status == 78)
    #expect(sum.stderr.contains("sum to 1.05") && sum.stderr.contains("(with --set groups.efficiency.weight=0.30)"))
    let method = try CLI.run(["validate", Self.metrics, "--criteria", Self.criteria, "--set", "aggregation.method=topsi", "--lang", "en"])
    #expect(method.status == 78)
    #expect(method.stderr.contains("did you mean \"topsis\"") && method.stderr.contains("(value from --set aggregation.method=topsi)"))
    let malformed = try CLI.run(["validate", Self.metrics, "--criteria", Self.criteria, "--set", "groups.efficiency.weight"])
    #expect(malformed.status == 64)
    #expect(malformed.stderr.contains("--set groups.efficiency.weight：应写成 KEY.PATH=VALUE"))

    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out")
    let run = try CLI.run([
      "run", Self.metrics, "--criteria", Self.criteria, "--out", out.path, "--no-excel", "--no-html",
      "--set", "groups.efficiency.weight=0.30", "--set", "groups.cost.weight=0.20",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let results = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("results.json")))
    let manifest = try #require((results as? [String: Any])?["manifest"] as? [String: Any])
    #expect(manifest["criteria_overrides"] as? [String] == ["groups.efficiency.weight=0.30", "groups.cost.weight=0.20"])
  }

  /// `diff` with one file and `--set` compares the file with itself changed.
  @Test func diffOfOneFileAgainstItsChange() throws {
    let same = try CLI.run(["diff", Self.metrics, "--criteria", Self.criteria, "--set", "groups.efficiency.weight=0.25", "--json"])
    #expect(same.status == 0, "\(same.stderr)")
    let moved = try CLI.run([
      "diff", Self.metrics, "--criteria", Self.criteria, "--set", "groups.efficiency.weight=0.35", "--set",
      "groups.cost.weight=0.15", "--json",
    ])
    #expect(moved.status == 0, "\(moved.stderr)")
    let a = try #require(try JSONSerialization.jsonObject(with: Data(same.stdout.utf8)) as? [String: Any])
    let b = try #require(try JSONSerialization.jsonObject(with: Data(moved.stdout.utf8)) as? [String: Any])
    #expect(a["spearman"] as? Double == 1)
    #expect((b["spearman"] as? Double ?? 1) < 1)
    #expect((b["b"] as? String)?.hasSuffix("--set groups.efficiency.weight=0.35 --set groups.cost.weight=0.15") == true)
    // The method change is named, and every list change says where the row stands on the other side.
    let topsis = try CLI.run(["diff", Self.metrics, "--criteria", Self.criteria, "--set", "aggregation.method=topsis", "--json"])
    let t = try #require(try JSONSerialization.jsonObject(with: Data(topsis.stdout.utf8)) as? [String: Any])
    let settings = try #require(t["settings"] as? [[String: String]])
    #expect(settings.contains { $0 == ["key": "aggregation.method", "a": "weighted-sum", "b": "topsis"] })
    let programmes = try #require(t["programmes"] as? [[String: Any]])
    for p in programmes {
      let leaving = p["leaving"] as? [String] ?? [], why = p["leaving_is_under_b"] as? [String] ?? []
      #expect(why.count == leaving.count && why.allSatisfy { !$0.isEmpty })
    }
    let none = try CLI.run(["diff", Self.metrics, "--criteria", Self.criteria])
    #expect(none.status == 64)
  }
}
