/// The Turtle statement grammar: directives, triples, predicate-object lists, collections, property lists.
extension TextReader {
    /// A directive read but not yet applied.
    private enum Directive {
        case prefix(name: String, namespace: String)
        case base(String)
    }

    /// Applies a directive to the state. Directives change the state only once they are complete, so a statement cut
    /// off at the end of a buffer leaves the prefixes and base as they were: the caller need not keep a copy of them
    /// to roll back (with one kept, every `@prefix` copied the whole prefix table, quadratic in their number).
    private mutating func apply(_ directive: Directive) {
        switch directive {
        case .prefix(let name, let namespace): state.prefixes[name] = namespace
        case .base(let base): state.base = base
        }
    }

    /// `@prefix PNAME_NS IRIREF .` or `@base IRIREF .`
    mutating func parseAtDirective() throws {
        let start = pos
        pos += 1
        let wordStart = pos
        while let c = try peek(), CharClass.isAlpha(c) { pos += 1 }
        let word = string(wordStart..<pos)
        let directive: Directive
        switch word {
        case "prefix":
            directive = try parsePrefixBody()
        case "base":
            directive = try parseBaseBody()
        default:
            throw fault("unknown directive '@\(word)'", at: start)
        }
        try skipWhitespace()
        try expect(UInt8(ascii: "."), "'.' after the directive")
        apply(directive)
    }

    /// `PREFIX PNAME_NS IRIREF` / `BASE IRIREF` (case-insensitive, no final dot); false when the word is something else.
    mutating func parseSPARQLDirectiveIfPresent() throws -> Bool {
        var k = 0
        while let c = try peek(k), CharClass.isAlpha(c), k < 7 { k += 1 }
        if let next = try peek(k), next == UInt8(ascii: ":") || next == UInt8(ascii: "-") || next == UInt8(ascii: "_")
            || next == UInt8(ascii: ".") || CharClass.isDigit(next) || next >= 0x80 {
            return false
        }
        let word = string(pos..<(pos + k)).uppercased()
        if word == "PREFIX" {
            pos += k
            apply(try parsePrefixBody())
            return true
        }
        if word == "BASE" {
            pos += k
            apply(try parseBaseBody())
            return true
        }
        return false
    }

    private mutating func parsePrefixBody() throws -> Directive {
        try skipWhitespace()
        let nameStart = pos
        let name: String
        if try peek() == UInt8(ascii: ":") {
            name = ""
        } else {
            guard try scanPrefixName() else { throw fault("expected a prefix name", at: nameStart) }
            name = string(nameStart..<pos)
        }
        try expect(UInt8(ascii: ":"), "':' after the prefix name")
        try skipWhitespace()
        guard try peek() == UInt8(ascii: "<") else { throw fault("expected '<' starting the namespace IRI") }
        return .prefix(name: name, namespace: try readIRIRef())
    }

    private mutating func parseBaseBody() throws -> Directive {
        try skipWhitespace()
        guard try peek() == UInt8(ascii: "<") else { throw fault("expected '<' starting the base IRI") }
        return .base(try readIRIRef())
    }

    /// `triples ::= subject predicateObjectList | blankNodePropertyList predicateObjectList?`
    mutating func parseTriples() throws {
        let c = try peek()
        if c == UInt8(ascii: "[") {
            if let anon = try readAnonIfPresent() {
                try skipWhitespace()
                try parsePredicateObjectList(anon)
            } else {
                let subject = try readBlankNodePropertyList()
                try skipWhitespace()
                if try peek() != UInt8(ascii: ".") { try parsePredicateObjectList(subject) }
            }
            return
        }
        let subject: Term
        switch c {
        case UInt8(ascii: "("):
            subject = try readCollection()
        case UInt8(ascii: "_"):
            subject = try readBlankLabel()
        case UInt8(ascii: "<"):
            subject = .iri(try readIRIRef())
        default:
            subject = .iri(try readPrefixedName(context: "subject"))
        }
        try skipWhitespace()
        try parsePredicateObjectList(subject)
    }

    /// `predicateObjectList ::= verb objectList (';' (verb objectList)?)*`
    mutating func parsePredicateObjectList(_ subject: Term) throws {
        while true {
            let predicate = try readVerb()
            try skipWhitespace()
            try parseObjectList(subject, predicate)
            try skipWhitespace()
            guard try peek() == UInt8(ascii: ";") else { return }
            while try peek() == UInt8(ascii: ";") {
                pos += 1
                try skipWhitespace()
            }
            let next = try peek()
            if next == UInt8(ascii: ".") || next == UInt8(ascii: "]") || next == nil { return }
        }
    }

