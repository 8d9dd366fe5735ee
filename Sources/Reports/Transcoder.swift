#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Model

/// Streaming conversion of UTF-8 bytes into another encoding with glibc `iconv`.
///
/// Chunks may end inside a multi-byte character: the incomplete tail (`EINVAL`)
/// is carried into the next call. GB18030 encodes every Unicode scalar, so
/// `EILSEQ` only arises from malformed UTF-8, which Swift strings never hold.
/// The corresponding C functions are `iconv_open`, `iconv`, `iconv_close`.
struct Transcoder {
  /// The iconv name of the target encoding ("GB18030").
  let encoding: String
  private let box: Handle
  private var carry: [UInt8] = []

  /// Owns the `iconv_t` so it is closed exactly once.
  private final class Handle {
    let cd: iconv_t
    init(_ cd: iconv_t) { self.cd = cd }
    deinit { iconv_close(cd) }
  }

  init(to encoding: String, path: String) throws(ReportError) {
    self.encoding = encoding
    let cd = iconv_open(encoding, "UTF-8")
    // iconv_open returns (iconv_t)-1 on failure.
    guard let cd, Int(bitPattern: cd) != -1 else {
      throw .encoding(path: path, encoding: encoding, detail: Message(zh: "iconv 无法把 UTF-8 转换为 \(encoding)", en: "iconv cannot convert UTF-8 to \(encoding)"))
    }
    box = Handle(cd)
  }

  /// Converts `input` (preceded by any carried bytes); `final` demands no incomplete tail.
  mutating func convert(_ input: [UInt8], final: Bool, path: String) throws(ReportError) -> [UInt8] {
    var src = carry
    src.append(contentsOf: input)
    carry = []
    var out = [UInt8](repeating: 0, count: src.count * 2 + 64)
    var produced = 0
    var failure: (Int32, Int)? = nil
    var leftover = 0
    src.withUnsafeMutableBufferPointer { s in
      out.withUnsafeMutableBufferPointer { o in
        var inPtr = s.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
        var inLeft = s.count
        var outPtr = o.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
        var outLeft = o.count
        while inLeft > 0 {
          let r = iconv(box.cd, &inPtr, &inLeft, &outPtr, &outLeft)
          if r == -1 {
            let e = errno
            if e == EINVAL { leftover = inLeft; break }  // incomplete sequence at the end
            failure = (e, s.count - inLeft)
            break
          }
        }
        produced = o.count - outLeft
      }
    }
    if let (code, offset) = failure {
      let detail =
        code == EILSEQ
        ? Message(zh: "数据块第 \(offset) 字节处的输入无效", en: "invalid input at byte \(offset) of a chunk")
        : SystemErrorText.message(errno: code)
      throw .encoding(path: path, encoding: encoding, detail: detail)
    }
    if leftover > 0 {
      if final { throw .encoding(path: path, encoding: encoding, detail: Message(zh: "结尾处的 UTF-8 序列不完整", en: "incomplete UTF-8 sequence at the end")) }
      carry = Array(src[(src.count - leftover)...])
    }
    out.removeSubrange(produced...)
    return out
  }
}
