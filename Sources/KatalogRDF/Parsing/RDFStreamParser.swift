/// A push parser: bytes go in chunk by chunk as they arrive, triples come out to a sink as soon as they are known.
///
/// Parser failures are ``RDFParseError``s; errors thrown by the sink pass through unchanged.
/// A chunk may end anywhere (inside a token, inside a multi-byte UTF-8 sequence); the parser keeps
/// what it needs of the tail. `finish` must be called once after the last chunk.
public protocol RDFStreamParser {
    /// Parses the next chunk of input, handing complete triples to `sink`.
    mutating func feed<Sink: TripleSink>(_ chunk: UnsafeRawBufferPointer, into sink: inout Sink) throws
    /// Signals the end of input; throws when the input ended in the middle of a construct.
    mutating func finish<Sink: TripleSink>(into sink: inout Sink) throws
}
