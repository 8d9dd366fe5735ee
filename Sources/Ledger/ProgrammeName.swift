/// A programme of a recorded run: its key and its name as the run's criteria file gave it
/// (the `programme` table's `programme` and `name`).
public struct ProgrammeName: Sendable, Hashable {
  public var key: String
  public var name: String

  public init(key: String, name: String) {
    self.key = key
    self.name = name
  }
}
