import Foundation
import Criteria
import Model

extension Scorer {
  /// Builds the `ScoringMatrix` of a table (docs/methods.md, "Missing values").
  ///
  /// Per criterion the policy is `criterion.missing ?? column.missing`. `worst`, `mean`,
  /// `median`, `zero` impute over the present values of the ranked rows (worst = min for
  /// benefit, max for cost); `exclude` leaves the row out of the ranking with the column
  /// named; `reject` and `allow` cannot reach a criterion (the loader rejects them) and are
  /// treated as `exclude`. Winsorisation (if set) follows imputation.
  /// - Throws: `ScoringError` located at the metrics file: `columnAbsent` (an optional
  ///   column the file does not have), `allMissing` (no present value at all), `domain`.
  ///   The table must have been ingested against `spec`'s columns.
  /// Rows of `screening` are left out first (their reason is the screening's), exactly as
  /// rows excluded for a missing value: they move no one's min, max, mean or rank.
  public static func prepare(_ table: Table, spec: Spec, screening: Screening = Screening()) throws(ScoringError) -> ScoringMatrix {
    let n = table.rowCount
    var columns: [NumericColumn] = []
    var excludedBy = [Int](repeating: -1, count: 0)
    for (j, c) in spec.criteria.enumerated() {
      guard let col = table.numbers(c.column), col.values.count == n else {
        precondition(table[c.column] == nil, "column '\(c.column)' of criterion '\(c.key)' is not numeric: the table was not ingested against this spec")
        throw ScoringError(
          .columnAbsent(usedBy: "criterion '\(c.key)'", column: c.column), file: table.source, line: 1,
          column: header(c.column, table, spec))
      }
      columns.append(col)
      guard anyTrue(col.missing) else { continue }
      if n > 0, !col.missing.contains(false) {
        throw ScoringError(
          .allMissing(criterion: c.key, column: c.column), file: table.source, line: table.lines[0],
          column: header(c.column, table, spec))
      }
      if imputes(policy(c, spec)) { continue }
      if excludedBy.isEmpty { excludedBy = [Int](repeating: -1, count: n) }
      for i in 0..<n where col.missing[i] && excludedBy[i] < 0 { excludedBy[i] = j }
    }
    if !screening.isEmpty {
      if excludedBy.isEmpty { excludedBy = [Int](repeating: -1, count: n) }
      for row in screening.reasons.keys where row < n { excludedBy[row] = screenedMark }
    }
    var rows: [Int] = []
    var unranked: [(row: Int, reason: String)] = []
    if excludedBy.isEmpty {
      rows = Array(0..<n)
    } else {
      for i in 0..<n {
        if excludedBy[i] < 0 {
          rows.append(i)
        } else if excludedBy[i] == screenedMark {
          unranked.append((i, Self.screenedText(screening.reasons(of: i))))
        } else {
          unranked.append((i, "missing value in column '\(spec.criteria[excludedBy[i]].column)'"))
        }
      }
    }
    let wantsTOPSIS = needsTOPSIS(spec)
    let noFlags = [Bool](repeating: false, count: n)  // shared (copy-on-write) by complete columns
    // The criteria are independent: prepared on every core, each by one worker, and taken
    // in criterion order (the first failing criterion's error is thrown, as in one pass).
    let criteria = spec.criteria
    let prepared = ResultSlots<Result<PreparedCriterion, ScoringError>>(count: criteria.count)
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, criteria.count))
    DispatchQueue.concurrentPerform(iterations: workers) { [columns, rows] t in
      for j in stride(from: t, to: criteria.count, by: workers) {
        prepared.set(
          j,
          Result { () throws(ScoringError) in
            try prepareCriterion(
              criteria[j], columns[j], table: table, spec: spec, rows: rows, topsis: wantsTOPSIS,
              noFlags: noFlags)
          })
      }
    }
    var values: [[Double]] = []
    var imputed: [[Bool]] = []
    var unit: [UnitColumn] = []
    var topsis: [[Double]] = []
    for j in criteria.indices {
      guard let p = try prepared.get(j)?.get() else { preconditionFailure("every criterion is prepared") }
      values.append(p.values)
      imputed.append(p.imputed)
      unit.append(p.unit)
      if let t = p.topsis { topsis.append(t) }
    }
    return ScoringMatrix(
      rows: rows, unranked: unranked, tableRowCount: n, values: values, imputed: imputed, unit: unit,
      topsis: wantsTOPSIS ? topsis : nil, directions: spec.criteria.map(\.direction))
  }

  /// One criterion's column of the `ScoringMatrix`.
  struct PreparedCriterion {
    var values: [Double]
    var imputed: [Bool]
    var unit: UnitColumn
    var topsis: [Double]?
  }

  /// Criterion `c`'s values after imputation and winsorisation, its imputed flags, its unit
  /// column and (when `topsis`) its TOPSIS input, over `rows` of `col` (ascending; all of
  /// them or some); `noFlags` is the shared all-false flags of a complete column.
  static func prepareCriterion(
    _ c: CriterionSpec, _ col: NumericColumn, table: Table, spec: Spec, rows: [Int], topsis wantsTOPSIS: Bool,
    noFlags: [Bool]
  ) throws(ScoringError) -> PreparedCriterion {
    let n = table.rowCount
    let identity = rows.count == n
    var fill: Double?
    if anyTrue(col.missing), imputes(policy(c, spec)) {
      let present = identity ? presentValues(col) : rows.compactMap { col.missing[$0] ? nil : col.values[$0] }
      guard !present.isEmpty else {
        throw ScoringError(
          .allMissing(criterion: c.key, column: c.column), file: table.source, line: table.lines[rows.first ?? 0],
          column: header(c.column, table, spec))
      }
      fill = imputation(policy(c, spec), present, direction: c.direction)
    }
    // A full ranking's min-max column is read from the ingested values, imputed rows
    // reading the fill (`UnitColumn`): no copy with the fill written in.
    if identity, c.winsorise == nil, !wantsTOPSIS,
      let column = c.normalisation.minMaxColumn(
        col.values, imputed: fill == nil ? [] : col.missing, fill: fill ?? 0, direction: c.direction)
    {
      return PreparedCriterion(values: col.values, imputed: fill == nil ? noFlags : col.missing, unit: column)
    }
    var x = identity ? col.values : rows.map { col.values[$0] }
    var flags = [Bool](repeating: false, count: 0)
    if let fill {
      flags = [Bool](repeating: false, count: n)
      if identity {
        for row in 0..<n where col.missing[row] {
          x[row] = fill
          flags[row] = true
        }
      } else {
        for (k, row) in rows.enumerated() where col.missing[row] {
          x[k] = fill
          flags[row] = true
        }
      }
    }
    if let q = c.winsorise { x = Winsoriser.clip(x, quantiles: q) }
    do {
      let unit = try c.normalisation.unitColumn(x, direction: c.direction, criterion: c.key, rescaled: wantsTOPSIS)
      let t = wantsTOPSIS ? try topsisColumn(x, criterion: c) : nil
      return PreparedCriterion(values: x, imputed: flags.isEmpty ? noFlags : flags, unit: unit, topsis: t)
    } catch {
      let row = error.offset.map { identity ? $0 : rows[$0] } ?? 0
      throw ScoringError(error.problem, file: table.source, line: table.lines[row], column: header(c.column, table, spec))
    }
  }

  /// The present values of a column, in row order.
  static func presentValues(_ col: NumericColumn) -> [Double] {
    var out: [Double] = []
    out.reserveCapacity(col.values.count)
    for i in col.values.indices where !col.missing[i] { out.append(col.values[i]) }
    return out
  }

  /// `excludedBy` of a screened row.
  static let screenedMark = Int.max

  /// The unranked reason of a screened row: every reason, `; `-separated.
  public static func screenedText(_ reasons: [ScreenReason]) -> String {
    "screened out: " + reasons.map(\.text).joined(separator: "; ")
  }

  /// The header of column `key` as the file spells it (the declared canonical header when absent).
  static func header(_ key: String, _ table: Table, _ spec: Spec) -> String {
    table.headerFound[key] ?? spec.column(key)?.canonicalHeader ?? key
  }

  /// Whether any flag is set, scanning eight flags per step.
  static func anyTrue(_ flags: [Bool]) -> Bool {
    flags.withUnsafeBytes { raw in
      let words = raw.count / 8
      var acc: UInt64 = 0
      for w in 0..<words { acc |= raw.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self) }
      for b in (words * 8)..<raw.count { acc |= UInt64(raw[b]) }
      return acc != 0
    }
  }

  static func policy(_ c: CriterionSpec, _ spec: Spec) -> MissingPolicy {
    c.missing ?? spec.column(c.column)?.missing ?? .reject
  }

  static func imputes(_ p: MissingPolicy) -> Bool {
    switch p {
    case .worst, .mean, .median, .zero: return true
    case .exclude, .reject, .allow: return false
    }
  }

  /// The imputed value over the present values (non-empty).
  static func imputation(_ p: MissingPolicy, _ present: [Double], direction: Direction) -> Double {
    switch p {
    case .worst: return (direction == .benefit ? present.min() : present.max()) ?? 0
    case .mean: return present.reduce(0, +) / Double(present.count)
    case .median: return median(present)
    default: return 0
    }
  }

  /// The median of `x` (non-empty): the middle value in ascending order, or the mean of
  /// the two middle values.
  ///
  /// The middle value(s) are selected by `RadixSelect` (O(n), without sorting the column: a
  /// comparison sort of a million values took a tenth of a second per imputed criterion, a
  /// full radix sort a few hundredths). Equal doubles have equal bits, so which of several
  /// equal values lands in the middle does not matter, except for −0 and +0, which the radix
  /// images take as equal: a column holding −0 is sorted with `sorted()` as before.
  static func median(_ x: [Double]) -> Double {
    let n = x.count, mid = n / 2
    if x.contains(where: { $0 == 0 && $0.sign == .minus }) {
      let s = x.sorted()
      return n % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    }
    let (below, middle) = RadixSelect.adjacent(x, low: (n - 1) / 2, high: mid)
    return n % 2 == 1 ? middle : (below + middle) / 2
  }

  /// TOPSIS input columns are built only for a TOPSIS aggregation: the sensitivity
  /// analysis scores each alternative aggregation through its own spec
  /// (`MethodVariant.scored`), so a weighted-sum run never holds a second matrix.
  static func needsTOPSIS(_ spec: Spec) -> Bool {
    if case .topsis = spec.aggregation.method { return true }
    return false
  }

  /// TOPSIS input column: the explicit normalisation's oriented values (z-scores for
  /// z-score), else Hwang & Yoon's vector normalisation (cost: 1 − x/‖x‖).
  static func topsisColumn(_ x: [Double], criterion c: CriterionSpec) throws(ScoringError) -> [Double] {
    if c.explicitNormalisation { return try c.normalisation.oriented(x, direction: c.direction, criterion: c.key) }
    let r = VectorNormaliser.normalise(Normalisation.tamed(x))
    return c.direction == .cost ? r.map { 1 - $0 } : r
  }
}
