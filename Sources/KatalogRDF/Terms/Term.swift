/// An RDF term: an IRI, a blank node, or a literal.
public enum Term: Hashable, Sendable {
    /// An absolute IRI, stored without angle brackets.
    case iri(String)
    /// A blank node, identified by a label that is unique within one parse.
    case blank(String)
    /// A literal with its lexical form, datatype IRI and optional language tag.
    case literal(Literal)

    /// The IRI string when this term is an IRI.
    public var iriValue: String? {
        if case .iri(let value) = self { return value }
        return nil
    }

    /// The literal when this term is a literal.
    public var literalValue: Literal? {
        if case .literal(let value) = self { return value }
        return nil
    }

    /// True for IRIs and blank nodes, the terms that may stand as a subject.
    public var isResource: Bool {
        switch self {
        case .iri, .blank: return true
        case .literal: return false
        }
    }
}

/// An RDF literal: lexical form, datatype, and a language tag for `rdf:langString`.
public struct Literal: Hashable, Sendable {
    /// The lexical form, exactly as parsed (escapes resolved).
    public var lexical: String
    /// The datatype IRI; `xsd:string` for plain literals, `rdf:langString` when a language is set.
    public var datatype: String
    /// The language tag, lower-cased, when the literal has one.
    public var language: String?

    /// Creates a literal; a language tag forces the datatype to `rdf:langString`.
    public init(_ lexical: String, datatype: String = Vocab.xsdString, language: String? = nil) {
        self.lexical = lexical
        if let language, !language.isEmpty {
            self.language = language.lowercased()
            self.datatype = Vocab.rdfLangString
        } else {
            self.language = nil
            self.datatype = datatype
        }
    }
}

/// One RDF statement.
public struct Triple: Hashable, Sendable {
    /// The subject: an IRI or a blank node.
    public var subject: Term
    /// The predicate IRI.
    public var predicate: String
    /// The object: any term.
    public var object: Term

    /// Creates a triple.
    public init(_ subject: Term, _ predicate: String, _ object: Term) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }
}

/// Receives triples one at a time as a parser produces them; nothing needs the whole graph in memory.
public protocol TripleSink {
    /// Handles one parsed triple. Throwing stops the parse with that error.
    mutating func consume(_ triple: Triple) throws
}

/// Well-known IRIs used across the RDF layer.
public enum Vocab {
    /// `rdf:` namespace.
    public static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    /// `xsd:` namespace.
    public static let xsd = "http://www.w3.org/2001/XMLSchema#"
    /// `rdf:type`.
    public static let rdfType = rdf + "type"
    /// `rdf:first`.
    public static let rdfFirst = rdf + "first"
    /// `rdf:rest`.
    public static let rdfRest = rdf + "rest"
    /// `rdf:nil`.
    public static let rdfNil = rdf + "nil"
    /// `rdf:langString`.
    public static let rdfLangString = rdf + "langString"
    /// `rdf:XMLLiteral`.
    public static let rdfXMLLiteral = rdf + "XMLLiteral"
    /// `xsd:string`.
    public static let xsdString = xsd + "string"
    /// `xsd:integer`.
    public static let xsdInteger = xsd + "integer"
    /// `xsd:decimal`.
    public static let xsdDecimal = xsd + "decimal"
    /// `xsd:double`.
    public static let xsdDouble = xsd + "double"
    /// `xsd:boolean`.
    public static let xsdBoolean = xsd + "boolean"
}
