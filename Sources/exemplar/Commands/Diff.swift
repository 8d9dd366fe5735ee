import ArgumentParser

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "diff", abstract: "(being built)")

  func run() throws {
    throw ValidationError("'diff' is not built yet")
  }
}
