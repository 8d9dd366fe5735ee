import ArgumentParser

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "explain", abstract: "(being built)")

  func run() throws {
    throw ValidationError("'explain' is not built yet")
  }
}
