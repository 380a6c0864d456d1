import Foundation
@testable import KatalogHarvest
import Logging
import Synchronization
import Testing

/// `--log-format json`: one JSON object a line, whatever the message and metadata hold.
struct JSONLogHandlerTests {
    private final class Lines: Sendable {
        let lines = Mutex<[[UInt8]]>([])
        var all: [[UInt8]] { lines.withLock { $0 } }
    }

    private static func object(_ line: [UInt8]) throws -> [String: Any] {
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(line.dropLast().allSatisfy { $0 != UInt8(ascii: "\n") }, "one line")
        return try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
    }

    @Test func messagesAndMetadataBecomeOneObjectALine() throws {
        let captured = Lines()
        let fixed = Date(timeIntervalSince1970: 1_796_668_916.123_4) // 2026-12-07T18:41:56.123Z
        var handler = JSONLogHandler(label: "katalog", output: { line in captured.lines.withLock { $0.append(line) } }, now: { fixed })
        handler.logLevel = .debug
        handler[metadataKey: "process"] = "serve"
        let logger = Logger(label: "katalog") { _ in handler }
        logger.info("request \"quoted\"\nsecond line\u{1}", metadata: [
            "http.status": "200", "message": "a key that would replace the message", "källa": "Malmö stad",
            "list": ["a", "b"], "map": ["inner": "x"],
        ])
        logger.trace("below the level")
        let lines = captured.all
        #expect(lines.count == 1)
        let line = try Self.object(try #require(lines.first))
        #expect(line["time"] as? String == "2026-12-07T18:41:56.123Z")
        #expect(line["level"] as? String == "info")
        #expect(line["label"] as? String == "katalog")
        #expect(line["source"] as? String == "KatalogHarvestTests")
        #expect(line["message"] as? String == "request \"quoted\"\nsecond line\u{1}")
        #expect(line["http.status"] as? String == "200")
        #expect(line["metadata.message"] as? String == "a key that would replace the message")
        #expect(line["källa"] as? String == "Malmö stad")
        #expect(line["list"] as? [String] == ["a", "b"])
        #expect((line["map"] as? [String: String]) == ["inner": "x"])
        #expect(line["process"] as? String == "serve", "the handler's own metadata")
    }

    @Test func timestampsAreUTCWithMilliseconds() {
        #expect(JSONLogHandler.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(JSONLogHandler.timestamp(Date(timeIntervalSince1970: 951_782_400.05)) == "2000-02-29T00:00:00.050Z")
        #expect(JSONLogHandler.timestamp(Date(timeIntervalSince1970: 4_102_444_799.999)) == "2099-12-31T23:59:59.999Z")
    }
}
