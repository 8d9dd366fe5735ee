/// One slider of `exemplar tune`'s page: a local weight as the criteria file writes it
/// (`groups.cost.weight`, `criteria.oee.weight`), under a node weighted `direct`.
public struct TuneKnob: Sendable, Hashable {
  /// The `--set` key path of the weight: `groups.KEY.weight` or `criteria.KEY.weight`.
  public var path: String
  /// `group` or `criterion`.
  public var kind: String
  /// The group's or criterion's key.
  public var key: String
  /// Its label (成本, 综合成本降低率 …).
  public var label: String
  /// The parent group's key; empty for a child of the root.
  public var parent: String
  /// The parent's label; empty for the root.
  public var parentLabel: String
  /// The local weight the file (with the command line's `--set`) gives.
  public var nominal: Double
  /// The `--set` that makes the parent rescale its children's weights to sum 1
  /// (`weighting.normalise=true`, `groups.KEY.normalise=true`), or nil when the file already
  /// says so: a changed weight needs it, since direct weights must otherwise sum to 1.
  public var normalise: String?

  /// The slider values over which every programme's shortlist stays the nominal one while
  /// the other weights keep the file's values (the weight-stability interval mapped onto
  /// the slider: docs/cli.md, "tune"); nil when not computed (not a weighted sum).
  public var stable: ClosedRange<Double>?
  /// False when one of the intervals is not exact (a rule reads weight-dependent names).
  public var stableExact = true
  /// The same band as local weights among the siblings (the intervals of
  /// `weights --stability`, intersected over the programmes).
  public var stableLocal: ClosedRange<Double>?
  /// What happens just below and just above the band (nil: that end is the slider's limit).
  public var stableLowEnd: BandEnd?
  public var stableHighEnd: BandEnd?

  /// Where a list changes at one end of a band: the programme, the enterprise that enters
  /// its shortlist and the one it replaces (labels).
  public struct BandEnd: Sendable, Hashable {
    public var programme: String
    public var entering: String
    public var leaving: String
    public init(programme: String, entering: String, leaving: String) {
      self.programme = programme
      self.entering = entering
      self.leaving = leaving
    }
  }

  public init(path: String, kind: String, key: String, label: String, parent: String, parentLabel: String, nominal: Double, normalise: String?) {
    self.path = path
    self.kind = kind
    self.key = key
    self.label = label
    self.parent = parent
    self.parentLabel = parentLabel
    self.nominal = nominal
    self.normalise = normalise
  }
}
