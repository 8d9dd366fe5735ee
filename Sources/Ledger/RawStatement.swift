internal import GRDB
internal import GRDBSQLite

/// A prepared statement driven through SQLite's C API: binding and stepping without
/// building argument arrays, for the bulk inserts of `Ledger.record` (hundreds of
/// thousands of rows per run).
struct RawStatement: ~Copyable {
  private let handle: OpaquePointer
  private let db: OpaquePointer
  private let sql: String

  init(_ database: Database, _ sql: String) throws {
    guard let db = database.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed connection") }
    var stmt: OpaquePointer?
    let rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nil)
    guard rc == SQLITE_OK, let stmt else {
      throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db)), sql: sql)
    }
    handle = stmt
    self.db = db
    self.sql = sql
  }

  deinit { sqlite3_finalize(handle) }

  /// SQLite copies bound text and blobs (`SQLITE_TRANSIENT`).
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  func bind(_ i: Int32, _ v: Int) { sqlite3_bind_int64(handle, i, Int64(v)) }
  func bind(_ i: Int32, _ v: Double) { sqlite3_bind_double(handle, i, v) }
  func bindNull(_ i: Int32) { sqlite3_bind_null(handle, i) }
  func bind(_ i: Int32, _ v: String) {
    var s = v
    s.withUTF8 { bind(i, utf8: $0) }
  }
  /// Binds UTF-8 bytes as text (an empty buffer binds the empty string).
  func bind(_ i: Int32, utf8 u: UnsafeBufferPointer<UInt8>) {
    guard let base = u.baseAddress, u.count > 0 else {
      _ = sqlite3_bind_text(handle, i, "", 0, RawStatement.transient)
      return
    }
    base.withMemoryRebound(to: CChar.self, capacity: u.count) { _ = sqlite3_bind_text(handle, i, $0, Int32(u.count), RawStatement.transient) }
  }

  /// Binds UTF-8 bytes as text without a copy: the bytes must stay where they are until
  /// the next `step()` (SQLite reads them then; `SQLITE_STATIC`).
  func bindStatic(_ i: Int32, utf8 u: UnsafeBufferPointer<UInt8>) {
    guard let base = u.baseAddress, u.count > 0 else {
      _ = sqlite3_bind_text(handle, i, "", 0, RawStatement.transient)
      return
    }
    base.withMemoryRebound(to: CChar.self, capacity: u.count) { _ = sqlite3_bind_text(handle, i, $0, Int32(u.count), nil) }
  }

  /// Runs the statement once with the values bound, then resets it for the next row.
  func step() throws {
    let rc = sqlite3_step(handle)
    sqlite3_reset(handle)
    guard rc == SQLITE_DONE || rc == SQLITE_ROW else {
      throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db)), sql: sql)
    }
  }
}
