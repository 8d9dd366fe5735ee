import Foundation
internal import GRDB
import Model

/// The ledger of years: one SQLite file holding every recorded run and every year's final
/// lists (docs/ledger.md). Only the command line opens it; the stages never see it.
///
/// Writers take SQLite's write lock at the start of their transaction (`BEGIN IMMEDIATE`)
/// and wait up to `busyTimeout` for another writer or a reader. The journal is SQLite's
/// rollback journal: a run's new pages are written once (a WAL would write them twice).
/// A transaction that does not commit — an error, `kill -9` — leaves the file as it was.
public final class Ledger: @unchecked Sendable {
  /// The file as the user named it.
  public let path: String
  let queue: DatabaseQueue

  /// How long a writer waits for another one before giving up.
  public static let busyTimeout: TimeInterval = 120

  private init(path: String, queue: DatabaseQueue) {
    self.path = path
    self.queue = queue
  }

  /// Opens the ledger at `path`, migrating it forward to the current schema.
  ///
  /// With `create`, a missing (or empty) file becomes a new ledger; without it a missing
  /// file is an error (exit 66). A file from a newer Exemplar (a schema version above this
  /// build's), an SQLite database that is not a ledger, and a damaged file are refused and
  /// left exactly as they were.
  public static func open(path: String, create: Bool) throws(LedgerError) -> Ledger {
    var isDir: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
    if isDir.boolValue { throw LedgerError(.cantCreate, path: path, Message(zh: "台账路径是一个文件夹，不是文件", en: "the ledger is a folder, not a file")) }
    if !exists && !create {
      throw LedgerError(.noInput, path: path, Message(zh: "此路径下没有台账（`run --ledger FILE` 会创建它）", en: "no ledger at this path (a `run --ledger FILE` creates it)"))
    }
    var config = Configuration()
    config.busyMode = .timeout(busyTimeout)
    config.label = "ledger"
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: path, configuration: config)
    } catch {
      throw Ledger.failure(error, path: path, doing: .open)
    }
    let ledger = Ledger(path: path, queue: queue)
    try ledger.prepareSchema(create: create)
    return ledger
  }

  /// Checks the file's identity and version; creates or migrates the schema.
  private func prepareSchema(create: Bool) throws(LedgerError) {
    let state: (app: Int32, version: Int, objects: Int)
    do {
      state = try queue.read { db in
        let app = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        return (app, version, objects)
      }
    } catch {
      throw Ledger.failure(error, path: path, doing: .read)
    }
    if state.app != LedgerSchema.applicationID && (state.objects > 0 || state.app != 0 || state.version != 0) {
      throw LedgerError(.data, path: path, Message(
          zh: "此 SQLite 数据库不是 Exemplar 台账（application_id \(state.app)）；文件未作改动",
          en: "this SQLite database is not an Exemplar ledger (application_id \(state.app)); it was left unchanged"))
    }
    if state.version > LedgerSchema.current {
      throw LedgerError(
        .data, path: path,
        Message(
          zh: "此台账的结构版本为 \(state.version)，由较新的 Exemplar 写入；本程序只能读取 \(LedgerSchema.current) 及以下版本：请使用较新的 exemplar（文件未作改动）",
          en: "this ledger has schema version \(state.version), written by a newer Exemplar; this one reads versions up to \(LedgerSchema.current): use a newer exemplar (the file was left unchanged)"))
    }
    if state.version == LedgerSchema.current { return }
    if state.objects == 0 && !create {
      throw LedgerError(.data, path: path, Message(zh: "此文件是一个空数据库，不是 Exemplar 台账", en: "this file is an empty database, not an Exemplar ledger"))
    }
    do {
      // A new ledger gets 64 KiB pages: a run's rows fill fewer pages, written in fewer
      // and larger writes (the size is fixed once the first table exists).
      if state.objects == 0 { try queue.inDatabase { try $0.execute(sql: "PRAGMA page_size = \(Ledger.pageSize)") } }
      try queue.inTransaction(.immediate) { db in
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        guard version < LedgerSchema.current else { return .commit }  // another process migrated it
        for v in version..<LedgerSchema.current { try db.execute(sql: LedgerSchema.migrations[v]) }
        try db.execute(sql: "PRAGMA application_id = \(LedgerSchema.applicationID)")
        try db.execute(sql: "PRAGMA user_version = \(LedgerSchema.current)")
        return .commit
      }
    } catch {
      throw Ledger.failure(error, path: path, doing: .migrate)
    }
  }

  /// What was being done to the ledger when it failed, as "cannot … : reason" says it.
  enum Step {
    case open, create, read, migrate, record, write

    /// "无法打开台账：" / "cannot open the ledger: ".
    var cannot: Message {
      switch self {
      case .open: Message(zh: "无法打开台账：", en: "cannot open the ledger: ")
      case .create: Message(zh: "无法创建台账：", en: "cannot create the ledger: ")
      case .read: Message(zh: "无法读取台账：", en: "cannot read the ledger: ")
      // Creates a new ledger's tables, or brings an older ledger's up to this version.
      case .migrate: Message(zh: "无法建立或升级台账的数据表：", en: "cannot create or upgrade the ledger's tables: ")
      case .record: Message(zh: "无法将本次运行写入台账：", en: "cannot record the run in the ledger: ")
      case .write: Message(zh: "无法写入台账：", en: "cannot write the ledger: ")
      }
    }
  }

  /// "cannot open the ledger: …" in both languages.
  static func cannot(_ doing: Step, _ detail: Message) -> Message { doing.cannot + detail }

  /// Refuses (exit 73) a ledger that does not exist and could not be created: its folder is
  /// missing or not writable. `run` checks this before it starts, so that a run it could never
  /// record stops before it writes anything (a ledger that exists is opened, and its problems
  /// found, before the run as well).
  public static func checkCreatable(_ path: String) throws(LedgerError) {
    guard !FileManager.default.fileExists(atPath: path) else { return }
    let folder = (path as NSString).deletingLastPathComponent
    guard access(folder.isEmpty ? "." : folder, W_OK | X_OK) != 0 else { return }
    let code = errno
    throw LedgerError(.cantCreate, path: path, cannot(.create, SystemErrorText.message(errno: code)))
  }

  /// SQLite's own (English) message in both languages: in Chinese the reason its result code
  /// names, SQLite's text after it as the original.
  static func sqliteDetail(_ code: ResultCode, _ message: String) -> Message {
    let reason: String
    switch code {
    case .SQLITE_CANTOPEN: reason = "无法打开数据库文件"
    case .SQLITE_PERM: reason = "权限不够"
    case .SQLITE_READONLY: reason = "数据库只读"
    case .SQLITE_IOERR: reason = "输入/输出错误"
    case .SQLITE_FULL: reason = "数据库或磁盘已满"
    default: return Message(zh: "\(message)（SQLite 英文原文）", en: message)
    }
    return Message(zh: "\(reason)（SQLite：\(message)）", en: message)
  }

  /// A ledger error for an SQLite error: damaged files, locks, full disks named as such.
  static func failure(_ error: any Error, path: String, doing: Step) -> LedgerError {
    guard let e = error as? DatabaseError else { return LedgerError(.data, path: path, Self.cannot(doing, SystemErrorText.of(error))) }
    let message = e.message ?? "\(e.resultCode)"
    switch e.resultCode.primaryResultCode {
    case .SQLITE_NOTADB, .SQLITE_CORRUPT:
      return LedgerError(.data, path: path, Message(
          zh: "台账已损坏或不是 SQLite 数据库（SQLite：\(message)）；文件未作改动",
          en: "the ledger is damaged or not an SQLite database (\(message)); it was left unchanged"))
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return LedgerError(.cantCreate, path: path, Message(
          zh: "台账被另一进程锁定已达 \(Int(busyTimeout)) 秒（SQLite：\(message)）",
          en: "the ledger stayed locked by another process for \(Int(busyTimeout)) s (\(message))"))
    case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_FULL:
      return LedgerError(.cantCreate, path: path, Self.cannot(doing, Self.sqliteDetail(e.resultCode.primaryResultCode, message)))
    case .SQLITE_CONSTRAINT:
      return LedgerError(.data, path: path, Message(zh: "台账的数据约束不满足（SQLite：\(message)）", en: message))
    default:
      return LedgerError(.data, path: path, Self.cannot(doing, Self.sqliteDetail(e.resultCode.primaryResultCode, message)))
    }
  }

  /// The page size of a new ledger, in bytes.
  static let pageSize = 65536

  /// The schema version this build reads and writes.
  public static var schemaVersion: Int { LedgerSchema.current }
}
