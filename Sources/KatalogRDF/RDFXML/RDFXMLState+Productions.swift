extension RDFXMLState {
    /// nodeElement (7.2.11): works out the subject, emits its type and property attributes, and pushes the frame.
    func startNodeElement(_ name: RDFXMLName, scope: (base: String?, language: String)) throws(RDFParseError) -> Term {
        switch name.kind {
        case .rdf(let syntax) where syntax.isCoreSyntaxTerm || syntax.isOldTerm || syntax == .li:
            throw error(.syntax, "\(name.qualifiedName) cannot be used as a node element")
        case .unqualified, .ignored, .xmlLang, .xmlBase:
            throw error(.syntax, "element <\(name.qualifiedName)> has no namespace, so it names no RDF resource")
        default:
            break
        }
        var subject: Term?
        var properties: [(predicate: String, object: Term)] = []
        for attribute in attributes {
            let value = attribute.value
            switch attribute.name.kind {
            case .rdf(.id), .rdf(.about), .rdf(.nodeID):
                guard subject == nil else {
                    throw error(.syntax, "a node element may have only one of rdf:ID, rdf:about and rdf:nodeID")
                }
                subject = try identify(attribute, base: scope.base)
            case .rdf(.type):
                properties.append((Vocab.rdfType, .iri(try resolve(value, base: scope.base))))
            case .rdf(let syntax) where syntax.isCoreSyntaxTerm || syntax.isOldTerm || syntax == .li || syntax == .description:
                throw error(.syntax, "attribute \(attribute.name.qualifiedName) is not allowed on a node element")
            case .rdf, .plain:
                properties.append((attribute.name.iri, .literal(try literal(value, language: scope.language))))
            case .unqualified, .ignored, .xmlLang, .xmlBase:
                continue
            }
        }
        let node = subject ?? newBlankNode()
        if case .rdf(.description) = name.kind {} else {
            emit(node, Vocab.rdfType, .iri(name.iri))
        }
        for property in properties {
            emit(node, property.predicate, property.object)
        }
        frames.append(RDFXMLFrame(kind: .node(subject: node, liCounter: 0), base: scope.base, language: scope.language))
        return node
    }

    /// propertyElt (7.2.14): reads the attributes, decides what it can now, and pushes the frame.
    func startPropertyElement(_ name: RDFXMLName, subject: Term, liCounter: Int,
                              scope: (base: String?, language: String)) throws(RDFParseError) {
        var predicate = name.iri
        switch name.kind {
        case .rdf(.li):
            predicate = Vocab.rdf + "_\(liCounter + 1)"
            frames[frames.count - 1].kind = .node(subject: subject, liCounter: liCounter + 1)
        case .rdf(let syntax) where syntax.isCoreSyntaxTerm || syntax.isOldTerm || syntax == .description:
            throw error(.syntax, "\(name.qualifiedName) cannot be used as a property element")
        case .unqualified, .ignored, .xmlLang, .xmlBase:
            throw error(.syntax, "element <\(name.qualifiedName)> has no namespace, so it names no RDF property")
        default:
            break
        }
        var pending = RDFXMLPendingProperty(
            statement: RDFXMLStatement(subject: subject, predicate: predicate, reification: nil),
            datatype: nil, namedObject: nil, propertyAttributes: [], hasNodeChild: false)
        var parseType: String?
        for attribute in attributes {
            let value = attribute.value
            switch attribute.name.kind {
            case .rdf(.id):
                pending.statement.reification = try idIRI(value, base: scope.base)
            case .rdf(.parseType):
                parseType = value
            case .rdf(.resource), .rdf(.nodeID):
                guard pending.namedObject == nil else {
                    throw error(.syntax, "a property element may not have both rdf:resource and rdf:nodeID")
                }
                pending.namedObject = try identify(attribute, base: scope.base)
            case .rdf(.datatype):
                pending.datatype = try resolve(value, base: scope.base)
            case .rdf(.type):
                pending.propertyAttributes.append((Vocab.rdfType, .iri(try resolve(value, base: scope.base))))
            case .rdf(let syntax) where syntax.isCoreSyntaxTerm || syntax.isOldTerm || syntax == .li || syntax == .description:
                throw error(.syntax, "attribute \(attribute.name.qualifiedName) is not allowed on a property element")
            case .rdf, .plain:
                pending.propertyAttributes.append((attribute.name.iri, .literal(try literal(value, language: scope.language))))
            case .unqualified, .ignored, .xmlLang, .xmlBase:
                continue
            }
        }
        if pending.datatype != nil && pending.describesResource {
            throw error(.syntax, "rdf:datatype cannot be combined with rdf:resource, rdf:nodeID or property attributes")
        }
        guard let parseType else {
            frames.append(RDFXMLFrame(kind: .property(pending), base: scope.base, language: scope.language))
            text.removeAll(keepingCapacity: true)
            return
        }
        if pending.datatype != nil || pending.describesResource {
            throw error(.syntax, "rdf:parseType cannot be combined with rdf:resource, rdf:nodeID, rdf:datatype or property attributes")
        }
        switch parseType {
        case "Resource":
            let node = newBlankNode()
            emit(pending.statement, object: node)
            frames.append(RDFXMLFrame(kind: .node(subject: node, liCounter: 0), base: scope.base, language: scope.language))
        case "Collection":
            frames.append(RDFXMLFrame(kind: .collection(pending.statement, lastCell: nil), base: scope.base, language: scope.language))
        default:
            // "Literal", and any other value, which the grammar reads as "Literal".
            literal.reset()
            frames.append(RDFXMLFrame(kind: .xmlLiteral(pending.statement), base: scope.base, language: scope.language))
        }
    }

    /// The term named by an `rdf:ID`, `rdf:about`, `rdf:resource` or `rdf:nodeID` attribute.
    private func identify(_ attribute: RDFXMLAttribute, base: String?) throws(RDFParseError) -> Term {
        switch attribute.name.kind {
        case .rdf(.id):
            return .iri(try idIRI(attribute.value, base: base))
        case .rdf(.nodeID):
            guard RDFXMLNCName.isValid(attribute.value) else {
                throw error(.syntax, "rdf:nodeID value \"\(attribute.value)\" is not an XML NCName")
            }
            return blankNode(nodeID: attribute.value)
        default:
            return .iri(try resolve(attribute.value, base: base))
        }
    }

    private func literal(_ value: String, language: String) throws(RDFParseError) -> Literal {
        if value.utf8.count > limits.maxLiteralBytes {
            throw error(.limitExceeded, "property attribute value longer than \(limits.maxLiteralBytes) bytes")
        }
        return Literal(value, language: language.isEmpty ? nil : language)
    }
}
