import Criteria

/// Every fixed text the writers show, in Chinese (default) or English.
///
/// One table for CSV headers, sheet names, the HTML page and reasons, so the
/// outputs never disagree on a word. Names from the criteria file (criteria,
/// groups, programmes, star levels) are shown as written there.
public struct Labels: Sendable {
  public var english: Bool
  public var rank, competitionRank, id, name, score, raw, stars, reward: String
  public var position, status, selected, reserve, excluded, reason: String
  public var normalisedSuffix, groupScoreSuffix: String
  public var sheetRanking, sheetStars, sheetRewards, sheetMethod: String
  public var award, entitled, granted, total, budget, remaining, unlimited: String
  public var evaluation, year, aggregation, weighting, criterion, groupPath, direction, normalisation, weight: String
  public var metricsFile, criteriaFile, sha256, time, version, seed, rows, none: String
  public var level, minScore, requirement, count, pointsShort, unmet: String
  public var summary, ranked, notRanked, starsHistogram, scoreHistogram, weights, rewards, method: String
  public var programme, quota, reserves, manifest, weightDerivation, moreRows, moreOnRanking: String

  public static let chinese = Labels(
    english: false, rank: "排名", competitionRank: "并列名次", id: "统一社会信用代码", name: "企业名称", score: "得分",
    raw: "原始值", stars: "星级", reward: "奖励（元）", position: "序号", status: "状态", selected: "入选", reserve: "候补",
    excluded: "未入选", reason: "原因", normalisedSuffix: "（标准化）", groupScoreSuffix: "得分", sheetRanking: "排名",
    sheetStars: "星级", sheetRewards: "奖励", sheetMethod: "说明", award: "奖励项目", entitled: "应得（元）",
    granted: "实发（元）", total: "合计", budget: "预算（元）", remaining: "预算余额（元）", unlimited: "不限",
    evaluation: "评选名称", year: "年度", aggregation: "集成方法", weighting: "赋权方法", criterion: "指标",
    groupPath: "分组路径", direction: "方向", normalisation: "标准化方法", weight: "权重", metricsFile: "指标数据文件",
    criteriaFile: "评选标准文件", sha256: "SHA-256", time: "生成时间", version: "版本", seed: "随机种子",
    rows: "数据行数", none: "无", level: "等级", minScore: "最低得分", requirement: "条件", count: "企业数",
    pointsShort: "距下一星级差分", unmet: "未满足条件", summary: "概况", ranked: "参与排名企业", notRanked: "未参与排名",
    starsHistogram: "星级分布", scoreHistogram: "得分分布", weights: "指标权重", rewards: "奖励汇总", method: "方法说明",
    programme: "推荐项目", quota: "名额", reserves: "候补名额", manifest: "运行记录", weightDerivation: "权重推导",
    moreRows: "……其余 %d 家见 CSV 文件", moreOnRanking: "……其余 %d 家：星级见“排名”表，差距见 results.json")

  public static let englishLabels = Labels(
    english: true, rank: "Rank", competitionRank: "Competition rank", id: "ID", name: "Name", score: "Score",
    raw: "Raw", stars: "Stars", reward: "Reward (yuan)", position: "No.", status: "Status", selected: "selected",
    reserve: "reserve", excluded: "not selected", reason: "Reason", normalisedSuffix: " (normalised)",
    groupScoreSuffix: " score", sheetRanking: "Ranking", sheetStars: "Stars", sheetRewards: "Rewards",
    sheetMethod: "Method", award: "Award", entitled: "Entitled (yuan)", granted: "Granted (yuan)", total: "Total",
    budget: "Budget (yuan)", remaining: "Remaining (yuan)", unlimited: "unlimited", evaluation: "Evaluation",
    year: "Year", aggregation: "Aggregation", weighting: "Weighting", criterion: "Criterion", groupPath: "Group path",
    direction: "Direction", normalisation: "Normalisation", weight: "Weight", metricsFile: "Metrics file",
    criteriaFile: "Criteria file", sha256: "SHA-256", time: "Time", version: "Version", seed: "Seed", rows: "Rows",
    none: "none", level: "Level", minScore: "Minimum score", requirement: "Requirement", count: "Enterprises",
    pointsShort: "Points to next level", unmet: "Unmet requirements", summary: "Summary", ranked: "Ranked enterprises",
    notRanked: "Not ranked", starsHistogram: "Stars", scoreHistogram: "Score distribution", weights: "Weights",
    rewards: "Rewards", method: "Method", programme: "Programme", quota: "Quota", reserves: "Reserves",
    manifest: "Manifest", weightDerivation: "Weight derivation", moreRows: "… %d more in the CSV file",
    moreOnRanking: "… %d more: stars on the Ranking sheet, gaps in results.json")

