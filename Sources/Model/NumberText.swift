import Foundation

// The text of numbers as `String`s, for every message and output: diagnostics of every
// stage quote values with these functions. They write their digits with `NumberBytes`,
// as the byte writers of the Reports and Ledger modules do, so each rule is written once.

/// Shortest round-trip decimal form of a double, without a trailing `.0` for integers
/// (`87.25`, `1e-07`, `100`); `nan`/`inf` for non-finite values (outputs write those as
/// `null` or an empty cell).
public func formatNumber(_ x: Double) -> String {
  guard x.isFinite else { return "\(x)" }
  return NumberBytes.text(room: NumberBytes.numberRoom) { NumberBytes.shortest(x, at: $0) }
}

/// `x` rounded half away from zero to `decimals` places (0…9) as text, `-3.50`; never
/// `-0.00`; "" when `x` is not finite. Locale-free.
public func formatFixed(_ x: Double, decimals: Int) -> String {
  guard x.isFinite else { return "" }
  var written = true
  let text = NumberBytes.text(room: NumberBytes.numberRoom) {
    guard let n = NumberBytes.fixed(x, decimals: decimals, at: $0) else {
      written = false
      return 0
    }
    return n
  }
  return written ? text : String(format: "%.\(max(0, min(decimals, 9)))f", x)
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
