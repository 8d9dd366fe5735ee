/// SplitMix64 (Steele, Lea & Flood 2014): a small, fast, seedable generator.
///
/// Exemplar never uses the system generator: every random draw comes from a
/// generator seeded explicitly, and sample `i` of a Monte Carlo run uses
/// `SplitMix64(seed: seed, stream: i)`, so results do not depend on thread count.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  public private(set) var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// An independent stream for sample `stream` of a run seeded with `seed`.
  public init(seed: UInt64, stream: UInt64) {
    var g = SplitMix64(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
    state = g.next() ^ stream
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in [0, 1) with 53 random bits.
  public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
