/// A fixed-size buffer owned by one worker thread: element writes go straight to memory,
/// without the uniqueness and exclusivity checks of an array stored in a class (which
/// dominated the per-sample bookkeeping in profiles).
package final class PlainBuffer<T> {
  package let p: UnsafeMutableBufferPointer<T>
  package init(repeating value: T, count: Int) {
    p = UnsafeMutableBufferPointer<T>.allocate(capacity: max(count, 1))
    p.initialize(repeating: value)
  }
  deinit { p.deallocate() }
  package var count: Int { p.count }
  package var indices: Range<Int> { 0..<p.count }
  package subscript(i: Int) -> T {
    get { p[i] }
    set { p[i] = newValue }
  }
}
