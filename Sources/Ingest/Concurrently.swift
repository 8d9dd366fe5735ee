#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs `body(k)` for every `k` in `0..<count` at the same time: `k = 0` on the calling
/// thread, every other on a POSIX thread of its own; returns when all are done.
///
/// Plain `pthread_create`/`pthread_join` rather than a thread pool: the threads (and
/// whatever the runtime allocated for them) are gone when this returns, so nothing
/// outlives a read (libFuzzer's leak check stays quiet, and it takes ~50 µs per part
/// against the ≥ 8 MiB a part holds). A thread that cannot be started runs its part on
/// the calling thread. The corresponding C functions are `pthread_create`, `pthread_join`.
func runConcurrently(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
  var threads: [pthread_t] = []
  for k in 1..<max(1, count) {
    let job = Unmanaged.passRetained(ThreadJob(body: body, index: k)).toOpaque()
    var thread = pthread_t()
    let started = pthread_create(&thread, nil, { raw in
      guard let raw else { return nil }
      let job = Unmanaged<ThreadJob>.fromOpaque(raw).takeRetainedValue()
      job.body(job.index)
      return nil
    }, job)
    if started == 0 {
      threads.append(thread)
    } else {
      Unmanaged<ThreadJob>.fromOpaque(job).release()
      body(k)
    }
  }
  if count > 0 { body(0) }
  for thread in threads { pthread_join(thread, nil) }
}

/// One part's work, handed to its thread through `pthread_create`'s argument.
private final class ThreadJob: @unchecked Sendable {
  let body: @Sendable (Int) -> Void
  let index: Int
  init(body: @escaping @Sendable (Int) -> Void, index: Int) {
    self.body = body
    self.index = index
  }
}
