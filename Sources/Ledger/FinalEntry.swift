/// One recommendation from a final: `id` selected to `programme` in `year`.
public struct FinalEntry: Sendable, Hashable {
  public var id: String
  public var year: Int
  public var programme: String
  public var run: Int
}
