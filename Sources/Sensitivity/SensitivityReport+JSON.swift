import Foundation

extension SensitivityReport {
  struct Doc: Encodable {
    struct Enterprise: Encodable {
      var id: String, label: String, nominal_rank: Int, median_rank: Double, p5_rank: Double, p95_rank: Double
      var nominal_stars: Int, star_probabilities: [Double], selection: [String: Double], reserve: [String: Double]
    }
    struct Programme: Encodable {
      var key: String, quota: Int, nominal: [String], robust: [String], borderline: [String], nominal_outside: [String]
      var mean_jaccard: Double, p5_jaccard: Double
    }
    struct Indices: Encodable {
      var factor: String, S1: Double, S1_ci: [Double], S1_conf: Double, ST: Double, ST_ci: [Double], ST_conf: Double
    }
    struct SobolOutput: Encodable { var output: String, indices: [Indices] }
    struct Sobol: Encodable {
      var base_samples: Int, evaluations: Int, spread: Double, factors: [String]
      var ranks: [SobolOutput], shortlists: [SobolOutput]
    }
    struct Interval: Encodable {
      var criterion: String, nominal_weight: Double, low: Double, high: Double, exact: Bool
      var low_crossing: [String]?, high_crossing: [String]?
    }
    struct Stability: Encodable { var programme: String, intervals: [Interval] }
    var title: String, samples: Int, seed: UInt64, rank_samples: Int, robust_threshold: Double
    var borderline_threshold: Double, mean_weights: [String: Double], variant_counts: [Int]
    var enterprises: [Enterprise], programmes: [Programme], sobol: Sobol?, stability: [Stability]?
  }

  /// `sensitivity.json` (keys sorted; ids stand for rows).
  public func jsonData() -> Data {
    let mc = monteCarlo
    let id = { (r: Int) in mc.enterprises.first { $0.row == r }?.id ?? String(r) }
    var idOf: [Int: String] = [:]
    for e in mc.enterprises { idOf[e.row] = e.id }
    let ids = { (rows: [Int]) in rows.map { idOf[$0] ?? id($0) } }
    let keys = mc.programmes.map(\.key)
    let doc = Doc(
      title: title, samples: mc.samples, seed: mc.seed, rank_samples: mc.rankSamples, robust_threshold: mc.robustThreshold,
      borderline_threshold: mc.borderlineThreshold,
      mean_weights: Dictionary(uniqueKeysWithValues: zip(criterionKeys, mc.meanWeights)), variant_counts: mc.variantCounts,
      enterprises: mc.enterprises.map { e in
        Doc.Enterprise(
          id: e.id, label: e.label, nominal_rank: e.nominalRank, median_rank: e.medianRank, p5_rank: e.p5Rank,
          p95_rank: e.p95Rank, nominal_stars: e.nominalStars, star_probabilities: e.starProbabilities,
          selection: Dictionary(uniqueKeysWithValues: zip(keys, e.selectionProbability)),
          reserve: Dictionary(uniqueKeysWithValues: zip(keys, e.reserveProbability)))
      },
      programmes: mc.programmes.map { p in
        Doc.Programme(
          key: p.key, quota: p.quota, nominal: ids(p.nominal), robust: ids(p.robust), borderline: ids(p.borderline),
          nominal_outside: ids(p.nominalOutside), mean_jaccard: p.meanJaccard, p5_jaccard: p.p5Jaccard)
      },
      sobol: sobol.map { s in
        let conv = { (name: String, idx: [SobolIndices]) in
          Doc.SobolOutput(
            output: name,
            indices: zip(s.factors, idx).map { f, x in
              Doc.Indices(
                factor: f, S1: x.firstOrder, S1_ci: [x.firstOrderCI.lowerBound, x.firstOrderCI.upperBound],
                S1_conf: x.firstOrderConf, ST: x.totalEffect, ST_ci: [x.totalEffectCI.lowerBound, x.totalEffectCI.upperBound],
                ST_conf: x.totalEffectConf)
            })
        }
        return Doc.Sobol(
          base_samples: s.baseSamples, evaluations: s.evaluations, spread: s.spread, factors: s.factors,
          ranks: s.targets.map { conv($0.id, $0.indices) }, shortlists: s.programmes.map { conv($0.key, $0.indices) })
      },
      stability: stability.map { list in
        list.map { p in
          Doc.Stability(
            programme: p.key,
            intervals: p.intervals.map { iv in
              Doc.Interval(
                criterion: iv.criterion, nominal_weight: iv.nominalWeight, low: iv.low, high: iv.high, exact: iv.exact,
                low_crossing: iv.lowCrossing.map { [idOf[$0.entering] ?? id($0.entering), idOf[$0.leaving] ?? id($0.leaving)] },
                high_crossing: iv.highCrossing.map { [idOf[$0.entering] ?? id($0.entering), idOf[$0.leaving] ?? id($0.leaving)] })
            })
        }
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(doc)) ?? Data("{}".utf8)
  }
}
