import CLibXML2
import Foundation

/// Reads a whole XML document into an ``XMLElement`` tree with libxml2, safely: no network, no DTD loading, no entity
/// expansion (a document that references a declared entity is refused), libxml2's own depth and size limits.
public enum XMLDocumentReader {
    /// Parses `data` and returns its root element; `location` (a URL or file) names the input in errors.
    ///
    /// Throws ``RDFParseError`` with libxml2's message and the line and column where it stopped.
    public static func parse(_ data: Data, location: String) throws -> XMLElement {
        guard !data.isEmpty else { throw RDFParseError(.syntax, "the document is empty", location: location) }
        guard data.count <= Int(Int32.max) else {
            throw RDFParseError(.limitExceeded, "the document is larger than 2 GiB", location: location)
        }
        guard let context = xmlNewParserCtxt() else { throw RDFParseError(.io, "libxml2 could not allocate a parser", location: location) }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOCDATA.rawValue)
            | Int32(XML_PARSE_NOERROR.rawValue) | Int32(XML_PARSE_NOWARNING.rawValue)
        let document = data.withUnsafeBytes { bytes -> xmlDocPtr? in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), location, nil, options)
            }
        }
        guard let document else { throw error(context, location: location) }
        defer { xmlFreeDoc(document) }
        if context.pointee.wellFormed == 0 { throw error(context, location: location) }
        guard let root = xmlDocGetRootElement(document) else {
            throw RDFParseError(.syntax, "the document has no root element", location: location)
        }
        return try element(root, names: Names(), location: location)
    }

    /// The names and namespaces of one document as Swift strings, each made once: libxml2 keeps one copy of every
    /// name (its dictionary) and one of every namespace declaration, so they are looked up by address. Every element
    /// of a tree then shares its name's and namespace's storage instead of holding copies of its own, which made the
    /// tree of a CSW page several times the size of the page.
    final class Names {
        private var strings: [UnsafeRawPointer: String] = [:]

        init() {}

        func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
            guard let pointer else { return nil }
            let key = UnsafeRawPointer(pointer)
            if let known = strings[key] { return known }
            let made = String(cString: pointer)
            strings[key] = made
            return made
        }
    }

    private static func error(_ context: xmlParserCtxtPtr, location: String) -> RDFParseError {
        guard let last = xmlCtxtGetLastError(context) else {
            return RDFParseError(.syntax, "the document is not well-formed XML", location: location)
        }
        return error(last.pointee, location: location)
    }

    /// A libxml2 error as an ``RDFParseError`` with its message, line and column.
    static func error(_ error: xmlError, location: String) -> RDFParseError {
        var message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
        while message.last?.isWhitespace == true { message.removeLast() }
        let code = LibXML2ErrorCode.code(of: error, message: message)
        return RDFParseError(code, message, line: Int(error.line), column: Int(error.int2), location: location)
    }

    /// Converts a libxml2 element and its subtree (only its name and attributes with `children` false). libxml2 caps
    /// nesting at 256 levels, which bounds the recursion.
    static func element(_ node: xmlNodePtr, names: Names, location: String, children: Bool = true) throws -> XMLElement {
        var result = XMLElement(namespace: node.pointee.ns.flatMap { names.string($0.pointee.href) },
                                prefix: node.pointee.ns.flatMap { names.string($0.pointee.prefix) },
                                localName: names.string(node.pointee.name) ?? "")
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var child = current.pointee.children
            while let text = child {
                if text.pointee.type == XML_ENTITY_REF_NODE { throw entityReference(text, location: location) }
                if let content = string(text.pointee.content) { value += content }
                child = text.pointee.next
            }
            result.attributes.append(XMLAttribute(namespace: current.pointee.ns.flatMap { names.string($0.pointee.href) },
                                                  prefix: current.pointee.ns.flatMap { names.string($0.pointee.prefix) },
                                                  localName: names.string(current.pointee.name) ?? "", value: value))
            attribute = current.pointee.next
        }
        guard children else { return result }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                result.children.append(try element(current, names: names, location: location))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = string(current.pointee.content) { result.text += content }
            case XML_ENTITY_REF_NODE:
                throw entityReference(current, location: location)
            default:
                break
            }
            child = current.pointee.next
        }
        return result
    }

    static func entityReference(_ node: xmlNodePtr, location: String) -> RDFParseError {
        let name = string(node.pointee.name) ?? "?"
        return RDFParseError(.forbidden, "the document references the entity '&\(name);' declared in its DTD; Katalog does not expand declared entities",
                             line: Int(xmlGetLineNo(node)), location: location)
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
