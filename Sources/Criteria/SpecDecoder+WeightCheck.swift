import Model

extension SpecDecoder {
  /// Checks the weighting of every node of the tree (root = `""`):
  /// - `direct`: every child has a `weight`; they sum to 1 (±1e-9) unless `normalise`;
  /// - `ahp`: an `ahp` table whose `order` is exactly the node's children;
  /// - `entropy`, `critic`, `std-dev`: every child is a criterion.
  mutating func checkWeights(
    root: WeightingSpec, groups: [GroupSpec], criteria: [CriterionSpec], children: [String: [String]]
  ) {
    let weightOf = Dictionary(
      groups.map { ("groups." + $0.key, $0.weight) } + criteria.map { ("criteria." + $0.key, $0.weight) },
      uniquingKeysWith: { a, _ in a })
    let groupKeys = Set(groups.map(\.key))
    var nodes: [(key: String, path: String, name: String, spec: WeightingSpec, ownSpec: Bool)] = [
      ("", "weighting", "the root", root, true)
    ]
    for g in groups {
      nodes.append((g.key, "groups." + g.key, "group \"\(g.key)\"", g.weighting ?? WeightingSpec(method: root.method), g.weighting != nil))
    }
    for node in nodes {
      let kids = children[node.key] ?? []
      guard !kids.isEmpty else { continue }
      let paths = kids.map { groupKeys.contains($0) ? "groups." + $0 : "criteria." + $0 }
      switch node.spec.method {
      case .direct:
        var sum = 0.0
        var complete = true
        for p in paths {
          guard let w = weightOf[p] ?? nil else {
            complete = false
            if reported.contains(p + ".weight") { continue }
            error(
              p + ".weight",
              Message(zh: "必需：\(CriteriaPhrases.node(node.name)) 的下级采用直接赋权（direct）", en: "required: the children of \(node.name) are weighted direct"))
            continue
          }
          sum += w
        }
        guard complete else { continue }
        let listing = zip(kids, paths).map { "\($0) \(formatNumber((weightOf[$1] ?? nil) ?? 0))" }.joined(separator: " + ")
        if node.spec.normalise {
          if !sum.isFinite {
            error(
              node.path,
              Message(
                zh: "\(CriteriaPhrases.node(node.name)) 下级的权重之和超出最大数值（\(listing)）；请按比例缩小",
                en: "the weights of \(node.name)'s children sum beyond the largest number (\(listing)); scale them down"))
          } else if sum <= 0 { error(
              node.path,
              Message(zh: "\(CriteriaPhrases.node(node.name)) 下级的权重之和为 0（\(listing)）；无法归一", en: "the weights of \(node.name)'s children sum to 0 (\(listing)); cannot rescale")) }
        } else if abs(sum - 1) > Self.weightSumTolerance {
          error(
            node.path,
            Message(
              zh: "\(CriteriaPhrases.node(node.name)) 下级的权重之和为 \(Self.short(sum))，不是 1（\(listing)）；请修改权重或设置 normalise = true",
              en: "the weights of \(node.name)'s children sum to \(Self.short(sum)), not 1 (\(listing)); fix them or set normalise = true"),
            line: index.line(node.path) == 0 ? index.line(paths[0]) : nil)
        }
      case .ahp:
        guard let ahp = node.spec.ahp else {
          if invalidAHP.contains(node.path + ".ahp") { continue }
          error(
            node.path + ".ahp",
            Message(
              zh: "必需：\(CriteriaPhrases.node(node.name)) 采用 AHP 赋权\(node.ownSpec ? "" : "（继承自 [weighting]）")",
              en: "required: \(node.name) is weighted ahp\(node.ownSpec ? "" : " (inherited from [weighting])")"))
          continue
        }
        let missingKids = kids.filter { !ahp.order.contains($0) }
        let extra = ahp.order.filter { !kids.contains($0) }
        if !missingKids.isEmpty || !extra.isEmpty {
          var parts: [Message] = []
          if !missingKids.isEmpty {
            parts.append(Message(zh: "缺少 " + missingKids.joined(separator: ", "), en: "missing " + missingKids.joined(separator: ", ")))
          }
          if !extra.isEmpty {
            parts.append(Message(zh: "不是子节点：" + extra.joined(separator: ", "), en: "not children: " + extra.joined(separator: ", ")))
          }
          let list = Message.joined(parts, separator: Message(zh: "；", en: "; "))
          error(
            node.path + ".ahp.order",
            Message(
              zh: "order 必须恰好列出\(CriteriaPhrases.node(node.name))的子节点（\(kids.joined(separator: ", "))）：\(list.zh)",
              en: "order must list exactly the children of \(node.name) (\(kids.joined(separator: ", "))): \(list.en)"))
        }
      case .entropy, .critic, .standardDeviation:
        let subgroups = kids.filter { groupKeys.contains($0) }
        if !subgroups.isEmpty {
          let at = node.key.isEmpty ? "weighting.method" : (node.ownSpec ? node.path + ".weighting" : node.path)
          error(
            at,
            Message(
              zh: "\(node.spec.method.rawValue) 是数据驱动的赋权方法，只能用于子节点全是指标的节点；\(CriteriaPhrases.node(node.name))含有分组：\(subgroups.joined(separator: ", "))",
              en: "\(node.spec.method.rawValue) is data-driven and weights only a node whose children are all criteria; \(node.name) has groups: \(subgroups.joined(separator: ", "))"))
        }
      case .equal:
        break
      }
    }
  }
}
