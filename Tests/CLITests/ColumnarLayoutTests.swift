import Foundation
import Testing

/// `run --layout columnar` (docs/outputs.md): enterprises.csv holds every value of results.json's
/// `ranking` entries, and the rest of results.json is the same as in the default layout.
@Suite struct ColumnarLayoutTests {
  /// RFC 4180 records of `text` (quoted fields, doubled quotes, CRLF or LF).
  static func records(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, afterQuote = false
    for c in text.unicodeScalars {
      if quoted {
        if c == "\"" { quoted = false; afterQuote = true } else { field.unicodeScalars.append(c) }
        continue
      }
      switch c {
      case "\"":
        if afterQuote { field.append("\"") }
        quoted = true
        afterQuote = false
      case ",":
        row.append(field); field = ""; afterQuote = false
      case "\r": afterQuote = false
      case "\n":
        row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
      default:
        field.unicodeScalars.append(c); afterQuote = false
      }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
  }

  /// Foundation's JSON reader may round a shortest round-trip number by an ulp or two; the
  /// table's text is compared with it to 1e-14 relative.
  static func same(_ text: String, _ value: Any?) -> Bool {
    guard let x = Double(text), let y = value as? Double else { return false }
    return x == y || abs(x - y) <= 1e-14 * max(abs(x), abs(y))
  }

  /// Two results.json objects (their `ranking` removed) are equal apart from the manifest's time.
  static func expectSameApartFromTime(_ a: [String: Any], _ b: [String: Any]) throws {
    var a = a, b = b
    var x = try #require(a.removeValue(forKey: "manifest") as? [String: Any])
    var y = try #require(b.removeValue(forKey: "manifest") as? [String: Any])
    x["time"] = nil
    y["time"] = nil
    #expect(NSDictionary(dictionary: x).isEqual(to: y))
    #expect(NSDictionary(dictionary: a).isEqual(to: b))
  }

  static func json(_ path: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
  }

  @Test(arguments: ["criteria/2022.toml", "criteria/2022-ahp-topsis.toml"])
  func theTableHoldsEveryValueOfTheRanking(criteria: String) throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    var args = [
      "run", "samples/metrics-2022.csv", "--criteria", criteria, "--history", "samples/history.csv", "--screen", "samples/screening.csv",
      "--decisions", "samples/decisions.csv", "--no-excel", "--no-html",
    ]
    if criteria == "criteria/2022.toml" { args += ["--reviews", "samples/reviews.csv", "--recusals", "samples/recusals.csv"] }
    let a = dir.appendingPathComponent("objects").path, b = dir.appendingPathComponent("columnar").path
    #expect(try CLI.run(args + ["--out", a]).status == 0)
    let r = try CLI.run(args + ["--out", b, "--layout", "columnar"])
    #expect(r.status == 0, "\(r.stderr)")
    var objects = try Self.json(a + "/results.json"), columnar = try Self.json(b + "/results.json")
    let entries = try #require(objects.removeValue(forKey: "ranking") as? [[String: Any]])
    let pointer = try #require(columnar.removeValue(forKey: "ranking") as? [String: Any])
    #expect(pointer["file"] as? String == "enterprises.csv" && pointer["rows"] as? Int == entries.count)
    // Everything else is the same, apart from the run's time.
    try Self.expectSameApartFromTime(objects, columnar)
    // Row by row, every value.
    let table = Self.records(try String(contentsOfFile: b + "/enterprises.csv", encoding: .utf8))
    let header = try #require(table.first)
    #expect(header == pointer["columns"] as? [String])
    #expect(table.count == entries.count + 1)
    func col(_ name: String) -> Int { header.firstIndex(of: name) ?? -1 }
    for (e, row) in zip(entries, table.dropFirst()) {
      let id = e["id"] as? String ?? ""
      #expect(row[col("id")] == id && row[col("label")] == e["label"] as? String)
      for k in ["rank", "competition_rank", "stars"] { #expect(Int(row[col(k)]) == e[k] as? Int, "\(id) \(k)") }
      for k in ["score", "raw"] { #expect(Self.same(row[col(k)], e[k]), "\(id) \(k)") }
      for (key, share) in try #require(e["contributions"] as? [String: Double]) {
        #expect(Self.same(row[col("contribution." + key)], share), "\(id) \(key)")
      }
      for (key, g) in try #require(e["group_scores"] as? [String: Double]) { #expect(Self.same(row[col("group." + key)], g), "\(id) \(key)") }
      let imputed = (e["imputed"] as? [String]) ?? []
      #expect(row[col("imputed")] == imputed.joined(separator: ";"), "\(id) imputed")
      if let gap = e["star_gap"] as? [String: Any] {
        #expect(Int(row[col("next_stars")]) == gap["next_stars"] as? Int)
        #expect(Self.same(row[col("points_short")], gap["points_short"]))
        #expect(row[col("unmet")] == ((gap["unmet"] as? [String]) ?? []).joined(separator: " | "))
      } else {
        #expect(row[col("next_stars")].isEmpty && row[col("points_short")].isEmpty)
      }
      #expect(Double(row[col("reward")]) == e["reward"] as? Double || (row[col("reward")].isEmpty && e["reward"] == nil), "\(id) reward")
    }
  }
}
