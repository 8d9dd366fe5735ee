import Foundation

/// One result slot per index, each written once by the worker that computes it and read
/// once the workers are done (the lock orders each write before the reads), so that work
/// split over threads gives the results in index order whatever the interleaving.
public final class ResultSlots<T>: @unchecked Sendable {
  private var slots: [T?]
  private let lock = NSLock()
  public init(count: Int) { slots = Array(repeating: nil, count: count) }
  public var count: Int { slots.count }
  public func set(_ i: Int, _ value: T) { lock.withLock { slots[i] = value } }
  public func get(_ i: Int) -> T? { lock.withLock { slots[i] } }
}
