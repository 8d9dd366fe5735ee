import Foundation
import Testing

/// True when a Chromium binary is on PATH (what `run` prints report.pdf with).
let chromiumOnPath: Bool = {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  return path.split(separator: ":").contains { dir in
    ["chromium", "chromium-browser", "google-chrome"].contains { FileManager.default.isExecutableFile(atPath: "\(dir)/\($0)") }
  }
}()

/// The documents an office hands over, through the CLI on the samples: report.pdf printed
/// by Chromium (pages counted with pdfinfo, first pages rasterised with pdftoppm).
@Suite struct DocumentTests {
  static let sample = [
    "samples/metrics-2022.csv", "--criteria", "criteria/2022.toml", "--history", "samples/history.csv", "--screen",
    "samples/screening.csv", "--reviews", "samples/reviews.csv", "--recusals", "samples/recusals.csv", "--decisions",
    "samples/decisions.csv",
  ]

  /// Runs a program (poppler's tools, or exemplar with an environment) and returns its status and stdout.
  static func tool(_ path: String, _ args: [String], environment: [String: String]? = nil) throws -> (Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    p.currentDirectoryURL = CLI.root
    if let environment { p.environment = environment }
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// Share of dark pixels (< 200 of 255) in a binary PGM (P5) image.
  static func inkShare(_ pgm: Data) -> Double {
    let b = [UInt8](pgm)
    // Header: P5 <w> <h> <max> then one whitespace byte, then the pixels.
    var fields: [String] = []
    var i = 0
    var current = ""
    while fields.count < 4, i < b.count {
      let c = b[i]
      if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
        if !current.isEmpty { fields.append(current); current = "" }
      } else {
        current.append(Character(UnicodeScalar(c)))
      }
      i += 1
    }
    guard fields.count == 4, fields[0] == "P5", i < b.count else { return 0 }
    let pixels = b[i...]
    return Double(pixels.filter { $0 < 200 }.count) / Double(max(pixels.count, 1))
  }

