import Foundation

/// One result slot per index, each written once by the worker that computes it.
final class ResultSlots<T>: @unchecked Sendable {
  private var slots: [T?]
  private let lock = NSLock()
  init(count: Int) { slots = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ value: T) { lock.withLock { slots[i] = value } }
  func get(_ i: Int) -> T? { lock.withLock { slots[i] } }
}
