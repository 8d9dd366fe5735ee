import Model

/// Builds valid, unique unified social credit codes (GB 32100-2015) for generated rows.
///
/// Layout: `9` (registered by market regulation) `1` (enterprise), a 6-digit Ningbo
/// division code (3302xx), the 9-character organisation code (8 body characters and a
/// GB 11714-1997 check character), then the GB 32100 check character.
///
/// Uniqueness without a set: row `i` maps to an organisation-code body through a bijection
/// `i ↦ (a·i + b) mod N` (gcd(a, N) = 1). Old-style bodies are 8 digits (N = 10⁸);
/// new-style bodies are `MA2` + 5 characters over the USCC alphabet (N = 31⁵); the two
/// styles never collide, so codes are unique for every row below ``MetricsGenerator/maxRows``.
struct USCCMaker: Sendable {
  private static let digitSpace: UInt64 = 100_000_000
  private static let maSpace: UInt64 = 28_629_151  // 31⁵
  private static let digitMultiplier: UInt64 = 7_654_321  // odd, not a multiple of 5
  private static let maMultiplier: UInt64 = 1_000_003  // not a multiple of 31
  /// GB 11714-1997 weights of the 8 body characters.
  private static let orgWeights = [3, 7, 9, 10, 5, 8, 4, 2]

  private let digitOffset: UInt64
  private let maOffset: UInt64

  init(seed: UInt64) {
    var g = SplitMix64(seed: seed ^ 0x5553_4343)  // "USCC"
    digitOffset = g.next() % Self.digitSpace
    maOffset = g.next() % Self.maSpace
  }

  /// Writes the 18-character code of row `row` into `out` (cleared first).
  func code(row: Int, newStyle: Bool, area: [UInt8], into out: inout [UInt8]) {
    out.removeAll(keepingCapacity: true)
    out.append(UInt8(ascii: "9"))
    out.append(UInt8(ascii: "1"))
    out.append(contentsOf: area)
    let i = UInt64(row)
    if newStyle {
      var v = (Self.maMultiplier &* i &+ maOffset) % Self.maSpace
      out.append(UInt8(ascii: "M"))
      out.append(UInt8(ascii: "A"))
      out.append(UInt8(ascii: "2"))
      let start = out.count
      out.append(contentsOf: repeatElement(0, count: 5))
      for k in stride(from: start + 4, through: start, by: -1) {
        out[k] = USCC.alphabet[Int(v % 31)]
        v /= 31
      }
    } else {
      var v = (Self.digitMultiplier &* i &+ digitOffset) % Self.digitSpace
      let start = out.count
      out.append(contentsOf: repeatElement(0, count: 8))
      for k in stride(from: start + 7, through: start, by: -1) {
        out[k] = UInt8(ascii: "0") + UInt8(v % 10)
        v /= 10
      }
    }
    out.append(Self.organisationCheck(out[8..<16]))
    out.append(USCC.checkCharacter(forPrefix: out))
  }

  /// GB 11714-1997 check character of an 8-character organisation-code body.
  ///
  /// ```
  /// C₉ = 11 − (Σ value(cᵢ)·wᵢ mod 11);  10 → 'X', 11 → '0'
  /// ```
  /// with digit values 0–9 and letters A = 10 … Z = 35.
  static func organisationCheck(_ body: ArraySlice<UInt8>) -> UInt8 {
    var sum = 0
    for (k, c) in body.enumerated() {
      let v = c >= UInt8(ascii: "A") ? Int(c - UInt8(ascii: "A")) + 10 : Int(c - UInt8(ascii: "0"))
      sum += v * orgWeights[k]
    }
    let c = 11 - sum % 11
    switch c {
    case 10: return UInt8(ascii: "X")
    case 11: return UInt8(ascii: "0")
    default: return UInt8(ascii: "0") + UInt8(c)
    }
  }
}
