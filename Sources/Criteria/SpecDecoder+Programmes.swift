import Model

extension SpecDecoder {
  /// The largest `quota` and `reserves` accepted (docs/criteria.md, "Limits"): far above any
  /// programme, small enough that quota + reserves and the buffers sized by them stay bounded.
  static let maxQuota = 10_000_000

  /// Each programme's shortlist file name must be unique and at most
  /// `ProgrammeSpec.maxFileNameBytes` long: found here rather than after a whole run.
  mutating func checkFileNames(_ programmes: [ProgrammeSpec]) {
    var owner: [String: String] = [:]
    for p in programmes {
      let name = ProgrammeSpec.shortlistFileName(forKey: p.key)
      if name.utf8.count > ProgrammeSpec.maxFileNameBytes {
        error(
          "programmes." + p.key,
          Message(
            zh: "键名过长，无法作为名单文件名（含 .csv 为 \(name.utf8.count) 字节；最多 \(ProgrammeSpec.maxFileNameBytes) 字节）",
            en: "the key is too long for its shortlist file name (\(name.utf8.count) bytes with .csv; at most \(ProgrammeSpec.maxFileNameBytes))"))
      } else if let other = owner[name] {
        error("programmes." + p.key, Message(zh: "项目 \"\(other)\" 和 \"\(p.key)\" 都会写入 shortlists/\(name)；请重命名其一", en: "programmes \"\(other)\" and \"\(p.key)\" would both write shortlists/\(name); rename one"))
      } else {
        owner[name] = p.key
      }
    }
  }

  /// `10000000` as `10,000,000`.
  static func formatCount(_ n: Int) -> String {
    var digits = Array(String(n))
    var i = digits.count - 3
    while i > 0 {
      digits.insert(",", at: i)
      i -= 3
    }
    return String(digits)
  }

  static let programmeKeys = [
    "name", "level", "quota", "reserves", "eligible", "from", "from_mode", "caps", "pilot_industries",
    "industry_column", "pilot_priority", "history_years", "history_names", "reward",
    "valid_years", "review_min_stars", "review_rank",
  ]

