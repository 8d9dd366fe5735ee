/// What a run for a later part of the input needs from the first part: the header's
/// fields as read (before trimming and matching) and the encoding decided at the start.
struct HeaderTemplate: Sendable {
  var fields: [[UInt8]]
  var encoding: InputEncoding
}
