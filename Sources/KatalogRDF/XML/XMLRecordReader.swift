import CLibXML2
import Foundation

/// Reads an XML document of many records as a stream: each record is built as a tree of its own, handed over and
/// freed, so the memory a page of records needs does not grow with the number or size of the records beyond one.
///
/// A CSW `GetRecords` page and an OAI-PMH `ListRecords` page are such documents. Read whole as a tree, a 64 MB page
/// held 1.2 GB at its peak; read this way, about the page and one record. The safety rules are
/// ``XMLDocumentReader``'s: no network, no DTD loading, declared entities refused.
public enum XMLRecordReader {
    /// Reads `data`, offering every element at `recordDepth` (the root is at depth 0) to `record` as a tree of its own,
    /// in document order, with its parent (name and attributes only); `record` returns true when it took the element
    /// as a record, false to keep it in the tree returned. Returns the rest of the document: the root and the elements
    /// above and beside the records, with their attributes and text. `location` names the input in errors.
    ///
    /// Throws ``RDFParseError`` with libxml2's message, line and column, or what `record` throws.
    public static func read(_ data: Data, location: String, recordDepth: Int,
                            record: (_ parent: XMLElement, _ element: XMLElement) throws -> Bool) throws -> XMLElement {
        guard !data.isEmpty else { throw RDFParseError(.syntax, "the document is empty", location: location) }
        guard data.count <= Int(Int32.max) else {
            throw RDFParseError(.limitExceeded, "the document is larger than 2 GiB", location: location)
        }
        let options = Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOCDATA.rawValue)
            | Int32(XML_PARSE_NOERROR.rawValue) | Int32(XML_PARSE_NOWARNING.rawValue)
        return try data.withUnsafeBytes { bytes -> XMLElement in
            let chars = bytes.bindMemory(to: CChar.self)
            guard let reader = xmlReaderForMemory(chars.baseAddress, Int32(chars.count), location, nil, options) else {
                throw RDFParseError(.io, "libxml2 could not allocate a reader", location: location)
            }
            defer { xmlFreeTextReader(reader) }
            let errors = ErrorBox(location: location)
            xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
                guard let context, let error else { return }
                let box = Unmanaged<ErrorBox>.fromOpaque(context).takeUnretainedValue()
                if box.first == nil { box.first = XMLDocumentReader.error(error.pointee, location: box.location) }
            }, Unmanaged.passUnretained(errors).toOpaque())
            return try withExtendedLifetime(errors) {
                try walk(reader, location: location, recordDepth: recordDepth, errors: errors, record: record)
            }
        }
    }

    /// The first error libxml2 reported, kept by the reader's error handler.
    private final class ErrorBox {
        let location: String
        var first: RDFParseError?
        init(location: String) { self.location = location }
    }

    private static func walk(_ reader: xmlTextReaderPtr, location: String, recordDepth: Int, errors: ErrorBox,
                             record: (XMLElement, XMLElement) throws -> Bool) throws -> XMLElement {
        var stack: [XMLElement] = []
        var root: XMLElement?
        func attach(_ element: XMLElement) {
            if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
        }
        // Names are looked up by address, and a streaming reader frees the nodes it has passed, so each tree gets a
        // lookup of its own: an address seen in an earlier record may hold another namespace now.
        var status = xmlTextReaderRead(reader)
        while status == 1 {
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                if Int(xmlTextReaderDepth(reader)) == recordDepth, let parent = stack.last {
                    guard let node = xmlTextReaderExpand(reader) else { break }
                    let element = try XMLDocumentReader.element(node, names: XMLDocumentReader.Names(), location: location)
                    if try !record(parent, element) { attach(element) }
                    status = xmlTextReaderNext(reader)
                    continue
                }
                guard let node = xmlTextReaderCurrentNode(reader) else { break }
                let element = try XMLDocumentReader.element(node, names: XMLDocumentReader.Names(), location: location, children: false)
                if xmlTextReaderIsEmptyElement(reader) == 1 { attach(element) } else { stack.append(element) }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                if let element = stack.popLast() { attach(element) }
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                if !stack.isEmpty, let value = xmlTextReaderConstValue(reader) {
                    stack[stack.count - 1].text += String(cString: value)
                }
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                if let node = xmlTextReaderCurrentNode(reader) { throw XMLDocumentReader.entityReference(node, location: location) }
            default:
                break
            }
            status = xmlTextReaderRead(reader)
        }
        if let error = errors.first { throw error }
        if status < 0 { throw RDFParseError(.syntax, "the document is not well-formed XML", location: location) }
        guard let root, stack.isEmpty else {
            throw RDFParseError(.syntax, "the document has no root element", location: location)
        }
        return root
    }
}