  @Test(.enabled(if: chromiumOnPath, "needs chromium (apt-get install -y chromium)"), .timeLimit(.minutes(5)))
  func theSamplesPrintOnAtMostTwelveA4Pages() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out").path
    let r = try CLI.run(["run"] + Self.sample + ["--out", out], pdf: true)
    #expect(r.status == 0, "\(r.stderr)")
    let pdf = out + "/report.pdf"
    #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)).prefix(5) == Data("%PDF-".utf8))
    #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/public-notice.pdf")).prefix(5) == Data("%PDF-".utf8))
    // The 推荐汇总表 pages: landscape A4, each programme from a new page.
    let (s0, summaryInfo) = try Self.tool("/usr/bin/pdfinfo", [out + "/summary.pdf"])
    #expect(s0 == 0 && summaryInfo.contains("841.92 x 594.96 pts (A4)"), "\(summaryInfo)")
    let summary = try String(contentsOfFile: out + "/summary.html", encoding: .utf8)
    #expect(summary.components(separatedBy: "<section class=\"sheet\">").count == 7)
    #expect(summary.contains("<h1>2022年度宁波市管理创新提升标杆企业推荐汇总表</h1>") && summary.contains("<h1>2022年度数字化改造标杆企业推荐汇总表</h1>"))
    #expect(summary.contains("填报人：") && summary.contains("单位盖章：") && summary.contains("四星级奖励因预算不足未发放 50,000 元"))
    let (s1, info) = try Self.tool("/usr/bin/pdfinfo", [pdf])
    #expect(s1 == 0, "pdfinfo (poppler-utils) is needed: scripts/setup.sh installs it")
    let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    #expect(pages >= 4 && pages <= 12, "\(pages) pages")
    #expect(info.contains("A4") || info.contains("595.") , "\(info)")
    // The first three pages, rasterised at 60 dpi, carry ink (not blank).
    let prefix = dir.appendingPathComponent("page").path
    let (s2, _) = try Self.tool("/usr/bin/pdftoppm", ["-gray", "-r", "60", "-f", "1", "-l", "3", pdf, prefix])
    #expect(s2 == 0)
    for n in 1...3 {
      let file = String(format: "%@-%0\(String(pages).count)d.pgm", prefix, n)
      let share = Self.inkShare(try Data(contentsOf: URL(fileURLWithPath: file)))
      #expect(share > 0.003, "page \(n): \(share) of the pixels are dark")
    }
    // Text for officials: the summary in words, the budget shortfall named, no English connective.
    let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
    #expect(html.contains("预算不足") && html.contains("预算不足未足额发放的企业"))
    #expect(html.contains("本次评选共有 300 家企业申报，其中 1 家经一票否决不参与评分，0 家因数据缺失未参与排名，299 家参与评分排名。"))
    #expect(html.contains("列为候补"))  // a reserve ranked above a selected enterprise: the cap named
    #expect(!html.contains(" and ") && html.contains(" 且 "))
    #expect(!html.contains("未入选"))  // no full-ranking tables
    // Every 18-character 统一社会信用代码 fits its cell: the next column's text starts at least
    // the two cells' paddings (1.4 mm each, ~8 pt) after the id ends (it was 1.7 pt when the
    // id column was too narrow and the id ran into the border).
    for file in ["report.pdf", "summary.pdf"] {
      let gaps = try Self.idGaps(out + "/" + file)
      #expect(gaps.count >= 20, "\(file): \(gaps.count) ids found")
      #expect((gaps.min() ?? 0) >= 7, "\(file): an id comes within \(gaps.min() ?? 0) pt of the next column's text")
    }
  }

  /// For every 18-character id (digits and capitals) in `pdf`, the distance in points from its
  /// end to the start of the next word on its line (`pdftotext -bbox`, poppler-utils).
  static func idGaps(_ pdf: String) throws -> [Double] {
    let (status, xhtml) = try tool("/usr/bin/pdftotext", ["-bbox", pdf, "-"])
    #expect(status == 0, "pdftotext (poppler-utils) is needed: scripts/setup.sh installs it")
    let word = try Regex(#"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>"#)
    var gaps: [Double] = []
    for page in xhtml.components(separatedBy: "<page ") {
      let words = page.matches(of: word).compactMap { m -> (x0: Double, y: Double, x1: Double, text: String)? in
        guard let x0 = Double(m.output[1].substring ?? ""), let y = Double(m.output[2].substring ?? ""),
          let x1 = Double(m.output[3].substring ?? "")
        else { return nil }
        return (x0, y, x1, String(m.output[4].substring ?? ""))
      }
      for w in words where w.text.count == 18 && w.text.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) {
        let next = words.filter { abs($0.y - w.y) < 1.5 && $0.x0 > w.x0 + 1 }.map(\.x0).min()
        if let next { gaps.append(next - w.x1) }
      }
    }
    return gaps
  }

  @Test func noPDFFlagAndAFailingBrowser() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a").path
    let r = try CLI.run(["run"] + Self.sample + ["--out", a, "--no-pdf"], pdf: true)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: a + "/report.pdf") && !FileManager.default.fileExists(atPath: a + "/public-notice.pdf"))
    #expect(FileManager.default.fileExists(atPath: a + "/report.html"))
    // A browser that fails: a clear error (exit 73), and nothing is written.
    var env = ProcessInfo.processInfo.environment
    env["EXEMPLAR_CHROMIUM"] = "/bin/false"
    let b = dir.appendingPathComponent("b").path
    let (status, _) = try Self.tool(CLI.executable.path, ["run"] + Self.sample + ["--out", b], environment: env)
    #expect(status == 73)
    #expect(!FileManager.default.fileExists(atPath: b))
  }
}

