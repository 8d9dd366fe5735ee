import ArgumentParser

struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "generate", abstract: "(being built)")

  func run() throws {
    throw ValidationError("'generate' is not built yet")
  }
}
