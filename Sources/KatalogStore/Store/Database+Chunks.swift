import GRDB

extension Database {
    /// Runs `select`, which ends in `IN`, for `values` 500 at a time (far below SQLite's 32,766 parameters), with
    /// `leading` as the arguments before the list, and calls `body` with each row.
    func forEachRow(_ select: String, leading: [DatabaseValue] = [], in values: [some DatabaseValueConvertible],
                    _ body: (Row) throws -> Void) throws {
        for start in stride(from: 0, to: values.count, by: 500) {
            let chunk = values[start..<min(start + 500, values.count)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            let rows = try Row.fetchCursor(self, sql: select + " (" + marks + ")",
                                           arguments: StatementArguments(leading + chunk.map(\.databaseValue)))
            while let row = try rows.next() { try body(row) }
        }
    }
}
