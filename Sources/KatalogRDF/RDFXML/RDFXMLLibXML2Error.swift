import CLibXML2

/// Turns libxml2's errors into ``RDFParseError``s with libxml2's message, line and column.
enum RDFXMLLibXML2Error {
    /// Maps one libxml2 error. Codes are matched by number: libxml2's messages are only passed through.
    static func map(_ error: xmlError, state: RDFXMLState, inEntity: Bool = false) -> RDFParseError {
        var message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
        while message.last?.isWhitespace == true { message.removeLast() }
        let code = LibXML2ErrorCode.code(of: error, message: message)
        if error.code == Int32(XML_ERR_ENTITY_LOOP.rawValue) { message = "entity expansion refused: \(message)" }
        var line = Int(error.line)
        var column = Int(error.int2)
        // Inside entity replacement text libxml2 counts from the entity's start; report the document position.
        if line == 0 || inEntity, let context = state.mainContext {
            line = Int(xmlSAX2GetLineNumber(context))
            column = Int(xmlSAX2GetColumnNumber(context))
        }
        return RDFParseError(code, message, line: line, column: column, location: state.location)
    }
}
