/// Robustness of one ranked enterprise under the sampled weights and methods.
public struct EnterpriseRobustness: Sendable, Hashable {
  public var row: Int
  public var id: String
  public var label: String
  public var nominalRank: Int
  /// Rank quantiles over the samples (numpy "linear" / Hyndman–Fan type 7).
  public var medianRank: Double
  public var p5Rank: Double
  public var p95Rank: Double
  public var nominalStars: Int
  /// P(stars = s) for s = 0…5 (empty when star statistics were not requested).
  public var starProbabilities: [Double]
  /// P(selected) per programme, in spec order.
  public var selectionProbability: [Double]
  /// P(on the reserve list) per programme.
  public var reserveProbability: [Double]
}

/// Robustness of one programme's shortlist.
public struct ProgrammeRobustness: Sendable, Hashable {
  public var key: String
  public var quota: Int
  /// Rows selected at the nominal weights (list order).
  public var nominal: [Int]
  /// Rows selected in ≥ `robustThreshold` of the samples, best probability first.
  public var robust: [Int]
  /// Rows selected in [`borderlineThreshold`, `robustThreshold`) of the samples.
  public var borderline: [Int]
  /// Nominal members selected in fewer than `borderlineThreshold` of the samples.
  public var nominalOutside: [Int]
  /// Mean and 5th percentile of the Jaccard overlap |A ∩ N| / |A ∪ N| of a sample's
  /// shortlist A with the nominal one N (1 when both are empty).
  public var meanJaccard: Double
  public var p5Jaccard: Double
}

/// The outcome of `MonteCarlo.run`.
public struct MonteCarloResult: Sendable {
  public var samples: Int
  public var seed: UInt64
  /// Samples the rank quantiles are computed from (the first `rankSamples`; = samples
  /// unless samples × rows exceeds `MonteCarloOptions.rankStoreLimit`).
  public var rankSamples: Int
  public var robustThreshold: Double
  public var borderlineThreshold: Double
  /// One per ranked enterprise, in nominal rank order.
  public var enterprises: [EnterpriseRobustness]
  /// One per programme, in spec order.
  public var programmes: [ProgrammeRobustness]
  /// How many samples used each method variant (index = variant).
  public var variantCounts: [Int]
  /// Mean sampled weight per criterion.
  public var meanWeights: [Double]
}

/// Knobs of a Monte Carlo run; `samples` and `seed` default to the spec's `[uncertainty]`.
public struct MonteCarloOptions: Sendable {
  public var samples: Int
  public var seed: UInt64
  /// Worker threads (≥ 1). Results do not depend on it.
  public var threads: Int
  /// Samples scored together in one matrix product.
  public var blockSize: Int
  /// Keep every sample's full ranking for rank quantiles (needs a full sort per sample).
  public var rankStatistics: Bool
  /// Rate every enterprise in every sample for star probabilities.
  public var starStatistics: Bool
  public var robustThreshold: Double
  public var borderlineThreshold: Double
  /// Most (sample, row) rank entries kept for quantiles (4 bytes each).
  public var rankStoreLimit: Int

  public init(
    samples: Int, seed: UInt64, threads: Int = 1, blockSize: Int = 32, rankStatistics: Bool = true,
    starStatistics: Bool = true, robustThreshold: Double = 0.95, borderlineThreshold: Double = 0.05,
    rankStoreLimit: Int = 50_000_000
  ) {
    self.samples = samples
    self.seed = seed
    self.threads = threads
    self.blockSize = blockSize
    self.rankStatistics = rankStatistics
    self.starStatistics = starStatistics
    self.robustThreshold = robustThreshold
    self.borderlineThreshold = borderlineThreshold
    self.rankStoreLimit = rankStoreLimit
  }
}
