import GRDB

/// Opens a plain SQLite file (tests that tamper with a ledger behind its back).
enum DatabaseQueueOpener {
  static func open(_ path: String) throws -> DatabaseQueue { try DatabaseQueue(path: path) }
}
