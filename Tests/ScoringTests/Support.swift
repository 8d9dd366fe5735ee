import Criteria
import Foundation
import Model
import Scoring
import Testing

/// Every Double an Evaluation exposes is finite.
func allFinite(_ e: Evaluation) -> Bool {
  let arrays = [e.raw, e.score, e.weights] + e.normalised.map(\.values) + Array(e.groupScores.values)
  let gaps = e.starGap.compactMap { $0?.pointsShort }
  let contributions = e.order.flatMap { e.contributions(row: $0) }
  return (arrays.joined() + gaps + contributions).allSatisfy(\.isFinite)
}

/// A reference fixture written by scripts/reference/make_fixtures.py.
struct ReferenceCase: @unchecked Sendable, CustomTestStringConvertible {
  let json: [String: Any]
  var testDescription: String { name }
  var name: String { json["name"] as? String ?? "?" }
  var matrix: [[Double]] { (json["matrix"] as? [[Double]]) ?? [] }
  var types: [Int] { (json["types"] as? [Int]) ?? [] }
  var weights: [Double] { doubles("weights") }
  var directions: [Direction] { types.map { $0 > 0 ? .benefit : .cost } }
  var constantColumns: [Int] { (json["constant_columns"] as? [Int]) ?? [] }
  /// Criterion-major raw columns.
  var columns: [[Double]] {
    guard let first = matrix.first else { return [] }
    return first.indices.map { j in matrix.map { $0[j] } }
  }
  func doubles(_ key: String) -> [Double] { (json[key] as? [Double]) ?? [] }
  func has(_ key: String) -> Bool { json[key] != nil }
  /// Criterion-major normalised columns (nil where the library gives NaN).
  func normalised(_ method: String) -> [[Double?]] {
    guard let n = json["normalised"] as? [String: Any], let cols = n[method] as? [[Any]] else { return [] }
    return cols.map { $0.map { $0 as? Double } }
  }
  func vikor(_ key: String) -> [Double] { ((json["vikor"] as? [String: Any])?[key] as? [Double]) ?? [] }
  var vikorV: Double { ((json["vikor"] as? [String: Any])?["v"] as? Double) ?? 0.5 }

  static func all() -> [ReferenceCase] {
    let names = ["random-1", "random-2", "random-3", "constant-column"]
    return names.compactMap { name in
      guard let url = Bundle.module.url(forResource: "reference-\(name)", withExtension: "json", subdirectory: "Fixtures"),
        let data = try? Data(contentsOf: url),
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      else { return nil }
      return ReferenceCase(json: object)
    }
  }
}
