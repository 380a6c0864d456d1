import CLibXML2

/// Owns one libxml2 push-parser context (freed in `deinit`) and the grammar state its callbacks drive.
final class RDFXMLParserContext {
    let state: RDFXMLState
    private let context: xmlParserCtxtPtr?
    private var finished = false

    /// Input is handed to libxml2 in slices of this size, and triples drained to the sink after each,
    /// so the triples waiting in memory stay bounded however large the caller's chunks are.
    static let sliceSize = 64 << 10

    init(baseIRI: String?, limits: ParserLimits, location: String?) {
        RDFXMLCallbacks.processSetup
        state = RDFXMLState(baseIRI: baseIRI, limits: limits, location: location)
        var handler = RDFXMLCallbacks.handler()
        context = xmlCreatePushParserCtxt(&handler, nil, nil, 0, location)
        guard let context else { return }
        // NONET only; never NOENT, DTDLOAD or HUGE (see STYLE.md). External entities are refused by the
        // entity declaration filter and the process-wide loader.
        _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
        // Replace internal entities in attribute values (`rdf:resource="&dcat;Dataset"`). This field alone
        // does not make libxml2 load external entities: that needs the NOENT option, which stays off.
        context.pointee.replaceEntities = 1
        context.pointee._private = Unmanaged.passUnretained(state).toOpaque()
        state.mainContext = context
    }

    deinit {
        guard let context else { return }
        if let document = context.pointee.myDoc {
            xmlFreeDoc(document)
            context.pointee.myDoc = nil
        }
        context.pointee._private = nil
        xmlFreeParserCtxt(context)
    }

    /// Parses `chunk` (the end of input when `terminate`), then hands the triples found to `sink`.
    func parse<Sink: TripleSink>(_ chunk: UnsafeRawBufferPointer, terminate: Bool, into sink: inout Sink) throws {
        guard let context else {
            throw RDFParseError(.io, "libxml2 could not create a parser context", location: state.location)
        }
        if let failure = state.failure { throw failure }
        if finished {
            throw RDFParseError(.syntax, "input given after the end of the document", location: state.location)
        }
        var offset = 0
        repeat {
            let length = min(Self.sliceSize, chunk.count - offset)
            let last = offset + length == chunk.count
            state.inputBytes += length
            let pointer = chunk.baseAddress.map { ($0 + offset).assumingMemoryBound(to: CChar.self) }
            let status = xmlParseChunk(context, length > 0 ? pointer : nil, Int32(length), terminate && last ? 1 : 0)
            try drain(into: &sink)
            if let failure = state.failure { throw failure }
            if status != 0 {
                let failure = xmlCtxtGetLastError(context).map { RDFXMLLibXML2Error.map($0.pointee, state: state) }
                    ?? state.error(.syntax, "libxml2 stopped with error \(status)")
                state.failure = failure
                throw failure
            }
            offset += length
        } while offset < chunk.count
        if terminate { finished = true }
    }

    private func drain<Sink: TripleSink>(into sink: inout Sink) throws {
        guard !state.pending.isEmpty else { return }
        defer { state.pending.removeAll(keepingCapacity: true) }
        for triple in state.pending {
            try sink.consume(triple)
        }
    }
}
