import Model

extension SpecDecoder {
  static let groupKeys = ["label", "parent", "weight", "weighting", "normalise", "ahp"]
  static let criterionKeys = [
    "column", "label", "direction", "group", "weight", "normalise", "goalposts", "target", "winsorise", "missing",
  ]

  /// `[groups.KEY]`, in file order. Parents are checked in `checkTree`.
  mutating func decodeGroups(_ node: TOMLNode?, rootMethod: WeightingMethod) -> [GroupSpec] {
    guard let all = anyTable(node, "groups") else { return [] }
    var groups: [GroupSpec] = []
    for key in ordered(all, "groups") {
      let path = "groups." + key
      guard let t = table(all[key], path, allowed: Self.groupKeys) else { continue }
      let label = string(t, "label", path)
      let parent = string(t, "parent", path)
      let weight = number(t, "weight", path, expected: "a number ≥ 0", valid: { $0 >= 0 })
      let weighting = decodeNodeWeighting(t, path, inherited: rootMethod)
      groups.append(GroupSpec(key: key, label: label, parent: parent, weight: weight, weighting: weighting))
    }
    return groups
  }

  /// `[criteria.KEY]`, in file order.
  mutating func decodeCriteria(_ node: TOMLNode?, columns: [ColumnSpec], groups: [GroupSpec]) -> [CriterionSpec] {
    guard let node else {
      error("criteria", Message(zh: "缺少必需的表 [criteria]", en: "required table [criteria] is missing"))
      return []
    }
    guard let all = anyTable(node, "criteria") else { return [] }
    var criteria: [CriterionSpec] = []
    for key in ordered(all, "criteria") {
      let path = "criteria." + key
      guard let t = table(all[key], path, allowed: Self.criterionKeys) else { continue }
      if groups.contains(where: { $0.key == key }) {
        error(
          path,
          Message(
            zh: "指标键 \"\(key)\" 也是分组键；指标和分组共用一个命名空间",
            en: "criterion key \"\(key)\" is also a group key; criteria and groups share one namespace"))
      }
      let columnKey = string(t, "column", path, required: true)
      let column = columnKey.flatMap { k in columns.first { $0.key == k } }
      if let columnKey, column == nil, !columns.isEmpty {
        unknownColumn(path + ".column", columnKey, columns)
      }
      if let column, column.type != .number, column.type != .integer, !untypedColumns.contains(column.key) {
        error(
          path + ".column",
          Message(
            zh: "列 \"\(column.key)\" 的类型为 \(column.type.rawValue)；指标需要 number 或 integer 列",
            en: "column \"\(column.key)\" has type \(column.type.rawValue); a criterion needs a number or integer column"))
      }
      let label = string(t, "label", path)
      let direction = choice(t, "direction", path, noun: "direction", as: Direction.self) ?? .benefit
      let group = string(t, "group", path)
      if let group, !groups.contains(where: { $0.key == group }) {
        let keys = groups.map(\.key)
        error(path + ".group", Self.unknownName(group, keys, Message(zh: "分组", en: "group"), Message(zh: "已声明的分组", en: "declared groups")))
      }
      let weight = number(t, "weight", path, expected: "a number ≥ 0", valid: { $0 >= 0 })
      let normalisation = decodeNormalisation(t, path)
      let winsorise = pair(t, "winsorise", path, expected: "[low, high] quantiles with 0 ≤ low < high ≤ 1", valid: { (0...1).contains($0) })
      let missingPolicy = choice(t, "missing", path, noun: "missing policy", as: MissingPolicy.self)
      if (missingPolicy ?? column?.missing) == .allow {
        let at = missingPolicy != nil ? path + ".missing" : path + ".column"
        error(
          at,
          Message(
            zh: "指标不能使用缺失策略 \"allow\"；请用 reject、worst、mean、median、zero 或 exclude",
            en: "missing policy \"allow\" cannot be used by a criterion; use reject, worst, mean, median, zero or exclude"))
      }
      criteria.append(
        CriterionSpec(
          key: key, label: label ?? column?.label, column: columnKey ?? "", direction: direction,
          normalisation: normalisation, group: group, weight: weight, winsorise: winsorise, missing: missingPolicy,
          explicitNormalisation: t["normalise"] != nil))
    }
    if criteria.isEmpty { error("criteria", Message(zh: "没有声明任何指标", en: "no criteria are declared")) }
    return criteria
  }

