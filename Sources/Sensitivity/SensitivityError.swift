import Model

/// Why a sensitivity analysis could not run. Messages quote the offending value;
/// `located(spec:table:)` gives the exit kind and the place in the input files.
public enum SensitivityError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A `vary` key names no criterion.
  case unknownCriterion(String)
  /// A Sobol target id names no ranked enterprise.
  case unknownEnterprise(String)
  /// Sample count must be positive.
  case badSampleCount(Int)
  /// A parameter is outside its domain (name, value, what is allowed).
  case badParameter(name: String, value: Double, allowed: Message)
  /// The nominal weights cannot be perturbed (all zero on the varying subset).
  case noVaryingWeight
  /// Too many dimensions for the Sobol' sequence.
  case tooManyDimensions(Int, max: Int)
  /// The matrices handed to an estimator have inconsistent shapes.
  case shapeMismatch(Message)
  /// A method variant's matrix does not match the table.
  case variantShape(expectedRows: Int, expectedCriteria: Int, rows: Int, criteria: Int)
  /// Re-scoring a method variant failed (the Scorer's message).
  case scoring(Message)

  public var description: String { message.en }

  /// The message in both languages.
  public var message: Message {
    switch self {
    case .unknownCriterion(let k):
      return Message(zh: "uncertainty.vary：没有名为 \"\(k)\" 的指标", en: "uncertainty.vary: no criterion named \"\(k)\"")
    case .unknownEnterprise(let id):
      return Message(
        zh: "uncertainty.sobol_targets：没有编号为 \"\(id)\" 的已排名企业", en: "uncertainty.sobol_targets: no ranked enterprise with id \"\(id)\"")
    case .badSampleCount(let n): return Message(zh: "样本数至少为 1，此处为 \(n)", en: "the number of samples must be at least 1, got \(n)")
    case .badParameter(let name, let v, let allowed):
      return Message(zh: "\(name) = \(v) 不允许（\(allowed.zh)）", en: "\(name) = \(v) is not allowed (\(allowed.en))")
    case .noVaryingWeight:
      return Message(zh: "所有变动的指标权重都为 0：没有可扰动的权重", en: "every varying criterion has weight 0: there is nothing to perturb")
    case .scoring(let m): return Message(zh: "对方法变体评分时出错：", en: "scoring a method variant: ") + m
    case .tooManyDimensions(let d, let max):
      return Message(zh: "Sobol' 序列：请求了 \(d) 维，至多支持 \(max) 维", en: englishDescription)
    case .shapeMismatch(let what): return Message(zh: "矩阵形状不一致：", en: "shape mismatch: ") + what
    case .variantShape(let er, let ec, let r, let c):
      return Message(zh: "方法变体为 \(r) 行 × \(c) 个指标，应为 \(er) × \(ec)", en: englishDescription)
    }
  }

  var englishDescription: String {
    switch self {
    case .unknownCriterion(let k): return "uncertainty.vary: no criterion named \"\(k)\""
    case .unknownEnterprise(let id): return "uncertainty.sobol_targets: no ranked enterprise with id \"\(id)\""
    case .badSampleCount(let n): return "the number of samples must be at least 1, got \(n)"
    case .badParameter(let name, let v, let allowed): return "\(name) = \(v) is not allowed (\(allowed.en))"
    case .noVaryingWeight: return "every varying criterion has weight 0: there is nothing to perturb"
    case .tooManyDimensions(let d, let max): return "Sobol' sequence: \(d) dimensions requested, at most \(max) supported"
    case .shapeMismatch(let what): return "shape mismatch: \(what.en)"
    case .variantShape(let er, let ec, let r, let c):
      return "method variant has \(r) rows × \(c) criteria, expected \(er) × \(ec)"
    case .scoring(let m): return "scoring a method variant: \(m.en)"
    }
  }

  /// The message of an error re-scoring a variant threw: its diagnostics' texts (a
  /// `StageError`, e.g. `ScoringError`), else its description.
  static func scoringText(_ error: any Error) -> Message {
    guard let e = error as? any StageError else { return SystemErrorText.of(error) }
    return Message.joined(e.diagnostics.diagnostics.map(\.text), separator: Message(zh: "；", en: "; "))
  }
}
