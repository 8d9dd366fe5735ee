import Model

/// The static type of an expression operand, for load-time checks.
enum ExprType: Sendable, Hashable {
  case number, string, bool, list, unknown

  var noun: String {
    switch self {
    case .number: return "a number"
    case .string: return "a string"
    case .bool: return "a condition"
    case .list: return "a list"
    case .unknown: return "a value"
    }
  }
}

/// The names an expression may read, with their types and a phrase for messages.
struct ExprScope: Sendable {
  var names: [String: (type: ExprType, what: String)] = [:]
  /// Names that exist but are not allowed here, with the reason.
  var forbidden: [String: String] = [:]

  /// Columns, `score`, `raw`, `rank`, `stars`, `group.KEY`, `criterion.KEY`: every `Ref`
  /// but `selected`/`eligible`, which each programme adds for the ones after it (`add`).
  init(columns: [ColumnSpec], groups: [GroupSpec], criteria: [CriterionSpec]) {
    let keys = criteria.map(\.key)
    var refs: [Ref] = [.score, .raw, .rank, .stars]
    refs += groups.map { .group($0.key) }
    refs += criteria.indices.map { .criterion($0) }
    refs += columns.map { .column($0.key) }
    for r in refs { add(r, criteria: keys, programmes: [], columns: columns) }
  }

  /// Declares the name of `r` with its type.
  mutating func add(_ r: Ref, criteria: [String], programmes: [String], columns: [ColumnSpec]) {
    let name = r.spelling(criteria: criteria, programmes: programmes)
    switch r {
    case .score, .raw, .rank, .stars, .group, .criterion: names[name] = (.number, name)
    case .selected, .eligible: names[name] = (.bool, name)
    case .column(let key):
      guard let c = columns.first(where: { $0.key == key }) else { return }
      let type: ExprType
      switch c.type {
      case .number, .integer: type = .number
      case .bool: type = .bool
      case .uscc, .text, .category: type = .string
      }
      names[name] = (type, "\(c.type.rawValue) column \(key)")
    }
  }
}

extension SpecDecoder {
  /// Parses and checks the expression at `t[key]`: syntax (with file column), names, types.
  mutating func expression(_ t: [String: TOMLNode], _ key: String, _ path: String, scope: ExprScope) -> (Expr, String)? {
    guard let text = string(t, key, path) else { return nil }
    let p = Self.join(path, key)
    switch ExprParser.parse(text) {
    case .failure(let e):
      let at = index.position(of: e.column - 1, inString: p)
      log.append(Diagnostic(file: source, line: at?.line ?? index.line(p), column: at.map { String($0.column) }, keyPath: p, message: e.text))
      return nil
    case .success(let expr):
      let before = log.errorCount
      checkNames(text, p, scope: scope)
      if log.errorCount == before {
        let type = typeOf(expr, p, scope: scope)
        requireCondition(expr, type, p)
      }
      return log.errorCount == before ? (expr, text) : nil
    }
  }

  private mutating func checkNames(_ text: String, _ p: String, scope: ExprScope) {
    let known = scope.names.keys.sorted()
    var reported: Set<String> = []
    for (name, offset) in ExprParser.nameOffsets(text) where scope.names[name] == nil && reported.insert(name).inserted {
      let at = index.position(of: offset, inString: p)
      let message: Message
      if let reason = scope.forbidden[name] {
        message = Message("\"\(name)\" \(reason)")
      } else {
        let close = Suggestion.closest(to: name, in: known)
        message = Message(
          zh: "未知的名称 \"\(name)\"\(close.map { "（是否应为 \"\($0)\"？）" } ?? "")",
          en: "unknown name \"\(name)\"\(Suggestion.hint(name, known))")
      }
      log.append(Diagnostic(file: source, line: at?.line ?? index.line(p), column: at.map { String($0.column) }, keyPath: p, message: message))
    }
  }

  private func describe(_ e: Expr, _ scope: ExprScope) -> String {
    switch e {
    case .name(let n): return scope.names[n]?.what ?? n
    case .number, .string: return "the \(e.description.first == "\"" ? "string" : "number") \(e)"
    case .bool(let b): return b ? "true" : "false"
    default: return "(\(e))"
    }
  }

  private mutating func requireCondition(_ e: Expr, _ type: ExprType, _ p: String) {
    if type != .bool, type != .unknown {
      error(p, "\(e) is \(type.noun), not a condition; compare it (e.g. \(e) >= 60) or combine conditions")
    }
  }

  /// The type of `e`, recording obvious type errors.
  private mutating func typeOf(_ e: Expr, _ p: String, scope: ExprScope) -> ExprType {
    switch e {
    case .number: return .number
    case .string: return .string
    case .bool: return .bool
    case .list: return .list
    case .name(let n): return scope.names[n]?.type ?? .unknown
    case .not(let a):
      requireCondition(a, typeOf(a, p, scope: scope), p)
      return .bool
    case .and(let a, let b), .or(let a, let b):
      requireCondition(a, typeOf(a, p, scope: scope), p)
      requireCondition(b, typeOf(b, p, scope: scope), p)
      return .bool
    case .compare(let a, let op, let b):
      let ta = typeOf(a, p, scope: scope)
      let tb = typeOf(b, p, scope: scope)
      if ta == .list || tb == .list {
        error(p, Message(zh: "\(e)：列表只能跟在 'in' 之后", en: "\(e): a list can only follow 'in'"))
      } else if ta != .unknown, tb != .unknown, ta != tb {
        error(p, "\(e) compares \(describe(a, scope)) with \(describe(b, scope))")
      } else if ta == .bool || tb == .bool, op != .eq, op != .ne {
        error(p, Message(zh: "\(e) 对条件比较大小；请用 == 或 !=", en: "\(e) orders conditions; use == or !="))
      }
      return .bool
    case .member(let a, let items, _):
      let ta = typeOf(a, p, scope: scope)
      for item in items {
        let ti = typeOf(item, p, scope: scope)
        if ti == .list {
          error(p, "\(e): lists cannot be nested")
        } else if ta != .unknown, ti != .unknown, ta != ti {
          error(p, "\(e) compares \(describe(a, scope)) with \(describe(item, scope))")
        }
      }
      return .bool
    }
  }
}
