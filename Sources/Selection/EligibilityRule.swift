import Criteria
import Scoring

/// A programme's `eligible` expression split into its top-level conjuncts.
///
/// `a and (b or c) and d` is checked as `[a, (b or c), d]` from left to right; the first
/// conjunct that does not hold is the one `Expr.firstFailingClause` names, so the
/// reason can be read from a table of pre-rendered texts instead of rendering the
/// expression again for every enterprise. No expression: every row is eligible.
struct EligibilityRule {
  let conjuncts: [Expr]
  /// `conjuncts[k].description`, rendered once.
  let texts: [String]
  /// `conjuncts[k]` with names as officials read them (`OfficialNames`);
  /// nil where that reads the same as `texts[k]`.
  let readableTexts: [String?]
  /// `conjuncts[k]` compiled against the arrays it reads.
  private let predicates: [Predicate]
  private let resolver: NameResolver?

  init(_ expr: Expr?, context: RowContext, masks: [String: [Bool]]) {
    guard let expr else {
      conjuncts = []
      texts = []
      readableTexts = []
      predicates = []
      resolver = nil
      return
    }
    let parts = expr.conjuncts
    conjuncts = parts
    texts = parts.map(\.description)
    readableTexts = parts.map { OfficialNames.text($0, spec: context.spec) }
    let resolver = NameResolver(expr: expr, context: context, masks: masks)
    predicates = parts.map { Predicate.compile($0, resolver: resolver) }
    self.resolver = resolver
  }

  /// For each of `rows`, the index of the first conjunct that fails, or -1 when the rule holds.
  func firstFailing(rows: [Int]) -> [Int32] {
    var first = [Int32](repeating: -1, count: rows.count)
    guard let resolver else { return first }
    for k in predicates.indices {
      let holds = predicates[k].evaluate(rows: rows, resolver: resolver)
      for i in first.indices where first[i] < 0 && !holds[i] { first[i] = Int32(k) }
    }
    return first
  }

}