  public static func table(english: Bool) -> Labels { english ? englishLabels : chinese }

  /// "… 12 more" with the count filled in.
  public func more(_ n: Int) -> String { moreRows.replacingOccurrences(of: "%d", with: String(n)) }

  /// "… 12 more: stars on the Ranking sheet, gaps in results.json" (the 星级 sheet's list, when cut).
  public func moreOnRankingSheet(_ n: Int) -> String { moreOnRanking.replacingOccurrences(of: "%d", with: String(n)) }

  public func aggregationName(_ m: AggregationMethod) -> String {
    switch m {
    case .weightedSum: return english ? "weighted sum" : "加权求和"
    case .weightedProduct(let floor):
      return english ? "weighted product (floor \(floor))" : "加权乘积（下限 \(floor)）"
    case .topsis: return english ? "TOPSIS closeness" : "TOPSIS 贴近度"
    case .vikor(let v): return english ? "VIKOR (v = \(v))" : "VIKOR（v = \(v)）"
    }
  }

  public func normalisationName(_ n: Normalisation) -> String {
    switch n {
    case .minMax: return english ? "min-max" : "极差标准化"
    case .zScore: return english ? "z-score" : "Z 分数"
    case .vector: return english ? "vector" : "向量标准化"
    case .sum: return english ? "sum" : "比重标准化"
    case .max: return english ? "max" : "最大值标准化"
    case .goalposts(let lo, let hi): return english ? "goalposts [\(lo), \(hi)]" : "固定区间 [\(lo), \(hi)]"
    case .rank: return english ? "percentile rank" : "百分位排名"
    case .target(let t): return english ? "distance to target \(t)" : "目标值 \(t) 距离"
    }
  }

  public func directionName(_ d: Direction) -> String {
    switch d {
    case .benefit: return english ? "benefit (higher is better)" : "效益型（越大越好）"
    case .cost: return english ? "cost (lower is better)" : "成本型（越小越好）"
    }
  }

  public func weightingName(_ m: WeightingMethod) -> String {
    switch m {
    case .direct: return english ? "direct" : "直接赋权"
    case .equal: return english ? "equal" : "等权"
    case .entropy: return english ? "entropy" : "熵权法"
    case .critic: return english ? "CRITIC" : "CRITIC 法"
    case .standardDeviation: return english ? "standard deviation" : "标准差法"
    case .ahp: return english ? "AHP" : "层次分析法（AHP）"
    }
  }

  public func levelName(_ l: ProgrammeLevel) -> String {
    switch l {
    case .local: return english ? "local" : "本地"
    case .municipal: return english ? "municipal" : "市级"
    case .provincial: return english ? "provincial" : "省级"
    case .national: return english ? "national" : "国家级"
    }
  }

  /// Status word for a shortlist entry.
  public func statusName(_ s: ShortlistStatus) -> String {
    switch s {
    case .selected: return selected
    case .reserve: return reserve
    case .excluded: return excluded
    }
  }
}

/// Where an enterprise stands on one programme's list.
public enum ShortlistStatus: UInt8, Sendable, Hashable {
  case selected = 1, reserve = 2, excluded = 3
}
