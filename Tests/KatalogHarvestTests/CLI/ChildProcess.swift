import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`, for the tests that run the `katalog` binary.
///
/// Not Foundation's `Process`: on Linux with Swift 6.3.1, `Process.run()` lists `/proc/self/fd` by copying each
/// directory entry's whole 256-byte name field, which reads past glibc's buffer when an entry ends it, and crashes
/// now and then (it crashed this test run once, in a `memmove` inside `Process.run`; fixed upstream after 6.3.1 by
/// swift-corelibs-foundation pull request 5472).
final class ChildProcess: Sendable {
    let pid: pid_t
    /// The raw wait status once the child has been reaped.
    private let waitStatus = Mutex<Int32?>(nil)

    /// Starts `executable` with `arguments` in `directory`, standard input from `/dev/null`, standard output and
    /// error appended to the files at the given paths (or to `/dev/null`; both may be the same file).
    init(_ executable: URL, _ arguments: [String], in directory: URL? = nil, stdout: String? = nil, stderr: String? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let output = O_WRONLY | O_CREAT | O_APPEND
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", output, 0o644)
        if let stderr, stderr == stdout {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, stderr ?? "/dev/null", output, 0o644)
        }
        if let directory {
            guard let addChdir = ChildProcess.addChdir else {
                throw TestFailure("this C library has no posix_spawn_file_actions_addchdir_np (glibc 2.29 or later has)")
            }
            addChdir(&actions, directory.path)
        }
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard code == 0 else {
            throw TestFailure("cannot start \(executable.path): \(String(cString: strerror(code)))")
        }
        self.pid = pid
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), which Swift's Glibc module does not declare.
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private static let addChdir: AddChdir? = dlsym(nil, "posix_spawn_file_actions_addchdir_np").map {
        unsafeBitCast($0, to: AddChdir.self)
    }

    /// Reaps the child if it has ended; its raw wait status then, else nil.
    private func poll() -> Int32? {
        waitStatus.withLock { status in
            if let status { return status }
            var raw: Int32 = 0
            if waitpid(pid, &raw, WNOHANG) == pid { status = raw }
            return status
        }
    }

    var isRunning: Bool { poll() == nil }

    /// Sends `signal` unless the child has ended.
    func send(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// How the child ended: its exit code, or the signal that ended it; nil while it runs.
    var termination: (exited: Bool, code: Int32)? {
        guard let raw = poll() else { return nil }
        let signal = raw & 0x7f
        return signal == 0 ? (true, (raw >> 8) & 0xff) : (false, signal)
    }

    /// Waits until the child ends, polling; throws when `timeout` passes first (the child is then killed).
    @discardableResult
    func wait(timeout: Duration, what: String) async throws -> (exited: Bool, code: Int32) {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let ended = termination { return ended }
            if ContinuousClock.now > deadline {
                send(SIGKILL)
                throw TestFailure("\(what) did not finish within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    deinit {
        // A child still running when its test ends is stopped and reaped, so no zombie outlives the test.
        if poll() == nil {
            kill(pid, SIGKILL)
            var raw: Int32 = 0
            _ = waitpid(pid, &raw, 0)
        }
    }
}