/// `exemplar letter`: one A4 letter per enterprise.
@Suite struct LetterTests {
  @Test func oneLetterWithItsReasonsAndEveryEnterpriseWithoutID() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let one = dir.appendingPathComponent("one").path
    let id = "91330281MA2JF61C08"
    let r = try CLI.run(["letter"] + DocumentTests.sample + ["--id", id.lowercased(), "--out", one], pdf: true)
    #expect(r.status == 0, "\(r.stderr)")
    let html = try String(contentsOfFile: one + "/\(id).html", encoding: .utf8)
    #expect(html.contains("关于余姚阳嘉新材料股份有限公司2022年度中小企业数字化改造标杆企业评选结果的说明"))
    #expect(html.contains("贵单位综合得分") && html.contains("星级评定为五星级"))
    // Every criterion's value, standing and points; strengths and weaknesses.
    #expect(html.contains("生产效率提升率</td><td class=\"n\">46.42%</td><td class=\"nw\">第 1 名（前 1%）</td>"))
    #expect(html.contains("优势指标：") && html.contains("待提升指标："))
    // Each programme's decision and reason: a reserve kept off by the industry cap.
    #expect(html.contains("候补（第 1 位）") && html.contains("入选已达上限1家，列为候补"))
    #expect(html.contains("拟推荐（第 2 名）") && html.contains("奖励 500,000 元"))
    if chromiumOnPath {
      let (status, info) = try DocumentTests.tool("/usr/bin/pdfinfo", [one + "/\(id).pdf"])
      #expect(status == 0 && info.contains("Pages:           1"), "\(info)")
    }
    // Without --id: every enterprise, HTML only; a screened-out one says so.
    let all = dir.appendingPathComponent("all").path
    let a = try CLI.run(["letter"] + DocumentTests.sample + ["--out", all])
    #expect(a.status == 0, "\(a.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: all).filter { $0.hasSuffix(".html") }
    #expect(files.count == 300)
    #expect(!(try FileManager.default.contentsOfDirectory(atPath: all)).contains { $0.hasSuffix(".pdf") })
    let screened = try files.map { try String(contentsOfFile: all + "/" + $0, encoding: .utf8) }.filter { $0.contains("经一票否决") }
    #expect(screened.count == 1)
    // An unknown id: exit 65, nothing written.
    let bad = try CLI.run(["letter"] + DocumentTests.sample + ["--id", "NOPE", "--out", dir.appendingPathComponent("bad").path])
    #expect(bad.status == 65 && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad").path))
  }

  @Test func lettersReplaceTheirFolderWholeAndAFailedRunKeepsIt() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("letters").path
    let id = "91330281MA2JF61C08"
    let first = try CLI.run(["letter"] + DocumentTests.sample + ["--id", id, "--out", out, "--no-pdf"])
    #expect(first.status == 0, "\(first.stderr)")
    let one = try String(contentsOfFile: out + "/\(id).html", encoding: .utf8)
    // A failed run (unknown id) leaves the earlier letters as they were.
    let bad = try CLI.run(["letter"] + DocumentTests.sample + ["--id", "NOPE", "--out", out])
    #expect(bad.status == 65)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { !$0.hasPrefix(".") } == ["\(id).html"])
    // Every enterprise: the folder is replaced as a whole, the letter is the same bytes, and
    // no temporary folder is left beside it.
    let all = try CLI.run(["letter"] + DocumentTests.sample + ["--out", out])
    #expect(all.status == 0, "\(all.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".html") }.count == 300)
    #expect(try String(contentsOfFile: out + "/\(id).html", encoding: .utf8) == one)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["letters"])
  }

  @Test func explainNamesAnUnpaidStarReward() throws {
    // Rank 25 in the samples is a 4★ enterprise the 2,500,000 budget did not pay.
    let r = try CLI.run(["explain"] + DocumentTests.sample + ["--id", "913302007739285211"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("星级奖励：0（应得 50000，因预算不足未发 50000）"))
  }
}
