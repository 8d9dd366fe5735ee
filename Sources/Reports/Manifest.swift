#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Crypto
import Foundation
import Model

/// What a run was made from: enough to reproduce it and to prove which inputs it used.
///
/// Written as `manifest` in results.json and on the method sheet and page.
/// `time` is the only field that differs between two runs on the same inputs.
public struct Manifest: Sendable, Codable, Hashable {
  /// Exemplar version that wrote the outputs.
  public var version: String
  /// The metrics file as the user named it.
  public var metricsFile: String
  /// Lower-case hex SHA-256 of the metrics file's bytes.
  public var metricsSHA256: String
  public var criteriaFile: String
  public var criteriaSHA256: String
  /// The `--set KEY.PATH=VALUE` changes applied to the criteria file (empty: none).
  public var criteriaOverrides: [String] = []
  /// Seed of any random step (nil when the run drew no random numbers).
  public var seed: UInt64?
  /// Data rows in the metrics file.
  public var rows: Int
  /// Time of the run.
  public var time: Date
  /// Every input file with its role (`metrics`, `criteria`, `history`, `screen`, `reviews`,
  /// `recusals`, `decisions`) and SHA-256, in that order: a final list can be reproduced
  /// from these files alone. Empty when the caller did not record them.
  public var inputs: [InputFile] = []

  /// One input file of a run.
  public struct InputFile: Sendable, Codable, Hashable {
    public var role: String
    public var file: String
    public var sha256: String
    public init(role: String, file: String, sha256: String) {
      self.role = role
      self.file = file
      self.sha256 = sha256
    }
  }

  public init(
    version: String, metricsFile: String, metricsSHA256: String, criteriaFile: String, criteriaSHA256: String,
    seed: UInt64?, rows: Int, time: Date
  ) {
    self.version = version
    self.metricsFile = metricsFile
    self.metricsSHA256 = metricsSHA256
    self.criteriaFile = criteriaFile
    self.criteriaSHA256 = criteriaSHA256
    self.seed = seed
    self.rows = rows
    self.time = time
  }

  /// Lower-case hex SHA-256 (FIPS 180-4) of a file, streamed in 1 MiB reads with swift-crypto.
  /// - Throws: `StageFailure` `.noInput` (exit 66) naming the file when it cannot be opened or read.
  public static func sha256(ofFile path: String) throws(StageFailure) -> String {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw unreadable(path, currentErrno) }
    defer { close(fd) }
    var hasher = SHA256()
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw unreadable(path, currentErrno)
      }
      if n == 0 { break }
      chunk.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
    }
    return hexString(hasher.finalize())
  }

  /// Lower-case hex SHA-256 of bytes in memory.
  public static func sha256(of bytes: [UInt8]) -> String { hexString(SHA256.hash(data: bytes)) }

  /// `time` as ISO 8601 UTC with seconds, e.g. `2022-12-31T08:00:00Z`.
  public var timeISO8601: String { Manifest.iso8601(time) }

  static func iso8601(_ date: Date) -> String {
    var t = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&t, &parts)
    func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }

  static func hexString<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for b in digest {
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 15)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func unreadable(_ path: String, _ code: Int32) -> StageFailure {
    StageFailure(.noInput, Diagnostic(file: path, line: 0, message: Message(zh: "无法读取 '\(path)'：", en: "cannot read '\(path)': ") + SystemErrorText.message(errno: code)))
  }
}
