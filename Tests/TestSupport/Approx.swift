/// Relative-or-absolute closeness with an explicit tolerance (swift-numerics style).
///
/// True when |a − b| ≤ max(absolute, relative · max(|a|, |b|)).
public func isClose(_ a: Double, _ b: Double, relative: Double = 1e-9, absolute: Double = 1e-12) -> Bool {
  if a == b { return true }
  guard a.isFinite, b.isFinite else { return false }
  return abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}

/// Element-wise `isClose` for equal-length arrays.
public func allClose(_ a: [Double], _ b: [Double], relative: Double = 1e-9, absolute: Double = 1e-12) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { isClose($0, $1, relative: relative, absolute: absolute) }
}