    /// `objectList ::= object (',' object)*`
    private mutating func parseObjectList(_ subject: Term, _ predicate: String) throws {
        while true {
            let object = try readObject()
            emit(subject, predicate, object)
            try skipWhitespace()
            guard try peek() == UInt8(ascii: ",") else { return }
            pos += 1
            try skipWhitespace()
        }
    }

    /// `verb ::= iri | 'a'`
    private mutating func readVerb() throws -> String {
        let c = try peek()
        if c == UInt8(ascii: "<") { return try readIRIRef() }
        let start = pos
        if c != UInt8(ascii: ":"), try scanPrefixName(), try peek() != UInt8(ascii: ":") {
            if pos - start == 1 && bytes[start] == UInt8(ascii: "a") { return Vocab.rdfType }
            throw fault("unexpected word '\(string(start..<pos))' where a predicate was expected", at: start)
        }
        pos = start
        return try readPrefixedName(context: "predicate")
    }

    /// `object ::= iri | BlankNode | collection | blankNodePropertyList | literal`
    private mutating func readObject() throws -> Term {
        guard let c = try peek() else { throw fault("expected an object, found end of input") }
        switch c {
        case UInt8(ascii: "<"):
            return .iri(try readIRIRef())
        case UInt8(ascii: "_"):
            return try readBlankLabel()
        case UInt8(ascii: "["):
            if let anon = try readAnonIfPresent() { return anon }
            return try readBlankNodePropertyList()
        case UInt8(ascii: "("):
            return try readCollection()
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let lexical = try readString()
            return .literal(try readLiteralSuffix(lexical))
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .literal(try readNumber())
        case UInt8(ascii: "."):
            if let next = try peek(1), CharClass.isDigit(next) { return .literal(try readNumber()) }
            throw fault("expected an object, found '.'")
        default:
            let start = pos
            if try peek() != UInt8(ascii: ":"), try scanPrefixName(), try peek() != UInt8(ascii: ":") {
                let word = string(start..<pos)
                if word == "true" || word == "false" { return .literal(Literal(word, datatype: Vocab.xsdBoolean)) }
                throw fault("unexpected word '\(word)' where an object was expected", at: start)
            }
            pos = start
            return .iri(try readPrefixedName(context: "object"))
        }
    }

    /// `ANON ::= '[' WS* ']'`: a fresh blank node, or nil (position unchanged) when this `[` opens a property list.
    private mutating func readAnonIfPresent() throws -> Term? {
        let start = pos
        pos += 1
        try skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            pos += 1
            return freshBlank()
        }
        pos = start
        return nil
    }

    /// `blankNodePropertyList ::= '[' predicateObjectList ']'`
    private mutating func readBlankNodePropertyList() throws -> Term {
        try enterNesting()
        pos += 1
        try skipWhitespace()
        let node = freshBlank()
        try parsePredicateObjectList(node)
        try skipWhitespace()
        try expect(UInt8(ascii: "]"), "']' closing the blank node property list")
        depth -= 1
        return node
    }

    /// `collection ::= '(' object* ')'`, as an `rdf:first`/`rdf:rest` list.
    private mutating func readCollection() throws -> Term {
        try enterNesting()
        pos += 1
        try skipWhitespace()
        var head: Term?
        var last: Term?
        while try peek() != UInt8(ascii: ")") {
            guard try peek() != nil else { throw fault("collection not closed before end of input") }
            let object = try readObject()
            let cell = freshBlank()
            if let last { emit(last, Vocab.rdfRest, cell) } else { head = cell }
            emit(cell, Vocab.rdfFirst, object)
            last = cell
            try skipWhitespace()
        }
        pos += 1
        depth -= 1
        guard let head, let last else { return .iri(Vocab.rdfNil) }
        emit(last, Vocab.rdfRest, .iri(Vocab.rdfNil))
        return head
    }

    private mutating func enterNesting() throws {
        depth += 1
        if depth > limits.maxDepth {
            throw fault(.limitExceeded, "nesting of '[' and '(' deeper than \(limits.maxDepth)")
        }
    }
}
