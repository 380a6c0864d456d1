/// Context processing (JSON-LD 1.1 API §4.1–4.2): turns `@context` values into active contexts.
/// Remote contexts come only from the ``JSONLDContextLoader``; nothing is fetched.
struct JSONLDContextProcessor {
    /// Most remote contexts one context may pull in, directly or through others.
    static let maxRemoteContexts = 32

    /// Term definitions a document may process per byte, beside ``ParserLimits/jsonLDContextDefinitions``.
    /// A node that names a 200-term context again in 100 bytes asks for 2 definitions per byte.
    static let definitionsPerByte = 4

    let loader: JSONLDContextLoader
    let limits: ParserLimits
    let location: String?
    /// Decoded remote context documents by URL.
    private var documents: [String: JSONLDValue] = [:]
    /// Term definitions processed so far, and how many this document may process.
    ///
    /// A scoped context is processed again at each use, so a small document can ask for millions of definitions
    /// (fuzzing found 100 KB that took 30 s). The budget grows with the document, so the work stays linear in its
    /// size: a large catalogue whose every node names a context still parses, and a small document that repeats a
    /// large context thousands of times is refused with an error.
    private var definitionsProcessed = 0
    private let definitionBudget: Int

    init(loader: JSONLDContextLoader, limits: ParserLimits, location: String?, documentBytes: Int = 0) {
        self.loader = loader
        self.limits = limits
        self.location = location
        definitionBudget = limits.jsonLDContextDefinitions + Self.definitionsPerByte * documentBytes
    }

    /// Applies `local` (an `@context` value) to `active`.
    mutating func process(
        _ active: JSONLDActiveContext, local: JSONLDValue, base: String?, remoteContexts: [String] = [],
        overrideProtected: Bool = false, propagate initialPropagate: Bool = true
    ) throws -> JSONLDActiveContext {
        var result = active
        var propagate = initialPropagate
        if case .object(let object) = local, case .bool(let flag)? = object["@propagate"] { propagate = flag }
        if !propagate && result.previousContext == nil { result.previousContext = JSONLDContextReference(active) }
        for context in local.asArray {
            switch context {
            case .null:
                if !overrideProtected, let term = result.terms.first(where: { $0.value.isProtected })?.key {
                    throw error("a null context would discard the protected term \"\(term)\"")
                }
                let previous = result.previousContext
                result = JSONLDActiveContext(base: active.originalBaseIRI)
                if !propagate { result.previousContext = previous ?? JSONLDContextReference(active) }
            case .string(let reference):
                let url = IRI.resolve(reference, against: base)
                if remoteContexts.contains(url) {
                    throw error("remote JSON-LD context <\(url)> includes itself")
                }
                if remoteContexts.count >= Self.maxRemoteContexts {
                    throw error("more than \(Self.maxRemoteContexts) nested remote JSON-LD contexts", code: .limitExceeded)
                }
                let embedded = try remoteContext(url)
                result = try process(result, local: embedded, base: url, remoteContexts: remoteContexts + [url],
                                     overrideProtected: overrideProtected, propagate: propagate)
            case .object(var definitions):
                try applyDefinitions(&definitions, to: &result, base: base, remoteContexts: remoteContexts, overrideProtected: overrideProtected)
            default:
                throw error("invalid local context: @context must be an object, a string or null, found \(context.kindName)")
            }
        }
        return result
    }

    private mutating func applyDefinitions(
        _ definitions: inout JSONLDObject, to result: inout JSONLDActiveContext, base: String?,
        remoteContexts: [String], overrideProtected: Bool
    ) throws {
        if let version = definitions["@version"] {
            guard case .number(let number) = version, number.double == 1.1 else {
                throw error("invalid @version value: only 1.1 is allowed")
            }
        }
        if let importValue = definitions["@import"] {
            guard case .string(let reference) = importValue else { throw error("invalid @import value: expected a string") }
            let url = IRI.resolve(reference, against: base)
            guard case .object(let imported) = try remoteContext(url) else {
                throw error("the context imported from <\(url)> is not a single object")
            }
            guard imported["@import"] == nil else { throw error("the context imported from <\(url)> itself uses @import") }
            var merged = imported
            for key in definitions.keys where key != "@import" { merged.set(key, definitions[key] ?? .null) }
            definitions = merged
        }
        if let baseValue = definitions["@base"], remoteContexts.isEmpty {
            switch baseValue {
            case .null: result.baseIRI = nil
            case .string(let value):
                if IRI.isAbsolute(value) {
                    result.baseIRI = IRI.resolve(value, against: nil)
                } else if let current = result.baseIRI {
                    result.baseIRI = IRI.resolve(value, against: current)
                } else if !value.isEmpty {
                    throw error("invalid @base value \"\(value)\": relative, and there is no base IRI to resolve it against")
                }
            default: throw error("invalid @base value: expected a string or null")
            }
        }
        if let vocab = definitions["@vocab"] {
            switch vocab {
            case .null: result.vocabulary = nil
            case .string(let value):
                guard let expanded = result.expandIRI(value, documentRelative: true, vocab: true),
                      IRI.isAbsolute(expanded) || expanded.hasPrefix("_:") else {
                    throw error("invalid @vocab mapping \"\(value)\"")
                }
                result.vocabulary = expanded
            default: throw error("invalid @vocab mapping: expected a string or null")
            }
        }
        if let language = definitions["@language"] {
            switch language {
            case .null: result.defaultLanguage = nil
            case .string(let tag): result.defaultLanguage = tag.lowercased()
            default: throw error("invalid default language: expected a string or null")
            }
        }
        if let propagate = definitions["@propagate"], !(propagate == .bool(true) || propagate == .bool(false)) {
            throw error("invalid @propagate value: expected a boolean")
        }
        definitionsProcessed += definitions.count
        if definitionsProcessed > definitionBudget {
            throw error("JSON-LD contexts ask for more than \(definitionBudget) term definitions in all "
                        + "(a context applied over and over, as a scoped context is at each use); refused", code: .limitExceeded)
        }
        let isProtected = definitions["@protected"] == .bool(true)
        var defined: [String: Bool] = [:]
        for key in definitions.keys where !Self.contextKeywords.contains(key) {
            try defineTerm(key, from: definitions, in: &result, defined: &defined, base: base,
                           isProtected: isProtected, overrideProtected: overrideProtected)
        }
    }

    /// Keys of a context object that are settings rather than term definitions.
    static let contextKeywords: Set<String> = [
        "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab",
    ]

    /// The `@context` value of the remote context document at `url`.
    mutating func remoteContext(_ url: String) throws -> JSONLDValue {
        if let cached = documents[url] { return cached }
        guard let text = loader.document(for: url) else {
            throw RDFParseError(.unsupported, "remote JSON-LD context <\(url)> is not bundled; Katalog never fetches contexts", location: location)
        }
        let document = try JSONLDDecoder.decode(Array(text.utf8), limits: limits, location: url)
        guard case .object(let object) = document, let context = object["@context"] else {
            throw error("the JSON-LD context document <\(url)> has no top-level @context")
        }
        documents[url] = context
        return context
    }

    func error(_ message: String, code: RDFParseError.Code = .syntax) -> RDFParseError {
        RDFParseError(code, message, location: location)
    }
}
