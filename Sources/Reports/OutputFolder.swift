import CLinux
import Foundation
import Glibc
import Model

/// The output folder of a run, written atomically.
///
/// `write(to:_:)` creates a temporary sibling folder `DIR.tmp-XXXXXX`, lets the body
/// write every file into it, and only when the body returns renames it over `DIR`.
/// An existing `DIR` is swapped out in the same step (Linux `renameat2` with
/// `RENAME_EXCHANGE`, so readers never see a missing or half-written folder) and
/// then removed. If anything fails, the temporary folder is removed and `DIR` is
/// left exactly as it was. To protect unrelated data, an existing non-empty `DIR`
/// is replaced only if it holds a `results.json` (an earlier Exemplar output).
/// A process killed mid-write can leave a `DIR.tmp-XXXXXX` folder behind; it is
/// never mistaken for `DIR`.
public struct OutputFolder {
  /// The temporary folder the body writes into.
  public let path: String
  /// The final folder name (`DIR`), for messages.
  public let destination: String

  /// The path of `name` (relative, may contain one subfolder) inside the temporary folder.
  public func file(_ name: String) -> String { path + "/" + name }

  /// Creates a subfolder (e.g. `shortlists`) inside the output folder.
  public func makeFolder(_ name: String) throws(ReportError) {
    let p = file(name)
    if mkdir(p, 0o777) != 0, errno != EEXIST { throw .io(path: p, operation: "create folder", code: currentErrno) }
  }

  /// Writes into a temporary sibling folder (DIR.tmp-XXXXXX), then renames it over DIR
  /// only on success; an existing DIR is replaced only then; on failure the temporary
  /// folder is removed and nothing is visible.
  ///
  /// - Throws: `StageFailure` of kind `.cantCreate` (exit 73) naming the path, or the
  ///   `StageFailure` the body threw. Any other error from the body is reported as
  ///   `.cantCreate` with its description.
  public static func write(to dir: String, _ body: (OutputFolder) throws -> Void) throws(StageFailure) {
    let target = dir.count > 1 && dir.hasSuffix("/") ? String(dir.dropLast()) : dir
    do {
      try checkReplaceable(target)
      try makeParent(of: target)
      let tmp = try makeTemporarySibling(of: target)
      do {
        try body(OutputFolder(path: tmp, destination: target))
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
      throw StageFailure(.cantCreate, Diagnostic(file: target, line: 0, message: "cannot write output folder: \(error)"))
    }
  }

  /// Refuses a `dir` that is a file, or a non-empty folder without `results.json`.
  static func checkReplaceable(_ dir: String) throws(ReportError) {
    var st = stat()
    guard lstat(dir, &st) == 0 else { return }  // absent: fine
    guard (st.st_mode & S_IFMT) == S_IFDIR else { throw .io(path: dir, operation: "replace (not a folder)", code: ENOTDIR) }
    if access(dir + "/results.json", F_OK) == 0 { return }
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    if !entries.isEmpty { throw .refusingToReplace(path: dir) }
  }

  /// Creates DIR's missing parent folders (like `mkdir -p`), so `--out out/2022` works in a
  /// fresh checkout. An existing parent that is not a folder fails later, at the temporary folder.
  static func makeParent(of dir: String) throws(ReportError) {
    let parent = (dir as NSString).deletingLastPathComponent
    guard !parent.isEmpty, parent != "/" else { return }
    var st = stat()
    if stat(parent, &st) == 0 { return }
    try makeParent(of: parent)
    if mkdir(parent, 0o777) != 0, errno != EEXIST { throw .io(path: parent, operation: "create folder", code: currentErrno) }
  }

  /// `DIR.tmp-XXXXXX` created with `mkdir` (mode 0777 before the umask, like any folder).
  static func makeTemporarySibling(of dir: String) throws(ReportError) -> String {
    var rng = SystemRandomNumberGenerator()
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    for _ in 0..<100 {
      let suffix = String((0..<6).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
      let p = "\(dir).tmp-\(suffix)"
      if mkdir(p, 0o777) == 0 { return p }
      if errno != EEXIST { throw .io(path: p, operation: "create output folder", code: currentErrno) }
    }
    throw .io(path: dir + ".tmp-*", operation: "create output folder", code: EEXIST)
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

  private static func syncParent(of dir: String) {
    let parent = (dir as NSString).deletingLastPathComponent
    let fd = open(parent.isEmpty ? "." : parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if fd >= 0 {
      _ = fsync(fd)
      _ = close(fd)
    }
  }

  static func removeTree(_ p: String) { try? FileManager.default.removeItem(atPath: p) }
}
