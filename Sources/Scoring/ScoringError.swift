/// Why a table cannot be scored with a spec: only degenerate cases that have no
/// meaningful result (docs/methods.md, "Degenerate cases"). Every message names the
/// criterion, column or node and quotes the offending value.
public enum ScoringError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A criterion reads a column that is absent from the table or not numeric.
  case columnNotNumeric(criterion: String, column: String)
  /// Every value of the criterion's column is missing, so nothing can be imputed or compared.
  case allMissing(criterion: String, column: String)
  /// A method needs values of a sign the column does not have (e.g. `sum` needs x ≥ 0,
  /// a `cost` criterion with `sum`/`max` needs x > 0 because it uses 1/x).
  case domain(criterion: String, method: String, requirement: String, value: Double)
  /// A weight is negative or not finite.
  case invalidWeight(node: String, child: String, value: Double)
  /// Every child of a node has weight 0, so no local weights exist.
  case allWeightsZero(node: String)
  /// An AHP node has no matrix, or the matrix order does not name the node's children.
  case ahpMismatch(node: String, detail: String)
  /// A node weighted by a data-driven method (entropy, critic, std-dev) has a group child.
  case dataDrivenOverGroup(node: String, method: String, child: String)
  /// A tie-break or group key names nothing in the spec.
  case unknownKey(kind: String, key: String)

  public var description: String {
    switch self {
    case .columnNotNumeric(let c, let col):
      return "criterion '\(c)': column '\(col)' is absent or not numeric"
    case .allMissing(let c, let col):
      return "criterion '\(c)': every value of column '\(col)' is missing"
    case .domain(let c, let m, let req, let v):
      return "criterion '\(c)': \(m) normalisation needs \(req), found \(formatValue(v))"
    case .invalidWeight(let n, let child, let v):
      return "node '\(nodeName(n))': weight of '\(child)' must be finite and ≥ 0, found \(formatValue(v))"
    case .allWeightsZero(let n):
      return "node '\(nodeName(n))': every child weight is 0"
    case .ahpMismatch(let n, let d):
      return "node '\(nodeName(n))': AHP \(d)"
    case .dataDrivenOverGroup(let n, let m, let child):
      return "node '\(nodeName(n))': \(m) weighting needs criteria as children, found group '\(child)'"
    case .unknownKey(let kind, let key):
      return "unknown \(kind) '\(key)'"
    }
  }
}

private func nodeName(_ key: String) -> String { key.isEmpty ? "(root)" : key }

private func formatValue(_ x: Double) -> String {
  if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
  return "\(x)"
}
