/// The excluded rows of one programme with their reasons, stored compactly: a row index and
/// a reason code per entry (8 bytes), the distinct reasons once.
///
/// A programme excludes almost every enterprise, for a handful of distinct reasons ("below
/// the line", one per failing clause, per full cap value …). As `[(row: Int, reason:
/// ExclusionReason)]` an entry costs 56 bytes (6 programmes × 1,000,000 rows ≈ 336 MB); here
/// it costs 8 (≈ 48 MB). Reading entry `i` gives the same `(row, reason)` pair back.
/// Reasons are numbered in order of first appearance (`reasonCode(at:)` indexes `reasons`),
/// so writers can format each distinct reason once.
/// Limits: rows below 2³¹, fewer than 2³² distinct reasons.
public struct ExclusionList: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
  public typealias Element = (row: Int, reason: ExclusionReason)
  public typealias Index = Int

  private var rows: [Int32] = []
  private var codes: [UInt32] = []
  /// The distinct reasons, in order of first appearance.
  public private(set) var reasons: [ExclusionReason] = []
  private var codeOf: [ExclusionReason: UInt32] = [:]

  /// An empty list.
  public init() {}

  /// The list of `entries`, in their order.
  public init<S: Sequence>(_ entries: S) where S.Element == Element {
    for e in entries { append(e) }
  }

  public init(arrayLiteral elements: Element...) {
    self.init(elements)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { rows.count }

  public subscript(i: Int) -> Element {
    (Int(rows[i]), reasons[Int(codes[i])])
  }

  /// Row of entry `i` (no reason is copied).
  @inline(__always)
  public func row(at i: Int) -> Int { Int(rows[i]) }

  /// Index into `reasons` of entry `i`'s reason.
  @inline(__always)
  public func reasonCode(at i: Int) -> Int { Int(codes[i]) }

  /// Appends `row` with `reason`. The last reason appended is checked first, since
  /// consecutive rows usually share it.
  /// - Complexity: amortised O(1); a hash of `reason` when it differs from the last one.
  public mutating func append(row: Int, reason: ExclusionReason) {
    precondition(row >= 0 && row <= Int(Int32.max), "ExclusionList: row \(row) out of range")
    let code: UInt32
    if let last = codes.last, reasons[Int(last)] == reason {
      code = last
    } else if let known = codeOf[reason] {
      code = known
    } else {
      code = UInt32(reasons.count)
      reasons.append(reason)
      codeOf[reason] = code
    }
    rows.append(Int32(truncatingIfNeeded: row))
    codes.append(code)
  }

  public mutating func append(_ e: Element) { append(row: e.row, reason: e.reason) }

  public mutating func reserveCapacity(_ n: Int) {
    rows.reserveCapacity(n)
    codes.reserveCapacity(n)
  }
}
