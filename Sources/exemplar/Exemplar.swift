import ArgumentParser

/// `exemplar`: selects benchmark enterprises (标杆企业) from implementation-effect metrics.
@main
struct Exemplar: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "exemplar",
    abstract: "Select benchmark enterprises: ingest metrics, score, rank, award stars, build shortlists.",
    version: version,
    subcommands: [
      Validate.self, Run.self, Explain.self, Weights.self, Sensitivity.self, Diff.self, Generate.self,
    ]
  )
}
