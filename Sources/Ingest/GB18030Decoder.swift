#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Streaming GB18030 → UTF-8 with glibc iconv (PLATFORM.md §2).
///
/// - `E2BIG`: the output buffer is full; hand it on and continue.
/// - `EINVAL`: a multi-byte character is cut by the chunk end; its bytes are
///   carried into the next chunk (at the end of the file this is an error).
/// - `EILSEQ`: invalid input. A lone `0x80` is Windows code page 936's euro sign
///   and is decoded as `€` (glibc's GB18030 rejects it, its GBK accepts it);
///   anything else is an error quoting the bytes and their offset in the file.
/// Never inserts replacement characters. The corresponding C function is `iconv`.
final class GB18030Decoder {
  private let cd: iconv_t
  private var input: UnsafeMutablePointer<UInt8>
  private var inputCapacity: Int
  private let output: UnsafeMutablePointer<UInt8>
  private let outputCapacity: Int
  /// Bytes of an incomplete character kept at the start of `input`.
  private var carry = 0

  /// Nil when iconv does not know GB18030 on this system.
  init?(chunkSize: Int) {
    guard let cd = iconv_open("UTF-8", "GB18030"), cd != iconv_t(bitPattern: -1) else { return nil }
    self.cd = cd
    inputCapacity = chunkSize + 8
    input = .allocate(capacity: inputCapacity)
    outputCapacity = max(256, 2 * chunkSize + 64)
    output = .allocate(capacity: outputCapacity)
  }

  deinit {
    iconv_close(cd)
    input.deallocate()
    output.deallocate()
  }

  /// Decodes `n` bytes at `p` (file offset `offset`), passing UTF-8 to `sink`.
  /// Returns the first decoding error, after `sink` has received everything before it.
  func decode(
    _ p: UnsafePointer<UInt8>, _ n: Int, offset: Int, sink: (UnsafePointer<UInt8>, Int) -> Void
  ) -> IngestError? {
    if carry + n > inputCapacity {
      let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: carry + n)
      bigger.update(from: input, count: carry)
      input.deallocate()
      input = bigger
      inputCapacity = carry + n
    }
    (input + carry).update(from: p, count: n)
    let total = carry + n
    let base = offset - carry
    var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(input).assumingMemoryBound(to: CChar.self)
    var inLeft = total
    carry = 0
    while inLeft > 0 {
      var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output).assumingMemoryBound(to: CChar.self)
      var outLeft = outputCapacity
      let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
      let code = r == -1 ? errno : 0
      if outputCapacity - outLeft > 0 { sink(output, outputCapacity - outLeft) }
      if r != -1 { break }
      let at = total - inLeft
      switch code {
      case E2BIG:
        continue
      case EINVAL:
        memmove(input, input + at, inLeft)
        carry = inLeft
        return nil
      default:
        if input[at] == 0x80 {
          euro.withUnsafeBufferPointer { e in if let b = e.baseAddress { sink(b, 3) } }
          inPtr = inPtr.map { $0 + 1 }
          inLeft -= 1
          continue
        }
        // Only the first byte is quoted: how many follow depends on where chunks end.
        return .invalidGB18030(byte: input[at], offset: base + at)
      }
    }
    return nil
  }

  /// Ends the input; an incomplete character left over is an error.
  func finish(offset: Int) -> IngestError? {
    carry > 0 ? .truncatedGB18030(offset: offset - carry) : nil
  }
}

private let euro: [UInt8] = [0xE2, 0x82, 0xAC]
