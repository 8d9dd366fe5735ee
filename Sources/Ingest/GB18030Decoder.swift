#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Streaming GB18030 → UTF-8 with glibc iconv (docs/platform.md, "GB18030 through glibc iconv").
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
  ///
  /// Fast path: ASCII runs are copied as they are (GB18030 keeps ASCII as one byte), and
  /// iconv sees only each run of non-ASCII characters, up to the next byte below 0x30 —
  /// never part of a multi-byte character (trail bytes are 0x30…0x39, 0x40…0x7E or
  /// ≥ 0x80), so every such run ends on a character boundary. A run reaching the end of
  /// the bytes, or any iconv error, goes to `slow`, the plain iconv loop, from there on.
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
    carry = 0
    var used = 0  // bytes of `output` filled, not yet sunk
    var i = 0
    while i < total {
      var j = i
      while j + 8 <= total
        && UnsafeRawPointer(input + j).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        j += 8
      }
      while j < total && input[j] < 0x80 { j += 1 }
      var k = j
      while k < total && input[k] >= 0x30 { k += 1 }
      // Output room: ASCII copies byte for byte; a GB18030 character of 2 or 4 bytes
      // becomes at most 4 UTF-8 bytes, so the non-ASCII run needs at most twice its size.
      if used + (j - i) + 2 * (k - j) > outputCapacity {
        if used > 0 { sink(output, used) }
        used = 0
      }
      if (j - i) + 2 * (k - j) > outputCapacity {
        return slow(from: i, total: total, base: base, sink: sink)
      }
      (output + used).update(from: input + i, count: j - i)
      used += j - i
      if k == total && k > j {
        // The run may end inside a character cut by the chunk end: iconv carries it.
        if used > 0 { sink(output, used) }
        return slow(from: j, total: total, base: base, sink: sink)
      }
      if k > j {
        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(input + j).assumingMemoryBound(to: CChar.self)
        var inLeft = k - j
        var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output + used).assumingMemoryBound(to: CChar.self)
        var outLeft = outputCapacity - used
        let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
        used = outputCapacity - outLeft
        if r == -1 {
          // Everything before the failing character is decoded; redo the rest slowly.
          if used > 0 { sink(output, used) }
          return slow(from: k - inLeft, total: total, base: base, sink: sink)
        }
      }
      i = k
    }
    if used > 0 { sink(output, used) }
    return nil
  }

  /// The plain iconv loop over `input[from..<total]` (`base` = file offset of `input[0]`).
  private func slow(
    from: Int, total: Int, base: Int, sink: (UnsafePointer<UInt8>, Int) -> Void
  ) -> IngestError? {
    var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(input + from).assumingMemoryBound(to: CChar.self)
    var inLeft = total - from
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

  /// True when an incomplete character waits for the next bytes.
  var hasCarry: Bool { carry > 0 }

  /// Ends the input; an incomplete character left over is an error.
  func finish(offset: Int) -> IngestError? {
    carry > 0 ? .truncatedGB18030(offset: offset - carry) : nil
  }
}

private let euro: [UInt8] = [0xE2, 0x82, 0xAC]
