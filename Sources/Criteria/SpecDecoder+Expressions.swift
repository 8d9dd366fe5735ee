import Model

/// The static type of an expression operand, for load-time checks.
enum ExprType: Sendable, Hashable {
  case number, string, bool, list, unknown

  var noun: Message {
    switch self {
    case .number: return Message(zh: "数值", en: "a number")
    case .string: return Message(zh: "字符串", en: "a string")
    case .bool: return Message(zh: "条件", en: "a condition")
    case .list: return Message(zh: "列表", en: "a list")
    case .unknown: return Message(zh: "值", en: "a value")
    }
  }
}

/// The names an expression may read, with their types and a phrase for messages.
struct ExprScope: Sendable {
  var names: [String: (type: ExprType, what: Message)] = [:]
  /// Names that exist but are not allowed here, with the reason.
  var forbidden: [String: Message] = [:]

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
    case .score, .raw, .rank, .stars, .group, .criterion: names[name] = (.number, Message(zh: name, en: name))
    case .selected, .eligible: names[name] = (.bool, Message(zh: name, en: name))
    case .column(let key):
      guard let c = columns.first(where: { $0.key == key }) else { return }
      let type: ExprType
      switch c.type {
      case .number, .integer: type = .number
      case .bool: type = .bool
      case .uscc, .text, .category: type = .string
      }
      names[name] = (type, Message(zh: "\(c.type.rawValue) 类型的列 \(key)", en: "\(c.type.rawValue) column \(key)"))
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
        message = Message(zh: "\"\(name)\" ", en: "\"\(name)\" ") + reason
      } else {
        let close = Suggestion.closest(to: name, in: known)
        message = Message(
          zh: "未知的名称 \"\(name)\"\(close.map { "（是否应为 \"\($0)\"？）" } ?? "")",
          en: "unknown name \"\(name)\"\(Suggestion.hint(name, known))")
      }
      log.append(Diagnostic(file: source, line: at?.line ?? index.line(p), column: at.map { String($0.column) }, keyPath: p, message: message))
    }
  }

  private func describe(_ e: Expr, _ scope: ExprScope) -> Message {
    switch e {
    case .name(let n): return scope.names[n]?.what ?? Message(zh: n, en: n)
    case .number: return Message(zh: "数值 \(e)", en: "the number \(e)")
    case .string: return Message(zh: "字符串 \(e)", en: "the string \(e)")
    case .bool(let b): return Message(zh: b ? "true" : "false", en: b ? "true" : "false")
    default: return Message(zh: "(\(e))", en: "(\(e))")
    }
  }

  /// `E compares A with B`.
  private func compares(_ e: Expr, _ a: Expr, _ b: Expr, _ scope: ExprScope) -> Message {
    let da = describe(a, scope)
    let db = describe(b, scope)
    return Message(zh: "\(e) 将 \(da.zh) 与 \(db.zh) 相比较（类型不同）", en: "\(e) compares \(da.en) with \(db.en)")
  }

  private mutating func requireCondition(_ e: Expr, _ type: ExprType, _ p: String) {
    if type != .bool, type != .unknown {
      error(
        p,
        Message(
          zh: "\(e) 是\(type.noun.zh)，不是条件；请对它作比较（如 \(e) >= 60）或组合条件",
          en: "\(e) is \(type.noun.en), not a condition; compare it (e.g. \(e) >= 60) or combine conditions"))
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
        error(p, compares(e, a, b, scope))
      } else if ta == .bool || tb == .bool, op != .eq, op != .ne {
        error(p, Message(zh: "\(e) 对条件比较大小；请用 == 或 !=", en: "\(e) orders conditions; use == or !="))
      }
      return .bool
    case .member(let a, let items, _):
      let ta = typeOf(a, p, scope: scope)
      for item in items {
        let ti = typeOf(item, p, scope: scope)
        if ti == .list {
          error(p, Message(zh: "\(e)：列表不能嵌套", en: "\(e): lists cannot be nested"))
        } else if ta != .unknown, ti != .unknown, ta != ti {
          error(p, compares(e, a, item, scope))
        }
      }
      return .bool
    }
  }
}
