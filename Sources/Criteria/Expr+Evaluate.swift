/// Evaluation of rule expressions against one enterprise.
extension Expr {
  /// Evaluates the expression; `resolve` gives the value of a (dotted) name for the enterprise.
  ///
  /// Semantics (docs/criteria.md, "Missing values in expressions"): `and`/`or`
  /// short-circuit; a missing value equals nothing, is in no list and has no order, so
  /// `==`, `<`, `<=`, `>`, `>=` and `in` are false and their negations `!=` and `not in`
  /// are true (`x != v` ⇔ `not (x == v)`, `x not in L` ⇔ `not (x in L)`, for every x);
  /// a bare `not NAME` holds only for the bool `false`, so it is false for a missing value;
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
      // A missing value equals no item (`compare` is false), so `in` is false, `not in` true.
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

  /// Top-level `and` operands, left to right: `a and (b or c) and d` → `[a, (b or c), d]`
  /// (the clauses reasons and star gaps name).
  public var conjuncts: [Expr] {
    if case .and(let a, let b) = self { return a.conjuncts + b.conjuncts }
    return [self]
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
  public var description: String { rendered { $0 } }

  /// The source-like rendering with every name passed through `naming` (e.g. column keys
  /// shown as their Chinese headers in reasons for officials).
  public func rendered(naming: (String) -> String) -> String {
    switch self {
    case .number(let x): return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    case .string(let s): return Self.quoted(s)
    case .bool(let b): return b ? "true" : "false"
    case .list(let items): return "[" + items.map { $0.rendered(naming: naming) }.joined(separator: ", ") + "]"
    case .name(let n): return naming(n)
    case .not(let e): return "not \(e.parenthesised(if: [.and, .or, .compare, .member], naming))"
    case .and(let a, let b): return "\(a.parenthesised(if: [.or], naming)) and \(b.parenthesised(if: [.or], naming))"
    case .or(let a, let b): return "\(a.rendered(naming: naming)) or \(b.rendered(naming: naming))"
    case .compare(let a, let op, let b): return "\(a.rendered(naming: naming)) \(op.rawValue) \(b.rendered(naming: naming))"
    case .member(let e, let list, let neg):
      return "\(e.rendered(naming: naming)) \(neg ? "not in" : "in") " + Expr.list(list).rendered(naming: naming)
    }
  }

  /// A string literal as the expression language reads it: in double quotes, with `"`
  /// and `\` escaped (`精"工` → `"精\"工"`), so every rendered value is unambiguous.
  public static func quoted(_ s: String) -> String {
    guard s.contains(where: { $0 == "\"" || $0 == "\\" }) else { return "\"\(s)\"" }
    var out = "\""
    for c in s {
      if c == "\"" || c == "\\" { out.append("\\") }
      out.append(c)
    }
    return out + "\""
  }

  /// `stars >= 4` → `stars ≥ 4`: comparison operators of rendered source text as an
  /// official writes them (`≥ ≤ ≠ =`), for reasons and star gaps. Text inside string
  /// literals (single or double quotes, with `\` escapes) is left as written.
  public static func withOfficialOperators(_ text: String) -> String { outsideLiterals(text, officialOperators) }

  /// `text` with `transform` applied to each run outside string literals (single or double
  /// quotes, with `\` escapes); the literals are kept as written. The one scanner of rule
  /// text for display (`withOfficialOperators`, `withChineseConnectives`).
  static func outsideLiterals(_ text: String, _ transform: (String) -> String) -> String {
    guard text.contains(where: { $0 == "\"" || $0 == "'" }) else { return transform(text) }
    var out = ""
    var plain = ""
    var quote: Character?
    var escaped = false
    for c in text {
      if let q = quote {
        out.append(c)
        if escaped {
          escaped = false
        } else if c == "\\" {
          escaped = true
        } else if c == q {
          quote = nil
        }
      } else if c == "\"" || c == "'" {
        out += transform(plain)
        plain = ""
        out.append(c)
        quote = c
      } else {
        plain.append(c)
      }
    }
    return out + transform(plain)
  }

  private static func officialOperators(_ text: String) -> String {
    text.replacing(">=", with: "≥").replacing("<=", with: "≤")
      .replacing("!=", with: "≠").replacing("==", with: "=")
  }

  private enum Shape { case and, or, compare, member }

  private var shape: Shape? {
    switch self {
    case .and: return .and
    case .or: return .or
    case .compare: return .compare
    case .member: return .member
    default: return nil
    }
  }

  private func parenthesised(if shapes: Set<Shape>, _ naming: (String) -> String) -> String {
    let text = rendered(naming: naming)
    guard let shape, shapes.contains(shape) else { return text }
    return "(\(text))"
  }
}
