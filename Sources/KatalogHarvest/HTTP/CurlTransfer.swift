import CCurl
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Everything one transfer attempt needs, as plain Sendable values (no C types).
struct CurlTransferSpec: Sendable {
    /// Where the body of a 2xx answer goes.
    enum Destination: Sendable {
        case memory
        /// Created or truncated at the start of the attempt.
        case file(path: String)
    }

    var url: String
    var headerLines: [String]
    var userAgent: String
    var timeout: HTTPClient.Configuration.Timeout
    var maxRedirects: Int
    var maxBytes: Int64
    var acceptCompressedBodies: Bool
    var destination: Destination
}

/// What one attempt produced when libcurl finished the exchange (any status).
struct CurlTransferResult: Sendable {
    var status: Int
    var finalURL: String
    var headers: HTTPHeaders
    var body: Data
    var bodyBytes: Int64
    var excerpt: String?
    /// The first KiB of a 4xx/5xx answer's body, as sent.
    var errorBody: Data?
}

/// Why one attempt failed below HTTP.
struct CurlTransferFailure: Error, Sendable {
    var code: FetchError.Code
    var message: String
    var detail: String?
}

/// Runs libcurl transfers on dedicated threads, off Swift's cooperative pool.
enum CurlTransfer {
    /// Performs one attempt on a new thread; cancelling the calling task aborts the transfer at libcurl's next callback.
    static func perform(_ spec: CurlTransferSpec) async -> Result<CurlTransferResult, CurlTransferFailure> {
        let cancellation = TransferCancellation()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let thread = Thread {
                    continuation.resume(returning: runBlocking(spec, cancellation: cancellation))
                }
                thread.name = "katalog-curl"
                thread.stackSize = 1 << 20
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    /// Performs one attempt on the calling thread. Blocks until libcurl is done.
    static func runBlocking(
        _ spec: CurlTransferSpec, cancellation: TransferCancellation
    ) -> Result<CurlTransferResult, CurlTransferFailure> {
        if cancellation.isCancelled {
            return .failure(CurlTransferFailure(code: .cancelled, message: "the request was cancelled", detail: nil))
        }
        var descriptor: Int32 = -1
        if case .file(let path) = spec.destination {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                let reason = String(cString: strerror(errno))
                return .failure(CurlTransferFailure(
                    code: .localFile, message: "cannot create \(path): \(reason)", detail: nil))
            }
        }
        let sink: TransferSink = descriptor >= 0 ? .file(descriptor: descriptor) : .memory
        let state = CurlTransferState(sink: sink, maxBytes: spec.maxBytes, cancellation: cancellation)
        var result = run(spec, state: state)
        if descriptor >= 0, close(descriptor) != 0, case .success = result {
            let reason = String(cString: strerror(errno))
            result = .failure(CurlTransferFailure(
                code: .localFile, message: "cannot finish writing the download: \(reason)", detail: nil))
        }
        return result
    }

    private static func run(
        _ spec: CurlTransferSpec, state: CurlTransferState
    ) -> Result<CurlTransferResult, CurlTransferFailure> {
        let handle: CurlEasyHandle
        do {
            handle = try CurlEasyHandle()
            try configure(handle, spec: spec, state: state)
        } catch {
            return .failure(CurlTransferFailure(code: .transport, message: "libcurl setup failed", detail: error.detail))
        }
        let code = withExtendedLifetime(state) { handle.perform() }
        guard code == CURLE_OK else {
            return .failure(failure(for: code, handle: handle, state: state, spec: spec))
        }
        let status = handle.infoLong(CURLINFO_RESPONSE_CODE) ?? state.status
        return .success(CurlTransferResult(
            status: status,
            finalURL: handle.infoString(CURLINFO_EFFECTIVE_URL) ?? spec.url,
            headers: state.headers,
            body: state.body,
            bodyBytes: state.bodyBytes,
            excerpt: state.excerptText,
            errorBody: state.excerpt.isEmpty ? nil : Data(state.excerpt)))
    }

