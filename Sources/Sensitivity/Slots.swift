/// A fixed buffer shared by the workers; each index is written by exactly one sample.
///
/// The workers' closures share it, so it is a class (the one owner, however many
/// references): `deinit` frees the buffer, exactly once, when the last reference goes.
/// Elements are plain values (`Int32`, `Double`): the buffer is never deinitialized, and
/// `p`'s subscript checks indexes in debug builds.
final class Slots<T: BitwiseCopyable>: @unchecked Sendable {
  let p: UnsafeMutableBufferPointer<T>
  init(count: Int) { p = UnsafeMutableBufferPointer<T>.allocate(capacity: max(count, 1)) }
  deinit { p.deallocate() }
}