  /// `[programmes.KEY]`, in file order. `selected.P` / `eligible.P` and `from` may name
  /// only programmes declared earlier in the file.
  mutating func decodeProgrammes(_ node: TOMLNode?, columns: [ColumnSpec], scope base: ExprScope) -> [ProgrammeSpec] {
    guard let all = anyTable(node, "programmes") else { return [] }
    var programmes: [ProgrammeSpec] = []
    var scope = base
    let keys = ordered(all, "programmes")
    for key in keys {
      let path = "programmes." + key
      guard let t = table(all[key], path, allowed: Self.programmeKeys) else { continue }
      let earlier = programmes.map(\.key)
      let name = string(t, "name", path)
      let level = choice(t, "level", path, noun: "programme level", as: ProgrammeLevel.self) ?? .local
      let bounded = "an integer from 0 to \(Self.formatCount(Self.maxQuota))"
      let quota = integer(t, "quota", path, required: true, expected: bounded, valid: { (0...Self.maxQuota).contains($0) }) ?? 0
      let reserves = integer(t, "reserves", path, expected: bounded, valid: { (0...Self.maxQuota).contains($0) }) ?? 0
      let eligible = expression(t, "eligible", path, scope: scope)
      let from = string(t, "from", path)
      if let from, !earlier.contains(from) {
        if keys.contains(from) {
          error(path + ".from", Message(zh: "项目 \"\(from)\" 须在 \"\(key)\" 之前声明，才能作为其上一层级", en: "programme \"\(from)\" must be declared before \"\(key)\" to be its tier"))
        } else {
          unknownKey(path + ".from", "programme", from, earlier)
        }
      }
      let fromMode = choice(t, "from_mode", path, noun: "from_mode", allowed: ["selected", "eligible"]).flatMap(ProgrammeSpec.TierMode.init(rawValue:)) ?? .selected
      var caps: [String: Int] = [:]
      if let capTable = anyTable(t["caps"], path + ".caps") {
        for column in ordered(capTable, path + ".caps") {
          let p = path + ".caps." + column
          // Any column type: the engine groups rows by the value as displayed (docs/selection.md).
          guard columns.contains(where: { $0.key == column }) else {
            unknownColumn(p, column, columns)
            continue
          }
          if let n = integer(capTable, column, path + ".caps", expected: "an integer ≥ 0", valid: { $0 >= 0 }) { caps[column] = n }
        }
      }
      let pilots = strings(t, "pilot_industries", path) ?? []
      let industryColumn = string(t, "industry_column", path) ?? "industry"
      let priority = choice(t, "pilot_priority", path, noun: "pilot_priority", allowed: ["none", "first"]).flatMap(ProgrammeSpec.PilotPriority.init(rawValue:)) ?? .none
      if priority == .first, pilots.isEmpty {
        error(path + ".pilot_priority", Message(zh: "pilot_priority = \"first\" 需要 pilot_industries", en: "pilot_priority = \"first\" needs pilot_industries"))
      }
      if t["industry_column"] != nil || !pilots.isEmpty {
        let p = t["industry_column"] != nil ? path + ".industry_column" : path + ".pilot_industries"
        if let c = columns.first(where: { $0.key == industryColumn }) {
          if c.type != .category, c.type != .text {
            error(p, Message(zh: "行业列 \"\(industryColumn)\" 的类型为 \(c.type.rawValue)；必须是 category 或 text", en: "industry column \"\(industryColumn)\" has type \(c.type.rawValue); it must be category or text"))
          } else if let allowed = c.allowedValues {
            for industry in pilots where !allowed.contains(industry) {
              error(
                path + ".pilot_industries",
                Message(zh: "\"\(industry)\" 不是列 \"\(industryColumn)\" 的取值", en: "\"\(industry)\" is not a value of column \"\(industryColumn)\"")
                  + Suggestion.hintText(industry, allowed))
            }
          }
        } else {
          error(
            p,
            Message(zh: "行业列 \"\(industryColumn)\" 未声明", en: "industry column \"\(industryColumn)\" is not declared")
              + Suggestion.hintText(industryColumn, columns.map(\.key))
              + Message(zh: "；请设置 industry_column", en: "; set industry_column"))
        }
      }
      let historyYears = integer(t, "history_years", path, expected: "an integer ≥ 0", valid: { $0 >= 0 }) ?? 0
      let historyNames = strings(t, "history_names", path)
      let reward = number(t, "reward", path, expected: "a number ≥ 0", valid: { $0 >= 0 }) ?? 0
      programmes.append(
        ProgrammeSpec(
          key: key, name: name, level: level, quota: quota, reserves: reserves, eligible: eligible?.0,
          eligibleText: eligible?.1, from: from, fromMode: fromMode, caps: caps, pilotIndustries: pilots,
          industryColumn: industryColumn, pilotPriority: priority, historyYears: historyYears,
          historyNames: historyNames, reward: reward))
      programmes[programmes.count - 1].validYears = integer(t, "valid_years", path, expected: "an integer from 0 to 100", valid: { (0...100).contains($0) }) ?? 0
      programmes[programmes.count - 1].reviewMinStars =
        integer(t, "review_min_stars", path, expected: "an integer from 1 to 5", valid: { (1...5).contains($0) })
        ?? eligible.flatMap { Self.minimumStars(in: $0.0) }
      programmes[programmes.count - 1].reviewRank = integer(t, "review_rank", path, expected: "an integer ≥ 1", valid: { $0 >= 1 })
      let keys = programmes.map(\.key)
      scope.add(.selected(keys.count - 1), criteria: [], programmes: keys, columns: columns)
      scope.add(.eligible(keys.count - 1), criteria: [], programmes: keys, columns: columns)
    }
    checkFileNames(programmes)
    return programmes
  }

  /// The N of a `stars >= N` (or `stars > N − 1`) clause joined by `and` at the top of `e`.
  static func minimumStars(in e: Expr) -> Int? {
    switch e {
    case .and(let a, let b): return [minimumStars(in: a), minimumStars(in: b)].compactMap { $0 }.max()
    case .compare(.name("stars"), .ge, .number(let n)): return Int(n.rounded(.up))
    case .compare(.name("stars"), .gt, .number(let n)): return Int(n.rounded(.down)) + 1
    case .compare(.number(let n), .le, .name("stars")): return Int(n.rounded(.up))
    default: return nil
    }
  }
}
