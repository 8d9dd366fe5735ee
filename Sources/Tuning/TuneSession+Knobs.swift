import Criteria
import Model
import Procedure
import Reports
import Scoring
import Sensitivity

extension TuneSession {
  /// The sliders of a spec: for the root and every group weighted `direct`, the local
  /// weight of each child (groups first, then criteria, each in file order).
  static func knobs(_ spec: Spec) -> [TuneKnob] {
    // A group without weighting keys inherits `[weighting].method`, without `normalise`.
    var nodes: [(key: String, label: String, path: String, method: WeightingMethod, normalise: Bool)] = [
      ("", "", "weighting", spec.weighting.method, spec.weighting.normalise)
    ]
    for g in spec.groups {
      nodes.append((g.key, g.label, "groups." + quoted(g.key), g.weighting?.method ?? spec.weighting.method, g.weighting?.normalise ?? false))
    }
    var out: [TuneKnob] = []
    for node in nodes where node.method == .direct {
      let normalise = node.normalise ? nil : node.path + ".normalise=true"
      for g in spec.groups where (g.parent ?? "") == node.key {
        out.append(
          TuneKnob(
            path: "groups." + quoted(g.key) + ".weight", kind: "group", key: g.key, label: g.label, parent: node.key,
            parentLabel: node.label, nominal: g.weight ?? 0, normalise: normalise))
      }
      for c in spec.criteria where (c.group ?? "") == node.key {
        out.append(
          TuneKnob(
            path: "criteria." + quoted(c.key) + ".weight", kind: "criterion", key: c.key, label: c.label, parent: node.key,
            parentLabel: node.label, nominal: c.weight ?? 0, normalise: normalise))
      }
    }
    return out
  }

  /// The nodes whose children's weights the method derives (no sliders): key (root: ""), label, method.
  static func fixedNodes(_ spec: Spec) -> [(node: String, label: String, method: String)] {
    var out: [(node: String, label: String, method: String)] = []
    if spec.weighting.method != .direct { out.append(("", "", spec.weighting.method.rawValue)) }
    for g in spec.groups {
      let m = g.weighting?.method ?? spec.weighting.method
      let hasChildren = spec.groups.contains { $0.parent == g.key } || spec.criteria.contains { $0.group == g.key }
      if m != .direct, hasChildren { out.append((g.key, g.label, m.rawValue)) }
    }
    return out
  }

  /// A key as a part of a `--set` key path: bare when it can be, else quoted.
  static func quoted(_ key: String) -> String {
    let bare = !key.isEmpty && key.unicodeScalars.allSatisfy { ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    return bare ? key : "\"" + key.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
  }

  /// The knobs with their stability intervals (weighted sum only; otherwise unchanged):
  /// every programme's interval of the node's local weight ℓ (siblings rescaled
  /// proportionally, `StabilityIntervals`), intersected, then mapped onto the slider, whose
  /// value x gives ℓ = x / (x + S) for S the siblings' file weights: x = ℓ·S / (1 − ℓ).
  /// Each end names the programme whose list changes there and the two enterprises that
  /// swap. Nodes run on `threads` threads (the result does not depend on it).
  static func withStability(
    _ knobs: [TuneKnob], spec: Spec, evaluation: Evaluation, table: Table, history: [HistoryEntry], committee: Committee,
    threads: Int
  ) -> [TuneKnob] {
    // The nominal method alone: the intervals read neither `[uncertainty]`'s alternative
    // methods nor its weight model, so they are not prepared.
    guard case .weightedSum = spec.aggregation.method, !spec.programmes.isEmpty,
      let model = try? SensitivityModel(
        evaluation: evaluation, table: table, spec: spec, history: history, uncertainty: .defaults, committee: committee),
      let programmes = try? StabilityIntervals.compute(model, threads: threads)
    else { return knobs }
    let names = Dictionary(spec.programmes.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
    func end(_ programme: String, _ c: Crossing?) -> TuneKnob.BandEnd? {
      c.map { TuneKnob.BandEnd(programme: names[programme] ?? programme, entering: evaluation.labels[$0.entering], leaving: evaluation.labels[$0.leaving]) }
    }
    return knobs.map { knob in
      var k = knob
      var low = 0.0, high = 1.0, exact = true, found = false
      var lowEnd: TuneKnob.BandEnd?, highEnd: TuneKnob.BandEnd?
      for p in programmes {
        for iv in p.intervals where iv.criterion == knob.key && iv.isGroup == (knob.kind == "group") {
          if iv.low > low { lowEnd = end(p.key, iv.lowCrossing) }
          if iv.high < high { highEnd = end(p.key, iv.highCrossing) }
          low = max(low, iv.low)
          high = min(high, iv.high)
          exact = exact && iv.exact
          found = true
        }
      }
      guard found, low <= high else { return k }
      let siblings = knobs.filter { $0.parent == knob.parent && $0.path != knob.path }.reduce(0.0) { $0 + $1.nominal }
      func slider(_ l: Double) -> Double { l >= 1 ? .infinity : l * siblings / (1 - l) }
      k.stable = slider(low)...slider(high)
      k.stableLocal = low...high
      k.stableExact = exact
      k.stableLowEnd = lowEnd
      k.stableHighEnd = highEnd
      return k
    }
  }
}