  /// `normalise` with its parameters (`goalposts`, `target`).
  mutating func decodeNormalisation(_ t: [String: TOMLNode], _ path: String) -> Normalisation {
    let name = choice(t, "normalise", path, noun: "normalisation", allowed: Normalisation.names) ?? "min-max"
    let goalposts = pair(t, "goalposts", path)
    let target = number(t, "target", path)
    if t["goalposts"] != nil, name != "goalposts" {
      error(path + ".goalposts", Message(zh: "goalposts 只在 normalise = \"goalposts\" 时适用，此处为 \"\(name)\"", en: "goalposts apply only with normalise = \"goalposts\", not \"\(name)\""))
    }
    if t["target"] != nil, name != "target" {
      error(path + ".target", Message(zh: "target 只在 normalise = \"target\" 时适用，此处为 \"\(name)\"", en: "target applies only with normalise = \"target\", not \"\(name)\""))
    }
    switch name {
    case "z-score": return .zScore
    case "vector": return .vector
    case "sum": return .sum
    case "max": return .max
    case "rank": return .rank
    case "goalposts":
      if t["goalposts"] == nil { error(path + ".goalposts", Message(zh: "normalise = \"goalposts\" 时必需", en: "required with normalise = \"goalposts\"")) }
      return .goalposts(low: goalposts?.lowerBound ?? 0, high: goalposts?.upperBound ?? 1)
    case "target":
      if t["target"] == nil { error(path + ".target", Message(zh: "normalise = \"target\" 时必需", en: "required with normalise = \"target\"")) }
      return .target(target ?? 0)
    default: return .minMax
    }
  }

  /// The deepest nesting of groups accepted (a group without `parent` is at depth 1;
  /// docs/criteria.md, "Limits"). The weight checks, the scorer and the reports walk the
  /// tree recursively.
  static let maxGroupDepth = 32

  /// Checks the tree: parents exist, no cycles, no empty group, at most `maxGroupDepth`
  /// levels. Returns the children of each node (`""` = root) in file order: criteria and
  /// groups interleaved by their position. Linear in the number of groups and criteria.
  mutating func checkTree(groups: [GroupSpec], criteria: [CriterionSpec]) -> [String: [String]] {
    let groupKeys = groups.map(\.key)
    let groupSet = Set(groupKeys)
    var children: [String: [(rank: Int, key: String)]] = [:]
    for g in groups {
      var parent = g.parent ?? ""
      if let p = g.parent, !groupSet.contains(p) {
        error(
          "groups.\(g.key).parent",
          Message(zh: "未知的分组 \"\(p)\"", en: "unknown group \"\(p)\"") + Suggestion.hintText(p, groupKeys)
            + Message(zh: "；已声明的分组：\(groupKeys.joined(separator: ", "))", en: "; declared groups: \(groupKeys.joined(separator: ", "))"))
        parent = ""
      }
      children[parent, default: []].append((index.rank("groups." + g.key), g.key))
    }
    for c in criteria {
      let parent = c.group.flatMap { groupSet.contains($0) ? $0 : nil } ?? ""
      children[parent, default: []].append((index.rank("criteria." + c.key), c.key))
    }
    for g in groups where children[g.key] == nil {
      error("groups." + g.key, Message(zh: "分组 \"\(g.key)\" 中没有指标或分组", en: "group \"\(g.key)\" has no criteria or groups in it"))
    }
    // Cycles: follow parents from every group in file order; meeting a group of the current
    // walk again closes a loop. A group whose walk has ended is never walked again.
    let parentOf = Dictionary(groups.map { ($0.key, $0.parent) }, uniquingKeysWith: { a, _ in a })
    var inCycle: Set<String> = []
    var finished: Set<String> = []
    for g in groups where !finished.contains(g.key) {
      var seen: [String] = [g.key]
      var position: [String: Int] = [g.key: 0]
      var current = g.parent
      while let p = current, groupSet.contains(p), !finished.contains(p) {
        if let start = position[p] {
          let cycle = Array(seen[start...])
          inCycle.formUnion(cycle)
          error("groups.\(cycle[0]).parent", Message(zh: "分组构成循环：\((cycle + [p]).joined(separator: " → "))", en: "groups form a cycle: \((cycle + [p]).joined(separator: " → "))"))
          break
        }
        position[p] = seen.count
        seen.append(p)
        current = parentOf[p] ?? nil
      }
      finished.formUnion(seen)
    }
    checkGroupDepth(groups: groups, parentOf: parentOf, groupSet: groupSet, inCycle: inCycle)
    // A cycle has no path to the root: leave its nodes out of the weight checks.
    for key in inCycle { children[key] = nil }
    return children.mapValues { $0.sorted { $0.rank < $1.rank }.map(\.key) }
  }

  /// Reports the first group (in file order) nested deeper than `maxGroupDepth`; groups in a
  /// cycle are left out. Each group's depth is computed once (memoised walk up).
  mutating func checkGroupDepth(groups: [GroupSpec], parentOf: [String: String?], groupSet: Set<String>, inCycle: Set<String>) {
    var depthOf: [String: Int] = [:]
    for g in groups where !inCycle.contains(g.key) {
      var chain: [String] = []
      var current: String? = g.key
      var base = 0
      while let k = current, groupSet.contains(k), !inCycle.contains(k) {
        if let known = depthOf[k] {
          base = known
          break
        }
        chain.append(k)
        current = parentOf[k] ?? nil
      }
      for (i, k) in chain.reversed().enumerated() { depthOf[k] = base + i + 1 }
      if let d = depthOf[g.key], d > Self.maxGroupDepth {
        error("groups.\(g.key).parent", Message(zh: "分组在此嵌套 \(d) 层；最多允许 \(Self.maxGroupDepth) 层", en: "groups nest \(d) levels deep here; at most \(Self.maxGroupDepth) levels are allowed"))
        return
      }
    }
  }
}
