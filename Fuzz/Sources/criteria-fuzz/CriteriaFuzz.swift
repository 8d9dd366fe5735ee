import Criteria
import Model

/// A small valid criteria file; mode 1 puts the input into its `eligible` expression.
let baseCriteria = """
  [evaluation]
  name = "t"
  year = 2022
  id = "id"
  label = "name"
  scale = [0, 100]
  [columns.id]
  header = ["id"]
  type = "uscc"
  [columns.name]
  header = ["name"]
  type = "text"
  [columns.x]
  header = ["x"]
  type = "number"
  [columns.kind]
  header = ["kind"]
  type = "category"
  values = ["a", "b"]
  [weighting]
  method = "direct"
  [criteria.x]
  column = "x"
  weight = 1
  [programmes.p]
  name = "P"
  level = "local"
  quota = 5
  eligible = "ELIGIBLE"

  """

/// What a load produced, for the determinism check.
func fingerprint(_ r: Result<Spec, StageFailure>) -> String {
  switch r {
  case .success(let spec): return "ok \(spec.criteria.count) \(spec.groups.count) \(spec.programmes.count)"
  case .failure(let f): return "\(f.kind) " + f.diagnostics.diagnostics.map(\.description).joined(separator: "\n")
  }
}

/// Byte 0 picks the mode: even → the rest is a whole criteria file; odd → the rest is a rule
/// expression, parsed on its own and as the `eligible` of a valid file.
/// Checks: no crash, stack overflow or hang (ASan, libFuzzer's timeout); loading the same
/// text twice gives the same result; an expression that parses parses again to the same tree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
  if data[0] & 1 == 0 {
    let a = CriteriaLoader.parse(text, source: "f.toml")
    precondition(fingerprint(a) == fingerprint(CriteriaLoader.parse(text, source: "f.toml")), "loading is not deterministic")
  } else {
    let parsed = ExprParser.parse(text)
    if case .success(let e) = parsed, case .success(let again) = ExprParser.parse(text) {
      precondition(e == again, "parsing is not deterministic")
    }
    var escaped = ""
    for ch in text.unicodeScalars {
      switch ch {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      default: escaped.unicodeScalars.append(ch)
      }
    }
    _ = CriteriaLoader.parse(baseCriteria.replacingOccurrences(of: "ELIGIBLE", with: escaped), source: "f.toml")
  }
  return 0
}

extension String {
  /// Foundation-free replacement of every `target` by `replacement`.
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    var out = ""
    var rest = Substring(self)
    while let r = rest.firstRange(of: target) {
      out += rest[..<r.lowerBound] + replacement
      rest = rest[r.upperBound...]
    }
    return out + rest
  }
}
