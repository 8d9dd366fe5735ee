/// A fixed-size buffer owned by one worker thread: element writes go straight to memory,
/// without the uniqueness and exclusivity checks of an array stored in a class (which
/// dominated the per-sample bookkeeping in profiles).
final class PlainBuffer<T> {
  let p: UnsafeMutableBufferPointer<T>
  init(repeating value: T, count: Int) {
    p = UnsafeMutableBufferPointer<T>.allocate(capacity: max(count, 1))
    p.initialize(repeating: value)
  }
  deinit { p.deallocate() }
  var count: Int { p.count }
  var indices: Range<Int> { 0..<p.count }
  subscript(i: Int) -> T {
    get { p[i] }
    set { p[i] = newValue }
  }
}
