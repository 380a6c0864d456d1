import KatalogModel

/// Decides, attempt by attempt, whether a fetch is done, should be retried (and after how long), or has failed.
///
/// A pure value type: it does no I/O and reads no clock, so every decision is unit-tested directly.
struct RetryStateMachine: Sendable {
    /// How one attempt ended.
    enum AttemptOutcome: Sendable, Equatable {
        /// The server answered with this final status; `retryAfter` is the parsed `Retry-After` header, if any.
        case response(status: Int, retryAfter: Duration?)
        /// The attempt failed before a usable answer, with this error code.
        case failure(FetchError.Code)
    }

    /// What the caller should do next.
    enum Action: Sendable, Equatable {
        /// Hand the answer to the caller (2xx or 304).
        case succeed
        /// Wait this long, then start another attempt.
        case retry(after: Duration)
        /// Stop and report the last outcome as an error.
        case fail
    }

    /// The policy in force.
    let policy: HTTPClient.Configuration.RetryPolicy
    /// Attempts started so far.
    private(set) var attempts = 0

    init(policy: HTTPClient.Configuration.RetryPolicy) {
        self.policy = policy
    }

    /// Records that an attempt is starting.
    mutating func attemptStarted() {
        attempts += 1
    }

    /// Decides what follows the attempt that just ended; `random` supplies the jitter.
    func attemptFinished(
        _ outcome: AttemptOutcome, random: inout some RandomNumberGenerator
    ) -> Action {
        switch outcome {
        case .response(let status, _) where Self.isSuccess(status):
            return .succeed
        case .response(let status, let retryAfter):
            guard Self.isRetryable(status: status), attempts < policy.maxAttempts else { return .fail }
            if let retryAfter, status == 429 || status == 503 {
                return .retry(after: min(max(retryAfter, .zero), policy.maxRetryAfter))
            }
            return .retry(after: jitteredBackoff(random: &random))
        case .failure(let code):
            guard Self.isRetryable(code), attempts < policy.maxAttempts else { return .fail }
            return .retry(after: jitteredBackoff(random: &random))
        }
    }

    /// The ceiling of the backoff after `attempts` failed attempts: base × 2^(attempts−1), at most `maxDelay`.
    static func backoffCeiling(afterAttempts attempts: Int, policy: HTTPClient.Configuration.RetryPolicy) -> Duration {
        let exponent = min(max(attempts - 1, 0), 40)
        let seconds = policy.baseDelay.seconds * Double(1 << UInt64(exponent))
        return .seconds(min(seconds, policy.maxDelay.seconds))
    }

    /// Full jitter: a uniform pick between zero and the current ceiling.
    private func jitteredBackoff(random: inout some RandomNumberGenerator) -> Duration {
        let ceiling = Self.backoffCeiling(afterAttempts: attempts, policy: policy).seconds
        guard ceiling > 0 else { return .zero }
        // One draw, no rejection loop: the top 53 bits give a uniform fraction in [0, 1).
        let fraction = Double(random.next() >> 11) * 0x1p-53
        return .seconds(fraction * ceiling)
    }

    /// 2xx and 304 are answers the caller wants.
    static func isSuccess(_ status: Int) -> Bool {
        (200..<300).contains(status) || status == 304
    }

    /// 429 and 5xx (except 501 Not Implemented and 505 Version Not Supported) may succeed later.
    static func isRetryable(status: Int) -> Bool {
        status == 429 || ((500..<600).contains(status) && status != 501 && status != 505)
    }

    /// Timeouts, dropped connections and truncated bodies are transient; the rest are not.
    static func isRetryable(_ code: FetchError.Code) -> Bool {
        code == .timeout || code == .connectionFailed || code == .truncated
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded up, clamped to what a C `long` holds.
    var wholeMilliseconds: Int {
        let parts = components
        let millis = parts.seconds.multipliedReportingOverflow(by: 1000)
        guard !millis.overflow else { return Int.max }
        let fraction = (parts.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(clamping: millis.partialValue + fraction)
    }
}
