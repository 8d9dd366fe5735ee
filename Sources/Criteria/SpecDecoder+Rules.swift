import Model

extension SpecDecoder {
  static let aggregationKeys = ["method", "v", "floor"]
  static let rankingKeys = ["precision", "tie_break"]
  static let starsKeys = ["cumulative", "level"]
  static let starLevelKeys = ["stars", "label", "min_score", "require"]

  /// `[aggregation]`.
  mutating func decodeAggregation(_ node: TOMLNode?) -> AggregationSpec {
    let path = "aggregation"
    guard let t = table(node, path, allowed: Self.aggregationKeys) else { return AggregationSpec() }
    let name = choice(t, "method", path, noun: "aggregation method", allowed: AggregationMethod.names) ?? "weighted-sum"
    let v = number(t, "v", path, expected: "a number in [0, 1]", valid: AggregationMethod.isValidV) ?? 0.5
    let floor = number(t, "floor", path, expected: "a number in (0, 1]", valid: AggregationMethod.isValidFloor) ?? 0.01
    return AggregationSpec(method: Self.aggregation(name, v: v, floor: floor) ?? .weightedSum)
  }

  static func aggregation(_ name: String, v: Double, floor: Double) -> AggregationMethod? {
    switch name {
    case "weighted-sum": return .weightedSum
    case "weighted-product": return .weightedProduct(floor: floor)
    case "topsis": return .topsis
    case "vikor": return .vikor(v: v)
    default: return nil
    }
  }

  /// `[ranking]`, with `tie_break` entries parsed into `TieBreakKey`s.
  mutating func decodeRanking(_ node: TOMLNode?, columns: [ColumnSpec], groups: [GroupSpec], criteria: [CriterionSpec]) -> RankingSpec {
    let path = "ranking"
    guard let t = table(node, path, allowed: Self.rankingKeys) else { return RankingSpec() }
    var spec = RankingSpec()
    if let p = number(t, "precision", path, expected: "a number ≥ 0", valid: { $0 >= 0 }) { spec.precision = p }
    for (i, entry) in (strings(t, "tie_break", path) ?? []).enumerated() {
      let p = "\(path).tie_break[\(i)]"
      let words = entry.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
      let parts = words.first?.split(separator: ":", maxSplits: 1).map(String.init) ?? []
      let order = words.count == 2 ? words[1] : "desc"
      guard (1...2).contains(words.count), parts.count == 2, ["asc", "desc"].contains(order) else {
        error(p, Message(zh: "无法读取并列排序规则 \"\(entry)\"；应为 \"group:KEY\"、\"criterion:KEY\" 或 \"column:KEY\"，后面可跟 asc 或 desc", en: "cannot read tie-break \"\(entry)\"; expected \"group:KEY\", \"criterion:KEY\" or \"column:KEY\", optionally followed by asc or desc"))
        continue
      }
      let (kind, key) = (parts[0], parts[1])
      let descending = order == "desc"
      switch kind {
      case "group":
        guard groups.contains(where: { $0.key == key }) else {
          unknownKey(p, "group", key, groups.map(\.key))
          continue
        }
        spec.tieBreak.append(.group(key, descending: descending))
      case "criterion":
        guard criteria.contains(where: { $0.key == key }) else {
          unknownKey(p, "criterion", key, criteria.map(\.key))
          continue
        }
        spec.tieBreak.append(.criterion(key, descending: descending))
      case "column":
        guard let c = columns.first(where: { $0.key == key }) else {
          unknownKey(p, "column", key, columns.map(\.key))
          continue
        }
        guard [.number, .integer, .bool].contains(c.type) else {
          error(p, Message(zh: "列 \"\(key)\" 的类型为 \(c.type.rawValue)；并列排序列必须是 number、integer 或 bool", en: "column \"\(key)\" has type \(c.type.rawValue); a tie-break column must be number, integer or bool"))
          continue
        }
        spec.tieBreak.append(.column(key, descending: descending))
      default:
        error(
          p,
          Message(zh: "未知的并列处理类型 \"\(kind)\"", en: "unknown tie-break kind \"\(kind)\"")
            + Suggestion.hintText(kind, ["group", "criterion", "column"])
            + Message(zh: "；可选：group, criterion, column", en: "; allowed: group, criterion, column"))
      }
    }
    return spec
  }

  mutating func unknownKey(_ path: String, _ noun: String, _ key: String, _ known: [String]) {
    let close = Suggestion.closest(to: key, in: known)
    let list = known.isEmpty ? "none" : known.joined(separator: ", ")
    error(
      path,
      Message(
        zh: "未知的\(CriteriaPhrases.zh(noun)) \"\(key)\"\(close.map { "（是否应为 \"\($0)\"？）" } ?? "")；已声明：\(known.isEmpty ? "无" : list)",
        en: "unknown \(noun) \"\(key)\"\(Suggestion.hint(key, known)); declared: \(list)"))
  }

  /// `[stars]` and `[[stars.level]]`. `scope` excludes `stars`, `rank` and programme names.
  mutating func decodeStars(_ node: TOMLNode?, scale: ClosedRange<Double>, scope: ExprScope) -> StarSpec {
    let path = "stars"
    guard let t = table(node, path, allowed: Self.starsKeys) else { return StarSpec() }
    let cumulative = bool(t, "cumulative", path) ?? true
    var levels: [(level: StarLevel, path: String)] = []
    if let levelNode = t["level"] {
      guard case .array(let items) = levelNode else {
        typeError(path + ".level", expected: "an array of tables ([[stars.level]])", levelNode)
        return StarSpec(cumulative: cumulative)
      }
      for (i, item) in items.enumerated() {
        let p = "\(path).level[\(i)]"
        guard let lt = table(item, p, allowed: Self.starLevelKeys) else { continue }
        let stars = integer(lt, "stars", p, required: true, expected: "an integer 1…5", valid: { (1...5).contains($0) })
        let label = string(lt, "label", p)
        let minScore = number(
          lt, "min_score", p, required: true, expected: "a score on the scale \(formatNumber(scale.lowerBound))…\(formatNumber(scale.upperBound))",
          valid: { scale.contains($0) })
        let require = expression(lt, "require", p, scope: scope)
        guard let stars, let minScore else { continue }
        if let other = levels.first(where: { $0.level.stars == stars }) {
          error(p + ".stars", Message(zh: "\(stars) 星已在 \(other.path) 定义", en: "\(stars) stars is already defined at \(other.path)"))
          continue
        }
        levels.append((StarLevel(stars: stars, label: label, minScore: minScore, require: require?.0, requireText: require?.1), p))
      }
    }
    let sorted = levels.sorted { $0.level.stars < $1.level.stars }
    for (lower, higher) in zip(sorted, sorted.dropFirst()) where higher.level.minScore < lower.level.minScore {
      error(
        higher.path + ".min_score",
        Message(
          zh: "\(higher.level.stars) 星的 min_score \(formatNumber(higher.level.minScore)) 低于 \(lower.level.stars) 星的 min_score \(formatNumber(lower.level.minScore))；更高星级至少需要相同的分数",
          en: "min_score \(formatNumber(higher.level.minScore)) of \(higher.level.stars) stars is below min_score \(formatNumber(lower.level.minScore)) of \(lower.level.stars) stars; a higher level needs at least the same score"))
    }
    return StarSpec(levels: sorted.map(\.level), cumulative: cumulative)
  }
}
