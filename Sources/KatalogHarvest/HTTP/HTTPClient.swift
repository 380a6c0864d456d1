import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// Fetches http(s) resources through libcurl with timeouts, retries, a size cap, redirects limited to http(s),
/// gzip/deflate decoding and a per-host concurrency limit.
///
/// Each attempt runs `curl_easy_perform` on its own thread, never on Swift's cooperative pool. Cancelling the
/// calling task aborts the transfer within about a second. All entry points throw only ``FetchError``.
public final class HTTPClient: Sendable {
    /// The configuration this client was made with.
    public let configuration: Configuration
    private let logger: Logger
    private let limiter: HostConcurrencyLimiter

    /// Creates a client; `logger` is used when a call passes none.
    public init(configuration: Configuration = Configuration(), logger: Logger = Logger(label: "katalog.http")) {
        self.configuration = configuration
        self.logger = logger
        self.limiter = HostConcurrencyLimiter(limit: configuration.maxConcurrentRequestsPerHost)
    }

    /// Fetches `request` with the body in memory (at most ``Configuration/maxInMemoryBytes`` unless the request
    /// sets its own cap). Returns 2xx and 304 answers; anything else throws ``FetchError`` once retries are spent.
    public func get(_ request: HTTPRequest, logger: Logger? = nil) async throws -> HTTPResponse {
        let cap = request.maxBytes ?? configuration.maxInMemoryBytes
        let result = try await execute(request, destination: .memory, maxBytes: cap, logger: logger ?? self.logger)
        return HTTPResponse(head: Self.head(of: result), body: result.body)
    }

    /// Streams the body of `request` into `file` (bounded memory whatever the size; at most
    /// ``Configuration/maxDownloadBytes`` unless the request sets its own cap).
    ///
    /// The body is written to a hidden sibling file and renamed onto `file` only after a complete 2xx answer, so
    /// `file` never holds a partial body. On 304, or on failure, `file` is left as it was and the partial file is removed.
    public func download(_ request: HTTPRequest, to file: URL, logger: Logger? = nil) async throws -> HTTPResponseHead {
        guard file.isFileURL else {
            throw FetchError(
                code: .localFile, message: "the download destination \(file) is not a file URL", url: request.url)
        }
        let partial = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString).partial")
        defer { unlink(partial.path) }
        let cap = request.maxBytes ?? configuration.maxDownloadBytes
        let result = try await execute(
            request, destination: .file(path: partial.path), maxBytes: cap, logger: logger ?? self.logger)
        let head = Self.head(of: result)
        if result.status == 304 { return head }
        guard rename(partial.path, file.path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw FetchError(
                code: .localFile, message: "cannot move the download into \(file.path): \(reason)", url: request.url,
                status: result.status)
        }
        return head
    }

    private static func head(of result: CurlTransferResult) -> HTTPResponseHead {
        HTTPResponseHead(
            finalURL: result.finalURL, status: result.status, headers: result.headers, bytesReceived: result.bodyBytes)
    }

    /// Runs attempts until the retry state machine says the request succeeded or failed.
    private func execute(
        _ request: HTTPRequest, destination: CurlTransferSpec.Destination, maxBytes: Int64, logger: Logger
    ) async throws -> CurlTransferResult {
        let target = try RequestValidation.validate(request)
        var timeout = configuration.timeout
        if let total = request.totalTimeout { timeout.total = total }
        let spec = CurlTransferSpec(
            url: target.url, headerLines: target.headerLines, userAgent: configuration.userAgent, timeout: timeout,
            maxRedirects: configuration.maxRedirects, maxBytes: maxBytes,
            acceptCompressedBodies: configuration.acceptCompressedBodies, destination: destination)
        var logger = logger
        logger[metadataKey: "http.url"] = "\(request.url)"
        var machine = RetryStateMachine(policy: configuration.retry)
        var random = SystemRandomNumberGenerator()
        while true {
            guard !Task.isCancelled else { throw cancelled(request, attempts: machine.attempts) }
            machine.attemptStarted()
            logger[metadataKey: "http.attempt"] = "\(machine.attempts)"
            logger.debug("HTTP attempt starting")
            let result: Result<CurlTransferResult, CurlTransferFailure>
            do {
                result = try await limiter.withPermit(host: target.host) { await CurlTransfer.perform(spec) }
            } catch {
                throw cancelled(request, attempts: machine.attempts - 1)
            }
            let outcome: RetryStateMachine.AttemptOutcome
            switch result {
            case .success(let answer):
                let retryAfter = answer.headers["Retry-After"].flatMap { RetryAfter.parse($0, now: Date()) }
                outcome = .response(status: answer.status, retryAfter: retryAfter)
                logger[metadataKey: "http.status"] = "\(answer.status)"
            case .failure(let failure):
                outcome = .failure(failure.code)
                logger[metadataKey: "http.error"] = "\(failure.code)"
            }
            switch (machine.attemptFinished(outcome, random: &random), result) {
            case (.succeed, .success(let answer)):
                logger.debug("HTTP request finished", metadata: ["http.bytes": "\(answer.bodyBytes)"])
                return answer
            case (.retry(let delay), _):
                logger.info(
                    "HTTP attempt failed; retrying",
                    metadata: ["http.retry_in_ms": "\(delay.wholeMilliseconds)"])
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    throw cancelled(request, attempts: machine.attempts)
                }
            case (.fail, _), (.succeed, .failure):
                let error = Self.error(for: result, request: request, attempts: machine.attempts)
                logger.debug("HTTP request failed", metadata: ["http.failure": "\(error)"])
                throw error
            }
        }
    }

    private func cancelled(_ request: HTTPRequest, attempts: Int) -> FetchError {
        FetchError(code: .cancelled, message: "the request was cancelled", url: request.url, attempts: attempts)
    }

    private static func error(
        for result: Result<CurlTransferResult, CurlTransferFailure>, request: HTTPRequest, attempts: Int
    ) -> FetchError {
        switch result {
        case .success(let answer):
            return FetchError(
                code: .httpStatus, message: "the server answered HTTP \(answer.status)", url: request.url,
                status: answer.status, attempts: attempts, bodyExcerpt: answer.excerpt, errorBody: answer.errorBody)
        case .failure(let failure):
            return FetchError(
                code: failure.code, message: failure.message, url: request.url, attempts: attempts,
                transportDetail: failure.detail)
        }
    }
}
