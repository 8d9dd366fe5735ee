/// A minimal FlatBuffers builder: what the metadata of an Arrow IPC file needs (`ArrowIPC`):
/// tables of little-endian scalars and offsets, vectors of structs and of offsets, strings.
///
/// FlatBuffers (flatbuffers.dev, "Internals"): a buffer starts with the 32-bit offset of its
/// root table; an offset (`uoffset`, unsigned 32-bit) is counted from where it is stored and
/// always points forward; a table starts with a signed 32-bit offset back to its vtable
/// (vtable = table − value), and the vtable lists, as 16-bit values, its own size, the
/// table's size and each field's offset inside the table (0: absent); a vector or string is
/// a 32-bit count followed by its elements (a string also by a NUL). Every scalar is aligned
/// to its size, structs to their largest member, and the buffer's length to the largest
/// alignment used, so the buffer can be read in place from any 8-aligned address.
///
/// As in the reference builder, the buffer is built back to front: children first, each
/// object prepended, so that offsets point forward. Positions are counted from the end of
/// the buffer (`Ref`); alignment counted from the end is alignment from the start once the
/// length is padded to the largest alignment (`finish`). Only this module's Arrow writer uses
/// it; the buffers are a few KiB, so the builder favours plainness over speed.
struct FlatBufferBuilder {
  /// A finished object: its distance from the end of the buffer.
  typealias Ref = Int

  /// The buffer so far, reversed: appending here prepends to the buffer.
  private var reversed: [UInt8] = []
  private var largestAlignment = 4
  /// The open table: where it started and its fields (slot, position).
  private var tableStart = 0
  private var fields: [(slot: Int, at: Ref)] = []

  private var size: Int { reversed.count }

  /// Pads with zeros so that `size + additional` is a multiple of `alignment`.
  private mutating func align(_ alignment: Int, after additional: Int = 0) {
    largestAlignment = max(largestAlignment, alignment)
    let r = (size + additional) % alignment
    if r != 0 { reversed.append(contentsOf: repeatElement(0, count: alignment - r)) }
  }

  /// Prepends `v`'s little-endian bytes, unaligned.
  private mutating func raw<T: FixedWidthInteger>(_ v: T) {
    withUnsafeBytes(of: v.littleEndian) { reversed.append(contentsOf: $0.reversed()) }
  }

  /// Prepends an offset to `target` (counted from where it is stored, pointing forward).
  private mutating func offset(to target: Ref) {
    align(4, after: 4)
    raw(UInt32(size + 4 - target))
  }

  /// A string: count, UTF-8 bytes, NUL.
  mutating func string(_ s: String) -> Ref {
    let bytes = Array(s.utf8)
    align(4, after: bytes.count + 1)
    reversed.append(0)
    reversed.append(contentsOf: bytes.reversed())
    raw(UInt32(bytes.count))
    return size
  }

  /// A vector of structs, each given as its members (little-endian, naturally aligned inside
  /// the struct, padded to `stride`); `alignment` is the struct's.
  mutating func structs(_ elements: [[UInt8]], stride: Int, alignment: Int) -> Ref {
    align(max(alignment, 4), after: elements.count * stride)
    for e in elements.reversed() {
      precondition(e.count == stride, "a struct's bytes are its stride")
      reversed.append(contentsOf: e.reversed())
    }
    raw(UInt32(elements.count))
    return size
  }

  /// A vector of offsets to `targets`.
  mutating func offsets(_ targets: [Ref]) -> Ref {
    align(4, after: 4 * targets.count)
    for t in targets.reversed() { offset(to: t) }
    raw(UInt32(targets.count))
    return size
  }

  mutating func startTable() {
    tableStart = size
    fields = []
  }

  /// A scalar field in slot `slot` (the field's index in the schema, a union's type and
  /// value counting as two).
  mutating func add<T: FixedWidthInteger>(_ slot: Int, _ v: T) {
    align(MemoryLayout<T>.size)
    raw(v)
    fields.append((slot, size))
  }

  /// An offset field in slot `slot`.
  mutating func add(_ slot: Int, offsetTo target: Ref) {
    offset(to: target)
    fields.append((slot, size))
  }

  /// Closes the open table: its vtable goes just before it.
  mutating func endTable() -> Ref {
    align(4)
    raw(Int32(0))
    let table = size
    let slots = (fields.map(\.slot).max() ?? -1) + 1
    var vtable = [UInt16](repeating: 0, count: 2 + slots)
    vtable[0] = UInt16(2 * vtable.count)
    vtable[1] = UInt16(table - tableStart)
    for f in fields { vtable[2 + f.slot] = UInt16(table - f.at) }
    for v in vtable.reversed() { raw(v) }
    // The table's first word: table − vtable, both counted from the start of the buffer.
    let back = withUnsafeBytes(of: Int32(size - table).littleEndian) { Array($0) }
    for (j, b) in back.enumerated() { reversed[table - 1 - j] = b }
    return table
  }

  /// The buffer with `root` as its root table, its length a multiple of its largest alignment.
  mutating func finish(_ root: Ref) -> [UInt8] {
    align(max(largestAlignment, 8), after: 4)
    offset(to: root)
    return reversed.reversed()
  }
}
