import Foundation

/// A response whose body was read into memory.
public struct HTTPResponse: Sendable, Hashable {
    /// Status, headers and final URL.
    public var head: HTTPResponseHead
    /// The decoded body (empty for 304).
    public var body: Data

    /// Creates a response.
    public init(head: HTTPResponseHead, body: Data) {
        self.head = head
        self.body = body
    }

    /// The final HTTP status.
    public var status: Int { head.status }
}
