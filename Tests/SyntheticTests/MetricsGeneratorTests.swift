import Model
import Synthetic
import Testing

/// Determinism, layout and value checks of the generated CSV, read back with `SimpleCSV`.
@Suite struct MetricsGeneratorTests {
  static let rows = 5_000
  static let sample: [[String]] = {
    // A parse failure leaves the sample empty, which every test below reports.
    (try? SimpleCSV.parse(MetricsGenerator(seed: 42).csvBytes(rows: rows))) ?? []
  }()

  @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
    let a = try MetricsGenerator(seed: 7).csvBytes(rows: 400)
    let b = try MetricsGenerator(seed: 7).csvBytes(rows: 400)
    let c = try MetricsGenerator(seed: 8).csvBytes(rows: 400)
    let d = try MetricsGenerator(seed: 7, year: 2023).csvBytes(rows: 400)
    #expect(a == b)
    #expect(a != c)
    #expect(a != d)
  }

  @Test func rowsDoNotDependOnTheRowCount() throws {
    let short = try SimpleCSV.parse(MetricsGenerator(seed: 3).csvBytes(rows: 50))
    let long = try SimpleCSV.parse(MetricsGenerator(seed: 3).csvBytes(rows: 500))
    #expect(short.count == 51)
    #expect(Array(long.prefix(51)) == short)
  }

  @Test func bomByDefaultAndHeaderIsCanonical() throws {
    let withBOM = try MetricsGenerator(seed: 1).csvBytes(rows: 1)
    let without = try MetricsGenerator(seed: 1).csvBytes(rows: 1, bom: false)
    #expect(Array(withBOM.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(Array(withBOM.dropFirst(3)) == without)
    let header = try #require(Self.sample.first)
    #expect(header == MetricsGenerator.columns.map(\.header))
    for required in ["统一社会信用代码", "企业名称", "所属区域", "所属行业", "是否规上企业", "生产效率提升率(%)"] {
      #expect(header.contains(required))
    }
    #expect(Self.sample.count == Self.rows + 1)
    #expect(Self.sample.allSatisfy { $0.count == MetricsGenerator.columns.count })
  }

  @Test func everyUSCCIsValidAndUnique() throws {
    let ids = Self.sample.dropFirst().map { $0[0] }
    #expect(ids.count == Self.rows)
    var seen = Set<String>()
    for id in ids {
      guard case .success(let canonical) = USCC.canonical(id) else {
        Issue.record("invalid USCC \(id)")
        continue
      }
      #expect(canonical == id)
      #expect(id.hasPrefix("913302"))
      #expect(organisationCodeIsValid(Array(id.utf8)[8..<17]), "organisation code of \(id)")
      seen.insert(id)
    }
    #expect(seen.count == ids.count)
  }

  @Test func uniqueAcrossManyRows() throws {
    var seen = Set<String>()
    let g = MetricsGenerator(seed: 99)
    for e in g.enterprises(30_000) { seen.insert(e.uscc) }
    #expect(seen.count == 30_000)
  }

  @Test func valuesAreWithinDeclaredRangesAndWellFormed() throws {
    let columns = MetricsGenerator.columns
    for row in Self.sample.dropFirst() {
      for (k, c) in columns.enumerated() {
        let cell = row[k]
        switch c.kind {
        case .bool:
          #expect(cell == "是" || cell == "否", "\(c.key) = \(cell)")
        case .category:
          #expect(MetricsGenerator.categoryValues[c.key]?.contains(cell) == true, "\(c.key) = \(cell)")
        case .number, .integer:
          if cell.isEmpty {
            #expect(c.missingRate > 0, "\(c.key) has an empty cell")
            continue
          }
          #expect(isContractNumber(cell, decimals: c.decimals), "\(c.key) = \(cell)")
          let v = try #require(Double(cell))
          let range = try #require(c.range)
          #expect(range.contains(v), "\(c.key) = \(cell) outside \(range)")
        case .uscc, .text:
          #expect(!cell.isEmpty)
        }
      }
    }
  }

  @Test func missingRatesAreRoughlyAsDeclared() throws {
    let body = try SimpleCSV.parse(MetricsGenerator(seed: 5).csvBytes(rows: 40_000)).dropFirst()
    for (k, c) in MetricsGenerator.columns.enumerated() {
      let empty = Double(body.filter { $0[k].isEmpty }.count) / Double(body.count)
      // 5 binomial standard deviations at n = 40,000 is below 0.4 percentage points for rates ≤ 2%.
      #expect(abs(empty - c.missingRate) < 0.004, "\(c.key): \(empty) vs \(c.missingRate)")
      #expect(c.missingRate <= 0.02, "\(c.key): the brief asks for about 1–2% missing")
    }
    #expect(MetricsGenerator.columns.contains { $0.missingRate > 0 })
  }

  @Test func quotedNamesRoundTrip() throws {
    let g = MetricsGenerator(seed: 42)
    var quoted = 0
    var commas = 0
    for (i, row) in Self.sample.dropFirst().enumerated() {
      let e = g.enterprise(at: i)
      #expect(row == e.cells)
      if e.name.contains("\"") { quoted += 1 }
      if e.name.contains(",") { commas += 1 }
    }
    #expect(quoted > 0)
    #expect(commas > 0)
  }

  @Test func derivedColumnsAreConsistent() throws {
    for e in MetricsGenerator(seed: 11).enterprises(3_000) {
      let revenue = try #require(e.value("revenue_wan"))
      let employees = try #require(e.value("employees"))
      let perEmployee = try #require(e.value("revenue_per_employee_wan"))
      let digital = try #require(e.value("digital_investment_wan"))
      let it = try #require(e.value("it_investment_wan"))
      #expect(e.aboveScale == (revenue >= 2_000))
      #expect(abs(perEmployee - revenue / employees) <= 0.005 + 1e-9)
      #expect(it <= digital)
      #expect(e.name.hasSuffix("有限公司") || e.name.hasSuffix("分公司"))
      if e.pilotIndustry { #expect(MetricsGenerator.pilotIndustries.contains(e.industry)) }
    }
  }

  /// The latent maturity factor must show: effect metrics move together, cost criteria against.
  @Test func effectsAreCorrelatedThroughMaturity() throws {
    let es = MetricsGenerator(seed: 21).enterprises(5_000)
    func column(_ key: String) -> [Double] { es.map { $0.value(key) ?? .nan } }
    let efficiency = column("efficiency_gain_pct")
    #expect(correlation(efficiency, column("cost_reduction_pct")) > 0.2)
    #expect(correlation(efficiency, column("maturity_level")) > 0.3)
    #expect(correlation(efficiency, column("defect_rate_pct")) < -0.1)
    #expect(correlation(efficiency, column("complaints_change_pct")) < -0.1)
  }

  @Test func plausibleShares() throws {
    let es = MetricsGenerator(seed: 2022).enterprises(5_000)
    let aboveScale = Double(es.filter(\.aboveScale).count) / Double(es.count)
    let honoured = Double(es.filter { $0.honour != "无" }.count) / Double(es.count)
    let levels = Set(es.compactMap { $0.value("maturity_level") })
    #expect(aboveScale > 0.3 && aboveScale < 0.8)
    #expect(honoured > 0.03 && honoured < 0.3)
    #expect(levels == [1, 2, 3, 4])
  }

  @Test(arguments: [0, -1, MetricsGenerator.maxRows + 1])
  func rowCountOutsideTheRangeIsRejected(rows: Int) {
    #expect(throws: SyntheticError.rowCount(rows)) { try MetricsGenerator(seed: 1).csvBytes(rows: rows) }
  }
}

