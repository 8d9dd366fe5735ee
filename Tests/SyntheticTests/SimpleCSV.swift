/// A small RFC 4180 reader for the tests (independent of the generator's writer and of
/// libcsv): fields separated by commas, records by LF or CRLF, `"` quoting with `""`.
enum SimpleCSV {
  struct Malformed: Error, CustomStringConvertible {
    var offset: Int
    var description: String { "malformed CSV at byte \(offset)" }
  }

  /// Parses `bytes` (a leading UTF-8 BOM is skipped) into records of fields.
  static func parse(_ bytes: [UInt8]) throws -> [[String]] {
    var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var records: [[String]] = []
    var record: [String] = []
    var field: [UInt8] = []
    var quoted = false
    var wasQuoted = false
    while i < bytes.count {
      let b = bytes[i]
      if quoted {
        if b == UInt8(ascii: "\"") {
          if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
            field.append(b)
            i += 1
          } else {
            quoted = false
          }
        } else {
          field.append(b)
        }
      } else {
        switch b {
        case UInt8(ascii: "\""):
          guard field.isEmpty, !wasQuoted else { throw Malformed(offset: i) }
          quoted = true
          wasQuoted = true
        case UInt8(ascii: ","):
          record.append(String(decoding: field, as: UTF8.self))
          field.removeAll()
          wasQuoted = false
        case 10:
          record.append(String(decoding: field, as: UTF8.self))
          records.append(record)
          record = []
          field.removeAll()
          wasQuoted = false
        case 13:
          break
        default:
          guard !wasQuoted else { throw Malformed(offset: i) }
          field.append(b)
        }
      }
      i += 1
    }
    if quoted { throw Malformed(offset: bytes.count) }
    if !field.isEmpty || !record.isEmpty {
      record.append(String(decoding: field, as: UTF8.self))
      records.append(record)
    }
    return records
  }
}
