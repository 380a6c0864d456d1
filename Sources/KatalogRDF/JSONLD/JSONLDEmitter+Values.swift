import Foundation

extension JSONLDEmitter {
    /// Value expansion (JSON-LD 1.1 API §5.3) of a scalar under `property`, straight to an RDF term.
    mutating func expandValue(_ value: JSONLDValue, property: String, active: JSONLDActiveContext) throws -> Item {
        let definition = active.terms[property]
        if case .string(let text) = value {
            switch definition?.typeMapping {
            case "@id":
                guard let iri = active.expandIRI(text, documentRelative: true) else { return .dropped }
                return .term(try resource(iri))
            case "@vocab":
                guard let iri = active.expandIRI(text, documentRelative: true, vocab: true) else { return .dropped }
                return .term(try resource(iri))
            default: break
            }
        }
        if let type = definition?.typeMapping, !["@id", "@vocab", "@none"].contains(type) {
            return try literal(value, datatype: type)
        }
        if case .string(let text) = value {
            try checkLiteral(text)
            let language: String?
            switch definition?.language ?? .inherit {
            case .inherit: language = active.defaultLanguage
            case .none: language = nil
            case .tag(let tag): language = tag
            }
            return .term(.literal(Literal(text, language: language)))
        }
        return try literal(value, datatype: nil)
    }

    /// A value object (`@value` with `@type` or `@language`); nil when `@value` is null.
    mutating func valueObject(_ value: JSONLDValue, type: JSONLDValue?, language: JSONLDValue?, active: JSONLDActiveContext) throws -> Item? {
        var datatype: String?
        if let type, type != .null {
            guard case .string(let name) = type else {
                throw processor.error("invalid typed value: @type of a value object must be a string, found \(type.kindName)")
            }
            datatype = active.expandIRI(name, documentRelative: true, vocab: true)
        }
        if datatype == "@json" {
            return .term(.literal(Literal(JSONLDCanonicalJSON.serialize(value), datatype: Vocab.rdf + "JSON")))
        }
        if value == .null { return nil }
        if let language, language != .null {
            guard case .string(let tag) = language else {
                throw processor.error("invalid language-tagged string: @language must be a string, found \(language.kindName)")
            }
            guard datatype == nil else { throw processor.error("invalid value object: @type and @language cannot both be set") }
            guard case .string(let text) = value else {
                throw processor.error("invalid language-tagged value: @value must be a string when @language is set")
            }
            try checkLiteral(text)
            return .term(.literal(Literal(text, language: tag)))
        }
        guard value.isScalar else {
            throw processor.error("invalid value object value: @value must be a scalar, found \(value.kindName)")
        }
        return try literal(value, datatype: datatype)
    }

    /// A literal for a scalar with an optional datatype, using the canonical lexical forms JSON-LD
    /// prescribes for native booleans and numbers.
    mutating func literal(_ value: JSONLDValue, datatype: String?) throws -> Item {
        switch value {
        case .string(let text):
            try checkLiteral(text)
            return .term(.literal(Literal(text, datatype: datatype ?? Vocab.xsdString)))
        case .bool(let flag):
            return .term(.literal(Literal(flag ? "true" : "false", datatype: datatype ?? Vocab.xsdBoolean)))
        case .number(let number):
            let isDouble = !number.double.isFinite || number.double.rounded(.towardZero) != number.double
                || abs(number.double) >= 1e21 || datatype == Vocab.xsdDouble
            if isDouble {
                return .term(.literal(Literal(Self.canonicalDouble(number.double), datatype: datatype ?? Vocab.xsdDouble)))
            }
            return .term(.literal(Literal(Self.canonicalInteger(number), datatype: datatype ?? Vocab.xsdInteger)))
        case .null, .array, .object:
            return .dropped
        }
    }

    /// Throws when a literal is larger than the configured limit.
    func checkLiteral(_ text: String) throws {
        if text.utf8.count > limits.maxLiteralBytes {
            throw processor.error("literal longer than \(limits.maxLiteralBytes) bytes", code: .limitExceeded)
        }
    }

    /// The `xsd:integer` canonical form of an integral JSON number below 10^21.
    static func canonicalInteger(_ number: JSONLDNumber) -> String {
        if number.isIntegerText {
            return number.text == "-0" ? "0" : number.text
        }
        if let exact = Int64(exactly: number.double) { return String(exact) }
        return String(format: "%.0f", number.double)
    }

    /// The `xsd:double` canonical form JSON-LD uses: `%1.15E` with trailing zeros of the mantissa
    /// trimmed to one digit and the exponent without `+` or leading zeros (`1.1E0`, `5.0E-1`).
    static func canonicalDouble(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-INF" : "INF" }
        let formatted = String(format: "%.15E", value)
        guard let e = formatted.firstIndex(of: "E") else { return formatted }
        var mantissa = String(formatted[..<e])
        while mantissa.hasSuffix("0") && !mantissa.hasSuffix(".0") { mantissa.removeLast() }
        var exponent = String(formatted[formatted.index(after: e)...])
        var negative = false
        if exponent.hasPrefix("+") { exponent.removeFirst() } else if exponent.hasPrefix("-") { negative = true; exponent.removeFirst() }
        while exponent.count > 1 && exponent.hasPrefix("0") { exponent.removeFirst() }
        return mantissa + "E" + (negative && exponent != "0" ? "-" : "") + exponent
    }
}
