/// The values at two adjacent ranks of a column in ascending order, without sorting it:
/// most-significant-digit radix selection on the same order-preserving 64-bit images of
/// the keys as `RadixSort` (a finite double d, −0 taken as +0, maps to
/// `d ≥ 0 ? bits | 1<<63 : ~bits`, which orders like d; equal images are equal keys).
///
/// A pass counts the keys per 16-bit digit (the high 16 bits first), finds the digit
/// holding the two ranks and keeps only its keys, then repeats on the next 16 bits with the
/// ranks counted from the kept keys' start; once at most `sortBelow` keys are left (or the
/// last digit was used), the rest is sorted. When the two ranks fall in different digits,
/// they are the largest key of the one and the smallest of the other (`split`). The first
/// pass reads the column twice and writes only the kept images; at a million values whose
/// exponents differ little, about a sixteenth of the column is kept after it.
/// - Complexity: O(n): one histogram pass and one gathering pass per digit, each on the
///   keys left by the one before.
enum RadixSelect {
  /// Below this many keys the remainder is sorted rather than counted per digit.
  static let sortBelow = 2048

  /// The ascending image of `d` (`RadixSort.ascendingImage`).
  @inline(__always)
  static func image(_ d: Double) -> UInt64 { RadixSort.ascendingImage(d) }

  /// The double whose ascending image is `a`.
  @inline(__always)
  static func key(_ a: UInt64) -> Double { RadixSort.key(ofAscendingImage: a) }

  /// The keys at ascending ranks `low` and `low + 1` (or `low` twice when `high == low`):
  /// `(sorted[low], sorted[high])` of `keys.sorted()`, −0 read as +0. `keys` non-empty,
  /// `0 ≤ low ≤ high ≤ low + 1 < keys.count`.
  static func adjacent(_ keys: [Double], low: Int, high: Int) -> (Double, Double) {
    precondition(0 <= low && low <= high && high <= low + 1 && high < keys.count)
    if keys.count <= sortBelow {
      let images = keys.map(image).sorted()
      return (key(images[low]), key(images[high]))
    }
    var counts = [Int](repeating: 0, count: 1 << 16)
    // First digit: counted and gathered from the keys themselves (no image array of all n).
    counts.withUnsafeMutableBufferPointer { c in
      keys.withUnsafeBufferPointer { k in
        for d in k { c[Int(truncatingIfNeeded: image(d) >> 48)] += 1 }
      }
    }
    var (first, last, lowRank, highRank) = locate(counts, low: low, high: high)
    if first != last {
      return keys.withUnsafeBufferPointer { k in split(k.lazy.map(image), shift: 48, first, last) }
    }
    var kept = [UInt64]()
    kept.reserveCapacity(counts[first])
    keys.withUnsafeBufferPointer { k in
      for d in k {
        let a = image(d)
        if Int(truncatingIfNeeded: a >> 48) == first { kept.append(a) }
      }
    }
    // Every kept image has the digits above `shift + 16` in common.
    var shift: UInt64 = 32
    while kept.count > sortBelow {
      for b in counts.indices { counts[b] = 0 }
      counts.withUnsafeMutableBufferPointer { c in
        for a in kept { c[Int(truncatingIfNeeded: (a >> shift) & 0xFFFF)] += 1 }
      }
      (first, last, lowRank, highRank) = locate(counts, low: lowRank, high: highRank)
      if first != last { return split(kept, shift: shift, first, last) }
      if counts[first] < kept.count {
        let digit = first
        kept = kept.filter { Int(truncatingIfNeeded: ($0 >> shift) & 0xFFFF) == digit }
      }
      if shift == 0 { break }  // every kept image is the same
      shift -= 16
    }
    kept.sort()
    return (key(kept[lowRank]), key(kept[highRank]))
  }

  /// The two middle ranks in different digits `first` < `last` at `shift` (the digits
  /// between are empty): the lower rank is the largest image of digit `first`, the higher
  /// the smallest of digit `last`.
  static func split<S: Sequence<UInt64>>(_ images: S, shift: UInt64, _ first: Int, _ last: Int) -> (Double, Double) {
    var below: UInt64 = 0
    var above: UInt64 = .max
    for a in images {
      let digit = Int(truncatingIfNeeded: (a >> shift) & 0xFFFF)
      if digit == first {
        below = max(below, a)
      } else if digit == last {
        above = min(above, a)
      }
    }
    return (key(below), key(above))
  }

  /// The digits `first` ≤ `last` that hold ranks `low` and `high` under the per-digit
  /// `counts` (when they differ, every digit between is empty), and the ranks counted from
  /// the start of digit `first`.
  static func locate(_ counts: [Int], low: Int, high: Int) -> (first: Int, last: Int, low: Int, high: Int) {
    var before = 0
    var b = 0
    while before + counts[b] <= low {
      before += counts[b]
      b += 1
    }
    let first = b, start = before
    while before + counts[b] <= high {
      before += counts[b]
      b += 1
    }
    return (first, b, low - start, high - start)
  }
}
