import Criteria
import Scoring
import Testing

/// Min-max columns computed on read (`UnitColumn`) against the stored normalisation, bit for
/// bit, and the tiled aggregation over them against the whole-matrix kernel.
@Suite struct UnitColumnTests {
  /// Deterministic values with repeats, negatives, signed zeros and a wide spread.
  static func column(_ n: Int, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<n).map { i in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let u = Double(state >> 11) / Double(1 << 53)
      switch i % 7 {
      case 0: return 0.0
      case 1: return -0.0
      case 2: return (u * 1e6).rounded() / 100
      default: return (u - 0.3) * 1234.567
      }
    }
  }

  static func bits(_ x: [Double]) -> [UInt64] { x.map(\.bitPattern) }

  @Test(arguments: [Direction.benefit, .cost])
  func computedMinMaxEqualsStoredBitForBit(direction: Direction) throws {
    for (n, seed) in [(1, 1), (2, 2), (3, 5), (17, 3), (5000, 4)] as [(Int, UInt64)] {
      let x = Self.column(n, seed: seed)
      let stored = try Normalisation.minMax.unit(x, direction: direction, criterion: "c")
      let column = try Normalisation.minMax.unitColumn(x, direction: direction, criterion: "c")
      #expect(Self.bits(column.values) == Self.bits(stored), "n = \(n)")
      #expect(Self.bits((0..<n).map { column[$0] }) == Self.bits(stored))
      #expect(column.isComputed == (n >= 3))  // 0, −0 (constant), then a third value
    }
  }

  /// An imputed column read from the ingested values plus the imputed rows' fill.
  @Test(arguments: [Direction.benefit, .cost])
  func imputedColumnReadsTheIngestedValues(direction: Direction) throws {
    let raw = Self.column(3000, seed: 9)
    let missing = raw.indices.map { $0 % 11 == 3 }
    let ingested = zip(raw, missing).map { $1 ? 0 : $0 }  // a missing cell is read as 0
    for fill in [-17.25, 0.0, 123.5] {
      let x = zip(ingested, missing).map { $1 ? fill : $0 }
      let stored = try Normalisation.minMax.unit(x, direction: direction, criterion: "c")
      let column = try #require(Normalisation.minMax.minMaxColumn(ingested, imputed: missing, fill: fill, direction: direction))
      #expect(column.isComputed)
      #expect(Self.bits(column.values) == Self.bits(stored), "fill \(fill)")
      #expect(column[3] == stored[3])
    }
  }

  @Test func constantHugeAndOtherColumnsAreStored() throws {
    let constant = try Normalisation.minMax.unitColumn([3, 3, 3], direction: .benefit, criterion: "c")
    #expect(!constant.isComputed)
    #expect(constant.values == [1, 1, 1])
    // A column `tamed` rescales keeps the stored path (and its exact values).
    let huge = [1e300, 3e300, 2e300]
    let column = try Normalisation.minMax.unitColumn(huge, direction: .cost, criterion: "c")
    #expect(!column.isComputed)
    let stored = try Normalisation.minMax.unit(huge, direction: .cost, criterion: "c")
    #expect(Self.bits(column.values) == Self.bits(stored))
    let sum = try Normalisation.sum.unitColumn([1, 2, 3], direction: .benefit, criterion: "c")
    #expect(!sum.isComputed)
    #expect(Normalisation.sum.minMaxColumn([1, 2, 3], imputed: [], fill: 0, direction: .benefit) == nil)
    // Constant once the fill is written in: stored.
    #expect(Normalisation.minMax.minMaxColumn([5, 0, 5], imputed: [false, true, false], fill: 5, direction: .cost) == nil)
  }

  /// A value large enough to be tamed is found wherever it stands (the scan for it runs in
  /// lanes of four): the column is then stored, never computed on read.
  @Test func aTamedValueIsFoundInEveryPosition() throws {
    for n in 1...9 {
      for p in 0..<n {
        var x = [Double](repeating: 1, count: n)
        if (p + 1) % n != 0 { x[p + 1] = .nan }  // a NaN after it; never first (a NaN first makes no map)
        x[p] = 0x1p401
        #expect(Normalisation.minMax.minMaxColumn(x, imputed: [], fill: 0, direction: .benefit) == nil, "n \(n) at \(p)")
        x[p] = 0x1p399
        if n > 2 {
          #expect(Normalisation.minMax.minMaxColumn(x, imputed: [], fill: 0, direction: .benefit) != nil, "n \(n) at \(p)")
        }
      }
    }
  }

  /// A stored column reads every double as itself, signed zeros, infinities and NaN too.
  @Test func storedColumnReadsValuesUnchanged() {
    let x: [Double] = [-0.0, 0.0, .infinity, -.infinity, .leastNonzeroMagnitude, -.greatestFiniteMagnitude, 0.1]
    let column = UnitColumn(x)
    #expect(Self.bits((0..<x.count).map { column[$0] }) == Self.bits(x))
    #expect(UnitColumn([.nan])[0].isNaN)
  }

  /// Across several tiles and a ragged last one: the tiled aggregation over computed columns
  /// equals the kernel over the materialised matrix, bit for bit.
  @Test(arguments: [AggregationMethod.weightedSum, .weightedProduct(floor: 0.01), .topsis, .vikor(v: 0.5)])
  func tiledAggregationEqualsWholeMatrix(method: AggregationMethod) throws {
    let n = 3 * 4096 + 123
    let directions: [Direction] = [.benefit, .cost, .benefit, .benefit, .cost, .cost, .benefit]
    let columns = try directions.enumerated().map { j, d in
      try Normalisation.minMax.unitColumn(Self.column(n, seed: UInt64(10 + j)), direction: d, criterion: "c\(j)")
    }
    #expect(columns.allSatisfy { $0.isComputed })
    let weights = [0.05, 0.2, 0.1, 0.15, 0.25, 0.05, 0.2]
    let tiled = Aggregation.scores(columns, method: method, weights: weights)
    let whole = Aggregation.scores(columns.map(\.values), method: method, weights: weights)
    #expect(Self.bits(tiled.raw) == Self.bits(whole.raw))
    #expect(Self.bits(tiled.utility) == Self.bits(whole.utility))
  }
}
