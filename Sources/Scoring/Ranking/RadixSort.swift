/// Order of indices by descending `Double` key: least-significant-digit radix sort on
/// order-preserving 64-bit images of the keys (6 passes of 11 bits; a pass whose digit is
/// the same for every key is skipped). Stable, so equal keys keep ascending index order.
///
/// The image of a finite double d (−0 taken as +0) is `d ≥ 0 ? bits | 1<<63 : ~bits`, which
/// orders like d; descending order complements it.
/// - Complexity: O(n), about 6 reads and writes of 12 bytes per item.
enum RadixSort {
  /// The ascending image of `d` (−0 as +0): `d ≥ 0 ? bits | 1<<63 : ~bits`, ordered like d
  /// as an unsigned integer (also `RadixSelect`'s key).
  @inline(__always)
  static func ascendingImage(_ d: Double) -> UInt64 {
    let bits = (d + 0).bitPattern
    return bits >> 63 == 0 ? bits | (1 << 63) : ~bits
  }

  /// The double whose ascending image is `a`.
  @inline(__always)
  static func key(ofAscendingImage a: UInt64) -> Double {
    Double(bitPattern: a >> 63 == 1 ? a & ~(1 << 63) : ~a)
  }

  /// The order, and the keys in that order (−0 as +0), read back from the sorted images so
  /// that a caller walking the sorted keys reads them in sequence, not through `order`.
  static func descending(_ keys: [Double]) -> (order: [Int], sorted: [Double]) {
    let n = keys.count
    guard n > 1 else { return (Array(0..<n), keys.map { $0 + 0 }) }
    var image = [UInt64](repeating: 0, count: n)
    for i in 0..<n {
      image[i] = ~ascendingImage(keys[i])
    }
    var index = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
      for i in 0..<n { buffer[i] = Int32(i) }
      count = n
    }
    var imageOut = [UInt64](repeating: 0, count: n)
    var indexOut = [Int32](repeating: 0, count: n)
    let radix = 11
    let buckets = 1 << radix
    var counts = [Int](repeating: 0, count: buckets)
    var shift: UInt64 = 0
    while shift < 64 {
      let mask: UInt64 = (1 << UInt64(radix)) - 1
      for b in 0..<buckets { counts[b] = 0 }
      image.withUnsafeBufferPointer { img in
        for v in img { counts[Int((v >> shift) & mask)] += 1 }
      }
      if counts.contains(n) {  // every key has the same digit: nothing to do
        shift += UInt64(radix)
        continue
      }
      var total = 0
      for b in 0..<buckets {
        let c = counts[b]
        counts[b] = total
        total += c
      }
      image.withUnsafeBufferPointer { img in
        index.withUnsafeBufferPointer { idx in
          imageOut.withUnsafeMutableBufferPointer { io in
            indexOut.withUnsafeMutableBufferPointer { xo in
              counts.withUnsafeMutableBufferPointer { pos in
                for i in 0..<n {
                  let d = Int((img[i] >> shift) & mask)
                  let p = pos[d]
                  io[p] = img[i]
                  xo[p] = idx[i]
                  pos[d] = p + 1
                }
              }
            }
          }
        }
      }
      swap(&image, &imageOut)
      swap(&index, &indexOut)
      shift += UInt64(radix)
    }
    let sorted = image.map { image -> Double in
      key(ofAscendingImage: ~image)
    }
    return (index.map { Int($0) }, sorted)
  }
}
