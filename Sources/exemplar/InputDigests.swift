import Criteria
import Dispatch
import Foundation
import Ingest
import Model
import Reports

/// The SHA-256 of a run's inputs, taken from the bytes the run parsed (docs/cli.md, "Inputs").
///
/// - The criteria file is read once; its hash and the parse come from the same bytes.
/// - A metrics file that is not a regular file (a FIFO, /dev/stdin, a pipe) is hashed as it
///   is read (`IngestOptions.onBytes`): it cannot be opened twice.
/// - A regular metrics file is hashed on a second core once the ingest has read it
///   (`hashFile()`), while scoring and selection run on one core: hashed during the parallel
///   ingest, it took a core from the parts and the ingest of 1M rows ended ~0.3 s later. Its
///   identity and change times (`stat`: device, inode, size, modification and status-change
///   times) are taken before both reads and after them; any difference means it changed
///   while it was read, and the run fails (exit 66) instead of writing a manifest that
///   describes other bytes.
final class InputDigests: @unchecked Sendable {
  let metricsPath: String
  private(set) var criteriaSHA256 = ""
  /// The criteria file's text as parsed (recorded in the ledger).
  private(set) var criteriaText = ""
  private var stream: SHA256Stream?
  private var before: stat?
  private let done = DispatchSemaphore(value: 0)
  /// Whether `hashFile()` has started the worker.
  private var hashing = false
  /// Written by the worker before `done.signal()`, read after `done.wait()`.
  private var fileHash: Result<String, StageFailure>?

  init(metrics: String) { metricsPath = metrics }

  /// Reads, hashes and loads the criteria file (exit 66 / 78).
  func loadCriteria(_ path: String, overrides: [Override] = []) throws -> Spec {
    let bytes = try CriteriaLoader.read(path: path).get()
    criteriaSHA256 = Manifest.sha256(of: bytes)
    criteriaText = String(decoding: bytes, as: UTF8.self)
    return try CriteriaLoader.load(bytes: bytes, source: path, overrides: overrides).get()
  }

  /// Prepares hashing the metrics file: returns `options` with the in-stream hasher set when
  /// the file must be hashed as it is read; a regular file is examined (`stat`) now and
  /// hashed by `hashFile()`.
  func start(_ options: IngestOptions) -> IngestOptions {
    var st = stat()
    guard stat(metricsPath, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
      let s = SHA256Stream()
      stream = s
      var o = options
      o.onBytes = { s.update($0) }
      return o
    }
    before = st
    return options
  }

  /// Starts hashing a regular metrics file on another core (once; nothing for a stream).
  func hashFile() {
    guard before != nil, !hashing else { return }
    hashing = true
    let path = metricsPath
    DispatchQueue.global(qos: .userInitiated).async {
      do throws(StageFailure) { self.fileHash = .success(try Manifest.sha256(ofFile: path)) } catch { self.fileHash = .failure(error) }
      self.done.signal()
    }
  }

  /// The metrics file's hash, once the ingest has finished.
  /// - Throws: the hashing failure, or `.noInput` (exit 66) when the file changed meanwhile.
  func metricsSHA256() throws(StageFailure) -> String {
    if let stream { return stream.finalize() }
    guard before != nil else { throw changed(zh: "无法检查该文件", en: "it could not be examined") }
    hashFile()
    done.wait()
    let hash: String
    switch fileHash {
    case .success(let h)?: hash = h
    case .failure(let f)?: throw f
    case nil: throw changed(zh: "无法计算其哈希值", en: "it could not be hashed")
    }
    if let failure = changedSinceStart() { throw failure }
    return hash
  }

  /// `.noInput` when the regular metrics file is not what it was when the read began (also
  /// used when the ingest failed: a file cut mid-line is reported as what it is).
  func changedSinceStart() -> StageFailure? {
    guard let before else { return nil }
    var after = stat()
    guard stat(metricsPath, &after) == 0 else { return changed(zh: "文件已不存在", en: "it is gone") }
    guard after.st_dev == before.st_dev, after.st_ino == before.st_ino, after.st_size == before.st_size,
      after.st_mtim.tv_sec == before.st_mtim.tv_sec, after.st_mtim.tv_nsec == before.st_mtim.tv_nsec,
      after.st_ctim.tv_sec == before.st_ctim.tv_sec, after.st_ctim.tv_nsec == before.st_ctim.tv_nsec
    else {
      return changed(
        zh: "读取期间文件被修改（大小 \(before.st_size) → \(after.st_size) 字节）；请在文件不再被写入时重新运行",
        en: "it changed while it was read (size \(before.st_size) → \(after.st_size) bytes); run again on a file that is not being written")
    }
    return nil
  }

  /// The smaller inputs (history, screening lists, reviews, recusals, decisions), hashed as
  /// they are parsed: by path, the latest read of each.
  private var parsed: [String: SHA256Stream] = [:]

  /// `options` for reading `path` so that its bytes are hashed as they are parsed (one
  /// thread: the sequential reader passes every byte to `onBytes`).
  func hashing(_ path: String, _ options: IngestOptions) -> IngestOptions {
    let s = SHA256Stream()
    parsed[path] = s
    var o = options
    o.threads = 1
    o.onBytes = { s.update($0) }
    return o
  }

  /// The SHA-256 of the bytes parsed from `path` (`hashing(_:_:)`), nil if it was not read so.
  func parsedSHA256(_ path: String) -> String? { parsed[path]?.finalize() }

  private func changed(zh: String, en: String) -> StageFailure {
    StageFailure(.noInput, Diagnostic(file: metricsPath, line: 0, message: Message(zh: "指标文件无法记入清单（manifest）：\(zh)", en: "the metrics file cannot be recorded in the manifest: \(en)")))
  }
}
