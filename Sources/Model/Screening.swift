/// The enterprises screened out before scoring (一票否决, docs/selection.md "Screening"),
/// with why: the value the Scorer consumes. A screened row is left out of the ranking
/// exactly like a row with a missing value under `missing = "exclude"`: not normalised,
/// not ranked, no stars, no reward.
///
/// Built by `Procedure.Screener` from the `[screening]` rules of the criteria file and the
/// `--screen` lists; empty when there is nothing to screen.
public struct Screening: Sendable {
  /// Every reason that screened each row (the first is the one shown first), by table row.
  public private(set) var reasons: [Int: [ScreenReason]] = [:]

  public init() {}

  /// Whether no row is screened.
  public var isEmpty: Bool { reasons.isEmpty }
  /// Number of screened rows.
  public var count: Int { reasons.count }

  /// Records that `reason` screens `row` (a row may be screened for several reasons).
  public mutating func screen(_ row: Int, _ reason: ScreenReason) {
    reasons[row, default: []].append(reason)
  }

  /// The reasons that screened `row` (empty when it is not screened).
  public func reasons(of row: Int) -> [ScreenReason] { reasons[row] ?? [] }

  /// Screened rows, ascending.
  public var rows: [Int] { reasons.keys.sorted() }
}

/// One reason an enterprise was screened out, with its evidence and the line it came from.
public struct ScreenReason: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    /// A `[[screening.rule]]` of the criteria file held for the row.
    case rule
    /// The data-coverage rule (`[screening] min_coverage`).
    case coverage
    /// The enterprise is on a `--screen` list.
    case list
  }

  public var kind: Kind
  /// The rule key, `coverage`, or the list file.
  public var name: String
  /// The official reason text (`近三年发生重大安全生产事故`).
  public var reason: String
  /// What shows it: the column values the rule read (`重大安全事故=true`), the coverage,
  /// or the list's source and date.
  public var evidence: String
  /// The file the rule or list entry is in, and its line.
  public var file: String
  public var line: Int

  public init(kind: Kind, name: String, reason: String, evidence: String, file: String, line: Int) {
    self.kind = kind
    self.name = name
    self.reason = reason
    self.evidence = evidence
    self.file = file
    self.line = line
  }

  /// `REASON (EVIDENCE; FILE:LINE)`: the reason as shown in every output.
  public var text: String {
    let location = "\(file):\(line)"
    return evidence.isEmpty ? "\(reason) (\(location))" : "\(reason) (\(evidence); \(location))"
  }
}
