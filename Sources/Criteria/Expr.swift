/// A rule expression from a criteria file: eligibility and star requirements.
///
/// Grammar (docs/criteria.md):
/// ```
/// expr    := or
/// or      := and ("or" and)*
/// and     := not ("and" not)*
/// not     := "not" not | cmp
/// cmp     := primary (("=="|"!="|"<"|"<="|">"|">=") primary | "not"? "in" list)?
/// primary := number | string | "true" | "false" | name ("." name)* | "(" expr ")" | list
/// list    := "[" (primary ("," primary)*)? "]"
/// ```
/// Names: a column key (`above_scale`, `consulting_spend_wan`, `industry`),
/// `score`, `raw`, `rank`, `stars`, `group.KEY` (group score on the scale),
/// `criterion.KEY` (normalised criterion value × scale), `selected.PROG`, `eligible.PROG`.
public indirect enum Expr: Sendable, Hashable {
  case number(Double)
  case string(String)
  case bool(Bool)
  case list([Expr])
  /// A dotted name, e.g. `group.cost`.
  case name(String)
  case not(Expr)
  case and(Expr, Expr)
  case or(Expr, Expr)
  case compare(Expr, CompareOp, Expr)
  /// `x in [..]` (negated = `x not in [..]`).
  case member(Expr, [Expr], negated: Bool)
}

public enum CompareOp: String, Sendable, Hashable, CaseIterable {
  case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
}

/// A value during evaluation. Comparisons with `missing` and `in` are false, `!=` and
/// `not in` true; a bare `not` of `missing` is false. Documented in docs/criteria.md.
public enum ExprValue: Sendable, Hashable {
  case number(Double)
  case string(String)
  case bool(Bool)
  case missing
}
