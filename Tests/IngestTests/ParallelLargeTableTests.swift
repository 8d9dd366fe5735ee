import Ingest
import Model
import Testing

/// A valid file of ≥ 65,536 rows read in parallel: the columns are then taken on several
/// threads (`Builders.takeAll`) and number columns outgrow their pages populated ahead
/// (`NumericBuilder`), so these paths meet every column type, missing cells included.
@Suite struct ParallelLargeTableTests {
  static let rows = 70_000

  /// Row `i`: a category, a bool, a number in range, an integer and an optional number
  /// (empty on every 7th row), with names mixing CJK, ASCII and quoted commas.
  static func text() -> (bytes: [UInt8], gains: [Double], costs: [Double?]) {
    var text = header
    var gains: [Double] = []
    var costs: [Double?] = []
    var rng = SplitMix64(seed: 0x1A46E)
    for i in 0..<rows {
      let gain = "\(Int(rng.next() % 1000) - 99).\(rng.next() % 100)"
      let cost: String? = i % 7 == 0 ? nil : "\(rng.next() % 1_000_000)"
      let name = i % 11 == 0 ? "\"企业\(i), 有限公司\"" : "宁波\(i)科技"
      let district = ["北区", "南区", "east"][Int(rng.next() % 3)]
      let cloud = ["是", "否", "1", "0", "Y"][Int(rng.next() % 5)]
      text += "\(uscc(i + 1)),\(name),\(district),\(cloud),\(gain),\(i),\(cost ?? "")\n"
      gains.append(Double(gain) ?? .nan)
      costs.append(cost.flatMap { Double($0) })
    }
    return (Array(text.utf8), gains, costs)
  }

  @Test func parallelTableEqualsSequentialTable() {
    let (bytes, gains, costs) = Self.text()
    let sequential = readSequential(bytes)
    #expect(rendered(sequential).isEmpty)
    #expect(sequential.table?.rowCount == Self.rows)
    let expected = fingerprint(sequential)
    for threads in [2, 3] {
      let r = readParallel(bytes, threads: threads)
      #expect(fingerprint(r) == expected, "threads \(threads)")
    }
    // The numbers themselves, against the standard library's parse of the same text.
    let r = readParallel(bytes, threads: 2)
    guard case .numeric(let gain)? = r.table?["gain"], case .numeric(let cost)? = r.table?["cost"] else {
      Issue.record("no number columns")
      return
    }
    #expect(gain.values.map(\.bitPattern) == gains.map(\.bitPattern))
    #expect(gain.missing == [Bool](repeating: false, count: Self.rows))
    #expect(cost.missing == costs.map { $0 == nil })
    #expect(zip(cost.values, costs).allSatisfy { $1 == nil || $0 == $1 })
    #expect(r.summary.missingCells["cost"] == costs.filter { $0 == nil }.count)
  }
}
