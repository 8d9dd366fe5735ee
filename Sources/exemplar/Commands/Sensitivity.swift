import ArgumentParser

struct Sensitivity: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "sensitivity", abstract: "(being built)")

  func run() throws {
    throw ValidationError("'sensitivity' is not built yet")
  }
}
