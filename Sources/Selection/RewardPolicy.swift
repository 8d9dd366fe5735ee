import Criteria
import Model

/// Policy ceilings on rewards, to check a criteria file's configured amounts against.
///
/// Amounts are configured in `[rewards]` and `[programmes.*].reward`, never hard-coded;
/// this only warns when a configured amount exceeds what the policy allows for its level.
/// The default is the 2022 policy of the city's reply (docs/selection.md, "Policy ceilings"):
/// four stars or more up to 50,000 yuan per enterprise; Zhejiang provincial
/// management-innovation benchmark up to 500,000; Ningbo municipal benchmark up to 100,000.
public struct RewardPolicy: Sendable, Hashable {
  /// Star levels the policy rewards (at least this many stars).
  public var minimumRewardedStars: Int
  /// Ceiling per enterprise of a star reward, yuan.
  public var starCap: Double
  /// Ceiling of a programme reward by programme level, yuan (absent level = no ceiling).
  public var programmeCaps: [ProgrammeLevel: Double]

  public init(minimumRewardedStars: Int, starCap: Double, programmeCaps: [ProgrammeLevel: Double]) {
    self.minimumRewardedStars = minimumRewardedStars
    self.starCap = starCap
    self.programmeCaps = programmeCaps
  }

  /// 2022 policy: 4★+ ≤ 50,000; provincial ≤ 500,000; municipal ≤ 100,000 (yuan).
  public static let policy2022 = RewardPolicy(
    minimumRewardedStars: 4, starCap: 50_000, programmeCaps: [.provincial: 500_000, .municipal: 100_000])

  /// Warnings (severity `.warning`, file = the criteria file, key path of the amount) for
  /// every configured reward above its ceiling, and for star rewards below the rewarded
  /// level (the policy has no basis for them). Star levels ascending, then programmes in order.
  public func warnings(for spec: Spec) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for stars in spec.rewards.byStars.keys.sorted() {
      guard let amount = spec.rewards.byStars[stars], amount > 0 else { continue }
      let path = "rewards.stars.\(stars)"
      if stars < minimumRewardedStars {
        out.append(
          warning(
            spec, path,
            Message(
              zh: "\(stars) 星奖励 \(formatNumber(amount)) 元：政策只奖励 \(minimumRewardedStars) 星及以上",
              en: "\(formatNumber(amount)) yuan for \(stars) stars: the policy rewards only \(minimumRewardedStars) stars or more")))
      } else if amount > starCap {
        out.append(
          warning(
            spec, path,
            Message(
              zh: "\(stars) 星奖励 \(formatNumber(amount)) 元超过政策上限（每家企业 \(formatNumber(starCap)) 元）",
              en: "\(formatNumber(amount)) yuan for \(stars) stars exceeds the policy ceiling of \(formatNumber(starCap)) yuan per enterprise")))
      }
    }
    for p in spec.programmes where p.reward > 0 {
      guard let cap = programmeCaps[p.level], p.reward > cap else { continue }
      out.append(
        warning(
          spec, "programmes.\(p.key).reward",
          Message(
            zh: "奖励 \(formatNumber(p.reward)) 元超过\(Self.levelName(p.level))项目的政策上限 \(formatNumber(cap)) 元",
            en: "\(formatNumber(p.reward)) yuan exceeds the policy ceiling of \(formatNumber(cap)) yuan for a \(p.level.rawValue) programme")))
    }
    return out
  }

  /// A warning at the line of the amount's key (`spec.line(of:)`).
  private func warning(_ spec: Spec, _ path: String, _ message: Message) -> Diagnostic {
    spec.diagnostic(at: path, message, severity: .warning)
  }

  static func levelName(_ level: ProgrammeLevel) -> String {
    switch level {
    case .local: return "区县级"
    case .municipal: return "市级"
    case .provincial: return "省级"
    case .national: return "国家级"
    }
  }
}
