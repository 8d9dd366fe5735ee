#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Model

/// The structural check of a written workbook, before its folder is published.
///
/// libxlsxwriter does not check every write of its temporary files: on a full disk it can
/// close a workbook with empty or truncated parts and report success. `verify` reads the
/// zip's end record and central directory (a few kilobytes, no decompression) and checks
/// that the central directory lies inside the file, that every entry's local header is
/// where the directory says and its data ends before the directory, that the parts every
/// workbook needs are present and not empty, and that each worksheet part is at least as
/// large as the rows written into it (`minimumSheetSizes`).
struct XLSXZipCheck {
  /// One central-directory entry.
  struct Entry {
    var name: String
    var compressedSize: UInt64
    var size: UInt64
    var offset: UInt64
  }

  static let requiredParts = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]

  /// - Throws: `.workbook` naming `path` and the first defect found.
  static func verify(path: String, minimumSheetSizes: [UInt64]) throws(ReportError) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw .io(path: path, operation: "reopen to verify", code: currentErrno) }
    defer { _ = close(fd) }
    func fail(_ what: String) -> ReportError {
      .workbook(path: path, message: Message(zh: "写出的文件已损坏（\(what)）", en: "the written file is corrupt (\(what))"))
    }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw .io(path: path, operation: "stat", code: currentErrno) }
    let fileSize = UInt64(st.st_size)
    let entries = try centralDirectory(fd, fileSize: fileSize, fail: fail)
    var byName: [String: Entry] = [:]
    for e in entries { byName[e.name] = e }
    for part in requiredParts {
      guard let e = byName[part], e.size > 0 else { throw fail("part \(part) is missing or empty") }
    }
    for (i, minimum) in minimumSheetSizes.enumerated() {
      let part = "xl/worksheets/sheet\(i + 1).xml"
      guard let e = byName[part] else { throw fail("part \(part) is missing") }
      guard e.size > minimum else { throw fail("part \(part) holds \(e.size) bytes, fewer than its \(minimum) bytes of rows") }
    }
  }

  /// The entries of the central directory, each checked against its local header.
  static func centralDirectory(_ fd: Int32, fileSize: UInt64, fail: (String) -> ReportError) throws(ReportError) -> [Entry] {
    // End of central directory: 22 bytes plus a comment of at most 65,535 bytes.
    let tailLength = min(fileSize, 22 + 65_535)
    let tail = readBytes(fd, at: fileSize - tailLength, count: Int(tailLength))
    guard tail.count == Int(tailLength), tail.count >= 22 else { throw fail("too short for a zip file") }
    var eocd = -1
    var i = tail.count - 22
    while i >= 0 {
      if le32(tail, i) == 0x0605_4B50 {
        eocd = i
        break
      }
      i -= 1
    }
    guard eocd >= 0 else { throw fail("no end of central directory") }
    var count = UInt64(le16(tail, eocd + 10))
    var cdSize = UInt64(le32(tail, eocd + 12))
    var cdOffset = UInt64(le32(tail, eocd + 16))
    if cdOffset == 0xFFFF_FFFF || count == 0xFFFF || cdSize == 0xFFFF_FFFF {
      // Zip64: the locator (20 bytes) precedes the end record and points at the zip64 end record.
      guard eocd >= 20, le32(tail, eocd - 20) == 0x0706_4B50 else { throw fail("no zip64 locator") }
      let z64 = le64(tail, eocd - 20 + 8)
      let record = readBytes(fd, at: z64, count: 56)
      guard record.count == 56, le32(record, 0) == 0x0606_4B50 else { throw fail("no zip64 end record") }
      count = le64(record, 32)
      cdSize = le64(record, 40)
      cdOffset = le64(record, 48)
    }
    guard cdOffset <= fileSize, cdSize <= fileSize - cdOffset, count > 0, count <= cdSize / 46 else {
      throw fail("central directory out of bounds")
    }
    let cd = readBytes(fd, at: cdOffset, count: Int(cdSize))
    guard cd.count == Int(cdSize) else { throw fail("central directory unreadable") }
    var entries: [Entry] = []
    var p = 0
    for _ in 0..<count {
      guard p + 46 <= cd.count, le32(cd, p) == 0x0201_4B50 else { throw fail("bad central directory entry") }
      var e = Entry(
        name: "", compressedSize: UInt64(le32(cd, p + 20)), size: UInt64(le32(cd, p + 24)),
        offset: UInt64(le32(cd, p + 42)))
      let nameLength = Int(le16(cd, p + 28))
      let extraLength = Int(le16(cd, p + 30))
      let commentLength = Int(le16(cd, p + 32))
      guard p + 46 + nameLength + extraLength + commentLength <= cd.count else { throw fail("bad central directory entry") }
      e.name = String(decoding: cd[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
      // Zip64 extra field (id 1): the 64-bit values of the fields set to 0xFFFFFFFF, in order.
      var x = p + 46 + nameLength
      let extraEnd = x + extraLength
      while x + 4 <= extraEnd {
        let id = le16(cd, x)
        let length = Int(le16(cd, x + 2))
        if id == 1 {
          var q = x + 4
          if e.size == 0xFFFF_FFFF, q + 8 <= x + 4 + length { e.size = le64(cd, q); q += 8 }
          if e.compressedSize == 0xFFFF_FFFF, q + 8 <= x + 4 + length { e.compressedSize = le64(cd, q); q += 8 }
          if e.offset == 0xFFFF_FFFF, q + 8 <= x + 4 + length { e.offset = le64(cd, q) }
        }
        x += 4 + length
      }
      // The local header: signature, then its own name and extra lengths before the data.
      let local = readBytes(fd, at: e.offset, count: 30)
      guard local.count == 30, le32(local, 0) == 0x0403_4B50 else { throw fail("no local header for \(e.name)") }
      let dataStart = e.offset + 30 + UInt64(le16(local, 26)) + UInt64(le16(local, 28))
      guard dataStart <= cdOffset, e.compressedSize <= cdOffset - dataStart else { throw fail("\(e.name) overruns the directory") }
      entries.append(e)
      p += 46 + nameLength + extraLength + commentLength
    }
    return entries
  }

  /// Up to `count` bytes at `offset` (fewer at the end of the file or on an error).
  static func readBytes(_ fd: Int32, at offset: UInt64, count: Int) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset) + off_t(done)) }
      if n <= 0 { break }
      done += n
    }
    out.removeLast(count - done)
    return out
  }

  static func le16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
  static func le32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(le16(b, i)) | UInt32(le16(b, i + 2)) << 16 }
  static func le64(_ b: [UInt8], _ i: Int) -> UInt64 { UInt64(le32(b, i)) | UInt64(le32(b, i + 4)) << 32 }
}
