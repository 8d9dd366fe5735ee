import Foundation
import Reports
import Testing

@Suite struct StabilitySectionTests {
  @Test func stabilityIntervalsAppearOnlyWhenGiven() throws {
    let f = Fixture.make()
    let without = scratchFolder() + "/out"
    try f.write(to: without)
    #expect(!text(without + "/report.html").contains("class=\"stability\""))

    let key = f.decision.programmes[0].key
    var options = ReportOptions(now: Fixture.now, version: "t")
    options.stability = [
      WeightStabilityRow(programme: key, criterion: "nope", weight: 0.25, low: 0.125, high: 0.5, exact: true),
      WeightStabilityRow(programme: key, criterion: "other", weight: 0.1, low: 0, high: 0.3, exact: false),
    ]
    let with = scratchFolder() + "/out"
    try f.write(to: with, options: options)
    let html = text(with + "/report.html")
    #expect(html.contains("class=\"stability\""))
    #expect(html.contains("12.50% – 50.00%<"))
    #expect(html.contains("0.00% – 30.00% *<"))  // conservative bound marked
  }
}
