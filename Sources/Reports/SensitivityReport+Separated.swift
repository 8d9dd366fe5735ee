import Criteria
import Sensitivity
import Model

extension SensitivityReport {
  /// `"separated"` of sensitivity.json: `weights_alone` (the Monte Carlo shortlist classes
  /// with the nominal method) and `methods` (each variant's lists and star counts at the
  /// nominal weights, and the nominal members selected under every variant).
  func writeSeparated(_ s: SeparatedUncertainty, _ j: inout JSONWriter, id: (Int) -> String) {
    func ids(_ key: String, _ rows: [Int]) {
      j.key(key)
      j.beginArray()
      for r in rows { j.string(id(r)) }
      j.endArray()
    }
    let keys = s.weightsAlone.programmes.map(\.key)
    j.key("separated")
    j.beginObject()
    j.key("methods")
    j.beginObject()
    j.key("in_every_variant")
    j.beginArray()
    for (p, rows) in s.methods.inEveryVariant.enumerated() where p < keys.count {
      j.beginObject()
      ids("ids", rows)
      j.field("key", keys[p])
      j.field("nominal", s.methods.variants.first.map { $0.selected[p].count } ?? 0)
      j.endObject()
    }
    j.endArray()
    j.key("variants")
    j.beginArray()
    for v in s.methods.variants {
      j.beginObject()
      j.field("aggregation", v.aggregation.name)
      j.field("normalisation", Self.normalisationName(v.normalisation))
      j.key("selected")
      j.beginObject()
      for (p, rows) in v.selected.enumerated() where p < keys.count { ids(keys[p], rows) }
      j.endObject()
      j.key("stars")
      j.beginArray()
      for n in v.stars { j.number(n) }
      j.endArray()
      j.endObject()
    }
    j.endArray()
    j.endObject()
    j.key("weights_alone")
    j.beginObject()
    Self.writeProgrammes(s.weightsAlone.programmes, withNominal: false, &j, id: id)
    j.field("samples", s.weightsAlone.samples)
    j.endObject()
    j.endObject()
  }

  /// The normalisation as a criteria file names it; `nominal` for each criterion's own.
  static func normalisationName(_ n: Normalisation?) -> String { n?.name ?? "nominal" }

  /// The headline, one entry per programme in both languages: `KEY R/N robust` under
  /// weights and methods together, then — when the methods are separated — `weights alone
  /// R/N`, `in every one of V method variants K/N` (zh: `KEY R/N（仅权重 R/N，V 种方法变体中
  /// 均稳健 K/N）`, after the command's `稳健入选：`).
  public var headline: [Message] {
    monteCarlo.programmes.enumerated().map { p, prog in
      let n = prog.nominal.count
      var s = Message(zh: "\(prog.key) \(prog.robust.count)/\(n)", en: "\(prog.key) \(prog.robust.count)/\(n) robust")
      if let separated, p < separated.weightsAlone.programmes.count, p < separated.methods.inEveryVariant.count {
        let w = separated.weightsAlone.programmes[p].robust.count
        let v = separated.methods.variants.count
        let k = separated.methods.inEveryVariant[p].count
        s += Message(
          zh: "（仅权重 \(w)/\(n)，\(v) 种方法变体中均稳健 \(k)/\(n)）",
          en: " (weights alone \(w)/\(n), in every one of \(v) method variants \(k)/\(n))")
      }
      return s
    }
  }

  /// The section of sensitivity.html that keeps weight noise and method swaps apart.
  func separatedHTML() -> String {
    guard let s = separated else { return "" }
    let t = { (zh: String, en: String) in english ? en : zh }
    let mc = monteCarlo
    var h = "<h2>\(t("权重扰动与方法切换（分开）", "Weight noise and method swaps, separately"))</h2>\n"
    h += "<p>\(t("稳定入选：在 ≥ 95% 的样本中入选。“仅权重”只扰动权重（名义方法）；“每种方法”为名义权重下在全部方法组合中都入选的名义名单成员。星级在每种方法自身的得分上按文件的分数线评定。", "Robust: selected in ≥ 95 % of the samples. Weights alone: the weights vary, the method is the file's. Every method: nominal members selected under every method variant at the nominal weights. Stars are rated on each method's own scores with the file's thresholds."))</p>\n"
    h += "<table><tr><th>\(t("项目", "programme"))</th><th>\(t("名义名单", "nominal"))</th><th>\(t("权重+方法", "weights + methods"))</th>"
    h += "<th>\(t("仅权重", "weights alone"))</th><th>\(t("每种方法", "every method"))</th></tr>\n"
    for (p, prog) in mc.programmes.enumerated() {
      let name = p < programmeNames.count ? programmeNames[p] : prog.key
      let w = p < s.weightsAlone.programmes.count ? s.weightsAlone.programmes[p].robust.count : 0
      let m = p < s.methods.inEveryVariant.count ? s.methods.inEveryVariant[p].count : 0
      h += "<tr><td>\(HTML.escape(name))</td><td>\(prog.nominal.count)</td><td>\(prog.robust.count)</td><td>\(w)</td><td>\(m)</td></tr>\n"
    }
    h += "</table>\n<table><tr><th>\(t("归一化", "normalisation"))</th><th>\(t("集成", "aggregation"))</th><th>\(t("星级分布 0–5★", "stars 0–5"))</th>"
    for prog in mc.programmes { h += "<th>\(HTML.escape(prog.key))</th>" }
    h += "</tr>\n"
    let nominal = s.methods.variants.first?.selected ?? []
    for v in s.methods.variants {
      h += "<tr><td>\(HTML.escape(Self.normalisationName(v.normalisation)))</td><td>\(HTML.escape(v.aggregation.name))</td>"
      h += "<td>\(v.stars.map(String.init).joined(separator: " / "))</td>"
      for p in mc.programmes.indices where p < v.selected.count && p < nominal.count {
        let kept = v.selected[p].filter { Set(nominal[p]).contains($0) }.count
        h += "<td>\(kept)/\(nominal[p].count)</td>"
      }
      h += "</tr>\n"
    }
    return h + "</table>\n"
  }
}
