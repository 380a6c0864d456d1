import Foundation

/// Runs the recursive JSON-LD conversion on a dedicated thread with a large stack, so a document
/// nested up to ``ParserLimits/maxDepth`` cannot overflow the small stacks of Swift concurrency's
/// worker threads. The caller blocks until the work is done, as for any other synchronous parse.
enum JSONLDDeepStack {
    /// Stack size of the conversion thread; ample for the default depth limit of 512 in debug builds.
    static let stackSize = 256 << 20

    private final class Job<Result>: @unchecked Sendable {
        /// Released before the waiter resumes, so the non-escaping body never outlives `run`.
        var body: (() throws -> Result)?
        var outcome: Swift.Result<Result, any Error>?
        let done = DispatchSemaphore(value: 0)

        init(body: @escaping () throws -> Result) {
            self.body = body
        }
    }

    /// Runs `body` on a fresh thread with ``stackSize`` bytes of stack and returns its result.
    static func run<Result>(_ body: () throws -> Result) throws -> Result {
        try withoutActuallyEscaping(body) { escapable in
            let job = Job(body: escapable)
            let thread = Thread {
                if let body = job.body {
                    job.outcome = Swift.Result { try body() }
                }
                job.body = nil
                job.done.signal()
            }
            thread.stackSize = stackSize
            thread.start()
            job.done.wait()
            guard let outcome = job.outcome else {
                throw RDFParseError(.io, "the JSON-LD conversion thread ended without a result")
            }
            return try outcome.get()
        }
    }
}
