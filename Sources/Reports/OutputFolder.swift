import CLinux
import Foundation
import Glibc
import Model

/// The output folder of a run, written atomically.
///
/// `write(to:inputs:_:)` creates a temporary sibling folder `DIR.tmp-XXXXXX`, lets the body
/// write every file into it, and only when the body returns renames it over `DIR`.
/// An existing `DIR` is swapped out in the same step (Linux `renameat2` with
/// `RENAME_EXCHANGE`, so readers never see a missing or half-written folder) and
/// then removed. If anything fails, the temporary folder is removed and `DIR` is
/// left exactly as it was.
///
/// The contract (docs/cli.md, "The output folder"):
/// - every folder Exemplar writes holds the marker file `.exemplar-output` (`marker`),
///   written first; an existing `DIR` is replaced only if it holds that marker with exactly
///   that content, or is empty. Anything else (a file, a folder of the user's, a folder that
///   merely holds a `results.json`) is refused with exit 73 and left untouched;
/// - an input file inside `DIR` is refused before any work (`checkTarget`), since replacing
///   `DIR` would delete it;
/// - nothing is published before it is durable: when the body returns, every file and folder
///   in the temporary folder is `fsync`ed (`syncTree`), whoever wrote it (the writers of
///   `ByteSink` with `.byFolder`, libxlsxwriter, Chromium's PDFs), unless the body made them
///   durable itself (`syncFiles()`). A writer therefore does not wait for one file's bytes to
///   reach the disk before it writes the next: the write-back it started runs meanwhile;
/// - while it writes, a run holds an exclusive `flock` on its temporary folder. A
///   `DIR.tmp-XXXXXX` left by a killed run (marked, and no longer locked) is removed by the
///   next run into the same place; a `DIR.tmp-XXXXXX.old` (the old output moved aside by the
///   fallback of `publish`) is moved back to `DIR` when `DIR` is missing.
public struct OutputFolder {
  /// The temporary folder the body writes into.
  public let path: String
  /// The final folder name (`DIR`), for messages.
  public let destination: String
  /// Set by `syncFiles()`: every file is durable already.
  private let synced = SyncedFlag()

  final class SyncedFlag: @unchecked Sendable { var value = false }

  /// The marker file in every output folder, and its exact content (`checkReplaceable`).
  public static let markerName = ".exemplar-output"
  static let markerText = "exemplar output folder\nThis folder is written and replaced as a whole by exemplar run/sensitivity.\n"

  /// The path of `name` (relative, may contain one subfolder) inside the temporary folder.
  public func file(_ name: String) -> String { path + "/" + name }

  /// Creates a subfolder (e.g. `shortlists`) inside the output folder.
  public func makeFolder(_ name: String) throws(ReportError) {
    let p = file(name)
    if mkdir(p, 0o777) != 0, errno != EEXIST { throw .io(path: p, operation: "create folder", code: currentErrno) }
  }

