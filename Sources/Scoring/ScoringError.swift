import Model

/// Why a table cannot be scored: only degenerate data that has no meaningful result
/// (docs/methods.md, "Degenerate cases"). Problems of the criteria file itself (weights,
/// AHP orders, data-driven weighting over groups, unknown tie-break keys) are ruled out by
/// the loader and cannot reach the Scorer. Every message names the criterion and column and
/// quotes the offending value; the error is located at the metrics file's cell
/// (`FILE:LINE:COLUMN: message`, exit 65).
public struct ScoringError: StageError, Hashable, CustomStringConvertible {
  public enum Problem: Sendable, Hashable {
    /// A criterion (or the tie-break chain) reads an optional column (`required = false`)
    /// that the metrics file does not have.
    case columnAbsent(usedBy: String, column: String)
    /// Every value of the criterion's column is missing, so nothing can be imputed or compared.
    case allMissing(criterion: String, column: String)
    /// A method needs values of a sign the column does not have (e.g. `sum` needs x ≥ 0,
    /// a `cost` criterion with `sum`/`max` needs x > 0 because it uses 1/x).
    case domain(criterion: String, method: String, requirement: String, value: Double)
    /// A normalisation defined for the value gives a result outside [0, 1], which the
    /// aggregation cannot use (vector normalisation of a negative value outside TOPSIS).
    case leavesUnitInterval(criterion: String, method: String, value: Double)
  }

  public var problem: Problem
  /// The metrics file ("" until `Scorer` locates an error a normaliser threw).
  public var file: String
  /// Physical line of the offending cell (the first data row for a whole column, 1 for an
  /// absent column: the header).
  public var line: Int
  /// Header of the offending column.
  public var column: String?
  /// Position of the offending value in the values a normaliser was handed (nil when the
  /// error is about a whole column); `Scorer.prepare` maps it to a table row.
  public var offset: Int?

  public init(_ problem: Problem, file: String = "", line: Int = 0, column: String? = nil, offset: Int? = nil) {
    self.problem = problem
    self.file = file
    self.line = line
    self.column = column
    self.offset = offset
  }

  public var kind: StageFailure.Kind { .data }

  public var diagnostics: DiagnosticLog {
    var log = DiagnosticLog()
    log.append(Diagnostic(file: file, line: line, column: column, message: message))
    return log
  }

  /// The message (without the location), in English.
  public var description: String { message.en }

  /// The message (without the location), in both languages.
  public var message: Message {
    switch problem {
    case .columnAbsent(let user, let col):
      return Message(
        zh: "\(user) 读取列 '\(col)'，但文件中没有此列（该列声明为 required = false）",
        en: "\(user) reads column '\(col)', which the file does not have (the column is declared required = false)")
    case .allMissing(let c, let col):
      return Message(zh: "指标 '\(c)'：列 '\(col)' 的所有值都缺失", en: "criterion '\(c)': every value of column '\(col)' is missing")
    case .domain(let c, let m, let req, let v):
      let reqZh = req.replacing("values > 0 for a cost criterion", with: "成本型指标的值 > 0").replacing("values ≥ 0", with: "值 ≥ 0")
      return Message(
        zh: "指标 '\(c)'：\(m) 标准化要求\(reqZh)，此处为 \(formatNumber(v))",
        en: "criterion '\(c)': \(m) normalisation needs \(req), found \(formatNumber(v))")
    case .leavesUnitInterval(let c, let m, let v):
      return Message(
        zh: "指标 '\(c)'：\(m) 标准化（x/‖x‖）对负值 \(formatNumber(v)) 有定义，但结果小于 0（成本型指标则大于 1），超出加权求和等汇总方法所需的 [0, 1]；请改用 TOPSIS 汇总（接受此类值），或使用 min-max、z-score 标准化",
        en: "criterion '\(c)': \(m) normalisation (x/‖x‖) is defined for the negative value \(formatNumber(v)), but gives a result below 0 (above 1 for a cost criterion), outside the [0, 1] that weighted-sum, product and VIKOR aggregation need; aggregate with TOPSIS (which accepts such values) or normalise with min-max or z-score")
    }
  }
}
