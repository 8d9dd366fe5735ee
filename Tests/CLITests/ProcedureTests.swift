import Foundation
import Testing

/// The worked example of docs/selection.md ("Screening, reviews and committee decisions"),
/// carried out through the CLI, and every bad input of the procedure files.
@Suite struct ProcedureTests {
  static let criteria = """
    [evaluation]
    name = "worked example"
    year = 2022
    id = "id"
    label = "name"
    scale = [0, 100]
    [columns.id]
    header = "id"
    type = "text"
    [columns.name]
    header = "name"
    type = "text"
    [columns.district]
    header = "district"
    type = "category"
    [columns.incident]
    header = "incident"
    type = "bool"
    [columns.x]
    header = "x"
    type = "number"
    [criteria.x]
    column = "x"
    weight = 0.7
    normalise = "goalposts"
    goalposts = [0, 100]
    [criteria.review]
    column = "review"
    weight = 0.3
    normalise = "goalposts"
    goalposts = [0, 100]
    [screening]
    [[screening.rule]]
    name = "major_incident"
    when = "incident"
    reason = "近三年发生重大安全生产事故"
    [reviews]
    column = "review"
    aggregate = "trimmed-mean"
    min_reviewers = 3
    range = [0, 100]
    [stars]
    [[stars.level]]
    stars = 4
    min_score = 72
    [programmes.city]
    name = "city"
    quota = 4
    reserves = 2
    caps = { district = 2 }
    [programmes.province]
    name = "province"
    from = "city"
    quota = 1
    reserves = 1
    reward = 5000
    [rewards]
    stars = { "4" = 1000 }
    budget = 6500
    allocation = "rank"
    round_to = 100

    """

  static let districts = ["A", "A", "B", "A", "B", "B", "C", "C", "A", "C", "B", "C"]

  static func id(_ i: Int) -> String { String(format: "E%02d", i) }

  /// 12 enterprises, x = 95, 90, … 40; E03 has an incident.
  static var metrics: String {
    var s = "id,name,district,incident,x\n"
    for i in 1...12 { s += "\(id(i)),Firm \(i),\(districts[i - 1]),\(i == 3 ? "true" : "false"),\(100 - 5 * i)\n" }
    return s
  }

  /// Five reviewers: x + 4, x + 1, x, x − 1, x − 4 (the trimmed mean is x).
  static var reviews: String {
    var s = "id,reviewer,score\n"
    for i in 1...12 {
      let x = Double(100 - 5 * i)
      for (r, d) in [("R1", 4.0), ("R2", 1.0), ("R3", 0.0), ("R4", -1.0), ("R5", -4.0)] { s += "\(id(i)),\(r),\(x + d)\n" }
    }
    return s
  }

  struct Files {
    let dir: URL
    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
  }

