import Dispatch
import Synchronization

/// Computes a value once, off the caller's thread, and hands it to everyone who asks:
/// `start()` begins the work on a global dispatch queue (the server calls it as soon as it
/// listens, so the page is served meanwhile); `value()` waits for it without blocking a
/// thread (and starts it when nobody has); `wait()` blocks the calling thread (tests,
/// scripts). Waiting never needs a task of the concurrency pool, so it cannot starve it.
final class StabilityJob<Value: Sendable>: Sendable {
  private enum State {
    case idle
    case running([@Sendable (Value) -> Void])
    case done(Value)
  }
  private let state = Mutex<State>(.idle)
  private let work: @Sendable () -> Value

  init(_ work: @escaping @Sendable () -> Value) { self.work = work }

  /// Starts the work unless it has started.
  func start() {
    let begin = state.withLock { s -> Bool in
      guard case .idle = s else { return false }
      s = .running([])
      return true
    }
    guard begin else { return }
    DispatchQueue.global().async { [self] in
      let v = work()
      let waiting = state.withLock { s -> [@Sendable (Value) -> Void] in
        defer { s = .done(v) }
        if case .running(let list) = s { return list }
        return []
      }
      for w in waiting { w(v) }
    }
  }

  /// Calls `body` with the value now if it is computed, else once it is (on the worker).
  private func whenDone(_ body: @escaping @Sendable (Value) -> Void) {
    start()
    let ready = state.withLock { s -> Value? in
      switch s {
      case .done(let v): return v
      case .running(var list):
        list.append(body)
        s = .running(list)
        return nil
      case .idle:  // not reached: started above
        s = .running([body])
        return nil
      }
    }
    if let ready { body(ready) }
  }

  /// The value, once computed.
  func value() async -> Value {
    await withCheckedContinuation { c in whenDone { c.resume(returning: $0) } }
  }

  /// The value, blocking the calling thread until it is computed.
  func wait() -> Value {
    let box = Mutex<Value?>(nil)
    let done = DispatchSemaphore(value: 0)
    whenDone { v in
      box.withLock { $0 = v }
      done.signal()
    }
    done.wait()
    return box.withLock { $0 }!
  }
}
