import CLibXML2

/// The SAX2 handler table for the RDF/XML parser, and the process-wide libxml2 setup it needs.
///
/// Every callback finds the parser state through `ctxt->_private` (libxml2 copies it into the
/// sub-contexts it creates for entity replacement text), never through `user_data`.
enum RDFXMLCallbacks {
    /// Initialises libxml2 once per process and installs an external entity loader that refuses
    /// every request, so no entity, DTD or XInclude can ever read a file or open a connection.
    static let processSetup: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    /// A handler table with only what RDF/XML needs. Entity declarations go through libxml2's own
    /// SAX2 handlers (so internal entities work) behind a filter that rejects external ones.
    static func handler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startDocument = xmlSAX2StartDocument
        handler.internalSubset = xmlSAX2InternalSubset
        // Once the parse has failed, no entity resolves any more: libxml2 has one context per nested
        // entity and stopping them all is otherwise impossible, so the expansion must run dry instead.
        handler.getEntity = { ctx, name in
            guard RDFXMLCallbacks.active(ctx) != nil else { return nil }
            return xmlSAX2GetEntity(ctx, name)
        }
        handler.getParameterEntity = xmlSAX2GetParameterEntity
        handler.entityDecl = { ctx, name, type, publicID, systemID, content in
            guard let (state, context) = RDFXMLCallbacks.active(ctx) else { return }
            let external: Set<UInt32> = [
                XML_EXTERNAL_GENERAL_PARSED_ENTITY.rawValue, XML_EXTERNAL_GENERAL_UNPARSED_ENTITY.rawValue,
                XML_EXTERNAL_PARAMETER_ENTITY.rawValue,
            ]
            if external.contains(UInt32(bitPattern: type)) {
                let entity = name.map { String(cString: $0) } ?? "?"
                let target = systemID.map { String(cString: $0) } ?? publicID.map { String(cString: $0) } ?? "?"
                state.fail(state.error(.forbidden, "external entity \"\(entity)\" (\(target)) is refused: Katalog never loads external entities"),
                           context: context)
                return
            }
            xmlSAX2EntityDecl(ctx, name, type, publicID, systemID, content)
        }
        handler.startElementNs = { ctx, localName, prefix, uri, _, _, attributeCount, _, attributes in
            guard let (state, context) = RDFXMLCallbacks.active(ctx), let localName else { return }
            let name = state.names.lookup(localName: localName, prefix: prefix, uri: uri, isAttribute: false)
            do throws(RDFParseError) {
                try state.startElement(name, attributeCount: Int(attributeCount), attributes)
            } catch {
                state.fail(error, context: context)
            }
        }
        handler.endElementNs = { ctx, _, _, _ in
            guard let (state, context) = RDFXMLCallbacks.active(ctx) else { return }
            do throws(RDFParseError) {
                try state.endElement()
            } catch {
                state.fail(error, context: context)
            }
        }
        let characters: charactersSAXFunc = { ctx, bytes, length in
            guard let (state, context) = RDFXMLCallbacks.active(ctx), let bytes else { return }
            do throws(RDFParseError) {
                if context != state.mainContext {
                    try state.countDecoded(Int(length))
                }
                try state.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
            } catch {
                state.fail(error, context: context)
            }
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = characters
        handler.processingInstruction = { ctx, target, data in
            guard let (state, _) = RDFXMLCallbacks.active(ctx), let target else { return }
            guard case .xmlLiteral = state.frames[state.frames.count - 1].kind else { return }
            state.literal.processingInstruction(target: String(cString: target), data: data.map { String(cString: $0) } ?? "")
        }
        handler.serror = { ctx, error in
            guard let error, let (state, context) = RDFXMLCallbacks.state(ctx) else { return }
            guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue, state.failure == nil else { return }
            state.fail(RDFXMLLibXML2Error.map(error.pointee, state: state, inEntity: context != state.mainContext),
                       context: context)
        }
        return handler
    }

    /// The parser state and context, or nil once the parse has failed. A failed parse stops every
    /// context that calls back: libxml2 runs one sub-context per nested entity, and only those that
    /// call us can be reached, so each one is halted (and marked not well-formed, which also keeps
    /// libxml2 from falling back to its own entity lookup) as soon as it shows up.
    static func active(_ ctx: UnsafeMutableRawPointer?) -> (RDFXMLState, xmlParserCtxtPtr)? {
        guard let (state, context) = state(ctx) else { return nil }
        if state.failure != nil {
            halt(context)
            return nil
        }
        return (state, context)
    }

    /// Stops a context for good.
    static func halt(_ context: xmlParserCtxtPtr) {
        context.pointee.wellFormed = 0
        if context.pointee.disableSAX == 0 { xmlStopParser(context) }
    }

    /// The parser state stored in the context's `_private`, and the context itself.
    static func state(_ ctx: UnsafeMutableRawPointer?) -> (RDFXMLState, xmlParserCtxtPtr)? {
        guard let ctx else { return nil }
        let context = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let raw = context.pointee._private else { return nil }
        return (Unmanaged<RDFXMLState>.fromOpaque(raw).takeUnretainedValue(), context)
    }
}
