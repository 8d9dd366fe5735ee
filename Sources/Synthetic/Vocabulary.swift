/// Word lists for a county-level city under Ningbo (余姚-like): towns, industries,
/// honours and the pieces of company names, with the shares they are drawn with.
///
/// Shares are rough, plausible figures for the firms that join an SME digital
/// transformation programme (the moulds, household-appliance, auto-parts and plastics
/// clusters dominate); they are not official statistics.
enum Vocabulary {
  /// Towns and sub-districts (所属区域), with relative shares.
  static let districts = WeightedList([
    ("阳明街道", 6), ("梨洲街道", 5), ("凤山街道", 5), ("兰江街道", 4), ("低塘街道", 5), ("朗霞街道", 5),
    ("临山镇", 4), ("黄家埠镇", 3), ("小曹娥镇", 4), ("泗门镇", 8), ("马渚镇", 5), ("牟山镇", 3),
    ("丈亭镇", 3), ("三七市镇", 3), ("河姆渡镇", 2), ("大隐镇", 2), ("陆埠镇", 3), ("梁弄镇", 1),
    ("大岚镇", 1), ("经济开发区", 9),
  ])

  /// Industries (所属行业), with relative shares. The first two are the 2022 pilot industries.
  static let industries = WeightedList([
    ("模具", 14), ("家电", 16), ("汽车零部件", 14), ("塑料制品", 12), ("机械装备", 12),
    ("电子信息", 8), ("光电", 6), ("纺织服装", 6), ("新材料", 6), ("化工", 6),
  ])

  /// Revenue per employee relative to the median industry, one per entry of `industries`
  /// (chemicals and new materials are capital-intensive; textiles labour-intensive).
  static let revenueFactors: [Double] = [1, 1, 1, 1, 1, 1, 1, 0.7, 1.4, 1.4]

  /// Industries chosen as the year's digital-transformation pilots (the policy: 1–2 industries).
  static let pilotIndustries: Set<Int> = [0, 1]

  /// Industry words used in company names, one list per entry of `industries`.
  static let industryWords: [[[UInt8]]] = [
    ["模具", "模塑", "精密模具"], ["电器", "家电", "厨具电器"], ["汽车部件", "汽配", "车业"],
    ["塑业", "塑料制品", "塑胶"], ["机械", "机电", "智能装备"], ["电子", "信息科技", "电子科技"],
    ["光电", "光学", "光电科技"], ["服饰", "纺织", "针织"], ["新材料", "材料科技", "高分子材料"],
    ["化工", "精细化工", "化学"],
  ].map { $0.map { Array($0.utf8) } }

  /// Honours (荣誉资质), in order of prestige; index 0 means none.
  static let honours: [[UInt8]] = ["无", "专精特新", "专精特新小巨人", "隐形冠军", "单项冠军"].map { Array($0.utf8) }

  /// Place prefixes of company names, with relative shares.
  static let namePrefixes = WeightedList([("余姚市", 40), ("宁波", 35), ("余姚", 15), ("宁波市", 5), ("浙江", 5)])

  /// Characters brand names (字号) are made of; a brand is two of them.
  static let brandCharacters: [[UInt8]] = Array(
    "华盛宏达金鑫振兴舜宇恒通立丰瑞泰嘉凯旭东海天安永博创新明光阳远信诚德隆昌顺福万佳亿科杰鼎力中联奥贝美锦精汇"
  ).map { Array(String($0).utf8) }

  static let limited = Array("有限公司".utf8)
  static let joinStock = Array("股份有限公司".utf8)
  static let branch = Array(",余姚分公司".utf8)
  static let yes = Array("是".utf8)
  static let no = Array("否".utf8)

  /// Registration areas (administrative division codes) of USCCs, with relative shares:
  /// 330281 余姚市, 330200 宁波市 (municipal registration), 330282 慈溪市, 330212 鄞州区.
  static let areaCodes = WeightedList([("330281", 85), ("330200", 9), ("330282", 3), ("330212", 3)])
}

/// A list of byte strings drawn with fixed relative shares.
struct WeightedList: Sendable {
  let items: [[UInt8]]
  let names: [String]
  /// Cumulative shares, ending at 1.
  private let cumulative: [Double]

  init(_ pairs: [(String, Double)]) {
    names = pairs.map(\.0)
    items = pairs.map { Array($0.0.utf8) }
    let total = pairs.reduce(0) { $0 + $1.1 }
    var running = 0.0
    cumulative = pairs.map {
      running += $0.1
      return running / total
    }
  }

  /// The index whose cumulative share first exceeds the uniform `u` in [0, 1).
  func index(for u: Double) -> Int {
    var lo = 0
    var hi = cumulative.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if u < cumulative[mid] { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }
}
