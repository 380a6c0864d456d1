import CLibXML2

/// One attribute of a start tag: its interned name and its value (entities already replaced).
struct RDFXMLAttribute {
    let name: RDFXMLName
    let value: String
}

extension RDFXMLState {
    /// Reads libxml2's attribute array (localname, prefix, URI, value start, value end per attribute)
    /// into `attributes`, and returns the `xml:base` / `xml:lang` in scope for the element.
    func readAttributes(count: Int, _ raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                        parent: RDFXMLFrame) throws(RDFParseError) -> (base: String?, language: String) {
        attributes.removeAll(keepingCapacity: true)
        var base = parent.base
        var language = parent.language
        guard count > 0, let raw else { return (base, language) }
        var xmlBase: String?
        for index in 0..<count {
            let fields = raw + index * 5
            guard let localName = fields[0], let start = fields[3], let end = fields[4] else { continue }
            let name = names.lookup(localName: localName, prefix: fields[1], uri: fields[2], isAttribute: true)
            let length = end - start
            try countDecoded(length)
            let value = String(decoding: UnsafeBufferPointer(start: start, count: length), as: UTF8.self)
            switch name.kind {
            case .xmlLang: language = value
            case .xmlBase: xmlBase = value
            case .ignored: continue
            default: attributes.append(RDFXMLAttribute(name: name, value: value))
            }
        }
        if let xmlBase {
            base = IRI.removingFragment(try resolve(xmlBase, base: base))
        }
        return (base, language)
    }
}

/// XML's NCName production (a Name without colons), which `rdf:ID` and `rdf:nodeID` values must match.
enum RDFXMLNCName {
    /// True when `value` is a non-empty NCName.
    static func isValid(_ value: String) -> Bool {
        var scalars = value.unicodeScalars.makeIterator()
        guard let first = scalars.next(), isStart(first) else { return false }
        while let next = scalars.next() {
            guard isStart(next) || isContinuation(next) else { return false }
        }
        return true
    }

    private static func isStart(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
             0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF:
            return true
        default: return false
        }
    }

    private static func isContinuation(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }
}
