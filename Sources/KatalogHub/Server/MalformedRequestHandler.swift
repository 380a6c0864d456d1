import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request that is not valid HTTP/1.1 with an `application/problem+json` document,
/// as every other error of the hub is answered, instead of an empty 400.
///
/// Such requests never reach the router: the HTTP parser fails on them (a request line and header
/// section over the parser's 80 KiB, say, which is what a search with an absurdly long query
/// sends) and the connection is closed right after. This handler sits after the HTTP decoding in
/// each connection's pipeline and writes the answer when the parser's error passes through. It does
/// so after the answers of the requests before it on the connection (pipelined ones). When the
/// error is in the body of a request the router already has, that request's own answer is the
/// one sent, as before. Once it has answered, it drops what is written after (Hummingbird's own
/// empty 400 for the same error), so the client reads one answer per request.
final class MalformedRequestHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let logger: Logger
    private let metrics: RequestMetrics
    /// Requests whose head went to the router and whose answer has not been written in full.
    private var unanswered = 0
    /// A request's head came and its end has not: an error now is in that request's body.
    private var inRequest = false
    /// A parser error that came after requests still being answered; answered after them.
    private var pending: APIError?
    /// A parser error came in a request's body: once the requests so far are answered, nothing more is sent.
    private var silentAfterAnswers = false
    /// Set once a parser error is answered (or is to get no answer of its own); the connection is closing.
    private var answered = false

    init(logger: Logger, metrics: RequestMetrics) {
        self.logger = logger
        self.metrics = metrics
    }

    /// The status and explanation a parser error is answered with.
    static func problem(for error: HTTPParserError) -> APIError {
        if error == .headerOverflow {
            return APIError(
                .init(code: 431, reasonPhrase: "Request Header Fields Too Large"),
                "the request line and header fields exceed the 80 KiB the hub reads; shorten the query (a search's q is limited far below that)"
            )
        }
        return APIError(.badRequest, "the request is not valid HTTP/1.1 (\(error))")
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        let problem = Self.problem(for: parserError)
        metrics.record(route: "unparsed", method: "unknown", status: problem.status.code, seconds: 0)
        logger.info("request", metadata: [
            "http.route": "unparsed", "http.status": "\(problem.status.code)", "http.error": "\(parserError)",
        ])
        if inRequest {
            // The body of a request the router has is broken: its own answer is the one sent, and nothing after it.
            silentAfterAnswers = true
        } else if unanswered == 0 {
            answer(problem, context: context)
        } else {
            pending = problem
        }
        // The decoder closes the connection's input once its error has gone through the pipeline.
        context.fireErrorCaught(error)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            unanswered += 1
            inRequest = true
        case .end: inRequest = false
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if answered {
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        context.write(data, promise: promise)
        guard case .end = unwrapOutboundIn(data), unanswered > 0 else { return }
        unanswered -= 1
        guard unanswered == 0 else { return }
        if let problem = pending {
            pending = nil
            answer(problem, context: context)
        } else if silentAfterAnswers {
            answered = true
        }
    }

    private func answer(_ problem: APIError, context: ChannelHandlerContext) {
        answered = true
        let body = problem.document(instance: nil)
        var fields = APIError.headers
        fields[.connection] = "close"
        fields[.contentLength] = String(body.count)
        context.write(wrapOutboundOut(.head(HTTPResponse(status: problem.status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(context.channel.allocator.buffer(bytes: body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
