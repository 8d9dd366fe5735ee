import Model

extension AggregationMethod {
  /// `[aggregation] v` (VIKOR's strategy weight): a number in [0, 1].
  static func isValidV(_ v: Double) -> Bool { (0...1).contains(v) }
  /// `[aggregation] floor` (weighted product): a number in (0, 1].
  static func isValidFloor(_ f: Double) -> Bool { f > 0 && f <= 1 }

  /// Whether the method's parameter is one the loader accepts.
  var hasValidParameter: Bool {
    switch self {
    case .weightedSum, .topsis: return true
    case .weightedProduct(let floor): return Self.isValidFloor(floor)
    case .vikor(let v): return Self.isValidV(v)
    }
  }
}
