import Criteria
import Model
import Scoring

/// One finding of the re-review (复核, 动态管理): a recognition still valid this year whose
/// holder no longer meets the programme's bar.
public struct ReReviewFinding: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    /// Screened out this year (a veto condition, 一票否决).
    case screened
    /// Left out of this year's ranking (missing data).
    case unranked
    /// Stars below the programme's requirement (`review_min_stars`).
    case stars
    /// Rank below the programme's line (`review_rank`).
    case rank
  }
  public var id: String
  public var name: String
  /// This year's row.
  public var row: Int
  /// Programme key.
  public var programme: String
  /// The year of the recognition and the last year it is valid.
  public var recognisedIn: Int
  public var validThrough: Int
  public var kind: Kind
  /// This year's stars and rank (0 when unranked); the requirement that failed.
  public var stars: Int
  public var rank: Int
  public var required: Int
  /// Screened or unranked: why.
  public var why: String

  /// The finding in Chinese or English.
  public func text(english: Bool) -> String {
    switch kind {
    case .screened: english ? "screened out this year: \(why)" : "本年度一票否决：\(why)"
    case .unranked: english ? "not ranked this year: \(why)" : "本年度未参与排名：\(why)"
    case .stars: english ? "\(stars) stars, below the \(required) the programme requires" : "星级为\(stars)星，低于该项目要求的\(required)星"
    case .rank: english ? "rank \(rank), below the line of rank \(required)" : "排名第\(rank)名，低于复核线（第\(required)名）"
    }
  }
}

/// The re-review: for every recognition still valid in the evaluation year (given in year
/// y by a programme with `valid_years = v`: valid through y + v − 1), the holders now
/// screened out, unranked, below the programme's stars (`review_min_stars`) or below its
/// rank line (`review_rank`). Holders absent from this year's metrics are not listed.
public enum ReReview {
  /// Whether any programme declares a validity (the re-review is then part of the outputs).
  public static func applies(_ spec: Spec) -> Bool { spec.programmes.contains { $0.validYears > 0 } }

  /// The findings, in programme order, then by this year's rank (unranked last), then id.
  public static func findings(spec: Spec, evaluation e: Evaluation, history: [HistoryEntry]) -> [ReReviewFinding] {
    let year = spec.evaluation.year
    // The latest valid recognition per (programme, id).
    var latest: [String: [String: Int]] = [:]
    for h in history where h.year < year {
      guard let p = HistoryCheck.programme(named: h.programme, in: spec), p.validYears > 0, h.year + p.validYears > year else { continue }
      latest[p.key, default: [:]][h.id] = max(latest[p.key]?[h.id] ?? h.year, h.year)
    }
    guard !latest.isEmpty else { return [] }
    var rowOf: [String: Int] = [:]
    for (row, id) in e.ids.enumerated() { rowOf[id] = row }
    var unrankedWhy: [Int: String] = [:]
    for u in e.unranked { unrankedWhy[u.row] = u.reason }
    var out: [ReReviewFinding] = []
    for p in spec.programmes {
      guard let holders = latest[p.key] else { continue }
      var found: [ReReviewFinding] = []
      for (id, given) in holders {
        guard let row = rowOf[id] else { continue }
        var f = ReReviewFinding(
          id: id, name: e.labels[row], row: row, programme: p.key, recognisedIn: given, validThrough: given + p.validYears - 1,
          kind: .screened, stars: e.stars[row], rank: e.rank[row], required: 0, why: "")
        let screened = e.screening.reasons(of: row)
        if !screened.isEmpty {
          f.why = screened.map(\.reason).joined(separator: "；")
          found.append(f)
          continue
        }
        if e.rank[row] == 0 {
          f.kind = .unranked
          f.why = unrankedWhy[row] ?? ""
          found.append(f)
          continue
        }
        if let need = p.reviewMinStars, e.stars[row] < need {
          f.kind = .stars
          f.required = need
          found.append(f)
        }
        if let line = p.reviewRank, e.rank[row] > line {
          f.kind = .rank
          f.required = line
          found.append(f)
        }
      }
      found.sort { a, b in
        let (ra, rb) = (a.rank == 0 ? Int.max : a.rank, b.rank == 0 ? Int.max : b.rank)
        return ra != rb ? ra < rb : a.id != b.id ? a.id < b.id : a.kind.rawValue < b.kind.rawValue
      }
      out += found
    }
    return out
  }
}