  static func files(decisions: String? = nil, screen: String? = nil, reviews: String? = nil, recusals: String? = nil) throws -> Files {
    let dir = try CLI.temporaryFolder()
    let write = { (name: String, text: String) in try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    try write("c.toml", criteria)
    try write("m.csv", metrics)
    try write("reviews.csv", reviews ?? Self.reviews)
    try write("recusals.csv", recusals ?? "reviewer,id\nR3,E05\n")
    try write("screen.csv", screen ?? "id,reason,source,date\nE07,列入严重失信主体名单,市信用办,2022-03-15\n")
    try write(
      "decisions.csv",
      decisions
        ?? "id,programme,action,reason,decided_by,date\nE01,*,veto,公示期间实名举报属实,市评审委员会,2022-05-23\nE10,city,add,行业示范意义,市评审委员会,2022-05-23\n")
    return Files(dir: dir)
  }

  static func arguments(_ f: Files) -> [String] {
    [
      f.path("m.csv"), "--criteria", f.path("c.toml"), "--screen", f.path("screen.csv"), "--reviews", f.path("reviews.csv"),
      "--recusals", f.path("recusals.csv"), "--decisions", f.path("decisions.csv"),
    ]
  }

  @Test func workedExample() throws {
    let f = try Self.files()
    defer { try? FileManager.default.removeItem(at: f.dir) }
    let out = f.path("out")
    let r = try CLI.run(["run"] + Self.arguments(f) + ["--out", out])
    #expect(r.status == 0, "\(r.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: out + "/results.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let lists = try #require(json["shortlists"] as? [String: [String: Any]])
    // Computed: E01 A, E02 A, (E04 A: cap), E05 B, E06 B; reserves E04, E08.
    #expect(lists["city"]?["computed_selected"] as? [String] == ["E01", "E02", "E05", "E06"])
    #expect(lists["city"]?["computed_reserve"] as? [String] == ["E04", "E08"])
    // Final: E10 added first; E01 vetoed (*), so E04 steps up under the district cap.
    #expect(lists["city"]?["selected"] as? [String] == ["E10", "E02", "E04", "E05"])
    #expect(lists["city"]?["reserve"] as? [String] == ["E06", "E08"])
    // The tier follows: E01 leaves the province list drawn from the city list.
    #expect(lists["province"]?["computed_selected"] as? [String] == ["E01"])
    #expect(lists["province"]?["computed_reserve"] as? [String] == ["E02"])
    #expect(lists["province"]?["selected"] as? [String] == ["E02"])
    #expect(lists["province"]?["reserve"] as? [String] == ["E04"])
    // Screened: E03 by rule, E07 by list; neither ranked.
    let screened = try #require(json["screened"] as? [[String: Any]])
    #expect(screened.map { $0["id"] as? String } == ["E03", "E07"])
    let ranking = try #require(json["ranking"] as? [[String: Any]])
    #expect(ranking.count == 10)
    #expect(!ranking.contains { ["E03", "E07"].contains($0["id"] as? String) })
    // Rewards under the budget 6,500: E01 (*) earns nothing; E02 star 1,000 + province 5,000;
    // E04 the remaining 500 of its star award; E05 nothing left.
    let rewards = try #require(json["rewards"] as? [String: Any])
    let awards = try #require(rewards["awards"] as? [[String: Any]])
    let granted = awards.map { "\($0["id"] as? String ?? "") \($0["source"] as? String ?? "") \(($0["granted"] as? Double) ?? -1)" }
    #expect(granted == ["E02 stars:4 1000.0", "E02 province 5000.0", "E04 stars:4 500.0", "E05 stars:4 0.0"])
    #expect(rewards["total_granted"] as? Double == 6500)
    // The shortlist CSVs show the computed status beside the final one, and each list's own reward.
    let city = try String(contentsOfFile: out + "/shortlists/city.csv", encoding: .utf8).split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(city.first?.prefix(5) == ["状态", "序号", "原因", "计算结果", "排名"])
    #expect(city.first?.last == "本项目奖励（元）")
    func line(_ rows: [[String]], _ id: String) -> [String] { rows.first { $0.count > 5 && $0[5] == id } ?? [] }
    #expect(line(city, "E10").prefix(4) == ["入选", "1", "", "未入选"])  // added
    #expect(line(city, "E04").prefix(4) == ["入选", "3", "", "候补"])  // stepped up
    #expect(line(city, "E06").prefix(4) == ["候补", "1", "", "入选"])  // displaced by the add
    let vetoed = try String(contentsOfFile: out + "/shortlists/city.csv", encoding: .utf8).split(whereSeparator: \.isNewline).first { $0.contains(",E01,") }
    #expect(vetoed?.hasPrefix("未入选,") == true && vetoed?.contains("公示期间实名举报属实") == true && vetoed?.contains("\",入选,") == true)  // vetoed
    #expect(line(city, "E02").last == "")  // the city list pays nothing; E02's star reward is not the city's
    let province = try String(contentsOfFile: out + "/shortlists/province.csv", encoding: .utf8).split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(line(province, "E02").last == "5000.00")
    let rankingCSV = try String(contentsOfFile: out + "/ranking.csv", encoding: .utf8)
    #expect(rankingCSV.split(whereSeparator: \.isNewline).first?.contains("city计算结果") == true)
    // The committee's add reads as such on the page, with its reason.
    let page = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
    #expect(page.contains("评审委员会增补：行业示范意义"))
    // The manifest lists every input with its SHA-256.
    let manifest = try #require(json["manifest"] as? [String: Any])
    let inputs = try #require(manifest["inputs"] as? [[String: Any]])
    #expect(inputs.map { $0["role"] as? String } == ["metrics", "criteria", "screen", "reviews", "recusals", "decisions"])
    #expect(inputs.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
  }

  /// Without decisions E04 (district A) is kept off the city list by the district cap while
  /// the quota is open: it is a reserve ranked above selected E05 and E06, and every output says why.
  @Test func aReserveAboveSelectedEnterprisesSaysWhichCap() throws {
    let f = try Self.files()
    defer { try? FileManager.default.removeItem(at: f.dir) }
    let out = f.path("out")
    let args = Array(Self.arguments(f).dropLast(2))
    let r = try CLI.run(["run"] + args + ["--out", out])
    #expect(r.status == 0, "\(r.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: out + "/results.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let city = try #require((json["shortlists"] as? [String: [String: Any]])?["city"])
    #expect(city["reserve"] as? [String] == ["E04", "E08"])
    let reasons = try #require(city["reserve_reasons"] as? [[String: Any]])
    #expect(reasons.map { $0["id"] as? String } == ["E04"])
    #expect(reasons.first?["code"] as? String == "cap")
    #expect((reasons.first?["reason"] as? String)?.contains("最多2家（A已满）") == true)
    let csv = try String(contentsOfFile: out + "/shortlists/city.csv", encoding: .utf8)
    #expect(csv.contains("候补,1,名额上限：每个district最多2家（A已满）,"))
    let explain = try CLI.run(["explain"] + args + ["--id", "E04"])
    #expect(explain.stdout.contains("候补（第1位）——名额上限"), "\(explain.stdout)")
  }

  /// Every input's SHA-256 is taken from the bytes parsed: a screening list given as
  /// /dev/stdin (read once, cannot be opened again) is recorded with its content's hash.
  @Test func theManifestHashesTheBytesParsed() throws {
    let f = try Self.files()
    defer { try? FileManager.default.removeItem(at: f.dir) }
    let out = f.path("out")
    let list = try Data(contentsOf: URL(fileURLWithPath: f.path("screen.csv")))
    let args = [f.path("m.csv"), "--criteria", f.path("c.toml"), "--screen", "/dev/stdin", "--reviews", f.path("reviews.csv")]
    let r = try CLI.run(["run"] + args + ["--out", out, "--no-excel", "--no-html"], stdin: list)
    #expect(r.status == 0, "\(r.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: out + "/results.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let inputs = try #require((json["manifest"] as? [String: Any])?["inputs"] as? [[String: Any]])
    let screen = try #require(inputs.first { $0["role"] as? String == "screen" })
    let sum = try CLI.runTool("/usr/bin/sha256sum", [f.path("screen.csv")])
    #expect(screen["sha256"] as? String == String(sum.prefix(64)))
    #expect((json["screened"] as? [[String: Any]])?.contains { $0["id"] as? String == "E07" } == true)
  }

  @Test func explainTellsTheStory() throws {
    let f = try Self.files()
    defer { try? FileManager.default.removeItem(at: f.dir) }
    let vetoed = try CLI.run(["explain"] + Self.arguments(f) + ["--id", "E01", "--lang", "en"])
    #expect(vetoed.status == 0, "\(vetoed.stderr)")
    #expect(vetoed.stdout.contains("city [city]: computed: selected (no. 1) → final: committee decision (veto, 市评审委员会, 2022-05-23)"))
    #expect(vetoed.stdout.contains("veto *: 公示期间实名举报属实 — 市评审委员会, 2022-05-23"))
    let stepped = try CLI.run(["explain"] + Self.arguments(f) + ["--id", "E04", "--lang", "en"])
    #expect(stepped.stdout.contains("city [city]: computed: reserve (no. 1) → final: selected (no. 3)"))
    let recused = try CLI.run(["explain"] + Self.arguments(f) + ["--id", "E05", "--lang", "en"])
    #expect(recused.stdout.contains("expert review: 75.00 (trimmed-mean of 4 reviewers)"))
    #expect(recused.stdout.contains("recused: R3"))
    let screened = try CLI.run(["explain"] + Self.arguments(f) + ["--id", "E03", "--lang", "en"])
    #expect(screened.stdout.contains("近三年发生重大安全生产事故; evidence: incident=true"))
  }

  /// A harsh reviewer is warned about at the reviewer's first line (not at line 0), in
  /// both languages; the other five reviewers, within ±4 points of each other, are not.
  @Test func aHarshReviewerIsWarnedAboutAtTheirFirstLine() throws {
    var reviews = Self.reviews  // lines 2…61: R1–R5 on E01…E12
    for i in 1...12 { reviews += "\(Self.id(i)),R6,\(Double(100 - 5 * i) - 30)\n" }  // R6 from line 62
    let f = try Self.files(reviews: reviews)
    defer { try? FileManager.default.removeItem(at: f.dir) }
    let zh = try CLI.run(["run"] + Self.arguments(f) + ["--out", f.path("zh"), "--no-excel", "--no-html"])
    let en = try CLI.run(["run"] + Self.arguments(f) + ["--out", f.path("en"), "--no-excel", "--no-html", "--lang", "en"])
    #expect(zh.status == 0 && en.status == 0, "\(zh.stderr)\(en.stderr)")
    let path = f.path("reviews.csv")
    #expect(zh.stderr.contains("\(path):62:reviewer: 警告：评审 R6 的平均评分为"), "\(zh.stderr)")
    #expect(en.stderr.contains("\(path):62:reviewer: warning: reviewer R6 scores"), "\(en.stderr)")
    #expect(!zh.stderr.contains("评审 R5") && !zh.stderr.contains("\(path):0:"), "\(zh.stderr)")
  }

  @Test func sensitivityHonoursScreeningAndDecisions() throws {
    let f = try Self.files()
    defer { try? FileManager.default.removeItem(at: f.dir) }
    let out = f.path("sens")
    let r = try CLI.run(["sensitivity"] + Self.arguments(f) + ["--samples", "200", "--out", out, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: out + "/sensitivity.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let enterprises = try #require(json["enterprises"] as? [[String: Any]])
    func selection(_ id: String) -> [String: Double]? {
      enterprises.first { $0["id"] as? String == id }?["selection"] as? [String: Double]
    }
    #expect(selection("E01") == ["city": 0, "province": 0])  // vetoed (*): probability 0
    #expect(selection("E10")?["city"] == 1)  // added: always on the list
    #expect(selection("E03") == nil && selection("E07") == nil)  // screened: never ranked
  }

  @Test(arguments: [
    (
      "decisions.csv", "id,programme,action,reason,decided_by,date\nE1,city,veto,x,y,2022-01-01\nE02,cty,veto,x,y,2022-01-01\n",
      ["decisions.csv:2:id: unknown enterprise id \"E1\"", "decisions.csv:3:programme: unknown programme \"cty\" (did you mean \"city\"?)"]
    ),
    (
      "decisions.csv", "id,programme,action,reason,decided_by,date\nE02,city,veto,x,y,2022-01-01\nE02,city,add,x,y,2022-01-01\nE03,city,add,x,y,2022-01-01\n",
      ["decisions.csv:3: add of E02 for city contradicts veto for city at", "decisions.csv:4:action: cannot add E03 to city: it was screened out"]
    ),
    (
      "reviews.csv", "id,reviewer,score\nE01,R1,101\nE01,R2,50\nE01,R2,60\n",
      ["reviews.csv:2:score: score 101 is outside the declared range [0, 100]", "reviews.csv:4: duplicate review of E01 by R2: first at"]
    ),
    ("screen.csv", "id,reason\nE99,x\n", ["screen.csv:2:id: unknown enterprise id \"E99\""]),
    ("recusals.csv", "reviewer,id\nR1,E13\n", ["recusals.csv:2:id: unknown enterprise id \"E13\""]),
  ])
  func badInputIsReportedAtOnceAndWritesNothing(file: String, text: String, messages: [String]) throws {
    let f = try Self.files(
      decisions: file == "decisions.csv" ? text : nil, screen: file == "screen.csv" ? text : nil,
      reviews: file == "reviews.csv" ? text : nil, recusals: file == "recusals.csv" ? text : nil)
    defer { try? FileManager.default.removeItem(at: f.dir) }
    let out = f.path("out")
    let r = try CLI.run(["run"] + Self.arguments(f) + ["--out", out, "--lang", "en"])
    #expect(r.status == 65)
    for m in messages { #expect(r.errorLines.contains { $0.hasPrefix(f.path(m)) || $0.contains(m) }, "\(m) in \(r.stderr)") }
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
