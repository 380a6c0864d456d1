import Foundation

extension XMLElement {
    /// The namespace IRI the `xml:` prefix is bound to in every document.
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// This element as a standalone XML document (UTF-8, with an XML declaration), declaring every namespace it and its
    /// descendants use, with the prefixes the source document used where they do not clash.
    ///
    /// Element text comes before the child elements, so text mixed between child elements (rare in metadata records)
    /// is kept but moved; whitespace-only text of an element with children is dropped.
    public func serialized() -> Data {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        var scope = NamespaceScope()
        write(to: &output, scope: &scope)
        output += "\n"
        return Data(output.utf8)
    }

    private func write(to output: inout String, scope: inout NamespaceScope) {
        let saved = scope
        var declarations: [(prefix: String?, namespace: String)] = []
        let elementName = scope.qualifiedName(prefix: prefix, localName: localName, namespace: namespace, isAttribute: false,
                                              declaring: &declarations)
        var attributeNames: [String] = []
        for attribute in attributes {
            attributeNames.append(scope.qualifiedName(prefix: attribute.prefix, localName: attribute.localName,
                                                      namespace: attribute.namespace, isAttribute: true, declaring: &declarations))
        }
        output += "<" + elementName
        for declaration in declarations {
            output += declaration.prefix.map { " xmlns:\($0)=\"" } ?? " xmlns=\""
            XMLElement.escape(declaration.namespace, attribute: true, into: &output)
            output += "\""
        }
        for (attribute, name) in zip(attributes, attributeNames) {
            output += " " + name + "=\""
            XMLElement.escape(attribute.value, attribute: true, into: &output)
            output += "\""
        }
        let hasText = children.isEmpty ? !text.isEmpty : text.contains { !$0.isWhitespace }
        if children.isEmpty && !hasText {
            output += "/>"
        } else {
            output += ">"
            if hasText { XMLElement.escape(text, attribute: false, into: &output) }
            for child in children { child.write(to: &output, scope: &scope) }
            output += "</" + elementName + ">"
        }
        scope = saved
    }

    /// Escapes `text` for element content or a double-quoted attribute value.
    static func escape(_ text: String, attribute: Bool, into output: inout String) {
        // Most text needs no escaping: append it whole rather than scalar by scalar.
        let needsEscaping = text.utf8.contains { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == 13
                || attribute && (byte == UInt8(ascii: "\"") || byte == 10 || byte == 9)
        }
        guard needsEscaping else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where attribute: output += "&quot;"
            case "\n" where attribute: output += "&#10;"
            case "\r": output += "&#13;"
            case "\t" where attribute: output += "&#9;"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}

/// The prefix bindings in force while an element tree is written, and the declarations each element adds.
struct NamespaceScope {
    /// prefix ("" for the default namespace) → namespace IRI ("" for no namespace).
    private var bindings: [String: String] = ["xml": XMLElement.xmlNamespace]
    private var generated = 0

    /// The name to write for an element or attribute, adding to `declaring` the bindings it needs.
    mutating func qualifiedName(prefix: String?, localName: String, namespace: String?, isAttribute: Bool,
                                declaring declarations: inout [(prefix: String?, namespace: String)]) -> String {
        guard let namespace, !namespace.isEmpty else {
            // An unqualified attribute is in no namespace whatever the default; an element needs the default undone.
            if !isAttribute, let current = bindings[""], !current.isEmpty {
                bindings[""] = ""
                declarations.append((nil, ""))
            }
            return localName
        }
        if namespace == XMLElement.xmlNamespace { return "xml:" + localName }
        // Attributes need a prefix: the default namespace does not apply to them.
        var wanted = prefix ?? (isAttribute ? nil : "")
        if let name = wanted, bindings[name] == namespace {
            return name.isEmpty ? localName : name + ":" + localName
        }
        if isAttribute, wanted == nil, let bound = bindings.first(where: { !$0.key.isEmpty && $0.value == namespace })?.key {
            return bound + ":" + localName
        }
        if wanted == nil || wanted == "xml" || wanted == "xmlns" || declarations.contains(where: { ($0.prefix ?? "") == wanted }) {
            repeat {
                generated += 1
                wanted = "ns\(generated)"
            } while bindings[wanted!] != nil
        }
        let name = wanted!
        bindings[name] = namespace
        declarations.append((name.isEmpty ? nil : name, namespace))
        return name.isEmpty ? localName : name + ":" + localName
    }
}
