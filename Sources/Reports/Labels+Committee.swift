/// Words for the committee's side of the lists: what the computation alone gave beside the
/// final decision (ranking.csv, shortlists/KEY.csv when decisions were applied).
extension Labels {
  /// Header of the computed-status column: "计算结果" / "Computed".
  public var computedStatus: String { english ? "Computed" : "计算结果" }
  /// Header of a programme list's own reward: "本项目奖励（元）" / "Reward from this programme (yuan)".
  public var programmeReward: String { english ? "Reward from this programme (yuan)" : "本项目奖励（元）" }
}
