import Foundation
import GRDB
import KatalogRDF

/// A disk-backed triple store for one harvested document, so a 500 MB catalogue dump is never held in memory.
///
/// Triples are appended while the document streams through the parser, then indexed by subject; the
/// harvester walks from each dataset through the spool. The spool lives in its own temporary SQLite file
/// (journal off, no fsync) that is deleted when the spool is released. Use it from one thread at a time.
public final class TripleSpool: TripleSink {
    private let queue: DatabaseQueue
    private let file: URL
    private var pending: [Triple] = []
    private var finished = false
    /// Triples appended so far.
    public private(set) var count = 0
    /// Triples buffered before they are written in one transaction.
    static let batchSize = 5_000

    /// Creates an empty spool in a new temporary file under `directory`.
    public init(directory: URL = FileManager.default.temporaryDirectory) throws {
        file = directory.appendingPathComponent("katalog-spool-\(UUID().uuidString).sqlite")
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = FILE; PRAGMA cache_size = -8192")
        }
        do {
            queue = try DatabaseQueue(path: file.path, configuration: configuration)
            try queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE triples (s TEXT NOT NULL, p TEXT NOT NULL, o_kind INTEGER NOT NULL, o TEXT NOT NULL, o_datatype TEXT, o_lang TEXT)
                    """)
            }
        } catch {
            throw StoreError(.io, "cannot create a triple spool: \(error)", context: ["file": file.path])
        }
    }

    deinit {
        try? queue.close()
        try? FileManager.default.removeItem(at: file)
        try? FileManager.default.removeItem(atPath: file.path + "-journal")
    }

    /// Appends a triple.
    public func consume(_ triple: Triple) throws {
        precondition(!finished, "a finished spool takes no more triples")
        pending.append(triple)
        count += 1
        if pending.count >= TripleSpool.batchSize { try flush() }
    }

    /// Writes what is buffered and builds the indexes; call once after the last triple.
    public func finish() throws {
        try flush()
        guard !finished else { return }
        finished = true
        try perform("indexing the spool") { db in
            try db.execute(sql: "CREATE INDEX triples_by_subject ON triples (s)")
            try db.execute(sql: "CREATE INDEX triples_by_type ON triples (p, o) WHERE o_kind = 0")
        }
    }

    /// Subjects that have `rdf:type <type>`, in document order.
    public func subjects(ofType type: String) throws -> [Term] {
        try perform("reading typed subjects") { db in
            try String.fetchAll(db, sql: "SELECT s FROM triples WHERE p = ? AND o = ? AND o_kind = 0 GROUP BY s ORDER BY MIN(rowid)",
                                arguments: [Vocab.rdfType, type]).map(TripleSpool.decodeSubject)
        }
    }

    /// Subjects of triples with `predicate` and an IRI object (e.g. every `hydra:next`).
    public func objects(ofPredicate predicate: String) throws -> [(subject: Term, object: Term)] {
        try perform("reading a predicate") { db in
            try Row.fetchAll(db, sql: "SELECT s, o_kind, o, o_datatype, o_lang FROM triples WHERE p = ?", arguments: [predicate]).map { row in
                (TripleSpool.decodeSubject(row[0]), TripleSpool.decodeObject(kind: row[1], value: row[2], datatype: row[3], language: row[4]))
            }
        }
    }

    /// Every triple whose subject is `subject`, in document order.
    public func triples(about subject: Term) throws -> [Triple] {
        let key = TripleSpool.encodeSubject(subject)
        return try perform("reading a subject") { db in
            try Row.fetchAll(db, sql: "SELECT p, o_kind, o, o_datatype, o_lang FROM triples WHERE s = ? ORDER BY rowid", arguments: [key]).map { row in
                Triple(subject, row[0], TripleSpool.decodeObject(kind: row[1], value: row[2], datatype: row[3], language: row[4]))
            }
        }
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        try perform("writing to the spool") { db in
            let statement = try db.cachedStatement(sql: "INSERT INTO triples (s, p, o_kind, o, o_datatype, o_lang) VALUES (?, ?, ?, ?, ?, ?)")
            for triple in batch {
                let subject = TripleSpool.encodeSubject(triple.subject)
                switch triple.object {
                case .iri(let iri):
                    try statement.execute(arguments: [subject, triple.predicate, 0, iri, nil, nil])
                case .blank(let label):
                    try statement.execute(arguments: [subject, triple.predicate, 1, label, nil, nil])
                case .literal(let literal):
                    try statement.execute(arguments: [subject, triple.predicate, 2, literal.lexical, literal.datatype, literal.language])
                }
            }
        }
    }

    private func perform<T>(_ what: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.io, "\(what): \(error)", context: ["file": file.path])
        }
    }

    static func encodeSubject(_ term: Term) -> String {
        switch term {
        case .iri(let iri): return "<" + iri
        case .blank(let label): return "_:" + label
        case .literal(let literal): return "\"" + literal.lexical
        }
    }

    static func decodeSubject(_ key: String) -> Term {
        if key.hasPrefix("_:") { return .blank(String(key.dropFirst(2))) }
        return .iri(String(key.dropFirst()))
    }

    static func decodeObject(kind: Int, value: String, datatype: String?, language: String?) -> Term {
        switch kind {
        case 0: return .iri(value)
        case 1: return .blank(value)
        default: return .literal(Literal(value, datatype: datatype ?? Vocab.xsdString, language: language))
        }
    }
}
