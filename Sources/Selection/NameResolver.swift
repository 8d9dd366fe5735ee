import Criteria
import Model
import Scoring

/// Resolves the names one expression reads, compiled once per programme.
///
/// `RowContext.value(_:row:)` looks every name up by string (a `switch`, prefix tests
/// and a dictionary probe) each time it is asked. Selection asks it for every ranked
/// row of every programme, so the names an expression reads are bound here once to
/// the arrays that hold them, and a row lookup is a short scan over those few names
/// followed by an array read. It adds `selected.PROG` and `eligible.PROG` for the
/// programmes decided before this one. Values are the ones `RowContext` gives
/// (same arithmetic); names it does not bind fall back to `RowContext`.
struct NameResolver {
  /// Where one name's value is read from.
  enum Source {
    case numbers([Double], missing: [Bool])
    /// Score, raw, group scores: never missing.
    case doubles([Double])
    /// `criterion.KEY`: lower + value · width.
    case scaled(UnitColumn, lower: Double, width: Double)
    case category(codes: [Int32], levels: [String])
    case text(TextColumn)
    case bools([Bool?])
    /// `rank`: missing when 0.
    case rank([Int])
    case stars([Int])
    /// `selected.PROG` / `eligible.PROG`.
    case mask([Bool])
    case missing
    case fallback
  }

  private let names: [String]
  private let sources: [Source]
  private let context: RowContext

  /// Binds every name `expr` reads.
  /// - Parameter masks: `selected.KEY` / `eligible.KEY` of the programmes already decided.
  init(expr: Expr, context: RowContext, masks: [String: [Bool]]) {
    self.context = context
    var names: [String] = []
    var sources: [Source] = []
    for name in expr.names where !names.contains(name) {
      names.append(name)
      sources.append(Self.bind(name, context: context, masks: masks))
    }
    self.names = names
    self.sources = sources
  }

  /// Where `name` is read from, when the expression this resolver was built for reads it.
  func source(of name: String) -> Source? {
    names.firstIndex(of: name).map { sources[$0] }
  }

  /// The value of `name` for `row`.
  func value(_ name: String, row: Int) -> ExprValue {
    for i in names.indices where names[i] == name {
      return read(sources[i], name: name, row: row)
    }
    return context.value(name, row: row)
  }

  private func read(_ source: Source, name: String, row: Int) -> ExprValue {
    switch source {
    case .numbers(let v, let m): return m[row] ? .missing : .number(v[row])
    case .doubles(let v): return .number(v[row])
    case .scaled(let v, let lower, let width): return .number(lower + v[row] * width)
    case .category(let codes, let levels):
      let c = codes[row]
      return c < 0 ? .missing : .string(levels[Int(c)])
    case .text(let v): return v[row].map { .string($0) } ?? .missing
    case .bools(let v): return v[row].map { .bool($0) } ?? .missing
    case .rank(let r): return r[row] > 0 ? .number(Double(r[row])) : .missing
    case .stars(let s): return .number(Double(s[row]))
    case .mask(let m): return .bool(m[row])
    case .missing: return .missing
    case .fallback: return context.value(name, row: row)
    }
  }

  private static func bind(_ name: String, context: RowContext, masks: [String: [Bool]]) -> Source {
    let evaluation = context.evaluation
    switch context.spec.ref(name) {
    case .score: return .doubles(evaluation.score)
    case .raw: return .doubles(evaluation.raw)
    case .rank: return .rank(evaluation.rank)
    case .stars: return .stars(evaluation.stars)
    case .selected, .eligible:
      // A programme not decided yet has no value: comparisons with it are false.
      return masks[name].map { .mask($0) } ?? .missing
    case .group(let key): return evaluation.groupScores[key].map { .doubles($0) } ?? .missing
    case .criterion(let j):
      let s = context.spec.evaluation.scale
      return .scaled(evaluation.normalised[j], lower: s.lowerBound, width: s.upperBound - s.lowerBound)
    case .column(let key):
      guard let column = context.table.columns[key] else { return .missing }
      switch column {
      case .numeric(let c): return .numbers(c.values, missing: c.missing)
      case .text(let v): return .text(v)
      case .category(let c): return .category(codes: c.codes, levels: c.levels)
      case .bool(let v): return .bools(v)
      }
    case nil: return .fallback
    }
  }
}
