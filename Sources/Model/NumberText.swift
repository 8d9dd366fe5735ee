import Foundation

// The text of numbers, defined once for every message and output: diagnostics of every
// stage quote values with these functions, and the Reports module writes the same bytes
// into its files (its byte-level writers are checked against these in
// ReportsTests/NumberTextTests).

/// Shortest round-trip decimal form of a double, without a trailing `.0` for integers
/// (`87.25`, `1e-07`, `100`); `nan`/`inf` for non-finite values (outputs write those as
/// `null` or an empty cell).
public func formatNumber(_ x: Double) -> String {
  if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
  return "\(x)"
}

/// `x` rounded half away from zero to `decimals` places (0…9) as text, `-3.50`; never
/// `-0.00`; "" when `x` is not finite. Locale-free.
public func formatFixed(_ x: Double, decimals: Int) -> String {
  guard x.isFinite else { return "" }
  let d = max(0, min(decimals, 9))
  var scale: Int64 = 1
  for _ in 0..<d { scale *= 10 }
  let scaled = (abs(x) * Double(scale)).rounded()
  guard scaled < 9.0e15 else { return String(format: "%.\(d)f", x) }
  let n = Int64(scaled)
  var s = (x < 0 && n != 0) ? "-" : ""
  s += String(n / scale)
  if d > 0 {
    let frac = String(n % scale)
    s += "." + String(repeating: "0", count: d - frac.count) + frac
  }
  return s
}

/// `formatFixed` without trailing zeros (nor a trailing point): `0.1235`, `0.5`, `0`, `12`
/// for 4 decimals; "" when `x` is not finite.
public func formatTrimmed(_ x: Double, decimals: Int) -> String {
  var s = formatFixed(x, decimals: decimals)
  guard s.contains(".") else { return s }
  while s.hasSuffix("0") { s.removeLast() }
  if s.hasSuffix(".") { s.removeLast() }
  return s
}
