import Criteria
import Model
import Scoring
import Selection

/// The JSON `exemplar tune` answers a recalculation with (docs/cli.md, "tune"): the
/// effective weights of every slider, the star distribution and each programme's lists
/// against the nominal run (the file with the command line's `--set`), with the `--set`
/// arguments and the TOML lines that reproduce the variant.
///
/// ```
/// {"ok":true,"ms":1.9,"set":["groups.cost.weight=0.4","weighting.normalise=true"],
///  "toml":"[groups.cost]\nweight = 0.4\n…","aggregation":"weighted-sum","ranked":299,
///  "weights":[{"path":"groups.cost.weight","local":0.3478,"final":0.3478}, …],
///  "stars":[n0,…,n5],"granted":…, "budget":…,
///  "slope":[{"id":…,"label":…,"was":3,"rank":5,"status":"entered"}, …],
///  "programmes":[{"key":…,"name":…,"quota":20,
///    "selected":[{"id":…,"label":…,"rank":1,"was":2,"score":90.9,"stars":4,"entered":false}, …],
///    (an entered one also has "before": where it stood in the nominal run, e.g. "原为候补第1位")
///    "reserve":[…],"left":[{"id":…,"label":…,"rank":23,"was":7,"score":…,"stars":3,"reason":"…"}]}]}
/// ```
/// An error is `{"ok":false,"errors":["FILE:LINE: message", …]}`.
public enum TuneReport {
  /// One run of the engine: the spec it ran with and what it gave.
  public typealias Outcome = (spec: Spec, evaluation: Evaluation, decision: Decision)

  /// The answer to a recalculation: `variant` against `nominal`, reproduced by `changes`
  /// (`KEY.PATH=VALUE`, in order).
  public static func result(
    nominal: Outcome, variant: Outcome, changes: [String], knobs: [TuneKnob], milliseconds: Double, english: Bool
  ) -> String {
    let ev = variant.evaluation
    var j = JSONText()
    j.beginObject()
    j.field("ok", true)
    j.field("ms", (milliseconds * 100).rounded() / 100)
    j.field("set", strings: changes)
    j.field("toml", toml(changes))
    j.field("aggregation", variant.spec.aggregation.method.name)
    j.field("ranked", ev.order.count)
    j.field("weights", objects: knobs) { j, knob in
      let w = effective(knob, variant.spec, ev)
      j.field("path", knob.path)
      j.field("local", w.local)
      j.field("final", w.final)
    }
    var stars = [Int](repeating: 0, count: 6)
    for row in ev.order where (0...5).contains(ev.stars[row]) { stars[ev.stars[row]] += 1 }
    j.key("stars")
    j.beginArray()
    for n in stars { j.number(n) }
    j.endArray()
    j.field("granted", variant.decision.rewards.totalGranted)
    j.key("budget")
    if let b = variant.decision.rewards.budget { j.number(b) } else { j.null() }
    slope(&j, nominal: nominal, variant: variant)
    let before = nominal.evaluation
    j.field("programmes", objects: variant.decision.programmes.indices) { j, p in
      let now = variant.decision.programmes[p]
      let spec = variant.spec.programmes[p]
      let was = nominal.decision.programmes.first { $0.key == now.key }
      let wasSelected = Set(was?.selected ?? [])
      let wasReserve = Set(was?.reserve ?? [])
      j.field("key", now.key)
      j.field("name", spec.name)
      j.field("quota", spec.quota)
      func entry(_ j: inout JSONText, _ row: Int) {
        j.field("id", ev.ids[row])
        j.field("label", ev.labels[row])
        j.field("rank", ev.rank[row])
        j.field("was", row < before.rank.count ? before.rank[row] : 0)
        j.field("score", ev.score[row])
        j.field("stars", ev.stars[row])
      }
      j.field("selected", objects: now.selected) { j, row in
        entry(&j, row)
        let entered = !wasSelected.contains(row)
        j.field("entered", entered)
        if entered { j.field("before", standing(was?.outcome(row: row), english: english)) }
      }
      j.field("reserve", objects: now.reserve) { j, row in
        entry(&j, row)
        j.field("entered", !wasReserve.contains(row))
      }
      let selectedNow = Set(now.selected)
      j.field("left", objects: (was?.selected ?? []).filter { !selectedNow.contains($0) }) { j, row in
        entry(&j, row)
        j.field("reason", reason(now.outcome(row: row), english: english))
      }
    }
    j.endObject()
    return j.text
  }