  /// Makes every file written so far durable in one step: `syncfs` of the file system that
  /// holds the folder (Linux), for a body that writes many small files without a sync each
  /// (`exemplar letter` writes one per enterprise: an `fsync` per file cost 406 s for
  /// 100,000 letters, this one call a few seconds). Call it at the end of the body, before
  /// the folder is published; the rename that publishes then never exposes unsynced files.
  ///
  /// - Throws: `ReportError.io` naming the folder when the sync reports a write-back error.
  public func syncFiles() throws(ReportError) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw .io(path: path, operation: "open output folder", code: currentErrno) }
    defer { _ = close(fd) }
    if exemplar_sync_file_system(fd) != 0 { throw .io(path: path, operation: "sync", code: currentErrno) }
    synced.value = true
  }

  /// `fsync` of every regular file and folder under `root`, the folders after what they hold
  /// (so their entries are durable too); what is already on the disk returns at once.
  ///
  /// - Throws: `ReportError.io` naming the first file or folder that could not be synced.
  static func syncTree(_ root: String) throws(ReportError) {
    guard let dir = opendir(root) else { throw .io(path: root, operation: "sync", code: currentErrno) }
    var entries: [String] = []
    while true {
      errno = 0  // readdir returns nil at the end and on an error, which sets errno
      guard let e = readdir(dir) else { break }
      let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      if name != "." && name != ".." { entries.append(name) }
    }
    let readError = errno
    closedir(dir)
    guard readError == 0 else { throw .io(path: root, operation: "sync", code: readError) }
    for name in entries.sorted() {
      let p = root + "/" + name
      var st = stat()
      guard lstat(p, &st) == 0 else { throw .io(path: p, operation: "sync", code: currentErrno) }
      switch st.st_mode & S_IFMT {
      case S_IFDIR: try syncTree(p)
      case S_IFREG: try syncPath(p, flags: O_RDONLY | O_NOFOLLOW)
      default: break
      }
    }
    try syncPath(root, flags: O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
  }

  /// `fsync` of the file or folder at `p`, opened with `flags`.
  static func syncPath(_ p: String, flags: Int32) throws(ReportError) {
    let fd = open(p, flags | O_CLOEXEC)
    guard fd >= 0 else { throw .io(path: p, operation: "sync", code: currentErrno) }
    defer { _ = close(fd) }
    if fsync(fd) != 0 { throw .io(path: p, operation: "sync", code: currentErrno) }
  }

  /// Checks, before any work, that `dir` may be written by `write(to:inputs:_:)`: it is
  /// absent, empty or an earlier Exemplar output (the marker), and none of `inputs` lies
  /// inside it.
  ///
  /// - Throws: `StageFailure` of kind `.cantCreate` (exit 73) naming `dir`.
  public static func checkTarget(_ dir: String, inputs: [String]) throws(StageFailure) {
    do throws(ReportError) {
      try checkReplaceable(normalised(dir), inputs: inputs)
    } catch {
      throw error.stageFailure
    }
  }

  /// Writes into a temporary sibling folder (DIR.tmp-XXXXXX), then renames it over DIR
  /// only on success; an existing DIR is replaced only then; on failure the temporary
  /// folder is removed and nothing is visible. `inputs` are the run's input files
  /// (refused when inside DIR, see the type).
  ///
  /// - Throws: `StageFailure` of kind `.cantCreate` (exit 73) naming the path, or the
  ///   `StageFailure` the body threw. Any other error from the body is reported as
  ///   `.cantCreate` with its description.
  public static func write(to dir: String, inputs: [String] = [], _ body: (OutputFolder) throws -> Void) throws(StageFailure) {
    let target = normalised(dir)
    do {
      try checkReplaceable(target, inputs: inputs)
      try makeParent(of: target)
      removeStaleSiblings(of: target)
      let (tmp, lock) = try makeTemporarySibling(of: target)
      defer { _ = close(lock) }
      do {
        let folder = OutputFolder(path: tmp, destination: target)
        try body(folder)
        if !folder.synced.value { try syncTree(tmp) }
        try publish(tmp, over: target)
      } catch {
        removeTree(tmp)
        throw error
      }
    } catch let e as ReportError {
      throw e.stageFailure
    } catch let e as StageFailure {
      throw e
    } catch {
      throw StageFailure(.cantCreate, Diagnostic(file: target, line: 0, message: Message(zh: "无法写入输出文件夹：", en: "cannot write output folder: ") + SystemErrorText.of(error)))
    }
  }

  /// `dir` without trailing slashes (`/` stays `/`).
  static func normalised(_ dir: String) -> String {
    var d = Substring(dir)
    while d.count > 1 && d.hasSuffix("/") { d = d.dropLast() }
    return String(d)
  }

  /// The folder holding `path` (`""` for a bare name, `/` for a top-level path), without
  /// Foundation's path handling (which traps on one-character names).
  static func parentPath(of path: String) -> String {
    let trimmed = normalised(path)
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    if slash == trimmed.startIndex { return "/" }
    return normalised(String(trimmed[..<slash]))
  }

  /// The last component of `path`.
  static func lastComponent(of path: String) -> String {
    let trimmed = normalised(path)
    guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
    return String(trimmed[trimmed.index(after: slash)...])
  }

  /// Refuses a `dir` that is not a folder, a non-empty folder without the marker, and a
  /// `dir` holding one of `inputs`.
  static func checkReplaceable(_ dir: String, inputs: [String]) throws(ReportError) {
    var st = stat()
    guard lstat(dir, &st) == 0 else { return }  // absent: fine
    guard (st.st_mode & S_IFMT) == S_IFDIR else { throw .io(path: dir, operation: "replace (not a folder)", code: ENOTDIR) }
    if let inside = input(of: inputs, inside: dir) { throw .inputInsideOutput(path: dir, input: inside) }
    if hasMarker(dir) { return }
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    if !entries.isEmpty { throw .refusingToReplace(path: dir) }
  }

  /// The first of `inputs` whose real path lies inside the real path of `dir`.
  static func input(of inputs: [String], inside dir: String) -> String? {
    guard let root = realPath(dir) else { return nil }
    let prefix = root == "/" ? "/" : root + "/"
    for input in inputs {
      // An input that does not resolve (absent, a pipe) cannot be deleted with the folder.
      guard let real = realPath(input) else { continue }
      if real.hasPrefix(prefix) { return input }
    }
    return nil
  }

  static func realPath(_ p: String) -> String? {
    guard let r = realpath(p, nil) else { return nil }
    defer { free(r) }
    return String(cString: r)
  }

  /// Whether `dir` holds the marker with exactly the marker's content.
  static func hasMarker(_ dir: String) -> Bool {
    let fd = open(dir + "/" + markerName, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard fd >= 0 else { return false }
    defer { _ = close(fd) }
    let expected = Array(markerText.utf8)
    var buffer = [UInt8](repeating: 0, count: expected.count + 1)
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    return n == expected.count && buffer.prefix(n).elementsEqual(expected)
  }

  /// Creates DIR's missing parent folders (like `mkdir -p`), so `--out out/2022` works in a
  /// fresh checkout. An existing parent that is not a folder fails later, at the temporary folder.
  static func makeParent(of dir: String) throws(ReportError) {
    let parent = parentPath(of: dir)
    guard !parent.isEmpty, parent != "/" else { return }
    var st = stat()
    if stat(parent, &st) == 0 { return }
    try makeParent(of: parent)
    if mkdir(parent, 0o777) != 0, errno != EEXIST { throw .io(path: parent, operation: "create folder", code: currentErrno) }
  }

  /// Removes what killed runs into `dir` left behind: every `DIR.tmp-XXXXXX` that holds the
  /// marker (or nothing) and that no running process has locked. A `DIR.tmp-XXXXXX.old`
  /// (an old output moved aside) is moved back when `DIR` is missing, else removed.
  /// Best effort: what cannot be removed is left for the next run.
  static func removeStaleSiblings(of dir: String) {
    let parent = parentPath(of: dir)
    let prefix = lastComponent(of: dir) + ".tmp-"
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []
    for name in entries.sorted() where name.hasPrefix(prefix) {
      let p = parent.isEmpty ? name : (parent == "/" ? "/" : parent + "/") + name
      let fd = open(p, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard fd >= 0 else { continue }
      defer { _ = close(fd) }
      guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }  // a run in progress
      let isEmpty = ((try? FileManager.default.contentsOfDirectory(atPath: p)) ?? ["?"]).isEmpty
      guard hasMarker(p) || isEmpty else { continue }  // not ours: leave it
      var st = stat()
      if name.hasSuffix(".old"), lstat(dir, &st) != 0, rename(p, dir) == 0 { continue }
      removeTree(p)
    }
  }

  /// `DIR.tmp-XXXXXX` created with `mkdir` (mode 0777 before the umask, like any folder),
  /// locked (`flock`, held through the returned descriptor until the run ends) and marked.
  static func makeTemporarySibling(of dir: String) throws(ReportError) -> (String, Int32) {
    var rng = SystemRandomNumberGenerator()
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    for _ in 0..<100 {
      let suffix = String((0..<6).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
      let p = "\(dir).tmp-\(suffix)"
      if mkdir(p, 0o777) == 0 {
        let fd = open(p, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        do throws(ReportError) {
          guard fd >= 0 else { throw .io(path: p, operation: "open output folder", code: currentErrno) }
          guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { throw .io(path: p, operation: "lock output folder", code: currentErrno) }
          try writeMarker(in: p)
        } catch {
          if fd >= 0 { _ = close(fd) }
          removeTree(p)
          throw error
        }
        return (p, fd)
      }
      if errno != EEXIST { throw .io(path: p, operation: "create output folder", code: currentErrno) }
    }
    throw .io(path: dir + ".tmp-*", operation: "create output folder", code: EEXIST)
  }

  /// Writes the marker file into `folder` (checked, synced).
  static func writeMarker(in folder: String) throws(ReportError) {
    let p = folder + "/" + markerName
    let fd = open(p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw .io(path: p, operation: "create", code: currentErrno) }
    defer { _ = close(fd) }
    let bytes = Array(markerText.utf8)
    let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    guard n == bytes.count else { throw .io(path: p, operation: "write", code: n < 0 ? currentErrno : ENOSPC) }
  }

  /// Moves `tmp` to `dir`, atomically exchanging with an existing `dir`, then removes the old one.
  static func publish(_ tmp: String, over dir: String) throws(ReportError) {
    if rename(tmp, dir) == 0 { syncParent(of: dir); return }
    let e = errno
    guard e == ENOTEMPTY || e == EEXIST else { throw .io(path: dir, operation: "rename '\(tmp)' to", code: e) }
    // Exchange the two folders atomically: tmp then holds the old output.
    if exchange(tmp, dir) == 0 {
      removeTree(tmp)
      syncParent(of: dir)
      return
    }
    // Fallback (file systems without RENAME_EXCHANGE): move the old folder aside first.
    let aside = tmp + ".old"
    guard rename(dir, aside) == 0 else { throw .io(path: dir, operation: "move aside", code: currentErrno) }
    guard rename(tmp, dir) == 0 else {
      let code = currentErrno
      _ = rename(aside, dir)
      throw .io(path: dir, operation: "rename '\(tmp)' to", code: code)
    }
    removeTree(aside)
    syncParent(of: dir)
  }

  /// `renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE)` (through `CLinux`: Swift's
  /// Glibc module does not import the GNU declaration); -1 where it fails.
  private static func exchange(_ a: String, _ b: String) -> Int32 { exemplar_rename_exchange(a, b) }

  /// `fsync` of the folder holding `path` (best effort: the rename it makes durable is done).
  static func syncParent(of path: String) {
    let parent = parentPath(of: path)
    try? syncPath(parent.isEmpty ? "." : parent, flags: O_RDONLY | O_DIRECTORY)
  }
}
