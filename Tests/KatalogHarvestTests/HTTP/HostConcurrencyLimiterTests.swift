import Testing

@testable import KatalogHarvest

@Suite("HostConcurrencyLimiter")
struct HostConcurrencyLimiterTests {
    @Test("a cancelled waiter leaves the queue and the permit count stays right")
    func cancelledWaiter() async throws {
        let limiter = HostConcurrencyLimiter(limit: 1)
        let (holding, holdingDone) = AsyncStream.makeStream(of: Void.self)
        let (release, releaseNow) = AsyncStream.makeStream(of: Void.self)
        let holder = Task {
            try await limiter.withPermit(host: "a") {
                holdingDone.yield()
                for await _ in release { break }
            }
        }
        for await _ in holding { break }
        #expect(limiter.activeCount(host: "a") == 1)
        let waiter = Task { try await limiter.withPermit(host: "a") { 1 } }
        // Another host is not blocked by host "a".
        #expect(try await limiter.withPermit(host: "b") { 2 } == 2)
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        releaseNow.yield()
        try await holder.value
        #expect(limiter.activeCount(host: "a") == 0)
        #expect(try await limiter.withPermit(host: "a") { 3 } == 3)
    }
}
