/// Mean and population standard deviation of a column (σ = √(Σ(x − x̄)²/n)).
/// - Complexity: O(n), two passes (numerically stable enough for [0,1] data).
public func meanAndPopulationSD(_ x: [Double]) -> (mean: Double, sd: Double) {
  guard !x.isEmpty else { return (0, 0) }
  let n = Double(x.count)
  var sum = 0.0
  for v in x { sum += v }
  let mean = sum / n
  var ss = 0.0
  for v in x { ss += (v - mean) * (v - mean) }
  return (mean, (ss / n).squareRoot())
}
