import Reports
import Testing

/// `history ID`'s text: the committee's change and the group scores in the reader's words.
@Suite struct EnterpriseHistoryReportTests {
  static func report(english: Bool, labels: [String: String]) -> EnterpriseHistoryReport {
    let year = EnterpriseHistoryReport.Year(
      year: 2022, run: 1, final: true, name: "宁波甲公司", score: 80.5, rank: 6, ranked: 300, stars: 4, unranked: nil,
      groups: [(key: "cost", score: 81.25), (key: "quality", score: 70)],
      statuses: [
        .init(programme: "city", name: "市级标杆", computed: "reserve", final: "selected", position: 6, reason: nil),
        .init(programme: "province", name: "省级标杆", computed: "selected", final: "not_selected", position: nil, reason: "否决"),
      ],
      metrics: [])
    return EnterpriseHistoryReport(id: "91330200000000000X", years: [year], english: english, groupLabels: labels)
  }

  @Test func theCommitteesChangeReadsInTheReadersLanguage() {
    let zh = Self.report(english: false, labels: [:]).text
    #expect(zh.contains("  市级标杆 [city]: 入选第6位（计算结果：候补）\n"), "\(zh)")
    #expect(zh.contains("  省级标杆 [province]: 未入选（计算结果：入选）：否决"), "\(zh)")
    let en = Self.report(english: true, labels: [:]).text
    #expect(en.contains("  市级标杆 [city]: selected #6 (computed: reserve)\n"), "\(en)")
  }

  @Test func groupScoresAreNamedByTheirLabelsWhenKnown() {
    let labelled = Self.report(english: false, labels: ["cost": "成本"]).text
    #expect(labelled.contains("\n  成本 81.25  quality 70.00\n"), "\(labelled)")
    #expect(Self.report(english: false, labels: ["cost": "成本"]).json.contains(#""cost":81.25"#))
  }
}

/// The ledger's UTC record time as an office reads it.
@Suite struct BeijingMinuteTests {
  @Test func utcBecomesBeijingTimeToTheMinute() {
    #expect(beijingMinute(iso8601: "2026-12-07T00:43:34Z") == "2026-12-07 08:43")
    #expect(beijingMinute(iso8601: "2026-12-31T16:00:00Z") == "2027-01-01 00:00")  // across the new year
    #expect(beijingMinute(iso8601: "not a time") == "not a time")
  }
}
