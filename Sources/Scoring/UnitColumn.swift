/// One criterion's oriented unit values (`ScoringMatrix.unit`, `Evaluation.normalised`):
/// stored, or, for min-max, computed on read from the criterion's own values.
///
/// Min-max is an affine map of the column, r = (s·x − lo) · inv with s = ±1 (cost
/// criteria are negated first), so it need not be stored: at a million enterprises and
/// 20 criteria that is 160 MB less, as much as the ingested numbers themselves. Each read
/// performs the very operations of `MinMaxNormaliser.normalise` (−x is exact, then the
/// same subtraction and product), so a computed value is bit for bit the stored one.
/// A stored column reads as (1·x − 0) · 1, which is x exactly for every double, −0, ±∞
/// and NaN included: one formula for every column.
///
/// A criterion whose missing values were imputed reads the ingested column too: a row
/// marked in `imputed` reads `filled`, the map of the imputed value computed once, so the
/// column with the imputed values written in need not be kept either.
public struct UnitColumn: Sendable, Equatable {
  /// The stored values, or the values the map applies to.
  @usableFromInline let base: [Double]
  @usableFromInline let sign: Double
  @usableFromInline let lo: Double
  @usableFromInline let inv: Double
  /// Rows that read `filled` instead of the map of `base` (empty: none).
  @usableFromInline let imputed: [Bool]
  @usableFromInline let filled: Double

  /// A stored column.
  public init(_ values: [Double]) {
    base = values
    sign = 1
    lo = 0
    inv = 1
    imputed = []
    filled = 0
  }

  /// Min-max over `x` computed on read: (s·x − lo) · inv, s = −1 when `negated`; rows
  /// marked in `imputed` (empty or one flag per row) read the map of `fill`.
  init(minMaxOf x: [Double], negated: Bool, lo: Double, inv: Double, imputed: [Bool] = [], fill: Double = 0) {
    base = x
    sign = negated ? -1 : 1
    self.lo = lo
    self.inv = inv
    self.imputed = imputed
    filled = (sign * fill - lo) * inv
  }

  /// Number of values.
  public var count: Int { base.count }

  /// Whether the values are computed on read.
  public var isComputed: Bool { sign != 1 || lo != 0 || inv != 1 || !imputed.isEmpty }

  /// Value `i`.
  @inlinable
  public subscript(i: Int) -> Double {
    let v = (sign * base[i] - lo) * inv
    return imputed.isEmpty || !imputed[i] ? v : filled
  }

  /// The values as an array (the stored array itself, or the map applied once).
  public var values: [Double] {
    guard isComputed else { return base }
    return withReader { r in (0..<r.count).map { r[$0] } }
  }

  /// Calls `body` with a reader of the values, valid only inside `body`: the hot loops'
  /// access, free of array retains.
  @inlinable
  public func withReader<R>(_ body: (Reader) throws -> R) rethrows -> R {
    try base.withUnsafeBufferPointer { b in
      try imputed.withUnsafeBufferPointer { m in
        try body(Reader(base: b, sign: sign, lo: lo, inv: inv, imputed: m, filled: filled))
      }
    }
  }

  public static func == (a: UnitColumn, b: UnitColumn) -> Bool { a.values == b.values }

  /// Pointer access to a column's values (`withReader`).
  public struct Reader {
    @usableFromInline let base: UnsafeBufferPointer<Double>
    @usableFromInline let sign: Double
    @usableFromInline let lo: Double
    @usableFromInline let inv: Double
    @usableFromInline let imputed: UnsafeBufferPointer<Bool>
    @usableFromInline let filled: Double

    @inlinable
    init(
      base: UnsafeBufferPointer<Double>, sign: Double, lo: Double, inv: Double, imputed: UnsafeBufferPointer<Bool>,
      filled: Double
    ) {
      self.base = base
      self.sign = sign
      self.lo = lo
      self.inv = inv
      self.imputed = imputed
      self.filled = filled
    }

    /// Number of values.
    @inlinable public var count: Int { base.count }

    /// Value `i`.
    @inlinable
    public subscript(i: Int) -> Double {
      let v = (sign * base[i] - lo) * inv
      return imputed.isEmpty || !imputed[i] ? v : filled
    }
  }
}

/// Calls `body` with a reader of each of `columns` (valid only inside `body`), so a per-row
/// loop reads cells without retaining the inner arrays.
public func withReaders<R>(_ columns: [UnitColumn], _ body: ([UnitColumn.Reader]) -> R) -> R {
  var readers: [UnitColumn.Reader] = []
  readers.reserveCapacity(columns.count)
  func next(_ j: Int) -> R {
    guard j < columns.count else { return body(readers) }
    return columns[j].withReader { r in
      readers.append(r)
      return next(j + 1)
    }
  }
  return next(0)
}
