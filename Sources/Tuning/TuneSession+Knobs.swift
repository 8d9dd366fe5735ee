import Criteria
import Reports

extension TuneSession {
  /// The sliders of a spec: for the root and every group weighted `direct`, the local
  /// weight of each child (groups first, then criteria, each in file order).
  static func knobs(_ spec: Spec) -> [TuneKnob] {
    var nodes: [(key: String, label: String, path: String, weighting: WeightingSpec)] = [("", "", "weighting", spec.weighting)]
    for g in spec.groups {
      nodes.append((g.key, g.label, "groups." + quoted(g.key), g.weighting ?? WeightingSpec(method: spec.weighting.method)))
    }
    var out: [TuneKnob] = []
    for node in nodes where node.weighting.method == .direct {
      let normalise = node.weighting.normalise ? nil : node.path + ".normalise=true"
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

  /// A key as a part of a `--set` key path: bare when it can be, else quoted.
  static func quoted(_ key: String) -> String {
    let bare = !key.isEmpty && key.unicodeScalars.allSatisfy { ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    return bare ? key : "\"" + key.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
  }
}
