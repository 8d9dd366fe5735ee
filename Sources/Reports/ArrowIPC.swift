/// Apache Arrow's IPC file format (arrow.apache.org/docs/format/Columnar.html, "IPC File
/// Format"; the format of `pyarrow.feather` version 2, `pandas.read_feather`,
/// `polars.read_ipc`), as much of it as a flat table of text, 32-bit integers and doubles
/// needs: little-endian, uncompressed, metadata version V5, no dictionaries.
///
/// The file: `ARROW1`, two bytes of padding; the schema message; one message per record
/// batch; the end-of-stream marker; the footer (a FlatBuffer: the schema again and each
/// batch's position); the footer's length (32-bit); `ARROW1`. A message is the continuation
/// marker `FF FF FF FF`, the metadata's length (32-bit, padding included), the metadata
/// (a FlatBuffer `Message`, padded to a multiple of 8 bytes), then the body: the batch's
/// buffers, each starting at a multiple of 8. A column's buffers: its validity bitmap (one
/// bit per row, least significant first, 1 = valid; length 0 when the column has no null
/// in the batch), then for text the offsets (row count + 1 signed 32-bit values) and the
/// UTF-8 bytes, for numbers the values.
enum ArrowIPC {
  enum ColumnType: Sendable { case utf8, int32, float64 }

  struct Field: Sendable {
    let name: String
    let type: ColumnType
    let nullable: Bool
  }

  /// A record batch's place in the file, for the footer.
  struct Block: Sendable {
    var offset: Int
    var metadataLength: Int
    var bodyLength: Int
  }

  static let magic: [UInt8] = Array("ARROW1".utf8)
  /// `MetadataVersion.V5`.
  static let version: Int16 = 4

  /// The bytes before the first record batch: the magic, padded to 8, and the schema message.
  static func head(_ fields: [Field]) -> [UInt8] {
    var fb = FlatBufferBuilder()
    let schema = schemaTable(fields, &fb)
    let message = messageTable(header: 1, schema, bodyLength: 0, &fb)
    return magic + [0, 0] + encapsulated(fb.finish(message))
  }

  /// A record batch message's metadata, encapsulated: continuation, length, FlatBuffer, padding.
  /// The batch's body (`ArrowBatch`) follows it.
  static func batchMetadata(
    rows: Int, nodes: [(length: Int, nulls: Int)], buffers: [(offset: Int, length: Int)], bodyLength: Int
  ) -> [UInt8] {
    var fb = FlatBufferBuilder()
    let bufferVector = fb.structs(buffers.map { le($0.offset) + le($0.length) }, stride: 16, alignment: 8)
    let nodeVector = fb.structs(nodes.map { le($0.length) + le($0.nulls) }, stride: 16, alignment: 8)
    fb.startTable()
    fb.add(0, Int64(rows))
    fb.add(1, offsetTo: nodeVector)
    fb.add(2, offsetTo: bufferVector)
    let recordBatch = fb.endTable()
    let message = messageTable(header: 3, recordBatch, bodyLength: bodyLength, &fb)
    return encapsulated(fb.finish(message))
  }

  /// The length of every record batch message's metadata for `fields`: its FlatBuffer holds
  /// fixed-width values only, one node per field and two buffers per field (three for text).
  static func batchMetadataLength(_ fields: [Field]) -> Int {
    let buffers = fields.reduce(0) { $0 + ($1.type == .utf8 ? 3 : 2) }
    return batchMetadata(
      rows: 0, nodes: Array(repeating: (0, 0), count: fields.count), buffers: Array(repeating: (0, 0), count: buffers),
      bodyLength: 0
    ).count
  }

  /// The bytes after the last record batch: end of stream, footer, its length, the magic.
  static func tail(_ fields: [Field], blocks: [Block]) -> [UInt8] {
    var fb = FlatBufferBuilder()
    let records = fb.structs(
      blocks.map { le($0.offset) + le(Int32($0.metadataLength)) + [0, 0, 0, 0] + le($0.bodyLength) }, stride: 24, alignment: 8)
    let dictionaries = fb.structs([], stride: 24, alignment: 8)
    let schema = schemaTable(fields, &fb)
    fb.startTable()
    fb.add(0, version)
    fb.add(1, offsetTo: schema)
    fb.add(2, offsetTo: dictionaries)
    fb.add(3, offsetTo: records)
    let footer = fb.finish(fb.endTable())
    return [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0] + footer + le(Int32(footer.count)) + magic
  }

  /// `Schema { endianness: Little, fields }`; each `Field { name, nullable, type, children: [] }`.
  private static func schemaTable(_ fields: [Field], _ fb: inout FlatBufferBuilder) -> FlatBufferBuilder.Ref {
    var refs: [FlatBufferBuilder.Ref] = []
    for f in fields {
      let name = fb.string(f.name)
      let children = fb.offsets([])
      fb.startTable()
      let typeCode: UInt8
      switch f.type {
      case .utf8: typeCode = 5  // Type.Utf8, an empty table
      case .int32:
        typeCode = 2  // Type.Int { bitWidth, is_signed }
        fb.add(0, Int32(32))
        fb.add(1, UInt8(1))
      case .float64:
        typeCode = 3  // Type.FloatingPoint { precision: DOUBLE }
        fb.add(0, Int16(2))
      }
      let type = fb.endTable()
      fb.startTable()
      fb.add(0, offsetTo: name)
      fb.add(1, UInt8(f.nullable ? 1 : 0))
      fb.add(2, typeCode)
      fb.add(3, offsetTo: type)
      fb.add(5, offsetTo: children)
      refs.append(fb.endTable())
    }
    let vector = fb.offsets(refs)
    fb.startTable()
    fb.add(0, Int16(0))  // Endianness.Little
    fb.add(1, offsetTo: vector)
    return fb.endTable()
  }

  /// `Message { version: V5, header_type, header, bodyLength }`.
  private static func messageTable(
    header type: UInt8, _ header: FlatBufferBuilder.Ref, bodyLength: Int, _ fb: inout FlatBufferBuilder
  ) -> FlatBufferBuilder.Ref {
    fb.startTable()
    fb.add(0, version)
    fb.add(1, type)
    fb.add(2, offsetTo: header)
    fb.add(3, Int64(bodyLength))
    return fb.endTable()
  }

  /// Continuation marker, the padded metadata's length, the metadata, zeros to a multiple of 8.
  private static func encapsulated(_ metadata: [UInt8]) -> [UInt8] {
    let padded = (metadata.count + 7) / 8 * 8
    return [0xFF, 0xFF, 0xFF, 0xFF] + le(Int32(padded)) + metadata + [UInt8](repeating: 0, count: padded - metadata.count)
  }

  private static func le<T: FixedWidthInteger>(_ v: T) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
  private static func le(_ v: Int) -> [UInt8] { le(Int64(v)) }
}
