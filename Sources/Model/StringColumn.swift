/// Display strings of a column, one per row, packed: a `TextColumn`'s storage read with
/// a missing value as "".
///
/// `Evaluation.ids` and `labels` are this type: built from the table's id and label
/// columns they share its storage (copy-on-write), where `[String]` cost a heap string per
/// row (≈ 160 MB for ids and names at 1,000,000 rows). Reading element `i` builds its `String`.
public struct StringColumn: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable, Equatable {
  public typealias Element = String
  public typealias Index = Int

  /// The packed values (never missing when built from strings).
  public let packed: TextColumn

  /// Shares `column`'s storage; a missing value reads as "".
  public init(_ column: TextColumn) { packed = column }

  /// Packs `strings`.
  public init(_ strings: some Sequence<String>) {
    var column = TextColumn()
    for s in strings { column.append(s) }
    packed = column
  }

  public init(arrayLiteral elements: String...) { self.init(elements) }

  public var startIndex: Int { 0 }
  public var endIndex: Int { packed.count }

  public subscript(i: Int) -> String { packed[i] ?? "" }

  /// Calls `body` with value `i`'s UTF-8 bytes (no `String` built).
  public func withUTF8<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    let range = packed.isMissing(i) ? 0..<0 : packed.byteRange(i)
    return try packed.utf8.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
  }

  /// A copy with value `i` replaced (O(n): the storage is repacked).
  public func replacing(_ i: Int, with value: String) -> StringColumn {
    StringColumn(indices.lazy.map { $0 == i ? value : self[$0] })
  }

  public static func == (a: StringColumn, b: StringColumn) -> Bool { a.elementsEqual(b) }
}