  /// `{"ok":false,"errors":[…]}`.
  public static func error(_ messages: [String]) -> String {
    var j = JSONText()
    j.beginObject()
    j.field("ok", false)
    j.field("errors", strings: messages)
    j.endObject()
    return j.text
  }

  /// The effective local weight (after the parent's rescaling or derivation) and the final
  /// weight (the product along the path) of a slider's node.
  static func effective(_ knob: TuneKnob, _ spec: Spec, _ ev: Evaluation) -> (local: Double, final: Double) {
    var local = Double.nan
    if let node = ev.weightReport.nodes.first(where: { $0.key == knob.parent }), let i = node.children.firstIndex(of: knob.key),
      i < node.localWeights.count
    {
      local = node.localWeights[i]
    }
    var final = 0.0
    if knob.kind == "criterion" {
      if let j = spec.criterionIndex(knob.key), j < ev.weights.count { final = ev.weights[j] }
    } else {
      let parents = Dictionary(spec.groups.map { ($0.key, $0.parent) }, uniquingKeysWith: { a, _ in a })
      for (j, c) in spec.criteria.enumerated() where j < ev.weights.count {
        var g = c.group
        var steps = 0
        while let key = g, steps <= spec.groups.count {
          if key == knob.key {
            final += ev.weights[j]
            break
          }
          g = parents[key] ?? nil
          steps += 1
        }
      }
    }
    return (local, final)
  }

  /// Why an enterprise that was selected nominally is not now.
  static func reason(_ outcome: ProgrammeOutcome?, english: Bool) -> String {
    switch outcome {
    case .reserve(let k)?: return english ? "moved to the reserve list (#\(k))" : "转入候补（第\(k)位）"
    case .excluded(let r)?: return r.text(english: english)
    case .selected?: return ""
    case nil: return english ? "not ranked" : "未参与排名"
    }
  }

  /// Where an enterprise that is selected now stood in the nominal run.
  static func standing(_ outcome: ProgrammeOutcome?, english: Bool) -> String {
    switch outcome {
    case .reserve(let k)?: return english ? "was reserve #\(k)" : "原为候补第\(k)位"
    case .excluded(let r)?: return (english ? "was out: " : "原未入选：") + r.text(english: english)
    case .selected?: return ""
    case nil: return english ? "was not ranked" : "原未参与排名"
    }
  }

  /// The TOML lines that make the same changes in the file: one table header per table,
  /// in the order the changes name them, each value as TOML (text that is not TOML quoted).
  public static func toml(_ changes: [String]) -> String {
    var tables: [String] = []
    var lines: [String: [String]] = [:]
    for change in changes {
      guard let eq = change.firstIndex(of: "=") else { continue }
      let parts = splitKey(String(change[..<eq]))
      guard let last = parts.last else { continue }
      let table = parts.dropLast().map(tomlKey).joined(separator: ".")
      if lines[table] == nil { tables.append(table) }
      lines[table, default: []].append("\(tomlKey(last)) = \(tomlValue(String(change[change.index(after: eq)...])))")
    }
    return tables.map { t in (t.isEmpty ? "" : "[\(t)]\n") + lines[t]!.joined(separator: "\n") + "\n" }.joined(separator: "\n")
  }

  /// The parts of a dotted key (quoted parts kept whole, quotes removed).
  static func splitKey(_ key: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var quote: Character?
    for c in key {
      if let q = quote {
        if c == q { quote = nil } else { current.append(c) }
      } else if c == "\"" || c == "'" {
        quote = c
      } else if c == "." {
        parts.append(current.trimmingWhitespace())
        current = ""
      } else {
        current.append(c)
      }
    }
    parts.append(current.trimmingWhitespace())
    return parts
  }

  /// A bare key when it can be one, else a quoted key.
  static func tomlKey(_ k: String) -> String {
    let bare = !k.isEmpty && k.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-" }
    return bare ? k : "\"" + k.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
  }

  /// The value as written when it is a number, a boolean, a quoted string, an array or an
  /// inline table; anything else as a quoted string (as `--set` reads it).
  static func tomlValue(_ v: String) -> String {
    let t = v.trimmingWhitespace()
    if t == "true" || t == "false" || Double(t) != nil || t.first == "[" || t.first == "{" || t.first == "\"" || t.first == "'" { return t }
    return "\"" + t.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
  }
}
