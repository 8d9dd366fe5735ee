import ArgumentParser

struct Weights: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "weights", abstract: "(being built)")

  func run() throws {
    throw ValidationError("'weights' is not built yet")
  }
}
