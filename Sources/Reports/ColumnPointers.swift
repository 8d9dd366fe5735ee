/// Calls `body` with a buffer pointer to each of `columns`, so a per-row loop reads cells
/// without retaining the inner arrays (`columns[j][row]` on `[[T]]` may retain and release
/// column `j` for every cell). The pointers are valid only inside `body`.
func withColumnPointers<T, R>(_ columns: [[T]], _ body: ([UnsafeBufferPointer<T>]) -> R) -> R {
  var pointers: [UnsafeBufferPointer<T>] = []
  pointers.reserveCapacity(columns.count)
  return nest(columns, &pointers, body)
}

private func nest<T, R>(
  _ columns: [[T]], _ pointers: inout [UnsafeBufferPointer<T>], _ body: ([UnsafeBufferPointer<T>]) -> R
) -> R {
  guard pointers.count < columns.count else { return body(pointers) }
  return columns[pointers.count].withUnsafeBufferPointer { p in
    pointers.append(p)
    return nest(columns, &pointers, body)
  }
}
