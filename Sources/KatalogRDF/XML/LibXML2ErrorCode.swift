import CLibXML2

/// The ``RDFParseError/Code`` of a libxml2 error, for every reader built on libxml2 (the RDF/XML push parser, the XML
/// element tree). Codes are matched by number; libxml2's messages are only passed through.
enum LibXML2ErrorCode {
    static func code(of error: xmlError, message: String) -> RDFParseError.Code {
        switch error.code {
        case Int32(XML_ERR_INVALID_CHAR.rawValue) where error.domain == Int32(XML_FROM_PARSER.rawValue) && isEncodingMessage(message),
             Int32(XML_ERR_INVALID_ENCODING.rawValue), Int32(XML_ERR_UNKNOWN_ENCODING.rawValue),
             Int32(XML_ERR_UNSUPPORTED_ENCODING.rawValue), Int32(XML_I18N_CONV_FAILED.rawValue):
            return .invalidUTF8
        case Int32(XML_ERR_ENTITY_LOOP.rawValue), Int32(XML_ERR_INTERNAL_ERROR.rawValue):
            // libxml2 2.9 reports its own hard limits (nesting depth 256, 10 MB lookahead) as internal errors.
            return .limitExceeded
        case Int32(XML_ERR_EXT_ENTITY_STANDALONE.rawValue), Int32(XML_ERR_ENTITY_IS_EXTERNAL.rawValue),
             Int32(XML_IO_NETWORK_ATTEMPT.rawValue), Int32(XML_IO_LOAD_ERROR.rawValue):
            return .forbidden
        default:
            return .syntax
        }
    }

    /// libxml2 uses XML_ERR_INVALID_CHAR both for bytes that are not UTF-8 and for characters XML forbids; only the
    /// first is an encoding failure.
    private static func isEncodingMessage(_ message: String) -> Bool {
        message.contains("UTF-8") || message.contains("encoding")
    }
}
