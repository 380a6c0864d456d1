import Foundation
import KatalogModel
import Testing

@testable import KatalogHarvest

/// A generator that always returns the same word, to pin jitter to its bounds.
private struct ConstantGenerator: RandomNumberGenerator {
    var value: UInt64
    mutating func next() -> UInt64 { value }
}

@Suite("RetryStateMachine and Retry-After parsing (no I/O)")
struct RetryStateMachineTests {
    private let policy = HTTPClient.Configuration.RetryPolicy()

    private func machine(afterAttempts attempts: Int) -> RetryStateMachine {
        var machine = RetryStateMachine(policy: policy)
        for _ in 0..<attempts { machine.attemptStarted() }
        return machine
    }

    private func delay(_ action: RetryStateMachine.Action) -> Double? {
        if case .retry(let after) = action { return after.seconds }
        return nil
    }

    @Test("the backoff ceiling doubles from 0.5 s and stops at 30 s")
    func backoffCeilings() {
        let ceilings = (1...9).map { RetryStateMachine.backoffCeiling(afterAttempts: $0, policy: policy).seconds }
        #expect(ceilings == [0.5, 1, 2, 4, 8, 16, 30, 30, 30])
        #expect(RetryStateMachine.backoffCeiling(afterAttempts: 500, policy: policy).seconds == 30)
    }

    @Test("full jitter stays within zero and the ceiling, and spreads over it")
    func jitterRange() {
        let state = machine(afterAttempts: 3)
        var random = SystemRandomNumberGenerator()
        let delays = (0..<2000).compactMap { _ in
            delay(state.attemptFinished(.failure(.timeout), random: &random))
        }
        #expect(delays.count == 2000)
        #expect(delays.allSatisfy { $0 >= 0 && $0 <= 2 })
        #expect(delays.min()! < 0.2)
        #expect(delays.max()! > 1.8)
    }

    @Test("jitter bounds are reached at the generator's extremes")
    func jitterExtremes() {
        let state = machine(afterAttempts: 2)
        var low = ConstantGenerator(value: 0)
        var high = ConstantGenerator(value: .max)
        #expect(delay(state.attemptFinished(.response(status: 502, retryAfter: nil), random: &low)) == 0)
        let top = delay(state.attemptFinished(.response(status: 502, retryAfter: nil), random: &high))
        #expect(top.map { abs($0 - 1) < 0.001 } == true)
    }

    @Test("2xx and 304 succeed", arguments: [200, 201, 204, 206, 304])
    func successes(status: Int) {
        var random = SystemRandomNumberGenerator()
        #expect(machine(afterAttempts: 1).attemptFinished(.response(status: status, retryAfter: nil), random: &random) == .succeed)
    }

    @Test("4xx other than 429 and other final statuses are never retried", arguments: [300, 302, 400, 401, 403, 404, 408, 410, 451, 501, 505])
    func notRetried(status: Int) {
        var random = SystemRandomNumberGenerator()
        #expect(machine(afterAttempts: 1).attemptFinished(.response(status: status, retryAfter: .seconds(1)), random: &random) == .fail)
    }

    @Test("429 and retryable 5xx are retried while attempts remain", arguments: [429, 500, 502, 503, 504, 599])
    func retried(status: Int) {
        var random = SystemRandomNumberGenerator()
        #expect(delay(machine(afterAttempts: 1).attemptFinished(.response(status: status, retryAfter: nil), random: &random)) != nil)
        #expect(machine(afterAttempts: 4).attemptFinished(.response(status: status, retryAfter: nil), random: &random) == .fail)
    }

    @Test("transient transport failures are retried; the rest fail at once")
    func transportFailures() {
        var random = SystemRandomNumberGenerator()
        let state = machine(afterAttempts: 1)
        for code in [FetchError.Code.timeout, .connectionFailed, .truncated] {
            #expect(delay(state.attemptFinished(.failure(code), random: &random)) != nil, "\(code)")
        }
        for code in [FetchError.Code.tooLarge, .forbiddenScheme, .tooManyRedirects, .invalidURL, .cancelled, .localFile, .transport] {
            #expect(state.attemptFinished(.failure(code), random: &random) == .fail, "\(code)")
        }
    }

    @Test("Retry-After on 429/503 sets the wait, capped at maxRetryAfter; on 500 it is ignored")
    func retryAfterHonoured() {
        var random = ConstantGenerator(value: .max)
        let state = machine(afterAttempts: 1)
        #expect(state.attemptFinished(.response(status: 503, retryAfter: .seconds(7)), random: &random) == .retry(after: .seconds(7)))
        #expect(state.attemptFinished(.response(status: 429, retryAfter: .seconds(3600)), random: &random) == .retry(after: .seconds(120)))
        let ignored = delay(state.attemptFinished(.response(status: 500, retryAfter: .seconds(60)), random: &random))
        #expect(ignored.map { $0 <= 0.5 } == true)
    }

    @Test("Retry-After parses delay-seconds")
    func parseSeconds() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(RetryAfter.parse("120", now: now) == .seconds(120))
        #expect(RetryAfter.parse(" 5 ", now: now) == .seconds(5))
        #expect(RetryAfter.parse("0", now: now) == .zero)
        #expect(RetryAfter.parse("-5", now: now) == nil)
        #expect(RetryAfter.parse("soon", now: now) == nil)
        #expect(RetryAfter.parse("", now: now) == nil)
        #expect(RetryAfter.parse("99999999999999999999999", now: now) != nil)
    }

    @Test("Retry-After parses HTTP-dates in all three forms", arguments: [
        "Wed, 21 Oct 2015 07:28:00 GMT", "Wednesday, 21-Oct-15 07:28:00 GMT", "Wed Oct 21 07:28:00 2015",
    ])
    func parseDate(value: String) throws {
        let target = Date(timeIntervalSince1970: 1_445_412_480)  // 2015-10-21T07:28:00Z
        let wait = try #require(RetryAfter.parse(value, now: target.addingTimeInterval(-90)))
        #expect(abs(wait.seconds - 90) < 0.001)
        #expect(RetryAfter.parse(value, now: target.addingTimeInterval(60)) == .zero)
    }

    @Test("asctime's padded single-digit day parses")
    func parseAsctimePadded() throws {
        let target = Date(timeIntervalSince1970: 784_111_777)  // 1994-11-06T08:49:37Z
        let wait = try #require(RetryAfter.parse("Sun Nov  6 08:49:37 1994", now: target.addingTimeInterval(-10)))
        #expect(abs(wait.seconds - 10) < 0.001)
    }
}
