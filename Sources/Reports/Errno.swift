#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The text of an errno value, e.g. "Permission denied (errno 13)".
/// The corresponding C function is `strerror`.
func errnoText(_ code: Int32) -> String {
  guard let p = strerror(code) else { return "errno \(code)" }
  return "\(String(cString: p)) (errno \(code))"
}

/// The calling thread's current errno.
var currentErrno: Int32 { errno }
