import Model

/// Standard normal and uniform draws from a `SplitMix64`, by the Box–Muller transform.
///
/// ```
/// z₀ = √(−2 ln u₁) · cos(2π u₂),  z₁ = √(−2 ln u₁) · sin(2π u₂),  u₁ ∈ (0, 1], u₂ ∈ [0, 1)
/// ```
/// Source: Box & Muller (1958), "A Note on the Generation of Random Normal Deviates",
/// Ann. Math. Statist. 29(2). The second deviate of each pair is kept for the next call.
struct NormalSource {
  private var rng: SplitMix64
  private var spare: Double?

  init(_ rng: SplitMix64) { self.rng = rng }

  /// A uniform double in [0, 1).
  mutating func uniform() -> Double { rng.nextUnit() }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool { rng.nextUnit() < p }

  /// A uniform integer in 0..<n (n > 0), by multiply-shift (bias < n / 2⁶⁴).
  mutating func below(_ n: Int) -> Int {
    Int(rng.next().multipliedFullWidth(by: UInt64(n)).high)
  }

  /// A standard normal deviate.
  mutating func normal() -> Double {
    if let s = spare {
      spare = nil
      return s
    }
    let u1 = 1 - rng.nextUnit()  // (0, 1]: log is finite
    let u2 = rng.nextUnit()
    let r = (-2 * log(u1)).squareRoot()
    let theta = 2 * Double.pi * u2
    spare = r * sin(theta)
    return r * cos(theta)
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
