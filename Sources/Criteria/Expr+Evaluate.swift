/// Evaluation of rule expressions against one enterprise.
extension Expr {
  /// Evaluates the expression; `resolve` gives the value of a (dotted) name for the enterprise.
  ///
  /// Semantics (docs/criteria.md): `and`/`or` short-circuit; a comparison involving a
  /// missing value is false, except `!=` which is true; `not missing` is false;
  /// numbers compare numerically, strings by exact equality (ordering compares code points).
  public func evaluate(_ resolve: (String) -> ExprValue) -> ExprValue {
    switch self {
    case .number(let x): return .number(x)
    case .string(let s): return .string(s)
    case .bool(let b): return .bool(b)
    case .list: return .missing  // a list is only meaningful on the right of `in`
    case .name(let n): return resolve(n)
    case .not(let e):
      if case .bool(let b) = e.evaluate(resolve) { return .bool(!b) }
      return .bool(false)
    case .and(let a, let b):
      guard a.evaluate(resolve).isTrue else { return .bool(false) }
      return .bool(b.evaluate(resolve).isTrue)
    case .or(let a, let b):
      if a.evaluate(resolve).isTrue { return .bool(true) }
      return .bool(b.evaluate(resolve).isTrue)
    case .compare(let a, let op, let b):
      return .bool(Self.compare(a.evaluate(resolve), op, b.evaluate(resolve)))
    case .member(let e, let list, let negated):
      let v = e.evaluate(resolve)
      if v == .missing { return .bool(false) }
      let found = list.contains { Self.compare(v, .eq, $0.evaluate(resolve)) }
      return .bool(found != negated)
    }
  }

  /// Whether the expression holds for the enterprise (missing → false).
  public func holds(_ resolve: (String) -> ExprValue) -> Bool { evaluate(resolve).isTrue }

  /// The first top-level conjunct that fails, for explanations: for `a and (b or c)` it is
  /// `a` if `a` fails, else `(b or c)`. Nil when the expression holds.
  public func firstFailingClause(_ resolve: (String) -> ExprValue) -> Expr? {
    if holds(resolve) { return nil }
    if case .and(let a, let b) = self {
      return a.firstFailingClause(resolve) ?? b.firstFailingClause(resolve)
    }
    return self
  }

  /// Every dotted name the expression reads, in order of appearance (for load-time checks).
  public var names: [String] {
    switch self {
    case .number, .string, .bool: return []
    case .list(let items): return items.flatMap(\.names)
    case .name(let n): return [n]
    case .not(let e): return e.names
    case .and(let a, let b), .or(let a, let b), .compare(let a, _, let b): return a.names + b.names
    case .member(let e, let list, _): return e.names + list.flatMap(\.names)
    }
  }

  static func compare(_ a: ExprValue, _ op: CompareOp, _ b: ExprValue) -> Bool {
    switch (a, b) {
    case (.missing, _), (_, .missing): return op == .ne
    case (.number(let x), .number(let y)): return op.holds(x, y)
    case (.string(let x), .string(let y)): return op.holds(x, y)
    case (.bool(let x), .bool(let y)):
      switch op {
      case .eq: return x == y
      case .ne: return x != y
      default: return false
      }
    default: return op == .ne
    }
  }
}

extension CompareOp {
  /// Whether `x op y` holds (shared by the evaluator and Selection's compiled rules).
  @inlinable
  public func holds<T: Comparable>(_ x: T, _ y: T) -> Bool {
    switch self {
    case .eq: return x == y
    case .ne: return x != y
    case .lt: return x < y
    case .le: return x <= y
    case .gt: return x > y
    case .ge: return x >= y
    }
  }
}

extension ExprValue {
  public var isTrue: Bool { self == .bool(true) }
}

extension Expr: CustomStringConvertible {
  /// Source-like rendering (`stars >= 4 and industry in ["汽车零部件"]`), used in reasons.
  public var description: String {
    switch self {
    case .number(let x): return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    case .string(let s): return "\"\(s)\""
    case .bool(let b): return b ? "true" : "false"
    case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
    case .name(let n): return n
    case .not(let e): return "not \(e.parenthesisedIfCompound)"
    case .and(let a, let b): return "\(a.parenthesisedIfOr) and \(b.parenthesisedIfOr)"
    case .or(let a, let b): return "\(a) or \(b)"
    case .compare(let a, let op, let b): return "\(a) \(op.rawValue) \(b)"
    case .member(let e, let list, let neg):
      return "\(e) \(neg ? "not in" : "in") " + Expr.list(list).description
    }
  }

  private var parenthesisedIfOr: String {
    if case .or = self { return "(\(self))" }
    return description
  }

  private var parenthesisedIfCompound: String {
    switch self {
    case .and, .or, .compare, .member: return "(\(self))"
    default: return description
    }
  }
}
