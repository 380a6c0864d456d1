import Foundation
import KatalogHarvest
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Writing to the terminal: stdout for results, stderr for progress and causes.
enum Terminal {
    /// True when stderr is a terminal (progress lines are drawn only then).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func outData(_ data: Data) {
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}

/// Draws a one-line harvest progress display on a terminal, at most a few times a second.
final class ProgressLine: Sendable {
    private let lastDraw = Mutex<ContinuousClock.Instant?>(nil)
    private let enabled = Terminal.stderrIsTerminal

    func report(_ progress: HarvestProgress) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let shouldDraw = lastDraw.withLock { last -> Bool in
            if let last, now - last < .milliseconds(200) { return false }
            last = now
            return true
        }
        guard shouldDraw else { return }
        let expected = progress.expected.map { " of \($0)" } ?? ""
        FileHandle.standardError.write(Data("\r\u{1B}[K\(progress.source): page \(progress.pages), \(progress.records)\(expected) datasets".utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
