import Criteria
import Scoring

/// Rewards earned by stars and programme selection, paid under the budget
/// (`[rewards]`, docs/selection.md "Rewards").
///
/// 1. Earned: `byStars[stars]` for every ranked enterprise (source `"stars:K"`), and
///    `reward` of every programme for each enterprise on its shortlist (reserves earn
///    nothing), source = the programme key. Zero amounts are not listed.
/// 2. Stacking: `sum` pays every award; `max` pays only the largest award of each
///    enterprise (the first in source order on a tie); the others stay listed with
///    `superseded = true` and nothing granted.
/// 3. Budget, over the awards in rank order (one enterprise's awards together, stars
///    first, then programmes in spec order):
///    - unlimited, or total ≤ budget: `granted = ⌊entitled⌋`;
///    - `rank`: pay in that order while the budget lasts; the award that would cross it
///      gets the remainder `⌊budget − paid⌋`, every later award 0;
///    - `pro-rata`: `granted = ⌊entitled · budget / total⌋`.
///
///    ⌊x⌋ rounds down to a multiple of `round_to` (with a tolerance of 1e-9 of one step,
///    so 0.3 with step 0.1 stays 0.3). `total` is the sum of the awards not superseded.
struct RewardAllocator {
  let spec: RewardSpec
  let programmes: [ProgrammeSpec]

  init(spec: Spec) {
    self.spec = spec.rewards
    self.programmes = spec.programmes
  }

  /// - Parameter withoutReward: rows vetoed or withdrawn for every programme (`*`): no star reward.
  func allocate(evaluation: Evaluation, programmes decisions: [ProgrammeDecision], withoutReward: Set<Int> = []) -> RewardAllocation {
    let rowCount = evaluation.rank.count
    // Programmes that pay, with a membership mask of their shortlist.
    var paying: [(key: String, amount: Double, selected: [Bool])] = []
    for (programme, decision) in zip(programmes, decisions) where programme.reward > 0 {
      var mask = [Bool](repeating: false, count: rowCount)
      for row in decision.selected { mask[row] = true }
      paying.append((programme.key, programme.reward, mask))
    }
    // Star rewards and their sources by level, looked up by index instead of hashing per row.
    let levels = (spec.byStars.keys.max() ?? 0) + 1
    var starAmount = [Double](repeating: 0, count: max(levels, 1))
    for (stars, amount) in spec.byStars where stars >= 0 { starAmount[stars] = amount }
    let starSource = starAmount.indices.map { "stars:\($0)" }

    var awards: [RewardAllocation.Award] = []
    // Rows added by decision that are not ranked still earn their programme's reward (after the ranked rows).
    var rows = evaluation.order
    for d in decisions { for r in d.selected where evaluation.rank[r] == 0 && !rows.contains(r) { rows.append(r) } }
    for row in rows {
      let first = awards.count
      let stars = evaluation.stars[row]
      if stars >= 0, stars < starAmount.count, starAmount[stars] > 0, withoutReward.isEmpty || !withoutReward.contains(row) {
        awards.append(.init(row: row, source: starSource[stars], entitled: starAmount[stars], granted: 0))
      }
      for p in paying where p.selected[row] {
        awards.append(.init(row: row, source: p.key, entitled: p.amount, granted: 0))
      }
      if spec.stacking == .max, awards.count - first > 1 {
        var best = first
        for i in first..<awards.count where awards[i].entitled > awards[best].entitled { best = i }
        for i in first..<awards.count where i != best { awards[i].superseded = true }
      }
    }

    var total = 0.0
    for a in awards where !a.superseded { total += a.entitled }
    let step = spec.roundTo
    if let budget = spec.budget, total > budget {
      switch spec.allocation {
      case .rank:
        var left = max(0, budget)
        var exhausted = false
        for i in awards.indices where !awards[i].superseded {
          let amount = Self.roundDown(awards[i].entitled, step: step)
          if exhausted {
            awards[i].granted = 0
          } else if amount <= left {
            awards[i].granted = amount
            left -= amount
          } else {
            awards[i].granted = Self.roundDown(left, step: step)
            left -= awards[i].granted
            exhausted = true
          }
        }
      case .proRata:
        let available = max(0, budget)
        for i in awards.indices where !awards[i].superseded {
          awards[i].granted = Self.roundDown(awards[i].entitled * available / total, step: step)
        }
      }
    } else {
      for i in awards.indices where !awards[i].superseded {
        awards[i].granted = Self.roundDown(awards[i].entitled, step: step)
      }
    }
    var granted = 0.0
    for a in awards { granted += a.granted }
    return RewardAllocation(awards: awards, totalEntitled: total, totalGranted: granted, budget: spec.budget)
  }

  /// `x` rounded down to a multiple of `step` (no rounding when `step` ≤ 0); never below 0.
  ///
  /// A quotient within 1e-9 below an integer counts as that integer, so binary
  /// representation error (0.3 / 0.1 = 2.9999999999999996) does not lose a whole step.
  static func roundDown(_ x: Double, step: Double) -> Double {
    guard x > 0 else { return 0 }
    guard step > 0 else { return x }
    let q = (x / step + 1e-9).rounded(.down)
    return Swift.min(x, q * step)
  }
}
