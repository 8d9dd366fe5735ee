import Ingest
import Model
import Testing

@Suite struct HistoryTests {
  @Test func readsEntriesWithCanonicalIDs() throws {
    let text = "\u{FEFF}id,year,programme\n \(uscc(1).lowercased()) ,2021,municipal\n\(uscc(1)),2022,provincial\nT-9,2020,national\n"
    let entries = try Ingestor.readHistory(bytes: Array(text.utf8), name: "h.csv", options: IngestOptions()).get()
    #expect(
      entries == [
        HistoryEntry(id: uscc(1), year: 2021, programme: "municipal"),
        HistoryEntry(id: uscc(1), year: 2022, programme: "provincial"),
        HistoryEntry(id: "T-9", year: 2020, programme: "national"),
      ])
  }

  @Test func chineseHeadersAreAccepted() throws {
    let text = "统一社会信用代码,年度,项目\n\(uscc(2)),2022,municipal\n"
    let entries = try Ingestor.readHistory(bytes: Array(text.utf8), name: "h.csv", options: IngestOptions()).get()
    #expect(entries.count == 1)
  }

  @Test func badYearIsADataError() {
    let text = "id,year,programme\n\(uscc(1)),twenty,municipal\n"
    switch Ingestor.readHistory(bytes: Array(text.utf8), name: "h.csv", options: IngestOptions()) {
    case .success: Issue.record("accepted a bad year")
    case .failure(let f):
      #expect(f.kind == .data)
      #expect(f.diagnostics.diagnostics.map(\.description) == ["h.csv:2:year: not a number: 'twenty'"])
    }
  }

  @Test func missingFileIsNoInput() {
    if case .failure(let f) = Ingestor.readHistory(path: "/nonexistent/h.csv", options: IngestOptions()) {
      #expect(f.kind == .noInput)
    } else {
      Issue.record("expected failure")
    }
  }
}
