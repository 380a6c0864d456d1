import CLibXML2

/// Writes the content of a `rdf:parseType="Literal"` property element in exclusive canonical XML form:
/// namespace declarations only where a prefix is visibly used and not already rendered by an output
/// ancestor, attributes sorted, empty elements written as start and end tag, canonical escaping.
struct RDFXMLLiteralWriter {
    private var buffer: [UInt8] = []
    /// Qualified names of the open literal elements, innermost last.
    private var open: [String] = []
    /// Namespace bindings rendered on each open literal element (prefix, "" for the default namespace).
    private var rendered: [[(prefix: String, uri: String)]] = []

    /// Elements open inside the literal.
    var depth: Int { open.count }
    /// Bytes written so far.
    var byteCount: Int { buffer.count }

    /// Starts a new literal.
    mutating func reset() {
        buffer.removeAll(keepingCapacity: true)
        open.removeAll(keepingCapacity: true)
        rendered.removeAll(keepingCapacity: true)
    }

    /// Returns the literal's lexical form and clears the writer.
    mutating func finish() -> String {
        let result = String(decoding: buffer, as: UTF8.self)
        reset()
        return result
    }

    /// Writes a start tag with its visibly used namespace declarations and its sorted attributes.
    mutating func start(_ name: RDFXMLName, attributeCount: Int, _ raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                        names: inout RDFXMLNameTable) {
        var attributes: [(name: RDFXMLName, value: UnsafeBufferPointer<UInt8>)] = []
        if attributeCount > 0, let raw {
            for index in 0..<attributeCount {
                let fields = raw + index * 5
                guard let localName = fields[0], let start = fields[3], let end = fields[4] else { continue }
                let attributeName = names.lookup(localName: localName, prefix: fields[1], uri: fields[2], isAttribute: true)
                attributes.append((attributeName, UnsafeBufferPointer(start: start, count: end - start)))
            }
        }
        var declarations: [(prefix: String, uri: String)] = []
        func use(prefix: String?, uri: String?) {
            let key = prefix ?? ""
            let value = uri ?? ""
            if key == "xml" { return }
            if declarations.contains(where: { $0.prefix == key }) { return }
            let inScope = rendered.reversed().lazy.flatMap { $0 }.first { $0.prefix == key }?.uri ?? ""
            if inScope != value { declarations.append((key, value)) }
        }
        use(prefix: name.prefix, uri: name.namespace)
        for attribute in attributes where attribute.name.namespace != nil {
            use(prefix: attribute.name.prefix, uri: attribute.name.namespace)
        }
        declarations.sort { $0.prefix < $1.prefix }
        attributes.sort { ($0.name.namespace ?? "", $0.name.localName) < ($1.name.namespace ?? "", $1.name.localName) }

        append("<")
        append(name.qualifiedName)
        for declaration in declarations {
            append(declaration.prefix.isEmpty ? " xmlns=\"" : " xmlns:\(declaration.prefix)=\"")
            escapeAttribute(Array(declaration.uri.utf8))
            append("\"")
        }
        for attribute in attributes {
            append(" ")
            append(attribute.name.qualifiedName)
            append("=\"")
            escapeAttribute(attribute.value)
            append("\"")
        }
        append(">")
        open.append(name.qualifiedName)
        rendered.append(declarations)
    }

    /// Writes the end tag of the innermost open literal element.
    mutating func end() {
        guard let name = open.popLast() else { return }
        rendered.removeLast()
        append("</")
        append(name)
        append(">")
    }

    /// Writes text, escaped.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case 0x0D: append("&#xD;")
            default: buffer.append(byte)
            }
        }
    }

    /// Writes a processing instruction.
    mutating func processingInstruction(target: String, data: String) {
        append("<?")
        append(target)
        if !data.isEmpty {
            append(" ")
            append(data)
        }
        append("?>")
    }

    private mutating func append(_ string: String) {
        buffer.append(contentsOf: string.utf8)
    }

    private mutating func escapeAttribute<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: "\""): append("&quot;")
            case 0x09: append("&#x9;")
            case 0x0A: append("&#xA;")
            case 0x0D: append("&#xD;")
            default: buffer.append(byte)
            }
        }
    }
}
