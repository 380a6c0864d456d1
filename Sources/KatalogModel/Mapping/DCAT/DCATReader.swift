import KatalogRDF

/// Reads one DCAT dataset out of a graph view: term helpers shared by the property groups.
///
/// Traversal is bounded by construction: the reader only follows fixed, short property paths from the
/// dataset (dataset → distribution → checksum, dataset → agent, value → label), never an open-ended walk,
/// so cycles in the graph cannot make it loop.
struct DCATReader<Graph: RDFGraphView> {
    let graph: Graph
    let normalizer: DCATNormalizer
    /// The data services this dataset's distributions name, each read once (see ``accessService(_:)``).
    let services = AccessServiceMemo()

    /// Objects of `subject` under `predicate`.
    func objects(_ subject: Term, _ predicate: String) throws -> [Term] {
        try graph.objects(of: subject, predicate)
    }

    /// The first object of `subject` under `predicate`.
    func first(_ subject: Term, _ predicate: String) throws -> Term? {
        try graph.objects(of: subject, predicate).first
    }


    /// The first text among the objects of the first of `predicates` that has one.
    func firstText(_ subject: Term, _ predicates: [String]) throws -> String? {
        for predicate in predicates {
            for object in try objects(subject, predicate) {
                if let text = DCATValues.text(object) { return text }
            }
        }
        return nil
    }

    /// All distinct texts of `subject` under `predicate` (literals and IRIs), in graph order.
    func texts(_ subject: Term, _ predicate: String) throws -> [String] {
        DCATValues.distinct(try objects(subject, predicate).compactMap(DCATValues.text))
    }

    /// The multilingual text under the first of `predicates` that has any; untagged values go under `""`.
    ///
    /// An IRI where a literal belongs is kept as untagged text.
    func localized(_ subject: Term, _ predicates: [String]) throws -> LocalizedText {
        for predicate in predicates {
            var text = LocalizedText()
            for object in try objects(subject, predicate).prefix(DCATReader.maxLocalizedValues) {
                guard let value = DCATValues.text(object) else { continue }
                text.set(value, language: object.literalValue?.language)
            }
            if !text.isEmpty { return text }
        }
        return LocalizedText()
    }

    /// The most values of one property ``localized(_:_:)`` reads (a text keeps one per language, and the first of a
    /// language wins): a node shared by every dataset with 10,000 names would otherwise cost every dataset 10,000.
    static var maxLocalizedValues: Int { 256 }

    /// The display label of a node (`skos:prefLabel`, `rdfs:label`, `dct:title`, `foaf:name`, `skos:altLabel`), or of a literal.
    func label(of term: Term) throws -> LocalizedText {
        switch term {
        case .literal(let literal):
            return LocalizedText(literal.lexical, language: literal.language)
        case .iri, .blank:
            return try localized(term, [DCATTerms.prefLabel, DCATTerms.label, DCATTerms.title, DCATTerms.foafName,
                                        DCATTerms.altLabel])
        }
    }

    /// A concept for a vocabulary value: an IRI, a literal code or label, or a node with a value, notation or label.
    ///
    /// The graph's label of the value fills in the concept's label when the normalizer did not set one.
    func concept(_ term: Term, _ map: (String) -> Concept) throws -> Concept? {
        let raw: String
        switch term {
        case .iri(let iri):
            raw = iri
        case .literal(let literal):
            raw = literal.lexical
        case .blank:
            let label = try label(of: term)
            guard let value = try firstText(term, [DCATTerms.value, DCATTerms.notation, DCATTerms.identifier])
                ?? label.best() else { return nil }
            raw = value
        }
        guard !raw.trimmingWhitespace().isEmpty else { return nil }
        var concept = map(raw)
        if concept.uri == nil, term.iriValue != nil, let value = try firstText(term, [DCATTerms.value, DCATTerms.notation]) {
            // A local IRI the vocabulary does not know, described in the graph with its value (datos.gob.es
            // publishes formats as `<…/format> a dct:IMT; rdf:value "application/vnd.ms-excel"`): the value decides.
            let byValue = map(value)
            if byValue.uri != nil {
                concept.uri = byValue.uri
                concept.label = byValue.label
            }
        }
        if concept.label == nil, term.isResource {
            let label = try label(of: term)
            if !label.isEmpty { concept.label = label }
        }
        return concept
    }

