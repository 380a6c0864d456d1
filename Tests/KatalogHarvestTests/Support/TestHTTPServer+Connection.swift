import Foundation
import KatalogHarvest

#if canImport(Glibc)
import Glibc
#endif

extension TestHTTPServer {
    /// Reads one request from `connection`, answers it as scripted, and closes the connection.
    func serve(_ connection: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let parsed = Self.readRequest(connection) else {
            close(connection)
            return
        }
        let request = record(parsed)
        var response = respond(to: request)
        var proceed = true
        while case .delayed(let delay, let next) = response {
            if proceed { proceed = pause(delay) }
            response = next
        }
        // The request stops counting as in flight before any byte of the answer leaves, so a client that
        // starts its next request after reading this answer can never overlap with it in the count.
        finishedHandling()
        guard proceed else {
            close(connection)
            return
        }
        send(response, on: connection)
    }

    private func send(_ response: TestResponse, on connection: Int32) {
        switch response {
        case .delayed(_, let next):
            send(next, on: connection)
        case .reset:
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            close(connection)
        case .full(let status, let headers, let body):
            let length = headers["Content-Length"] == nil ? body.count : nil
            _ = Self.write(Self.head(status: status, headers: headers, contentLength: length) + body, to: connection)
            Self.closeGracefully(connection)
        case .truncated(let status, let headers, let declaredLength, let body):
            _ = Self.write(Self.head(status: status, headers: headers, contentLength: declaredLength) + body, to: connection)
            Self.closeGracefully(connection)
        case .redirect(let status, let location):
            var headers = HTTPHeaders()
            headers.add(name: "Location", value: location)
            _ = Self.write(Self.head(status: status, headers: headers, contentLength: 0), to: connection)
            Self.closeGracefully(connection)
        case .slow(let status, let headers, let chunks, let interval):
            let total = chunks.reduce(0) { $0 + $1.count }
            guard Self.write(Self.head(status: status, headers: headers, contentLength: total), to: connection) else {
                close(connection)
                return
            }
            for chunk in chunks {
                guard pause(interval), Self.write(chunk, to: connection) else { break }
            }
            Self.closeGracefully(connection)
        }
    }

    /// Sleeps in short steps; false when the server began stopping meanwhile.
    private func pause(_ duration: Duration) -> Bool {
        let deadline = ContinuousClock.now + duration
        while ContinuousClock.now < deadline {
            if isStopping { return false }
            let left = (deadline - ContinuousClock.now).components
            let seconds = Double(left.seconds) + Double(left.attoseconds) / 1e18
            Thread.sleep(forTimeInterval: min(0.01, max(0, seconds)))
        }
        return !isStopping
    }

    private static func head(status: Int, headers: HTTPHeaders, contentLength: Int?) -> Data {
        var text = "HTTP/1.1 \(status) \(reason(status))\r\n"
        for field in headers { text += "\(field.name): \(field.value)\r\n" }
        if let contentLength { text += "Content-Length: \(contentLength)\r\n" }
        text += "Connection: close\r\n\r\n"
        return Data(text.utf8)
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 206: "Partial Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }

    /// Writes everything (without SIGPIPE); false when the peer went away.
    private static func write(_ data: Data, to connection: Int32) -> Bool {
        data.withUnsafeBytes { buffer -> Bool in
            guard var pointer = buffer.baseAddress else { return true }
            var remaining = buffer.count
            while remaining > 0 {
                let sent = Glibc.send(connection, pointer, remaining, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                remaining -= sent
                pointer += sent
            }
            return true
        }
    }

    private static func closeGracefully(_ connection: Int32) {
        shutdown(connection, Int32(SHUT_WR))
        // Drain until the client closes, for at most 200 ms, so the close never turns into a reset. A client
        // that keeps the connection cached does not close it; waiting longer would hold this thread (and
        // `stop()`, which runs on the caller's thread) for nothing.
        var drainTimeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &drainTimeout, socklen_t(MemoryLayout<timeval>.size))
        var scratch = [UInt8](repeating: 0, count: 1024)
        while recv(connection, &scratch, scratch.count, 0) > 0 {}
        close(connection)
    }

    /// Reads the request line and header block (a GET has no body here); nil when the client sent no request.
    private static func readRequest(_ connection: Int32) -> TestRequest? {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let terminator: [UInt8] = Array("\r\n\r\n".utf8)
        while !received.ends(with: terminator), received.count < 64 * 1024 {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            received.append(contentsOf: buffer[0..<count])
            if let range = received.firstRange(of: terminator) {
                received.removeSubrange(range.upperBound...)
                break
            }
        }
        let text = String(decoding: received, as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        let target = String(requestLine[1])
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.add(
                name: String(line[..<colon]),
                value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return TestRequest(
            sequence: -1, method: String(requestLine[0]), target: target, path: String(parts[0]),
            query: parts.count > 1 ? String(parts[1]) : nil, headers: headers)
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
