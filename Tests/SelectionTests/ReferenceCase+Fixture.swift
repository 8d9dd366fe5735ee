import Criteria
import Foundation
import Model
import TestSupport
import Testing

/// Reads Fixtures/reference-cases.json, written by scripts/selection_reference.py.
/// Eligibility rules arrive as criteria-file source text and go through `ExprParser`,
/// as they would from a criteria file.
extension ReferenceCase {
  static let all: [ReferenceCase] = {
    guard let url = Bundle.module.url(forResource: "reference-cases", withExtension: "json", subdirectory: "Fixtures"),
      let data = try? Data(contentsOf: url)
    else { return [] }
    do {
      return try JSONDecoder().decode([Raw].self, from: data).map { try $0.referenceCase() }
    } catch {
      Issue.record("reference-cases.json: \(error)")
      return []
    }
  }()

  private struct Raw: Decodable {
    struct RawFirm: Decodable {
      var id: String
      var rank: Int
      var stars: Int
      var industry: String?
      var district: String?
      var above_scale: Bool?
      var spend: Double?
    }
    struct RawProgramme: Decodable {
      var key: String
      var name: String
      var quota: Int
      var reserves: Int
      var eligible: String?
      var from: String?
      var from_mode: String
      var caps: [String: Int]
      var pilot_industries: [String]
      var pilot_priority: String
      var history_years: Int
      var history_names: [String]
      var reward: Double
    }
    struct RawHistory: Decodable {
      var id: String
      var year: Int
      var programme: String
    }
    struct RawRewards: Decodable {
      var by_stars: [String: Double]
      var stacking: String
      var budget: Double?
      var allocation: String
      var round_to: Double
    }
    struct RawOutcome: Decodable {
      var selected: [String]
      var reserve: [String]
      var excluded: [String]
    }
    var seed: Int
    var firms: [RawFirm]
    var programmes: [RawProgramme]
    var history: [RawHistory]
    var rewards: RawRewards
    var expected: [RawOutcome]
    var awards: [String]
    var total_entitled: Double

    struct BadFixture: Error, CustomStringConvertible {
      var description: String
    }

    func referenceCase() throws -> ReferenceCase {
      ReferenceCase(
        seed: seed,
        firms: firms.map {
          Firm(
            id: $0.id, rank: $0.rank, stars: $0.stars, industry: $0.industry, district: $0.district,
            aboveScale: $0.above_scale, spend: $0.spend)
        },
        programmes: try programmes.map(programme),
        history: history.map { HistoryEntry(id: $0.id, year: $0.year, programme: $0.programme) },
        rewards: try rewardSpec(),
        expected: expected.map { Outcome(selected: $0.selected, reserve: $0.reserve, excluded: $0.excluded) },
        awards: awards, totalEntitled: total_entitled)
    }

    private func programme(_ p: RawProgramme) throws -> ProgrammeDraft {
      var rule: Expr?
      if let text = p.eligible {
        switch ExprParser.parse(text) {
        case .success(let e): rule = e
        case .failure(let e): throw BadFixture(description: "seed \(seed) \(p.key): \(text): \(e)")
        }
      }
      guard let mode = ProgrammeSpec.TierMode(rawValue: p.from_mode),
        let priority = ProgrammeSpec.PilotPriority(rawValue: p.pilot_priority)
      else { throw BadFixture(description: "seed \(seed) \(p.key): \(p.from_mode) / \(p.pilot_priority)") }
      return ProgrammeDraft(
        key: p.key, name: p.name, quota: p.quota, reserves: p.reserves, eligible: rule, from: p.from,
        fromMode: mode, caps: p.caps, pilotIndustries: p.pilot_industries, pilotPriority: priority,
        historyYears: p.history_years, historyNames: p.history_names, reward: p.reward)
    }

    private func rewardSpec() throws -> RewardDraft {
      guard let stacking = RewardSpec.Stacking(rawValue: rewards.stacking),
        let allocation = RewardSpec.Allocation(rawValue: rewards.allocation)
      else { throw BadFixture(description: "seed \(seed): \(rewards.stacking) / \(rewards.allocation)") }
      var byStars: [Int: Double] = [:]
      for (k, v) in rewards.by_stars {
        guard let stars = Int(k) else { throw BadFixture(description: "seed \(seed): stars \(k)") }
        byStars[stars] = v
      }
      return RewardDraft(
        byStars: byStars, stacking: stacking, budget: rewards.budget, allocation: allocation, roundTo: rewards.round_to)
    }
  }
}