    /// An accrual periodicity: a concept as ``concept(_:_:)`` reads it, or, when that finds no vocabulary entry,
    /// a frequency given as a duration (the DCAT 2 pattern, used by datos.gob.es):
    /// `[ a dct:Frequency ; rdf:value [ a time:DurationDescription ; time:days 1 ] ]`.
    func frequency(_ term: Term) throws -> Concept? {
        let concept = try self.concept(term, normalizer.frequency)
        guard concept?.uri == nil, term.isResource, let duration = try duration(of: term) else { return concept }
        let byDuration = normalizer.frequency(duration)
        guard var concept else { return byDuration }
        if byDuration.uri != nil {
            concept.uri = byDuration.uri
            concept.label = byDuration.label ?? concept.label
        }
        return concept
    }

    /// The ISO 8601 duration a node is, or holds as its `rdf:value` (see ``isoDuration(_:)``).
    func duration(of term: Term) throws -> String? {
        for node in try [term] + objects(term, DCATTerms.value) where node.isResource {
            if let duration = try isoDuration(node) { return duration }
        }
        return nil
    }

    /// A `time:DurationDescription`'s amounts as an ISO 8601 duration (`time:years 1` → `P1Y`), or nil.
    func isoDuration(_ node: Term) throws -> String? {
        let units: [(name: String, letter: String, isTime: Bool)] = [
            ("years", "Y", false), ("months", "M", false), ("weeks", "W", false), ("days", "D", false),
            ("hours", "H", true), ("minutes", "M", true), ("seconds", "S", true),
        ]
        var date = ""
        var time = ""
        for unit in units {
            guard let text = try firstText(node, [DCATTerms.time + unit.name]),
                  let amount = Double(text.trimmingWhitespace()), amount > 0, amount.isFinite else { continue }
            let number = amount == amount.rounded() && amount < 1e9 ? String(Int(amount)) : String(amount)
            if unit.isTime { time += number + unit.letter } else { date += number + unit.letter }
        }
        guard !date.isEmpty || !time.isEmpty else { return nil }
        return "P" + date + (time.isEmpty ? "" : "T" + time)
    }

    /// The distinct concepts of `subject` under `predicate`.
    func concepts(_ subject: Term, _ predicate: String, _ map: (String) -> Concept) throws -> [Concept] {
        DCATValues.distinct(try objects(subject, predicate).compactMap { try concept($0, map) })
    }

    /// The first readable date under `predicate` (any datatype); else the first unreadable one, raw text kept.
    func date(_ subject: Term, _ predicate: String) throws -> DateValue? {
        let values = try objects(subject, predicate).compactMap(DCATValues.text).map(DateValue.init(raw:))
        return values.first { $0.normalized != nil } ?? values.first
    }

    /// Link targets: IRIs, literals that hold a URL, and IRIs of nodes such as `foaf:Document`.
    func links(_ subject: Term, _ predicate: String) throws -> [String] {
        DCATValues.distinct(try objects(subject, predicate).compactMap { object -> String? in
            switch object {
            case .iri(let iri): return iri
            case .literal(let literal):
                let text = literal.lexical.trimmingWhitespace()
                return text.isEmpty ? nil : text
            case .blank:
                return try firstText(object, [DCATTerms.foaf + "page", DCATTerms.schema + "url", DCATTerms.vcard + "hasURL"])
            }
        })
    }

    /// Free text for a rights-like value: a literal, a node's label or description, or an IRI.
    func statement(_ term: Term) throws -> String? {
        switch term {
        case .literal, .iri:
            if term.isResource, let label = try label(of: term).best() { return label }
            return DCATValues.text(term)
        case .blank:
            if let label = try label(of: term).best() { return label }
            return try localized(term, [DCATTerms.description, DCATTerms.value]).best()
        }
    }
}

extension DCATReader {
    /// The first non-nil result of `transform` over `terms`, in order; later terms are not looked at.
    func firstValue<Value>(_ terms: [Term], _ transform: (Term) throws -> Value?) rethrows -> Value? {
        for term in terms {
            if let value = try transform(term) { return value }
        }
        return nil
    }

}
