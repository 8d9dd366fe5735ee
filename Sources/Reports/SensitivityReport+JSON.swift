import Sensitivity

extension SensitivityReport {
  /// `sensitivity.json`: the results.json style (`JSONWriter`, one line per member of the
  /// top-level containers), keys sorted, ids standing for rows; a non-finite number is
  /// `null`; `sobol`, `stability` and a crossing are left out when there is none.
  func writeJSON(into out: ByteBuffer) {
    let mc = monteCarlo
    var idOf: [Int: String] = [:]
    for e in mc.enterprises { idOf[e.row] = e.id }
    let id = { (r: Int) in idOf[r] ?? String(r) }
    var j = JSONWriter(into: out, prettyDepth: 2)
    /// `"key": {k: v, …}` with the keys sorted.
    func map(_ key: String, _ keys: [String], _ values: [Double]) {
      j.key(key)
      j.beginObject()
      for (k, v) in zip(keys, values).sorted(by: { $0.0 < $1.0 }) { j.field(k, v) }
      j.endObject()
    }
    func numbers(_ key: String, _ values: [Double]) {
      j.key(key)
      j.beginArray()
      for v in values { j.number(v) }
      j.endArray()
    }
    func crossing(_ key: String, _ c: Crossing?) {
      guard let c else { return }
      j.key(key)
      j.beginArray()
      j.string(id(c.entering))
      j.string(id(c.leaving))
      j.endArray()
    }
    func sobolOutputs(_ key: String, _ s: WeightSobolResult, _ outputs: [(name: String, indices: [SobolIndices])]) {
      j.key(key)
      j.beginArray()
      for o in outputs {
        j.beginObject()
        j.key("indices")
        j.beginArray()
        for (f, x) in zip(s.factors, o.indices) {
          j.beginObject()
          j.field("S1", x.firstOrder)
          numbers("S1_ci", [x.firstOrderCI.lowerBound, x.firstOrderCI.upperBound])
          j.field("S1_conf", x.firstOrderConf)
          j.field("ST", x.totalEffect)
          numbers("ST_ci", [x.totalEffectCI.lowerBound, x.totalEffectCI.upperBound])
          j.field("ST_conf", x.totalEffectConf)
          j.field("factor", f)
          j.endObject()
        }
        j.endArray()
        j.field("output", o.name)
        j.endObject()
      }
      j.endArray()
    }
    let keys = mc.programmes.map(\.key)
    j.beginObject()
    j.field("borderline_threshold", mc.borderlineThreshold)
    j.key("enterprises")
    j.beginArray()
    for e in mc.enterprises {
      j.beginObject()
      j.field("id", e.id)
      j.field("label", e.label)
      j.field("median_rank", e.medianRank)
      j.field("nominal_rank", e.nominalRank)
      j.field("nominal_stars", e.nominalStars)
      j.field("p5_rank", e.p5Rank)
      j.field("p95_rank", e.p95Rank)
      map("reserve", keys, e.reserveProbability)
      map("selection", keys, e.selectionProbability)
      numbers("star_probabilities", e.starProbabilities)
      j.endObject()
    }
    j.endArray()
    map("mean_weights", criterionKeys, mc.meanWeights)
    Self.writeProgrammes(mc.programmes, withNominal: true, &j, id: id)
    j.field("rank_samples", mc.rankSamples)
    j.field("robust_threshold", mc.robustThreshold)
    j.field("samples", mc.samples)
    j.key("seed")
    j.rawNumber(String(mc.seed))
    if let separated { writeSeparated(separated, &j, id: id) }
    if let s = sobol {
      j.key("sobol")
      j.beginObject()
      j.field("base_samples", s.baseSamples)
      j.field("evaluations", s.evaluations)
      j.key("factors")
      j.beginArray()
      for f in s.factors { j.string(f) }
      j.endArray()
      sobolOutputs("ranks", s, s.targets.map { ($0.id, $0.indices) })
      sobolOutputs("shortlists", s, s.programmes.map { ($0.key, $0.indices) })
      j.field("spread", s.spread)
      j.endObject()
    }
    if let stability {
      j.key("stability")
      j.beginArray()
      for p in stability {
        j.beginObject()
        j.key("intervals")
        j.beginArray()
        for iv in p.intervals {
          j.beginObject()
          j.field("criterion", iv.criterion)
          j.field("exact", iv.exact)
          j.field("final_weight", iv.finalWeight)
          j.field("high", iv.high)
          j.field("kind", iv.isGroup ? "group" : "criterion")
          crossing("high_crossing", iv.highCrossing)
          j.field("low", iv.low)
          crossing("low_crossing", iv.lowCrossing)
          j.field("nominal_weight", iv.nominalWeight)
          j.endObject()
        }
        j.endArray()
        j.field("programme", p.key)
        j.endObject()
      }
      j.endArray()
    }
    j.field("title", title)
    j.key("variant_counts")
    j.beginArray()
    for c in mc.variantCounts { j.number(c) }
    j.endArray()
    j.endObject()
  }

  /// `"programmes"`: each programme's robustness across the samples, its members by id
  /// (Monte Carlo with its nominal list; the weights-alone part of the separated analysis
  /// without it).
  static func writeProgrammes(_ programmes: [ProgrammeRobustness], withNominal: Bool, _ j: inout JSONWriter, id: (Int) -> String) {
    func ids(_ key: String, _ rows: [Int]) {
      j.key(key)
      j.beginArray()
      for r in rows { j.string(id(r)) }
      j.endArray()
    }
    j.key("programmes")
    j.beginArray()
    for p in programmes {
      j.beginObject()
      ids("borderline", p.borderline)
      j.field("key", p.key)
      j.field("mean_jaccard", p.meanJaccard)
      if withNominal { ids("nominal", p.nominal) }
      ids("nominal_outside", p.nominalOutside)
      j.field("p5_jaccard", p.p5Jaccard)
      j.field("quota", p.quota)
      ids("robust", p.robust)
      j.endObject()
    }
    j.endArray()
  }
}
