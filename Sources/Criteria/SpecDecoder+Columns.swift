import Model

extension SpecDecoder {
  static let evaluationKeys = ["name", "year", "id", "label", "scale", "score_decimals"]
  static let columnKeys = ["header", "type", "range", "missing", "required", "values", "label", "unit", "missing_markers", "lenient"]
  /// Names with a meaning of their own in expressions; a column may not be called so.
  static let reservedNames: Set<String> = Ref.reservedWords.union(["and", "or", "not", "in", "true", "false"])

  /// `[columns.KEY]`, in file order.
  mutating func decodeColumns(_ node: TOMLNode?) -> [ColumnSpec] {
    guard let node else {
      error("columns", Message(zh: "缺少必需的表 [columns]", en: "required table [columns] is missing"))
      return []
    }
    guard let all = anyTable(node, "columns") else { return [] }
    var columns: [ColumnSpec] = []
    var headerOwner: [String: String] = [:]
    for key in ordered(all, "columns") {
      let path = "columns." + key
      guard let t = table(all[key], path, allowed: Self.columnKeys) else { continue }
      if Self.reservedNames.contains(key) {
        error(path, Message(zh: "列键 \"\(key)\" 是表达式中的保留字；请换一个键", en: "column key \"\(key)\" is reserved in expressions; choose another key"))
      }
      let headers = strings(t, "header", path, orSingle: true)
      if t["header"] == nil { missing(path, "header") }
      if let headers {
        if headers.isEmpty || headers.contains(where: { $0.isEmpty }) {
          error(
            path + ".header",
            Message(
              zh: "表头写法不能为空，实际为 \(t["header"]?.rendered ?? "[]")",
              en: "expected non-empty header spellings, found \(t["header"]?.rendered ?? "[]")"))
        }
        for h in headers where !h.isEmpty {
          if let other = headerOwner[h], other != key {
            error(
              path + ".header",
              Message(zh: "表头 \"\(h)\" 已是列 \"\(other)\" 的写法", en: "header \"\(h)\" is already a spelling of column \"\(other)\""))
          }
          headerOwner[h] = key
        }
      }
      let type = choice(t, "type", path, noun: "column type", as: CellType.self)
      if t["type"] == nil { missing(path, "type") }
      if type == nil { untypedColumns.insert(key) }
      let range = pair(t, "range", path, expected: "[low, high] with low ≤ high", allowEqual: true)
      if range != nil, let type, type != .number, type != .integer {
        error(
          path + ".range",
          Message(
            zh: "range 只适用于 number 和 integer 列，不适用于 \(type.rawValue)", en: "range applies only to number and integer columns, not \(type.rawValue)"))
      }
      let missingPolicy = choice(t, "missing", path, noun: "missing policy", as: MissingPolicy.self)
      let required = bool(t, "required", path)
      let values = strings(t, "values", path)
      if values != nil, let type, type != .category {
        error(
          path + ".values",
          Message(zh: "values 只适用于 category 列，不适用于 \(type.rawValue)", en: "values apply only to category columns, not \(type.rawValue)"))
      }
      let label = string(t, "label", path)
      let unit = string(t, "unit", path)
      let markers = strings(t, "missing_markers", path)
      if let markers, markers.contains(where: { $0.allSatisfy { c in c == " " || c == "\t" || c == "\u{3000}" } }) {
        error(path + ".missing_markers", Message(
          zh: "缺失标记不能为空（空单元格本来就是缺失）", en: "a missing marker cannot be empty (an empty cell is missing anyway)"))
      }
      let lenient = bool(t, "lenient", path)
      if lenient == true, let type, type != .number, type != .integer {
        error(path + ".lenient", Message(
          zh: "lenient 只适用于 number 和 integer 列，不适用于 \(type.rawValue)",
          en: "lenient applies only to number and integer columns, not \(type.rawValue)"))
      }
      var column = ColumnSpec(
        key: key, headers: headers ?? [key], type: type ?? .text, range: range,
        missing: missingPolicy ?? .reject, required: required ?? true, allowedValues: values,
        label: label ?? headers?.first, unit: unit)
      column.missingMarkers = markers ?? []
      column.lenient = lenient ?? false
      columns.append(column)
    }
    if columns.isEmpty, log.errorCount == 0 { error("columns", Message(zh: "没有声明任何列", en: "no columns are declared")) }
    return columns
  }

  /// `[evaluation]`; `columns` are the declared columns (id and label must name one).
  mutating func decodeEvaluation(_ node: TOMLNode?, columns: [ColumnSpec]) -> EvaluationInfo {
    let path = "evaluation"
    var info = EvaluationInfo(name: "", year: 0, idColumn: "", labelColumn: "")
    guard let node else {
      error(path, Message(zh: "缺少必需的表 [evaluation]", en: "required table [evaluation] is missing"))
      return info
    }
    guard let t = table(node, path, allowed: Self.evaluationKeys) else { return info }
    info.name = string(t, "name", path, required: true) ?? ""
    info.year = integer(t, "year", path, required: true, expected: "a year (1900…2200)", valid: { (1900...2200).contains($0) }) ?? 0
    if let id = string(t, "id", path, required: true) {
      info.idColumn = id
      if let c = columns.first(where: { $0.key == id }) {
        if c.type != .uscc, c.type != .text {
          error(
            path + ".id",
            Message(
              zh: "编号列 \"\(id)\" 的类型为 \(c.type.rawValue)；必须是 uscc 或 text",
              en: "id column \"\(id)\" has type \(c.type.rawValue); it must be uscc or text"))
        }
      } else if !columns.isEmpty {
        unknownColumn(path + ".id", id, columns)
      }
    }
    if let label = string(t, "label", path, required: true) {
      info.labelColumn = label
      if !columns.isEmpty, !columns.contains(where: { $0.key == label }) { unknownColumn(path + ".label", label, columns) }
    }
    if let scale = pair(t, "scale", path) { info.scale = scale }
    if let d = integer(t, "score_decimals", path, expected: "an integer 0…6", valid: { (0...6).contains($0) }) {
      info.scoreDecimals = d
    }
    return info
  }

  /// `missing = worst | mean | median | zero | exclude` acts only through the criteria that
  /// read the column; on a column no criterion reads it does nothing (an empty cell is
  /// accepted, as with `allow`), so it is a warning at the key's line.
  mutating func warnUnusedMissingPolicies(columns: [ColumnSpec], criteria: [CriterionSpec]) {
    let read = Set(criteria.map(\.column))
    for c in columns where !read.contains(c.key) {
      switch c.missing {
      case .reject, .allow: continue
      case .worst, .mean, .median, .zero, .exclude:
        warning(
          "columns.\(c.key).missing",
          Message(
            zh: "\"\(c.missing.rawValue)\" 不起作用：没有指标读取列 \"\(c.key)\"（插补和排除只作用于指标）；接受空单元格请用 \"allow\"，拒绝请用 \"reject\"",
            en: "\"\(c.missing.rawValue)\" has no effect: no criterion reads column \"\(c.key)\" (imputation and exclusion apply to criteria); use \"allow\" to accept empty cells or \"reject\" to refuse them"))
      }
    }
  }

  mutating func unknownColumn(_ path: String, _ key: String, _ columns: [ColumnSpec]) {
    let keys = columns.map(\.key)
    error(path, Self.unknownName(key, keys, Message(zh: "列", en: "column"), Message(zh: "已声明的列", en: "declared columns")))
  }
}
