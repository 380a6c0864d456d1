import CLibXML2

/// The names the RDF/XML grammar gives a meaning to, in the `rdf:` namespace.
enum RDFXMLSyntaxName: Sendable {
    case rdfRDF, description, id, about, parseType, resource, nodeID, datatype, li, type
    case aboutEach, aboutEachPrefix, bagID
    /// Any other name in the `rdf:` namespace (`rdf:value`, `rdf:_1`, `rdf:Seq`, …).
    case otherRDF

    init(localName: String) {
        switch localName {
        case "RDF": self = .rdfRDF
        case "Description": self = .description
        case "ID": self = .id
        case "about": self = .about
        case "parseType": self = .parseType
        case "resource": self = .resource
        case "nodeID": self = .nodeID
        case "datatype": self = .datatype
        case "li": self = .li
        case "type": self = .type
        case "aboutEach": self = .aboutEach
        case "aboutEachPrefix": self = .aboutEachPrefix
        case "bagID": self = .bagID
        default: self = .otherRDF
        }
    }

    /// `rdf:RDF`, `rdf:ID`, `rdf:about`, `rdf:parseType`, `rdf:resource`, `rdf:nodeID`, `rdf:datatype`.
    var isCoreSyntaxTerm: Bool {
        switch self {
        case .rdfRDF, .id, .about, .parseType, .resource, .nodeID, .datatype: return true
        default: return false
        }
    }

    /// `rdf:aboutEach`, `rdf:aboutEachPrefix`, `rdf:bagID`: removed from the language.
    var isOldTerm: Bool {
        switch self {
        case .aboutEach, .aboutEachPrefix, .bagID: return true
        default: return false
        }
    }
}

/// What an element or attribute name means to the grammar, computed once per distinct name.
final class RDFXMLName: Sendable {
    /// How the grammar treats the name.
    enum Kind: Sendable {
        /// A name in the `rdf:` namespace.
        case rdf(RDFXMLSyntaxName)
        /// `xml:lang`.
        case xmlLang
        /// `xml:base`.
        case xmlBase
        /// Any other `xml`-reserved attribute: ignored.
        case ignored
        /// A name with no namespace (the local name is kept).
        case unqualified(String)
        /// Any other namespaced name.
        case plain
    }

    /// The IRI the name stands for (namespace + local name); empty for unqualified names.
    let iri: String
    /// What the grammar does with it.
    let kind: Kind
    /// The namespace prefix and local name, for error messages and XML literals.
    let qualifiedName: String
    /// The prefix as written, the namespace URI and the local name (for XML literals).
    let prefix: String?
    let namespace: String?
    let localName: String

    init(iri: String, kind: Kind, qualifiedName: String, parts: (prefix: String?, namespace: String?, localName: String)) {
        self.iri = iri
        self.kind = kind
        self.qualifiedName = qualifiedName
        self.prefix = parts.prefix
        self.namespace = parts.namespace
        self.localName = parts.localName
    }
}

/// Interns element and attribute names by the addresses of libxml2's dictionary strings.
///
/// libxml2 interns local names and namespace URIs in its parser dictionary, which lives as long
/// as the parser context and is shared with entity sub-parsers, so the pair of addresses
/// identifies a name for the whole parse without reading its bytes again.
struct RDFXMLNameTable {
    private struct Key: Hashable {
        let namespace: UInt
        let local: UInt
        let prefix: UInt
    }

    private var table: [Key: RDFXMLName] = [:]

    /// The meaning of the name (`uri`, `localName`); `isAttribute` enables the `xml` attribute rules.
    mutating func lookup(localName: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?,
                         uri: UnsafePointer<xmlChar>?, isAttribute: Bool) -> RDFXMLName {
        let key = Key(namespace: UInt(bitPattern: uri), local: UInt(bitPattern: localName),
                      prefix: isAttribute ? UInt(bitPattern: prefix) | 1 : UInt(bitPattern: prefix))
        if let known = table[key] { return known }
        let name = Self.classify(localName: String(cString: localName), prefix: prefix.map { String(cString: $0) },
                                 uri: uri.map { String(cString: $0) }, isAttribute: isAttribute)
        table[key] = name
        return name
    }

    private static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    private static func classify(localName: String, prefix: String?, uri: String?, isAttribute: Bool) -> RDFXMLName {
        let qualified = prefix.map { "\($0):\(localName)" } ?? localName
        let parts = (prefix: prefix, namespace: uri, localName: localName)
        if isAttribute {
            if uri == xmlNamespace {
                switch localName {
                case "lang": return RDFXMLName(iri: "", kind: .xmlLang, qualifiedName: qualified, parts: parts)
                case "base": return RDFXMLName(iri: "", kind: .xmlBase, qualifiedName: qualified, parts: parts)
                default: return RDFXMLName(iri: "", kind: .ignored, qualifiedName: qualified, parts: parts)
                }
            }
            // Names beginning with "xml" (any case) are reserved by XML; RDF/XML ignores them.
            if qualified.utf8.count >= 3, qualified.prefix(3).lowercased() == "xml" {
                return RDFXMLName(iri: "", kind: .ignored, qualifiedName: qualified, parts: parts)
            }
        }
        guard let uri else {
            // RDF/XML's early form allowed these five attributes without the rdf: prefix; read them as rdf:.
            if isAttribute, ["ID", "about", "resource", "parseType", "type"].contains(localName) {
                return RDFXMLName(iri: Vocab.rdf + localName, kind: .rdf(RDFXMLSyntaxName(localName: localName)),
                                  qualifiedName: qualified, parts: parts)
            }
            return RDFXMLName(iri: "", kind: .unqualified(localName), qualifiedName: qualified, parts: parts)
        }
        let iri = uri + localName
        if uri == Vocab.rdf {
            return RDFXMLName(iri: iri, kind: .rdf(RDFXMLSyntaxName(localName: localName)), qualifiedName: qualified, parts: parts)
        }
        return RDFXMLName(iri: iri, kind: .plain, qualifiedName: qualified, parts: parts)
    }
}
