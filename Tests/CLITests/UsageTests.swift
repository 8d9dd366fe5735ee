import Foundation
import Testing

@Suite struct UsageTests {
  @Test func helpListsEveryCommand() throws {
    let r = try CLI.run(["--help"])
    #expect(r.status == 0)
    for command in ["validate", "run", "explain", "weights", "sensitivity", "diff", "generate"] {
      #expect(r.stdout.contains(command), "help does not mention \(command)")
    }
  }

  @Test func missingOptionIsAUsageError() throws {
    let r = try CLI.run(["validate", "samples/metrics-2022.csv"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--criteria"))
  }

  @Test func unknownCommandIsAUsageError() throws {
    let r = try CLI.run(["rank-everything"])
    #expect(r.status == 64)
  }
}
