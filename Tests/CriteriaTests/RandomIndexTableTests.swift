import Criteria
import Foundation
import Testing

/// Saaty's random-index table in docs/criteria.md is the one `AHP.solve` uses.
@Suite struct RandomIndexTableTests {
  /// The `| RI | … |` row of docs/criteria.md.
  static func documentedRow() -> [Double] {
    let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/criteria.md")
    guard let text = try? String(contentsOf: docs, encoding: .utf8),
      let row = text.split(separator: "\n").first(where: { $0.hasPrefix("| RI |") })
    else { return [] }
    return row.split(separator: "|").dropFirst().compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
  }

  @Test func docsTableIsTheCodeTable() {
    #expect(Self.documentedRow() == Array(AHP.randomIndex.dropFirst()))
  }

  /// Kept as published: RI(12) < RI(11), so the same CI gives a larger CR at n = 12.
  @Test func theDipAtTwelveIsFaithful() {
    #expect(AHP.randomIndex[12] == 1.48 && AHP.randomIndex[11] == 1.51)
    #expect(0.1 / AHP.randomIndex[12] > 0.1 / AHP.randomIndex[11])
  }
}
