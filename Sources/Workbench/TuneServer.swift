import Hummingbird
import Tuning

/// `exemplar tune`'s HTTP shell over a `TuneSession` (routes only; the page and the
/// numbers come from the session): bound to 127.0.0.1 only.
///
/// - `GET /` — the page (text/html);
/// - `POST /api/evaluate` — body: `KEY.PATH=VALUE` lines (at most 64 KiB); answer: the
///   session's JSON, 200 or 400 with `{"ok":false,"errors":[…]}`;
/// - `POST /api/file` — the same body; answer: the criteria file with the changes written
///   in place (application/toml), or 400 with the JSON error;
/// - `POST /api/explain` — body: the enterprise's id, then the changes; answer: its
///   explanation (the text of `exemplar explain`), or 400 with the JSON error;
/// - `GET /api/stability` — the sliders' stability bands (`TuneSession.stability()`),
///   computed in the background from the moment the server listens; answered once ready;
/// - anything else — 404.
///
/// SIGINT and SIGTERM stop it gracefully (in-flight requests are answered first).
public enum TuneServer {
  /// The largest request body read, bytes.
  public static let maxBody = 1 << 16

  /// Serves `session` on 127.0.0.1:`port` (0: any free port) until SIGINT or SIGTERM.
  /// `ready` gets the port actually bound, once the server accepts connections.
  public static func run(_ session: TuneSession, port: Int, ready: @escaping @Sendable (Int) -> Void) async throws {
    let page = ByteBuffer(string: session.page())
    let router = Router()
    router.get("/") { _, _ in
      Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: .init(byteBuffer: page))
    }
    router.post("/api/evaluate") { request, _ -> Response in
      let answer: (status: Int, json: String)
      do {
        let body = try await request.body.collect(upTo: maxBody)
        answer = session.evaluate(body: Array(body.readableBytesView))
      } catch {
        answer = (413, session.tooLarge(maxBody))
      }
      return Response(
        status: .init(code: answer.status), headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
        body: .init(byteBuffer: ByteBuffer(string: answer.json)))
    }
    router.post("/api/explain") { request, _ -> Response in
      let answer: (status: Int, json: String)
      do {
        let body = try await request.body.collect(upTo: maxBody)
        answer = session.explain(body: Array(body.readableBytesView))
      } catch {
        answer = (413, session.tooLarge(maxBody))
      }
      return Response(
        status: .init(code: answer.status), headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
        body: .init(byteBuffer: ByteBuffer(string: answer.json)))
    }
    router.get("/api/stability") { _, _ -> Response in
      let json = await session.stability()
      return Response(
        status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
        body: .init(byteBuffer: ByteBuffer(string: json)))
    }
    router.post("/api/file") { request, _ -> Response in
      let answer: (status: Int, text: String)
      do {
        let body = try await request.body.collect(upTo: maxBody)
        answer = session.file(body: Array(body.readableBytesView))
      } catch {
        answer = (413, session.tooLarge(maxBody))
      }
      let type = answer.status == 200 ? "application/toml; charset=utf-8" : "application/json; charset=utf-8"
      return Response(
        status: .init(code: answer.status), headers: [.contentType: type, .cacheControl: "no-store"],
        body: .init(byteBuffer: ByteBuffer(string: answer.text)))
    }
    let app = Application(
      router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
      onServerRunning: { channel in
        ready(channel.localAddress?.port ?? port)
        session.startStability()
      })
    try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
  }
}
