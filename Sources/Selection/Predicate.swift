import Criteria
import Model
import Scoring

/// One eligibility clause compiled against the arrays it reads, so that checking a row
/// is a few array reads and comparisons instead of a walk over `Expr` with a name lookup
/// per leaf. Clauses are evaluated column-wise, over all the rows to check at once; they
/// have no side effects, so `and`/`or` need not short-circuit.
///
/// The common shapes are compiled — `name op number`, `name op "text"` and
/// `name [not] in [...]` on a category column, a bool column or an earlier programme's
/// mask, `not`, `and`, `or`; anything else is evaluated by `Expr.holds` through the
/// `NameResolver`. The semantics are `Expr.evaluate`'s (docs/criteria.md, "Missing values
/// in expressions"): a comparison with a missing value is false except `!=`, which is
/// true; a type mismatch is false except `!=`; `in` with a missing value is false and
/// `not in` true; a bare `not NAME` holds only for a value that is `false`. `PredicateTests` checks the compiled form against `Expr.holds` on random
/// rows and expressions.
indirect enum Predicate {
  /// `values[row] op constant` (constant on the right; a left constant is flipped at compile time).
  case number(values: [Double], missing: [Bool]?, op: CompareOp, constant: Double, ifMissing: Bool)
  /// `lower + values[row] · width op constant` (`criterion.KEY`).
  case scaled(values: UnitColumn, lower: Double, width: Double, op: CompareOp, constant: Double)
  /// `Double(values[row]) op constant` (`rank`, `stars`); with `zeroIsMissing`, 0 is missing.
  case integers(values: [Int], zeroIsMissing: Bool, op: CompareOp, constant: Double, ifMissing: Bool)
  /// A truth table over interned values; `codes[row] < 0` is missing.
  case table(codes: [Int32], truth: [Bool], ifMissing: Bool)
  /// A bool column: holds when the cell equals `wanted`; missing → `ifMissing`.
  case bool(values: [Bool?], wanted: Bool, ifMissing: Bool)
  /// An earlier programme's selected/eligible mask equals `wanted`.
  case mask([Bool], wanted: Bool)
  case constant(Bool)
  case not(Predicate)
  case and(Predicate, Predicate)
  case or(Predicate, Predicate)
  /// Anything not compiled: evaluated by `Expr.holds`.
  case general(Expr)

  /// Whether the clause holds, for each of `rows` (column-wise: one tight loop per node).
  func evaluate(rows: [Int], resolver: NameResolver) -> [Bool] {
    switch self {
    case .number(let values, let missing, let op, let c, let ifMissing):
      if let missing { return rows.map { missing[$0] ? ifMissing : op.holds(values[$0], c) } }
      return rows.map { op.holds(values[$0], c) }
    case .scaled(let values, let lower, let width, let op, let c):
      return rows.map { op.holds(lower + values[$0] * width, c) }
    case .integers(let values, let zeroIsMissing, let op, let c, let ifMissing):
      return rows.map { row in
        let v = values[row]
        return zeroIsMissing && v == 0 ? ifMissing : op.holds(Double(v), c)
      }
    case .table(let codes, let truth, let ifMissing):
      return rows.map { row in
        let code = codes[row]
        return code < 0 ? ifMissing : truth[Int(code)]
      }
    case .bool(let values, let wanted, let ifMissing):
      return rows.map { values[$0].map { $0 == wanted } ?? ifMissing }
    case .mask(let m, let wanted): return rows.map { m[$0] == wanted }
    case .constant(let b): return [Bool](repeating: b, count: rows.count)
    case .not(let p): return p.evaluate(rows: rows, resolver: resolver).map { !$0 }
    case .and(let a, let b):
      var x = a.evaluate(rows: rows, resolver: resolver)
      let y = b.evaluate(rows: rows, resolver: resolver)
      for i in x.indices { x[i] = x[i] && y[i] }
      return x
    case .or(let a, let b):
      var x = a.evaluate(rows: rows, resolver: resolver)
      let y = b.evaluate(rows: rows, resolver: resolver)
      for i in x.indices { x[i] = x[i] || y[i] }
      return x
    case .general(let e): return rows.map { row in e.holds { resolver.value($0, row: row) } }
    }
  }

  /// Compiles `e` (a clause in boolean context) against the resolver's bound sources.
  static func compile(_ e: Expr, resolver: NameResolver) -> Predicate {
    switch e {
    case .and(let a, let b): return .and(compile(a, resolver: resolver), compile(b, resolver: resolver))
    case .or(let a, let b): return .or(compile(a, resolver: resolver), compile(b, resolver: resolver))
    case .not(let inner):
      // `not x` holds only when x evaluates to false: for a comparison, membership,
      // and/or (always a bool) that is "x does not hold"; for a name it is "x is false".
      switch inner {
      case .compare, .member, .and, .or, .not: return .not(compile(inner, resolver: resolver))
      case .bool(let b): return .constant(!b)
      case .name(let n): return truth(of: n, wanted: false, resolver: resolver) ?? .general(e)
      default: return .general(e)
      }
    case .name(let n): return truth(of: n, wanted: true, resolver: resolver) ?? .general(e)
    case .bool(let b): return .constant(b)
    case .compare(let a, let op, let b):
      if case .name(let n) = a, let p = comparison(n, op, b, resolver: resolver) { return p }
      if case .name(let n) = b, let p = comparison(n, op.flipped, a, resolver: resolver) { return p }
      return .general(e)
    case .member(let subject, let list, let negated):
      guard case .name(let n) = subject, case .category(let codes, let levels)? = resolver.source(of: n) else {
        return .general(e)
      }
      let constants = list.map(\.constantValue)
      guard constants.allSatisfy({ $0 != nil }) else { return .general(e) }
      let truth = levels.map { level in constants.contains { $0 == .string(level) } != negated }
      return .table(codes: codes, truth: truth, ifMissing: negated)
    default: return .general(e)
    }
  }

  /// A bare name in boolean context: holds when the value is the bool `wanted`.
  private static func truth(of name: String, wanted: Bool, resolver: NameResolver) -> Predicate? {
    switch resolver.source(of: name) {
    case .bools(let v)?: return .bool(values: v, wanted: wanted, ifMissing: false)
    case .mask(let m)?: return .mask(m, wanted: wanted)
    case .missing?: return .constant(false)
    default: return nil
    }
  }

  /// `name op constant`, compiled when the name is numeric or a category and the
  /// constant is a literal.
  private static func comparison(_ name: String, _ op: CompareOp, _ other: Expr, resolver: NameResolver) -> Predicate? {
    guard let constant = other.constantValue, let source = resolver.source(of: name) else { return nil }
    let ifMissing = op == .ne
    switch (source, constant) {
    case (.numbers(let v, let m), .number(let c)):
      return .number(values: v, missing: m, op: op, constant: c, ifMissing: ifMissing)
    case (.doubles(let v), .number(let c)):
      return .number(values: v, missing: nil, op: op, constant: c, ifMissing: ifMissing)
    case (.scaled(let v, let lower, let width), .number(let c)):
      return .scaled(values: v, lower: lower, width: width, op: op, constant: c)
    case (.rank(let v), .number(let c)):
      return .integers(values: v, zeroIsMissing: true, op: op, constant: c, ifMissing: ifMissing)
    case (.stars(let v), .number(let c)):
      return .integers(values: v, zeroIsMissing: false, op: op, constant: c, ifMissing: ifMissing)
    case (.category(let codes, let levels), .string(let s)):
      return .table(codes: codes, truth: levels.map { op.holds($0, s) }, ifMissing: ifMissing)
    case (.category, .number), (.category, .bool), (.numbers, .string), (.numbers, .bool), (.doubles, .string):
      // Type mismatch: only `!=` holds, for present and missing values alike.
      return .constant(ifMissing)
    case (.bools(let v), .bool(let b)) where op == .eq || op == .ne:
      return .bool(values: v, wanted: op == .eq ? b : !b, ifMissing: ifMissing)
    case (.mask(let m), .bool(let b)) where op == .eq || op == .ne:
      return .mask(m, wanted: op == .eq ? b : !b)
    default: return nil
    }
  }
}

extension Expr {
  /// The value of a literal (number, string, bool), or nil for anything else.
  fileprivate var constantValue: ExprValue? {
    switch self {
    case .number(let x): return .number(x)
    case .string(let s): return .string(s)
    case .bool(let b): return .bool(b)
    default: return nil
    }
  }
}

extension CompareOp {
  /// The operator with its operands swapped: `3 < x` ⇔ `x > 3`.
  fileprivate var flipped: CompareOp {
    switch self {
    case .eq, .ne: return self
    case .lt: return .gt
    case .le: return .ge
    case .gt: return .lt
    case .ge: return .le
    }
  }
}
