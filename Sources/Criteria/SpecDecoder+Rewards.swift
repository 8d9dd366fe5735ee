import Model

extension SpecDecoder {
  static let rewardKeys = ["stars", "stacking", "budget", "allocation", "round_to"]
  static let uncertaintyKeys = [
    "model", "spread", "concentration", "vary", "normalisations", "aggregations", "samples", "seed", "sobol_targets",
  ]
  /// Normalisations that need no parameters, so they can be drawn as alternatives.
  static let alternativeNormalisations: [String: Normalisation] = [
    "min-max": .minMax, "z-score": .zScore, "vector": .vector, "sum": .sum, "max": .max, "rank": .rank,
  ]

  /// `[rewards]`.
  mutating func decodeRewards(_ node: TOMLNode?) -> RewardSpec {
    let path = "rewards"
    guard let t = table(node, path, allowed: Self.rewardKeys) else { return RewardSpec() }
    var spec = RewardSpec()
    if let stars = anyTable(t["stars"], path + ".stars") {
      for key in ordered(stars, path + ".stars") {
        guard let n = Int(key), (1...5).contains(n), String(n) == key else {
          error("\(path).stars.\(key)", Message(zh: "未知的星级 \"\(key)\"；可用的键：\"1\"、\"2\"、\"3\"、\"4\"、\"5\"", en: "unknown star level \"\(key)\"; allowed keys: \"1\", \"2\", \"3\", \"4\", \"5\""))
          continue
        }
        if let yuan = number(stars, key, path + ".stars", expected: "a number ≥ 0", valid: { $0 >= 0 }) { spec.byStars[n] = yuan }
      }
    }
    spec.stacking = choice(t, "stacking", path, noun: "stacking", allowed: ["sum", "max"]).flatMap(RewardSpec.Stacking.init(rawValue:)) ?? .sum
    spec.budget = number(t, "budget", path, expected: "a number ≥ 0", valid: { $0 >= 0 })
    spec.allocation = choice(t, "allocation", path, noun: "allocation", allowed: ["rank", "pro-rata"]).flatMap(RewardSpec.Allocation.init(rawValue:)) ?? .rank
    spec.roundTo = number(t, "round_to", path, expected: "a number > 0", valid: { $0 > 0 }) ?? 1
    return spec
  }

  /// `[uncertainty]`; nil when absent.
  mutating func decodeUncertainty(_ node: TOMLNode?, criteria: [CriterionSpec], aggregation: [String: TOMLNode]?) -> UncertaintySpec? {
    let path = "uncertainty"
    guard let t = table(node, path, allowed: Self.uncertaintyKeys) else { return nil }
    var spec = UncertaintySpec()
    let model = choice(t, "model", path, noun: "uncertainty model", allowed: ["uniform", "dirichlet"]) ?? "uniform"
    let spread = number(t, "spread", path, expected: "a number in (0, 1)", valid: { $0 > 0 && $0 < 1 }) ?? 0.2
    let concentration = number(t, "concentration", path, expected: "a number > 0", valid: { $0 > 0 }) ?? 100
    spec.model = model == "dirichlet" ? .dirichlet(concentration: concentration) : .uniform(spread: spread)
    let keys = criteria.map(\.key)
    let vary = strings(t, "vary", path) ?? keys
    for (i, k) in vary.enumerated() where !keys.contains(k) { unknownKey("\(path).vary[\(i)]", "criterion", k, keys) }
    spec.vary = vary
    for (i, name) in (strings(t, "normalisations", path) ?? []).enumerated() {
      if let n = Self.alternativeNormalisations[name] {
        spec.normalisations.append(n)
      } else {
        let allowed = Normalisation.names.filter { Self.alternativeNormalisations[$0] != nil }
        error(
          "\(path).normalisations[\(i)]",
          Message(zh: "\"\(name)\" 不能作为备选方法抽取", en: "\"\(name)\" cannot be drawn as an alternative") + Suggestion.hintText(name, allowed)
            + Message(zh: "；可选：\(allowed.joined(separator: ", "))", en: "; allowed: \(allowed.joined(separator: ", "))"))
      }
    }
    let v = aggregation?["v"]?.number ?? 0.5
    let floor = aggregation?["floor"]?.number ?? 0.01
    for (i, name) in (strings(t, "aggregations", path) ?? []).enumerated() {
      if let a = Self.aggregation(name, v: v, floor: floor) {
        spec.aggregations.append(a)
      } else {
        let names = AggregationMethod.names
        error(
          "\(path).aggregations[\(i)]",
          Message(zh: "未知的汇总方法 \"\(name)\"", en: "unknown aggregation method \"\(name)\"") + Suggestion.hintText(name, names)
            + Message(zh: "；可选：\(names.joined(separator: ", "))", en: "; allowed: \(names.joined(separator: ", "))"))
      }
    }
    spec.samples =
      integer(
        t, "samples", path, expected: "an integer from 1 to \(Self.formatCount(UncertaintySpec.maxSamples))",
        valid: { (1...UncertaintySpec.maxSamples).contains($0) }) ?? 1000
    spec.seed = integer(t, "seed", path, expected: "an integer ≥ 0", valid: { $0 >= 0 }).map { UInt64($0) } ?? 2022
    spec.sobolTargets = strings(t, "sobol_targets", path) ?? []
    return spec
  }
}