/// Number cells follow the contract (`-?digits(.digits)?`) with exactly the column's decimals, never `-0`.
func isContractNumber(_ s: String, decimals: Int) -> Bool {
  var body = Substring(s)
  if body.first == "-" { body = body.dropFirst() }
  let parts = body.split(separator: ".", omittingEmptySubsequences: false)
  guard let intPart = parts.first, !intPart.isEmpty, intPart.allSatisfy(\.isASCII), intPart.allSatisfy(\.isNumber)
  else { return false }
  if decimals == 0 { guard parts.count == 1 else { return false } } else {
    guard parts.count == 2, parts[1].count == decimals, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else {
      return false
    }
  }
  if s.hasPrefix("-"), body.allSatisfy({ $0 == "0" || $0 == "." }) { return false }
  return true
}

/// GB 11714-1997: C₉ = 11 − (Σ v(cᵢ)·wᵢ mod 11), 10 → X, 11 → 0; digits 0–9, letters A = 10 …
func organisationCodeIsValid(_ code: ArraySlice<UInt8>) -> Bool {
  let weights = [3, 7, 9, 10, 5, 8, 4, 2]
  let chars = Array(code)
  guard chars.count == 9 else { return false }
  var sum = 0
  for k in 0..<8 {
    let c = chars[k]
    let v: Int
    if c >= 48 && c <= 57 { v = Int(c) - 48 } else if c >= 65 && c <= 90 { v = Int(c) - 55 } else { return false }
    sum += v * weights[k]
  }
  let check = 11 - sum % 11
  let expected: UInt8 = check == 10 ? UInt8(ascii: "X") : check == 11 ? UInt8(ascii: "0") : UInt8(48 + check)
  return chars[8] == expected
}

/// Pearson correlation over pairs where both are present.
func correlation(_ x: [Double], _ y: [Double]) -> Double {
  let pairs = zip(x, y).filter { !$0.0.isNaN && !$0.1.isNaN }
  let n = Double(pairs.count)
  let mx = pairs.reduce(0) { $0 + $1.0 } / n
  let my = pairs.reduce(0) { $0 + $1.1 } / n
  var sxy = 0.0
  var sxx = 0.0
  var syy = 0.0
  for (a, b) in pairs {
    sxy += (a - mx) * (b - my)
    sxx += (a - mx) * (a - mx)
    syy += (b - my) * (b - my)
  }
  return sxy / (sxx * syy).squareRoot()
}
