import Foundation

/// One-call entry points: pick the parser for a format and stream a file or a byte buffer through it.
public enum RDFParsing {
    /// The chunk size used when reading files and slicing data (64 KiB).
    public static let chunkSize = 64 << 10

    /// A fresh push parser for `format`; every ``RDFFormat`` has one.
    public static func makeParser(format: RDFFormat, baseIRI: String?, limits: ParserLimits) throws -> any RDFStreamParser {
        switch format {
        case .turtle:
            return TurtleParser(baseIRI: baseIRI, limits: limits)
        case .ntriples:
            return NTriplesParser(limits: limits)
        case .rdfxml:
            return RDFXMLParser(baseIRI: baseIRI, limits: limits)
        case .jsonld:
            return JSONLDParser(baseIRI: baseIRI, limits: limits)
        }
    }

    /// Parses the file at `file` in 64 KiB chunks (bounded memory); errors carry the file path as `location`.
    ///
    /// When `baseIRI` is nil, the file's own `file://` URL is the base.
    public static func parse<Sink: TripleSink>(file: URL, format: RDFFormat, baseIRI: String? = nil,
                                               limits: ParserLimits = ParserLimits(), into sink: inout Sink) throws {
        let location = file.path
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: file)
        } catch {
            throw RDFParseError(.io, "cannot open file: \(error.localizedDescription)", location: location)
        }
        defer { try? handle.close() }
        do {
            var parser = try makeParser(format: format, baseIRI: baseIRI ?? file.absoluteString, limits: limits)
            while true {
                let chunk: Data?
                do {
                    chunk = try handle.read(upToCount: chunkSize)
                } catch {
                    throw RDFParseError(.io, "cannot read file: \(error.localizedDescription)", location: location)
                }
                guard let chunk, !chunk.isEmpty else { break }
                try chunk.withUnsafeBytes { try parser.feed($0, into: &sink) }
            }
            try parser.finish(into: &sink)
        } catch var error as RDFParseError {
            if error.location == nil { error.location = location }
            throw error
        }
    }

    /// Parses `data` (fed in 64 KiB slices); `location` names the input in errors.
    public static func parse<Sink: TripleSink>(data: Data, format: RDFFormat, baseIRI: String? = nil,
                                               limits: ParserLimits = ParserLimits(), location: String? = nil,
                                               into sink: inout Sink) throws {
        do {
            var parser = try makeParser(format: format, baseIRI: baseIRI, limits: limits)
            try data.withUnsafeBytes { (all: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < all.count {
                    let next = min(offset + chunkSize, all.count)
                    try parser.feed(UnsafeRawBufferPointer(rebasing: all[offset..<next]), into: &sink)
                    offset = next
                }
            }
            try parser.finish(into: &sink)
        } catch var error as RDFParseError {
            if error.location == nil { error.location = location }
            throw error
        }
    }
}
