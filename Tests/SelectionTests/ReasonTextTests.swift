import Criteria
import Model
import TestSupport
import Testing

@testable import Selection

/// Exact reason texts in both languages, and the policy-ceiling warnings.
struct ReasonTextTests {
  @Test(arguments: [
    (ExclusionReason.unranked("缺少数据：研发投入"), "未参与排名：缺少数据：研发投入", "not ranked: 缺少数据：研发投入"),
    (.unranked(""), "未参与排名", "not ranked"),
    (.notInTier(programme: "宁波市级标杆", mode: .selected), "未入选「宁波市级标杆」名单", "not on the shortlist of 宁波市级标杆"),
    (.notInTier(programme: "宁波市级标杆", mode: .eligible), "不符合「宁波市级标杆」的推荐条件", "not eligible for 宁波市级标杆"),
    (.history(year: 2021, programme: "浙江省管理创新标杆"), "已于2021年推荐至「浙江省管理创新标杆」", "already recommended to 浙江省管理创新标杆 in 2021"),
    (.notEligible(failing: "stars >= 4"), "不符合条件：stars ≥ 4", "not eligible: stars ≥ 4"),
    (.notEligible(failing: "rank <= 10 or industry != \"纺织\""), "不符合条件：rank ≤ 10 或 industry ≠ \"纺织\"",
     "not eligible: rank ≤ 10 or industry ≠ \"纺织\""),
    (.notEligible(failing: "district == \"东区\""), "不符合条件：district = \"东区\"", "not eligible: district = \"东区\""),
    (.notEligible(failing: "spend >= 15 and stars >= 4", readable: "咨询投入(万元) >= 15 and 星级 >= 4"),
     "不符合条件：咨询投入(万元) ≥ 15 且 星级 ≥ 4", "not eligible: spend ≥ 15 and stars ≥ 4"),
    (.cap(column: "行业", value: "机械", limit: 3), "名额上限：每个行业最多3家（机械已满）", "cap reached: at most 3 per 行业 (机械)"),
    (.belowLine(quota: 10), "排名未进入推荐名额（名额10家）", "below the line (quota 10)"),
  ])
  func texts(reason: ExclusionReason, zh: String, en: String) {
    #expect(reason.text(english: false) == zh)
    #expect(reason.text(english: true) == en)
  }

  /// Chinese reasons name columns by their label or first header, and score, rank, stars
  /// and groups in Chinese; English reasons keep the keys as written in the criteria file.
  @Test func chineseReasonsNameColumnsAsOfficialsReadThem() throws {
    let rule = try #require(try? ExprParser.parse(
      "score >= 99.5 or rank <= 0 or (spend >= 15 and not above_scale) or industry in [\"纺织\"] or selected.x").get())
    let firms = [Firm(id: "A", rank: 1, stars: 5, industry: "机械", spend: 20), Firm(id: "B", rank: 2, industry: "电子", spend: 5)]
    // `selected.x` names an earlier programme that selects nobody.
    let w = World(firms, programmes: [ProgrammeDraft(key: "x", quota: 0), ProgrammeDraft(key: "p", quota: 2, eligible: rule)])
    let p = try #require(w.decide().programmes.last)
    #expect(w.ids(p.selected) == [])
    let reasons = p.excluded.map { $0.reason }
    #expect(reasons.map { $0.text(english: false) } == Array(repeating:
      "不符合条件：得分 ≥ 99.5 或 排名 ≤ 0 或 咨询投入(万元) ≥ 15 且 非 规上企业 或 行业 in [\"纺织\"] 或 selected.x", count: 2))
    #expect(reasons.map { $0.text(english: true) } == Array(repeating:
      "not eligible: score ≥ 99.5 or rank ≤ 0 or spend ≥ 15 and not above_scale or industry in [\"纺织\"] or selected.x", count: 2))
  }

  @Test func policyWarningsNameTheKeyAndTheAmounts() {
    let programmes = [
      ProgrammeDraft(key: "city", level: .municipal, quota: 1, reward: 120_000),
      ProgrammeDraft(key: "province", level: .provincial, quota: 1, reward: 500_000),
      ProgrammeDraft(key: "nation", level: .national, quota: 1, reward: 2_000_000),
    ]
    let w = World(ladder(1), programmes: programmes, rewards: RewardDraft(byStars: [3: 10_000, 4: 50_000, 5: 80_000]))
    let warnings = RewardPolicy.policy2022.warnings(for: w.spec)
    // Each warning at the line of its key in the (written-out) criteria file.
    let lines = ["rewards.stars.3", "rewards.stars.5", "programmes.city.reward"].map { w.spec.line(of: $0) }
    #expect(lines.allSatisfy { $0 > 0 })
    #expect(
      warnings.map(\.description) == [
        "criteria.toml:\(lines[0]): rewards.stars.3: warning: 10000 yuan for 3 stars: the policy rewards only 4 stars or more",
        "criteria.toml:\(lines[1]): rewards.stars.5: warning: 80000 yuan for 5 stars exceeds the policy ceiling of 50000 yuan per enterprise",
        "criteria.toml:\(lines[2]): programmes.city.reward: warning: 120000 yuan exceeds the policy ceiling of 100000 yuan for a municipal programme",
      ])
    #expect(warnings.allSatisfy { $0.severity == .warning })
  }

  @Test func configuredCeilingsReplaceThePolicyDefaults() {
    let w = World(ladder(1), programmes: [], rewards: RewardDraft(byStars: [4: 50_000]))
    let strict = RewardPolicy(minimumRewardedStars: 4, starCap: 30_000, programmeCaps: [:])
    #expect(strict.warnings(for: w.spec).count == 1)
    #expect(RewardPolicy.policy2022.warnings(for: w.spec).isEmpty)
  }
}
