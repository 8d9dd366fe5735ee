import ArgumentParser

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "run", abstract: "(being built)")

  func run() throws {
    throw ValidationError("'run' is not built yet")
  }
}
