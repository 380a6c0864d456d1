import CLibXML2

/// Turns libxml2's errors into ``RDFParseError``s with libxml2's message, line and column.
enum RDFXMLLibXML2Error {
    /// Maps one libxml2 error. Codes are matched by number: libxml2's messages are only passed through.
    static func map(_ error: xmlError, state: RDFXMLState, inEntity: Bool = false) -> RDFParseError {
        var message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
        while message.last?.isWhitespace == true { message.removeLast() }
        let code: RDFParseError.Code
        switch error.code {
        case Int32(XML_ERR_INVALID_CHAR.rawValue) where error.domain == Int32(XML_FROM_PARSER.rawValue) && isEncodingMessage(message),
             Int32(XML_ERR_INVALID_ENCODING.rawValue), Int32(XML_ERR_UNKNOWN_ENCODING.rawValue),
             Int32(XML_ERR_UNSUPPORTED_ENCODING.rawValue), Int32(XML_I18N_CONV_FAILED.rawValue):
            code = .invalidUTF8
        case Int32(XML_ERR_ENTITY_LOOP.rawValue):
            code = .limitExceeded
            message = "entity expansion refused: \(message)"
        case Int32(XML_ERR_INTERNAL_ERROR.rawValue):
            // libxml2 2.9 reports its own hard limits (nesting depth 256, 10 MB lookahead) this way.
            code = .limitExceeded
        case Int32(XML_ERR_EXT_ENTITY_STANDALONE.rawValue), Int32(XML_ERR_ENTITY_IS_EXTERNAL.rawValue),
             Int32(XML_IO_NETWORK_ATTEMPT.rawValue), Int32(XML_IO_LOAD_ERROR.rawValue):
            code = .forbidden
        default:
            code = .syntax
        }
        var line = Int(error.line)
        var column = Int(error.int2)
        // Inside entity replacement text libxml2 counts from the entity's start; report the document position.
        if line == 0 || inEntity, let context = state.mainContext {
            line = Int(xmlSAX2GetLineNumber(context))
            column = Int(xmlSAX2GetColumnNumber(context))
        }
        return RDFParseError(code, message, line: line, column: column, location: state.location)
    }

    /// libxml2 uses XML_ERR_INVALID_CHAR both for bytes that are not UTF-8 and for characters XML
    /// forbids; only the first is an encoding failure.
    private static func isEncodingMessage(_ message: String) -> Bool {
        message.contains("UTF-8") || message.contains("encoding")
    }
}
