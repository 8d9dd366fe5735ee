/// The ids seen so far, to find duplicates without hashing `String`s.
///
/// Open addressing over FNV-1a hashes of the id's UTF-8 bytes; a slot holds the
/// row where the id first appeared, and equal hashes are confirmed by comparing
/// the stored ids. About 12 bytes per slot, at most half the slots used.
struct IDSet {
  private var rows = [Int32](repeating: -1, count: 1024)
  private var hashes = [UInt64](repeating: 0, count: 1024)
  private var count = 0

  mutating func reserve(_ n: Int) {
    var size = rows.count
    while size < 2 * n { size *= 2 }
    if size > rows.count { rehash(size) }
  }

  /// Inserts `id` (first seen on `row`); returns the earlier row when it was already there.
  mutating func insert(_ id: String, row: Int, sameAs: (Int) -> Bool) -> Int? {
    var id = id
    let h = id.withUTF8 { fnv1a($0.baseAddress, $0.count) }
    let mask = rows.count - 1
    var i = Int(truncatingIfNeeded: h) & mask
    while rows[i] >= 0 {
      if hashes[i] == h, sameAs(Int(rows[i])) { return Int(rows[i]) }
      i = (i + 1) & mask
    }
    rows[i] = Int32(truncatingIfNeeded: row)
    hashes[i] = h
    count += 1
    if count * 2 > rows.count { rehash(rows.count * 2) }
    return nil
  }

  private mutating func rehash(_ size: Int) {
    let oldRows = rows
    let oldHashes = hashes
    rows = [Int32](repeating: -1, count: size)
    hashes = [UInt64](repeating: 0, count: size)
    let mask = size - 1
    for (r, h) in zip(oldRows, oldHashes) where r >= 0 {
      var i = Int(truncatingIfNeeded: h) & mask
      while rows[i] >= 0 { i = (i + 1) & mask }
      rows[i] = r
      hashes[i] = h
    }
  }
}
