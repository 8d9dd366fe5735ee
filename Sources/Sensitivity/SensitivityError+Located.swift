import Criteria
import Model

extension SensitivityError {
  /// The problem as a `StageError`: a setting of `[uncertainty]` (or the aggregation) at its
  /// line in the criteria file, exit 78; data the analysis cannot use, exit 65: an id of
  /// `sobol_targets` no ranked enterprise has (at the key that names it), data-driven
  /// weights that leave nothing to vary, a method variant the data cannot be scored with
  /// (at the key that asks for the variant). A data problem never exits as a criteria error.
  public func located(spec: Spec, table: Table) -> StageFailure {
    switch self {
    case .unknownCriterion(let key):
      return StageFailure(.config, spec.diagnostic(at: "uncertainty.vary", Message(zh: "没有名为 \"\(key)\" 的指标", en: "no criterion named \"\(key)\"")))
    case .unknownEnterprise(let id):
      return StageFailure(
        .data, spec.diagnostic(
          at: "uncertainty.sobol_targets",
          Message(
            zh: "\(table.source) 中没有编号为 \"\(id)\" 的已排名企业", en: "no ranked enterprise in \(table.source) has id \"\(id)\"")))
    case .badSampleCount:
      return StageFailure(.config, spec.diagnostic(at: "uncertainty.samples", message))
    case .badParameter(let name, let value, let allowed):
      if name == "aggregation" { return StageFailure(.config, spec.diagnostic(at: "aggregation.method", allowed)) }
      let path = name.hasPrefix("uncertainty.") ? name : "uncertainty." + name
      return StageFailure(.config, spec.diagnostic(
          at: path, Message(zh: "\(formatNumber(value)) 不允许（\(allowed)）", en: "\(formatNumber(value)) is not allowed (\(allowed))")))
    case .noVaryingWeight:
      return StageFailure(Self.weightsFromData(spec) ? .data : .config, spec.diagnostic(at: "uncertainty.vary", message))
    case .tooManyDimensions:
      return StageFailure(.config, spec.diagnostic(at: "uncertainty.vary", message))
    case .scoring:
      // The method variants come from these keys; the values that break them from the metrics.
      let key = spec.uncertainty?.normalisations.isEmpty == false ? "uncertainty.normalisations" : "uncertainty.aggregations"
      return StageFailure(.data, spec.diagnostic(at: key, message + Message(zh: "（\(table.source)）", en: " (in \(table.source))")))
    case .shapeMismatch, .variantShape:
      return StageFailure(.data, Diagnostic(file: table.source, line: 0, message: message))
    }
  }

  /// Whether some node of the criteria tree is weighted from the data (entropy, CRITIC,
  /// std-dev), so a zero weight can come from the metrics rather than the file.
  static func weightsFromData(_ spec: Spec) -> Bool {
    ([spec.weighting] + spec.groups.compactMap(\.weighting)).contains { w in
      switch w.method {
      case .entropy, .critic, .standardDeviation: return true
      case .direct, .equal, .ahp: return false
      }
    }
  }
}
