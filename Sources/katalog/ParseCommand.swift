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

    @Option(name: .long, help: "Deepest nesting accepted.")
    var maxDepth = ParserLimits().maxDepth

    @Option(name: .long, help: "Largest literal accepted, in bytes.")
    var maxLiteralBytes = ParserLimits().maxLiteralBytes

    @Argument(help: "The file to parse.")
    var file: String

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
