import Foundation
import Testing

/// Runs the built `katalog` executable as a child process, the way an operator would.
struct KatalogProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `katalog` binary next to the test bundle (both are built by `swift build --build-tests`).
    static func executable() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("katalog"),
            packageRoot().appendingPathComponent(".build/debug/katalog"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw TestFailure("the katalog executable was not built; run `swift build --build-tests` first")
        }
        return found
    }

    /// The package root (the folder holding Package.swift).
    static func packageRoot() -> URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// Runs `katalog` with arguments in `directory`, waiting for it to exit (bounded by `timeout`).
    static func run(_ arguments: [String], in directory: URL, timeout: Duration = .seconds(120)) async throws -> Output {
        let out = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        let child = try ChildProcess(executable(), arguments, in: directory, stdout: out.path, stderr: err.path)
        let ended = try await child.wait(timeout: timeout, what: "katalog \(arguments.joined(separator: " "))")
        return Output(
            status: ended.exited ? ended.code : 128 + ended.code,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        )
    }
}

/// A failure of the test's own set-up.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
