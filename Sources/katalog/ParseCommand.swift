import ArgumentParser
import Foundation
import KatalogRDF

/// `katalog parse`: any RDF file to canonical N-Triples on stdout, streaming.
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse an RDF file and print it as N-Triples.",
        discussion: "On a syntax error, prints file:line:column: cause on stderr and exits with status 1."
    )

    @Option(name: .long, help: "rdfxml, turtle, ntriples or jsonld.")
    var format: RDFFormat

    @Option(name: .long, help: "Base IRI for relative references (default: the file's URL).")
    var base: String?

    @Option(name: .long, help: "Deepest nesting accepted (1 to \(ParseCommand.deepestNesting)).")
    var maxDepth = ParserLimits().maxDepth

    @Option(name: .long, help: "Largest literal accepted, in bytes.")
    var maxLiteralBytes = ParserLimits().maxLiteralBytes

    @Argument(help: "The file to parse.")
    var file: String

    /// The deepest nesting this command accepts: the Turtle reader recurses once per level on the command's
    /// thread, and far deeper documents overflow its stack (a crash rather than an error).
    static let deepestNesting = 1_024

    func validate() throws {
        guard (1...ParseCommand.deepestNesting).contains(maxDepth) else {
            throw ValidationError("--max-depth must be from 1 to \(ParseCommand.deepestNesting), not \(maxDepth)")
        }
        guard maxLiteralBytes >= 1 else {
            throw ValidationError("--max-literal-bytes must be at least 1, not \(maxLiteralBytes)")
        }
    }

    func run() async throws {
        var limits = ParserLimits()
        limits.maxDepth = maxDepth
        limits.maxLiteralBytes = maxLiteralBytes
        var sink = NTriplesWriter(output: BufferedStandardOutput())
        do {
            try RDFParsing.parse(file: URL(fileURLWithPath: file), format: format, baseIRI: base, limits: limits, into: &sink)
            sink.output.flush()
        } catch let error as RDFParseError {
            sink.output.flush()
            var located = error
            located.location = file
            Terminal.err(located.description)
            throw ExitCode(1)
        }
    }
}

extension RDFFormat: ExpressibleByArgument {}

/// Standard output with a 64 KiB buffer, so printing millions of triples does not make a system call each.
struct BufferedStandardOutput: TextOutputStream {
    private var buffer: [UInt8] = []

    mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
