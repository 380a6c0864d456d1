import GRDB
import GRDBSQLite

/// The spool's two hot statements — appending a triple, and reading a subject's triples — driven through SQLite's C
/// interface on a statement GRDB prepared and caches.
///
/// A dump of a million triples costs a million executions of each. GRDB's `StatementArguments` box every value in
/// an existential and convert it again to bind it, and reading a row column by column through `Row` validates and
/// copies each string twice; that was most of the spool writer thread's time, the thread that held the parser back.
/// Here text is bound from the string's own UTF-8 bytes (SQLite copies them) and read straight from SQLite's buffer.
struct SpoolStatement {
    private let statement: Statement
    private let handle: OpaquePointer

    /// Wraps a statement prepared on `db`; use it only inside that database's access block.
    init(_ statement: Statement) {
        self.statement = statement
        handle = statement.sqliteStatement
    }

    /// Makes SQLite copy bound text, so the bytes need to live only as long as the bind call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Clears the previous execution's state and bindings.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds text to parameter `index` (1-based).
    func bind(_ index: Int32, _ text: String) throws {
        var text = text
        try text.withUTF8 { try bind(index, utf8: $0) }
    }

    /// Binds UTF-8 text held in bytes to parameter `index` (1-based).
    func bind(_ index: Int32, utf8 bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try bind(index, utf8: $0) }
    }

    private func bind(_ index: Int32, utf8 bytes: UnsafeBufferPointer<UInt8>) throws {
        // SQLite binds NULL for a null pointer, so empty text is bound as an empty C string.
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            return try check(sqlite3_bind_text(handle, index, "", 0, SpoolStatement.transient))
        }
        let code = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
            sqlite3_bind_text(handle, index, pointer, Int32(bytes.count), SpoolStatement.transient)
        }
        try check(code)
    }

    /// Binds text, or NULL for nil.
    func bind(_ index: Int32, _ text: String?) throws {
        if let text { try bind(index, text) } else { try check(sqlite3_bind_null(handle, index)) }
    }

    /// Binds an integer.
    func bind(_ index: Int32, _ value: Int) throws {
        try check(sqlite3_bind_int64(handle, index, Int64(value)))
    }

    /// Runs a statement that returns no rows.
    func run() throws {
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    /// Steps to the next row; false after the last.
    func next() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw failure(code)
        }
    }

    /// Column `index` (0-based) of the current row as text; nil for NULL.
    func text(_ index: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Column `index` (0-based) of the current row as an integer (0 for NULL).
    func integer(_ index: Int32) -> Int {
        Int(sqlite3_column_int64(handle, index))
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw failure(code) }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        let message = sqlite3_db_handle(handle).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        // GRDB's `sql` trims the text through Foundation on every call: only worth it for an error.
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}
