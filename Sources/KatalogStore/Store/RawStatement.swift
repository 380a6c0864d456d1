import Foundation
import GRDB
import GRDBSQLite

/// A hot statement driven through SQLite's C interface, on a statement GRDB prepared and caches: the spool's append
/// and subject lookup, and the rows a run's apply step writes.
///
/// A dump of a million triples costs a million executions of each spool statement, and applying 100,000 datasets
/// some two million inserts. GRDB's `StatementArguments` box every value in an existential and convert it again to
/// bind it, and reading a row column by column through `Row` validates and copies each string twice; that was most of
/// the spool writer thread's time, the thread that held the parser back. Here text is bound from the string's own
/// UTF-8 bytes (SQLite copies them) and read straight from SQLite's buffer.
struct RawStatement {
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
            return try check(sqlite3_bind_text(handle, index, "", 0, RawStatement.transient))
        }
        let code = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
            sqlite3_bind_text(handle, index, pointer, Int32(bytes.count), RawStatement.transient)
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

    /// Binds an integer.
    func bind(_ index: Int32, _ value: Int64) throws {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    /// Binds an integer, or NULL for nil.
    func bind(_ index: Int32, _ value: Int64?) throws {
        if let value { try bind(index, value) } else { try check(sqlite3_bind_null(handle, index)) }
    }

    /// Binds a boolean as 0 or 1, as GRDB stores it.
    func bind(_ index: Int32, _ value: Bool) throws {
        try check(sqlite3_bind_int64(handle, index, value ? 1 : 0))
    }

    /// Binds bytes as a blob (SQLite copies them; empty bytes are an empty blob, not NULL).
    func bind(_ index: Int32, blob: Data) throws {
        let code = blob.withUnsafeBytes { bytes in
            sqlite3_bind_blob(handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count),
                              RawStatement.transient)
        }
        try check(code)
    }

    /// Binds bytes as a blob, or NULL for nil.
    func bind(_ index: Int32, blob: Data?) throws {
        if let blob { try bind(index, blob: blob) } else { try check(sqlite3_bind_null(handle, index)) }
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

    /// Column `index` (0-based) of the current row as an integer; nil for NULL.
    func optionalInteger(_ index: Int32) -> Int64? {
        isNull(index) ? nil : sqlite3_column_int64(handle, index)
    }

    /// Whether column `index` (0-based) of the current row is NULL.
    func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    /// Column `index` (0-based) of the current row as bytes (a blob, or text's UTF-8); nil for NULL.
    func blob(_ index: Int32) -> Data? {
        guard !isNull(index) else { return nil }
        let pointer = sqlite3_column_blob(handle, index)
        let count = Int(sqlite3_column_bytes(handle, index))
        guard let pointer, count > 0 else { return Data() }
        return Data(bytes: pointer, count: count)
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
