import Glibc

struct EncodeError: Error {}

/// `text` encoded as GB18030 by glibc iconv (an independent encoder for the round trip).
func gb18030(_ text: String) throws -> [UInt8] {
  guard let cd = iconv_open("GB18030", "UTF-8"), cd != iconv_t(bitPattern: -1) else { throw EncodeError() }
  defer { iconv_close(cd) }
  var input = Array(text.utf8)
  var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
  let produced: Int = try input.withUnsafeMutableBytes { inb in
    try output.withUnsafeMutableBytes { outb in
      var inPtr = inb.baseAddress?.assumingMemoryBound(to: CChar.self)
      var inLeft = inb.count
      var outPtr = outb.baseAddress?.assumingMemoryBound(to: CChar.self)
      var outLeft = outb.count
      guard iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1 else { throw EncodeError() }
      return outb.count - outLeft
    }
  }
  return Array(output.prefix(produced))
}
