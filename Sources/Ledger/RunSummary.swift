/// A recorded run, as `exemplar ledger list` shows it.
public struct RunSummary: Sendable, Hashable {
  public var run: Int
  public var year: Int
  public var recordedAt: String
  public var criteriaName: String
  public var out: String
  public var enterprises: Int
  public var ranked: Int
  /// Keys of the programmes of which this run is its year's final, sorted.
  public var finals: [String]
  /// The same programmes with the names the run recorded, in the criteria file's order.
  public var finalProgrammes: [ProgrammeName]
}
