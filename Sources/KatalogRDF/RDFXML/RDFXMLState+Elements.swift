import CLibXML2

extension RDFXMLState {
    /// A start tag: dispatches on what the enclosing element allows (RDF 1.1 XML Syntax, section 7.2).
    func startElement(_ name: RDFXMLName, attributeCount: Int, _ rawAttributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) throws(RDFParseError) {
        let depth = frames.count + literal.depth
        if depth > limits.maxDepth {
            throw error(.limitExceeded, "elements nested deeper than \(limits.maxDepth)")
        }
        let parent = frames[frames.count - 1]
        if case .xmlLiteral = parent.kind {
            literal.start(name, attributeCount: attributeCount, rawAttributes, names: &names)
            try checkLiteralSize()
            return
        }
        let scope = try readAttributes(count: attributeCount, rawAttributes, parent: parent)
        switch parent.kind {
        case .document:
            if case .rdf(.rdfRDF) = name.kind {
                for attribute in attributes {
                    if case .rdf = attribute.name.kind {
                        throw error(.syntax, "attribute \(attribute.name.qualifiedName) is not allowed on rdf:RDF")
                    }
                }
                frames.append(RDFXMLFrame(kind: .rdfRoot, base: scope.base, language: scope.language))
            } else {
                _ = try startNodeElement(name, scope: scope)
            }
        case .rdfRoot:
            _ = try startNodeElement(name, scope: scope)
        case .node(let subject, let counter):
            try startPropertyElement(name, subject: subject, liCounter: counter, scope: scope)
        case .property(var pending):
            if pending.hasNodeChild {
                throw error(.syntax, "property element <\(pending.statement.predicate)> has more than one node element")
            }
            if pending.datatype != nil || pending.describesResource {
                throw error(.syntax, "property element <\(pending.statement.predicate)> has attributes that require it to be empty")
            }
            if !isWhitespace(text) {
                throw error(.syntax, "property element <\(pending.statement.predicate)> mixes text and a node element")
            }
            text.removeAll(keepingCapacity: true)
            pending.hasNodeChild = true
            frames[frames.count - 1].kind = .property(pending)
            let object = try startNodeElement(name, scope: scope)
            emit(pending.statement, object: object)
        case .collection(let statement, let lastCell):
            let item = try startNodeElement(name, scope: scope)
            let cell = newBlankNode()
            if let lastCell {
                emit(lastCell, Vocab.rdfRest, cell)
            } else {
                emit(statement, object: cell)
            }
            emit(cell, Vocab.rdfFirst, item)
            frames[frames.count - 2].kind = .collection(statement, lastCell: cell)
        case .xmlLiteral:
            break
        }
    }

    /// An end tag: completes the innermost production.
    func endElement() throws(RDFParseError) {
        if literal.depth > 0 {
            literal.end()
            try checkLiteralSize()
            return
        }
        let frame = frames.removeLast()
        switch frame.kind {
        case .document, .rdfRoot, .node:
            break
        case .property(let pending):
            try finishProperty(pending, language: frame.language)
        case .collection(let statement, let lastCell):
            if let lastCell {
                emit(lastCell, Vocab.rdfRest, .iri(Vocab.rdfNil))
            } else {
                emit(statement, object: .iri(Vocab.rdfNil))
            }
        case .xmlLiteral(let statement):
            let lexical = literal.finish()
            emit(statement, object: .literal(Literal(lexical, datatype: Vocab.rdfXMLLiteral)))
        }
    }

    /// Character data (text, CDATA, whitespace).
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws(RDFParseError) {
        switch frames[frames.count - 1].kind {
        case .xmlLiteral:
            literal.text(bytes)
            try checkLiteralSize()
        case .property(let pending) where !pending.hasNodeChild:
            if text.count + bytes.count > limits.maxLiteralBytes {
                throw error(.limitExceeded, "literal longer than \(limits.maxLiteralBytes) bytes")
            }
            text.append(contentsOf: bytes)
        default:
            if !isWhitespace(bytes) {
                throw error(.syntax, "text is not allowed here (only whitespace may stand between node and property elements)")
            }
        }
    }

    private func checkLiteralSize() throws(RDFParseError) {
        if literal.byteCount > limits.maxLiteralBytes {
            throw error(.limitExceeded, "XML literal longer than \(limits.maxLiteralBytes) bytes")
        }
    }

    private func finishProperty(_ pending: RDFXMLPendingProperty, language: String) throws(RDFParseError) {
        defer { text.removeAll(keepingCapacity: true) }
        if pending.hasNodeChild { return }
        if pending.describesResource {
            guard isWhitespace(text) else {
                throw error(.syntax, "property element <\(pending.statement.predicate)> with rdf:resource, rdf:nodeID or property attributes must be empty")
            }
            let object = pending.namedObject ?? newBlankNode()
            emit(pending.statement, object: object)
            for attribute in pending.propertyAttributes {
                emit(object, attribute.predicate, attribute.object)
            }
            return
        }
        let lexical = String(decoding: text, as: UTF8.self)
        let value: Literal
        if let datatype = pending.datatype {
            value = Literal(lexical, datatype: datatype)
        } else {
            value = Literal(lexical, language: language.isEmpty ? nil : language)
        }
        emit(pending.statement, object: .literal(value))
    }

    func isWhitespace<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
