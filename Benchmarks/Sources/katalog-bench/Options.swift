/// `--name value` command-line options of a katalog-bench subcommand.
struct Options {
    /// A usage problem, printed with the usage line.
    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    private var values: [String: String] = [:]

    /// Parses `arguments` (after the subcommand name).
    init(_ arguments: ArraySlice<String>) throws {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            guard argument.hasPrefix("--") else { throw UsageError(description: "unexpected argument \(argument)") }
            guard let value = iterator.next() else { throw UsageError(description: "\(argument) needs a value") }
            values[String(argument.dropFirst(2))] = value
        }
    }

    /// The value of `--name`, which must be given.
    func required(_ name: String) throws -> String {
        guard let value = values[name] else { throw UsageError(description: "--\(name) is required") }
        return value
    }

    /// The value of `--name`, or `fallback`.
    func string(_ name: String, default fallback: String) -> String {
        values[name] ?? fallback
    }

    /// The integer value of `--name`, or `fallback`.
    func int(_ name: String, default fallback: Int) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), value >= 0 else { throw UsageError(description: "--\(name) must be a whole number, not \(text)") }
        return value
    }
}
