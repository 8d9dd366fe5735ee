import Criteria
import Model

/// The rows of a table by enterprise id, for the procedure files (screening lists,
/// reviews, recusals, decisions). Ids are compared trimmed and upper-cased, as `explain --id`.
public struct IDIndex: Sendable {
  private let rowOf: [String: Int]
  /// The ids, in row order (for suggestions).
  public let ids: [String]

  public init(table: Table, idColumn: String) {
    var ids: [String] = []
    ids.reserveCapacity(table.rowCount)
    var rowOf: [String: Int] = [:]
    rowOf.reserveCapacity(table.rowCount)
    let column = table[idColumn]
    for row in 0..<table.rowCount {
      let id = column?.string(at: row) ?? ""
      ids.append(id)
      rowOf[Self.key(id)] = row
    }
    self.ids = ids
    self.rowOf = rowOf
  }

  /// An index of no rows: what the procedure needs when no file names an enterprise
  /// (screening rules only), so a large table is not indexed for nothing.
  public init() {
    ids = []
    rowOf = [:]
  }

  static func key(_ id: String) -> String { id.trimmingWhitespace().uppercased() }

  /// The row of `id`, or nil.
  public func row(_ id: String) -> Int? { rowOf[Self.key(id)] }

  /// `unknown enterprise id "X" (did you mean "Y"?)`.
  public func unknown(_ id: String) -> String { unknownID(id).en }

  /// The same in both languages.
  public func unknownID(_ id: String) -> Message {
    var close: String?
    // Suggest only among ids of similar length (a typo), which keeps this cheap on large tables.
    let n = id.count
    if n >= 3 {
      var near: [String] = []
      for c in ids where abs(c.count - n) <= 2 { near.append(c) }
      close = Suggestion.closest(to: id, in: near)
    }
    return Message(
      zh: "未知的企业编号 \"\(id)\"\(close.map { "（是否应为 \"\($0)\"？）" } ?? "")：指标文件中没有",
      en: "unknown enterprise id \"\(id)\"\(close.map { " (did you mean \"\($0)\"?)" } ?? ""): not in the metrics file")
  }
}