    private static func configure(
        _ handle: CurlEasyHandle, spec: CurlTransferSpec, state: CurlTransferState
    ) throws(CurlSetupError) {
        let context = Unmanaged.passUnretained(state).toOpaque()
        try handle.set(CURLOPT_URL, spec.url)
        try handle.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try handle.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try handle.set(CURLOPT_FOLLOWLOCATION, 1)
        try handle.set(CURLOPT_MAXREDIRS, spec.maxRedirects)
        try handle.set(CURLOPT_NOSIGNAL, 1)
        try handle.set(CURLOPT_USERAGENT, spec.userAgent)
        if spec.acceptCompressedBodies {
            // The empty string offers every encoding this libcurl can decode (gzip, deflate, …) and decodes it.
            try handle.set(CURLOPT_ACCEPT_ENCODING, "")
        }
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, max(1, spec.timeout.connect.wholeMilliseconds))
        try handle.set(CURLOPT_TIMEOUT_MS, max(1, spec.timeout.total.wholeMilliseconds))
        if spec.timeout.lowSpeedLimit > 0 {
            try handle.set(CURLOPT_LOW_SPEED_LIMIT, spec.timeout.lowSpeedLimit)
            try handle.set(CURLOPT_LOW_SPEED_TIME, max(1, (spec.timeout.lowSpeedTime.wholeMilliseconds + 999) / 1000))
        }
        try handle.set(CURLOPT_MAXFILESIZE_LARGE, offset: spec.maxBytes)
        try handle.setHeaders(spec.headerLines)
        try handle.set(CURLOPT_HEADERDATA, context)
        try handle.set(CURLOPT_HEADERFUNCTION, callback: { buffer, size, count, context in
            guard let buffer, let context else { return 0 }
            let state = Unmanaged<CurlTransferState>.fromOpaque(context).takeUnretainedValue()
            state.receiveHeaderLine(UnsafeRawBufferPointer(start: buffer, count: size * count))
            return size * count
        })
        try handle.set(CURLOPT_WRITEDATA, context)
        try handle.set(CURLOPT_WRITEFUNCTION, callback: { buffer, size, count, context in
            guard let context else { return 0 }
            let state = Unmanaged<CurlTransferState>.fromOpaque(context).takeUnretainedValue()
            let ok = state.receiveBody(UnsafeRawBufferPointer(start: buffer, count: size * count))
            return ok ? size * count : 0
        })
        try handle.set(CURLOPT_NOPROGRESS, 0)
        try handle.set(CURLOPT_XFERINFODATA, context)
        try handle.set(CURLOPT_XFERINFOFUNCTION, progress: { context, _, _, _, _ in
            guard let context else { return 0 }
            let state = Unmanaged<CurlTransferState>.fromOpaque(context).takeUnretainedValue()
            return state.shouldContinue() ? 0 : 1
        })
    }

    /// Turns a libcurl result code (and what the callbacks recorded) into a typed failure.
    private static func failure(
        for code: CURLcode, handle: CurlEasyHandle, state: CurlTransferState, spec: CurlTransferSpec
    ) -> CurlTransferFailure {
        let detail = handle.errorDetail ?? String(cString: curl_easy_strerror(code))
        func make(_ kind: FetchError.Code, _ message: String) -> CurlTransferFailure {
            CurlTransferFailure(code: kind, message: message, detail: detail)
        }
        switch state.stopReason {
        case .cancelled?:
            return make(.cancelled, "the request was cancelled")
        case .tooLarge?:
            return make(.tooLarge, "the body exceeded the cap of \(spec.maxBytes) bytes")
        case .fileWrite(let number)?:
            return make(.localFile, "cannot write the download: \(String(cString: strerror(number)))")
        case nil:
            break
        }
        if state.cancellation.isCancelled { return make(.cancelled, "the request was cancelled") }
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return make(.timeout, "timed out: \(detail)")
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT,
            CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING:
            return make(.connectionFailed, "connection failed: \(detail)")
        case CURLE_PARTIAL_FILE:
            return make(.truncated, "the connection closed before the whole body arrived: \(detail)")
        case CURLE_FILESIZE_EXCEEDED:
            return make(.tooLarge, "the announced body size exceeds the cap of \(spec.maxBytes) bytes")
        case CURLE_TOO_MANY_REDIRECTS:
            return make(.tooManyRedirects, "more than \(spec.maxRedirects) redirects")
        case CURLE_UNSUPPORTED_PROTOCOL:
            return make(.forbiddenScheme, "a redirect led to a scheme other than http or https: \(detail)")
        case CURLE_URL_MALFORMAT:
            return make(.invalidURL, "the URL is malformed: \(detail)")
        case CURLE_ABORTED_BY_CALLBACK:
            return make(.cancelled, "the request was cancelled")
        default:
            return make(.transport, "transfer failed (libcurl code \(code.rawValue)): \(detail)")
        }
    }
}
