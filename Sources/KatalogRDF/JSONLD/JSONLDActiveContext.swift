/// The JSON-LD active context (JSON-LD 1.1 API §4.1): base IRI, vocabulary mapping, default
/// language and the term definitions in force at one point of the document.
struct JSONLDActiveContext {
    /// The base IRI relative IRIs resolve against; nil when the document has none.
    var baseIRI: String?
    /// The base IRI of the document itself, restored when a `null` context resets everything.
    var originalBaseIRI: String?
    /// The `@vocab` mapping.
    var vocabulary: String?
    /// The `@language` default.
    var defaultLanguage: String?
    /// Term definitions by term.
    var terms: [String: JSONLDTermDefinition] = [:]
    /// The context to return to for nested node objects, when this one came from a non-propagating
    /// (type-scoped) context.
    var previousContext: JSONLDContextReference?

    /// An empty context for a document at `base`.
    init(base: String?) {
        self.baseIRI = base
        self.originalBaseIRI = base
    }
}

/// A reference to an active context, so a context can point at the one it replaces.
final class JSONLDContextReference {
    let context: JSONLDActiveContext

    init(_ context: JSONLDActiveContext) {
        self.context = context
    }
}

/// One term definition (JSON-LD 1.1 API §4.1): what a key or value string expands to and how its
/// values are interpreted.
struct JSONLDTermDefinition: Equatable {
    /// Where a term's language setting came from.
    enum Language: Equatable {
        /// No `@language` in the term definition: the context default applies.
        case inherit
        /// `"@language": null`: plain strings have no language.
        case none
        /// `"@language": "tag"`.
        case tag(String)
    }

    /// The IRI, blank node identifier or keyword the term expands to; nil for a `null` mapping,
    /// which makes the key be ignored.
    var iri: String?
    /// True when the term was defined with `@reverse`.
    var isReverse = false
    /// The `@type` mapping: `@id`, `@vocab`, `@json`, `@none` or a datatype IRI.
    var typeMapping: String?
    /// The `@container` mapping.
    var container: Set<String> = []
    /// The language for plain string values.
    var language: Language = .inherit
    /// A scoped context to apply to the term's values (or to nodes of this type).
    var localContext: JSONLDValue?
    /// The base IRI the scoped context was defined under.
    var localContextBase: String?
    /// Whether the term may be used as the prefix of a compact IRI.
    var isPrefix = false
    /// The `@index` property for property-valued index maps.
    var indexProperty: String?
    /// The `@nest` value.
    var nest: String?
    /// True when the term is protected against redefinition.
    var isProtected = false
}
