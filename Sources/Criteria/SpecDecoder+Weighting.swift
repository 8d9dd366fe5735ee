import Foundation
import Model

extension SpecDecoder {
  static let weightingKeys = ["method", "normalise", "ahp"]
  static let ahpKeys = ["order", "matrix", "accept_inconsistent", "max_cr"]
  /// Tolerance on a sum of direct weights (docs/criteria.md).
  static let weightSumTolerance = 1e-9
  /// Tolerance on reciprocity |a_ji − 1/a_ij| of an AHP matrix.
  static let reciprocityTolerance = 1e-6

  /// `[weighting]`: how the root's children are weighted.
  mutating func decodeWeighting(_ node: TOMLNode?) -> WeightingSpec {
    guard let t = table(node, "weighting", allowed: Self.weightingKeys) else { return WeightingSpec(method: .direct) }
    return decodeNodeWeighting(t, "weighting", methodKey: "method", inherited: .direct) ?? WeightingSpec(method: .direct)
  }

  /// The weighting keys of a node (`[weighting]` uses `method`, a group uses `weighting`).
  /// Nil when the node sets none of them (it then inherits `[weighting].method`).
  mutating func decodeNodeWeighting(
    _ t: [String: TOMLNode], _ path: String, methodKey: String = "weighting", inherited: WeightingMethod
  ) -> WeightingSpec? {
    let method = choice(t, methodKey, path, noun: "weighting method", as: WeightingMethod.self)
    let normalise = bool(t, "normalise", path)
    let ahp = decodeAHP(t["ahp"], path + ".ahp")
    if t[methodKey] == nil, t["normalise"] == nil, t["ahp"] == nil { return nil }
    return WeightingSpec(method: method ?? inherited, normalise: normalise ?? false, ahp: ahp)
  }

  /// `{ order, matrix, accept_inconsistent, max_cr }`: shape, positivity, diagonal,
  /// reciprocity and the consistency ratio (via `AHP.solve`).
  mutating func decodeAHP(_ node: TOMLNode?, _ path: String) -> AHPSpec? {
    guard let t = table(node, path, allowed: Self.ahpKeys) else {
      if node != nil { invalidAHP.insert(path) }
      return nil
    }
    let before = log.errorCount
    defer { if log.errorCount > before { invalidAHP.insert(path) } }
    let order = strings(t, "order", path)
    if t["order"] == nil { missing(path, "order") }
    if let order {
      var seen: Set<String> = []
      for k in order where !seen.insert(k).inserted { error(path + ".order", Message(zh: "\"\(k)\" 列出了两次", en: "\"\(k)\" is listed twice")) }
    }
    let accept = bool(t, "accept_inconsistent", path) ?? false
    let maxCR = number(t, "max_cr", path, expected: "a number in (0, 1]", valid: { $0 > 0 && $0 <= 1 }) ?? 0.10
    guard let matrixNode = t["matrix"] else {
      missing(path, "matrix")
      return nil
    }
    guard let matrix = decodeMatrix(matrixNode, path + ".matrix", size: order?.count) else { return nil }
    let result = AHP.solve(matrix)
    if result.cr >= maxCR, !accept {
      error(
        path + ".matrix",
        Message(
          zh: "判断矩阵不一致：CR = \(formatFixed(result.cr, decimals: 4)) ≥ max_cr \(formatNumber(maxCR))"
            + "（λmax = \(formatFixed(result.lambdaMax, decimals: 4))，CI = \(formatFixed(result.ci, decimals: 4))，RI = \(formatNumber(result.ri))）；"
            + "请修改判断，或设置 accept_inconsistent = true",
          en: "inconsistent judgements: CR = \(formatFixed(result.cr, decimals: 4)) ≥ max_cr \(formatNumber(maxCR)) "
            + "(λmax = \(formatFixed(result.lambdaMax, decimals: 4)), CI = \(formatFixed(result.ci, decimals: 4)), RI = \(formatNumber(result.ri))); "
            + "revise the judgements or set accept_inconsistent = true"))
    }
    return AHPSpec(order: order ?? [], matrix: matrix, acceptInconsistent: accept, maxCR: maxCR)
  }

  /// A square, positive, reciprocal matrix with unit diagonal; entries are numbers or "p/q".
  mutating func decodeMatrix(_ node: TOMLNode, _ path: String, size: Int?) -> [[Double]]? {
    guard case .array(let rows) = node else {
      typeError(path, expected: "an array of rows", node)
      return nil
    }
    let n = size ?? rows.count
    var ok = true
    if rows.count != n {
      error(path, Message(zh: "应有 \(n) 行（order 中每项一行），实际为 \(rows.count) 行", en: "expected \(n) rows (one per entry of order), found \(rows.count)"))
      return nil
    }
    var a = [[Double]](repeating: [Double](repeating: 1, count: n), count: n)
    for (i, rowNode) in rows.enumerated() {
      let rowPath = "\(path)[\(i)]"
      guard case .array(let row) = rowNode else {
        typeError(rowPath, expected: "an array of \(n) numbers", rowNode)
        ok = false
        continue
      }
      guard row.count == n else {
        error(rowPath, Message(zh: "应有 \(n) 项（矩阵须为方阵），实际为 \(row.count) 项", en: "expected \(n) entries (the matrix must be square), found \(row.count)"))
        ok = false
        continue
      }
      for (j, cell) in row.enumerated() {
        guard let x = Self.judgement(cell), x > 0, x.isFinite else {
          error("\(rowPath)[\(j)]", Message(zh: "应为正数或 \"p/q\"，实际为 \(cell.rendered)", en: "expected a positive number or \"p/q\", found \(cell.rendered)"))
          ok = false
          continue
        }
        a[i][j] = x
      }
    }
    guard ok else { return nil }
    for i in 0..<n where a[i][i] != 1 {
      error("\(path)[\(i)][\(i)]", Message(zh: "对角线元素必须为 1，实际为 \(formatNumber(a[i][i]))", en: "diagonal entries must be 1, found \(formatNumber(a[i][i]))"))
      ok = false
    }
    for i in 0..<n {
      for j in (i + 1)..<max(i + 1, n) where abs(a[j][i] - 1 / a[i][j]) > Self.reciprocityTolerance {
        error(
          "\(path)[\(j)][\(i)]",
          Message(
            zh: "不互为倒数：matrix[\(j)][\(i)] = \(formatNumber(a[j][i]))，而 1/matrix[\(i)][\(j)] = \(formatNumber(1 / a[i][j]))"
              + "（两者之差须在 1e-6 以内；分数请写成 \"p/q\"）",
            en: "not reciprocal: matrix[\(j)][\(i)] = \(formatNumber(a[j][i])) but 1/matrix[\(i)][\(j)] = \(formatNumber(1 / a[i][j])) "
              + "(must agree within 1e-6; write fractions as \"p/q\")"))
        ok = false
      }
    }
    return ok ? a : nil
  }

  /// A pairwise judgement: a number, or a string `"p/q"` / `"p"` of positive decimals.
  static func judgement(_ node: TOMLNode) -> Double? {
    if let x = node.number { return x }
    guard case .string(let s) = node else { return nil }
    let parts = s.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } }),
      let p = Double(parts[0])
    else { return nil }
    if parts.count == 1 { return p }
    guard let q = Double(parts[1]), q > 0 else { return nil }
    return p / q
  }

  /// `x` with `digits` decimals (for messages).
}
