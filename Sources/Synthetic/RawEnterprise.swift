/// One generated enterprise as indices into the vocabulary and raw metric values.
/// Reused across rows by the streaming writer (no allocation per row once warm).
struct RawEnterprise {
  var uscc: [UInt8] = []
  var namePrefix = 0
  var brand = (0, 0)
  var industryWord = 0
  /// The brand is written in ASCII double quotes (`余姚市"金辉"模具有限公司`).
  var quotedBrand = false
  /// 股份有限公司 instead of 有限公司.
  var jointStock = false
  /// A branch: `…有限公司,余姚分公司` (exercises quoting of commas).
  var isBranch = false
  var district = 0
  var industry = 0
  var aboveScale = false
  var honour = 0
  var pilotIndustry = false
  /// Metric values in `Metric` order, already clamped to their ranges.
  var values = [Double](repeating: 0, count: Metric.allCases.count)
  var missing = [Bool](repeating: false, count: Metric.allCases.count)

  subscript(metric: Metric) -> Double {
    get { values[metric.rawValue] }
    set { values[metric.rawValue] = newValue }
  }
}
