import Criteria
import Model
import Scoring
import Testing

@testable import Selection

/// The compiled eligibility clauses agree with `Expr.holds` (the reference semantics)
/// on random expressions over random worlds.
struct PredicateTests {
  /// A random expression over every kind of name, operator and literal.
  struct ExprGenerator {
    var rng: SplitMix64
    static let names = [
      "stars", "rank", "spend", "above_scale", "industry", "district", "score", "raw", "criterion.c",
      "group.quality", "uscc", "selected.city", "eligible.city", "selected.later", "no_such_column",
    ]
    static let strings = ["机械", "纺织", "东区", "E007", ""]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }

    mutating func literal() -> Expr {
      switch rng.next() % 4 {
      case 0: return .number(Double(Int(rng.next() % 100)) - 10)
      case 1: return .number(Double(rng.next() % 6))
      case 2: return .string(pick(Self.strings))
      default: return .bool(rng.next() % 2 == 0)
      }
    }

    mutating func leaf() -> Expr {
      let name = Expr.name(pick(Self.names))
      switch rng.next() % 6 {
      case 0: return name
      case 1: return .not(name)
      case 2:
        let items = (0..<Int(rng.next() % 3)).map { _ in rng.next() % 4 == 0 ? literal() : .string(pick(Self.strings)) }
        return .member(name, items, negated: rng.next() % 2 == 0)
      case 3: return .compare(literal(), pick(CompareOp.allCases), name)
      default: return .compare(name, pick(CompareOp.allCases), literal())
      }
    }

    mutating func expr(depth: Int) -> Expr {
      guard depth > 0, rng.next() % 3 != 0 else { return leaf() }
      switch rng.next() % 4 {
      case 0: return .and(expr(depth: depth - 1), expr(depth: depth - 1))
      case 1: return .or(expr(depth: depth - 1), expr(depth: depth - 1))
      case 2: return .not(expr(depth: depth - 1))
      default: return leaf()
      }
    }
  }

  @Test(arguments: 0..<40)
  func compiledClausesAgreeWithExprHolds(seed: UInt64) {
    let (w, _) = DeterminismTests.randomWorld(seed: seed)
    let context = RowContext(table: w.table, spec: w.spec, evaluation: w.evaluation)
    var rng = SplitMix64(seed: seed &+ 7)
    let masks = [
      "selected.city": (0..<w.table.rowCount).map { _ in rng.next() % 2 == 0 },
      "eligible.city": (0..<w.table.rowCount).map { _ in rng.next() % 3 != 0 },
    ]
    var generator = ExprGenerator(rng: SplitMix64(seed: seed))
    for _ in 0..<25 {
      let e = generator.expr(depth: 3)
      let resolver = NameResolver(expr: e, context: context, masks: masks)
      let predicate = Predicate.compile(e, resolver: resolver)
      // Every row, in a scrambled order (the rows to check are any subset in any order).
      let rows = (0..<w.table.rowCount).shuffled(using: &generator.rng)
      let compiled = predicate.evaluate(rows: rows, resolver: resolver)
      for (i, row) in rows.enumerated() {
        let expected = e.holds { name in masks[name].map { .bool($0[row]) } ?? context.value(name, row: row) }
        #expect(compiled[i] == expected, "\(e) at row \(row)")
      }
    }
  }

  @Test func commonClausesCompileWithoutFallingBackToExpr() {
    let (w, _) = DeterminismTests.randomWorld(seed: 1)
    let context = RowContext(table: w.table, spec: w.spec, evaluation: w.evaluation)
    let clauses: [Expr] = [
      .compare(.name("stars"), .ge, .number(4)), .compare(.number(10), .ge, .name("rank")), .name("above_scale"),
      .not(.name("above_scale")), .compare(.name("spend"), .ge, .number(15)),
      .member(.name("industry"), [.string("机械"), .string("纺织")], negated: false),
      .compare(.name("group.quality"), .gt, .number(60)), .compare(.name("criterion.c"), .gt, .number(60)),
      .and(.compare(.name("district"), .eq, .string("东区")), .name("selected.city")),
    ]
    for e in clauses {
      let resolver = NameResolver(expr: e, context: context, masks: ["selected.city": []])
      #expect(!Predicate.compile(e, resolver: resolver).usesGeneralEvaluation, "\(e)")
    }
  }
}

extension PredicateTests {
  /// On a row whose category is missing, the compiled clauses give the table of
  /// docs/criteria.md ("Missing values in expressions"), as `Expr.holds` does: `==`, `in`
  /// false; `!=`, `not in` true; `not (… in …)` true.
  @Test func missingCategoryFollowsTheDocumentedTable() {
    let (w, _) = DeterminismTests.randomWorld(seed: 1)
    let context = RowContext(table: w.table, spec: w.spec, evaluation: w.evaluation)
    let rows = (0..<w.table.rowCount).filter { context.value("industry", row: $0) == .missing }
    #expect(!rows.isEmpty)
    let list: [Expr] = [.string("机械"), .string("纺织")]
    let cases: [(Expr, Bool)] = [
      (.compare(.name("industry"), .eq, .string("机械")), false),
      (.compare(.name("industry"), .ne, .string("机械")), true),
      (.compare(.name("industry"), .lt, .string("机械")), false),
      (.member(.name("industry"), list, negated: false), false),
      (.member(.name("industry"), list, negated: true), true),
      (.not(.member(.name("industry"), list, negated: false)), true),
      (.not(.compare(.name("industry"), .eq, .string("机械"))), true),
    ]
    for (e, want) in cases {
      let resolver = NameResolver(expr: e, context: context, masks: [:])
      let predicate = Predicate.compile(e, resolver: resolver)
      #expect(!predicate.usesGeneralEvaluation, "\(e)")
      #expect(predicate.evaluate(rows: rows, resolver: resolver).allSatisfy { $0 == want }, "\(e)")
      #expect(rows.allSatisfy { row in e.holds { context.value($0, row: row) } == want }, "\(e)")
    }
  }
}

extension Predicate {
  /// Whether any part falls back to `Expr.holds`.
  var usesGeneralEvaluation: Bool {
    switch self {
    case .general: return true
    case .not(let p): return p.usesGeneralEvaluation
    case .and(let a, let b), .or(let a, let b): return a.usesGeneralEvaluation || b.usesGeneralEvaluation
    default: return false
    }
  }
}
