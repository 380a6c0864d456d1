import Foundation
import GRDB
import KatalogRDF

/// A disk-backed triple store for one harvested document, so a 500 MB catalogue dump is never held in memory.
///
/// Triples are appended while the document streams through the parser, then indexed by subject; the
/// harvester walks from each dataset through the spool. The spool lives in its own temporary SQLite file
/// (journal off, no fsync) that is deleted when the spool is released. Use it from one thread at a time; a
/// finished spool hands out ``reader()``s, each with a connection of its own, for other threads.
public final class TripleSpool: TripleSink {
    private let queue: DatabaseQueue
    private let file: URL
    /// The spool a reader reads (kept alive, so its file is not deleted while the reader is in use); nil for the
    /// spool that owns the file.
    private let owner: TripleSpool?
    private var pending: [Triple] = []
    /// Writes full batches on a thread of its own while the parser produces the next (nil for readers).
    private let writer: SpoolWriter?
    private var finished = false
    /// The subjects with triples (filled by the writer thread; read only once the spool is finished).
    private let subjects: SubjectFilter
    /// Triples appended so far.
    public private(set) var count = 0
    /// Triples buffered before they are written in one transaction.
    static let batchSize = 5_000

    /// Creates an empty spool in a new temporary file under `directory`.
    public init(directory: URL = FileManager.default.temporaryDirectory) throws {
        file = directory.appendingPathComponent("katalog-spool-\(UUID().uuidString).sqlite")
        owner = nil
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = FILE; PRAGMA cache_size = -8192")
        }
        do {
            queue = try DatabaseQueue(path: file.path, configuration: configuration)
            try queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE triples (h INTEGER NOT NULL, s TEXT NOT NULL, p TEXT NOT NULL, o_kind INTEGER NOT NULL, o TEXT NOT NULL, o_datatype TEXT, o_lang TEXT);
                    CREATE TABLE type_triples (s TEXT NOT NULL, type TEXT NOT NULL);
                    """)
            }
        } catch {
            throw StoreError(.io, "cannot create a triple spool: \(error)", context: ["file": file.path])
        }
        let subjects = SubjectFilter()
        self.subjects = subjects
        let (queue, file) = (self.queue, self.file)
        writer = SpoolWriter { batch in try TripleSpool.write(batch, to: queue, file: file, subjects: subjects) }
        pending.reserveCapacity(TripleSpool.batchSize)
    }

    /// A read-only view of a finished spool, on a connection of its own.
    private init(readerOf spool: TripleSpool) throws {
        file = spool.file
        owner = spool
        writer = nil
        subjects = spool.subjects
        count = spool.count
        finished = true
        var configuration = Configuration()
        configuration.readonly = true
        configuration.prepareDatabase { db in
            // The spool is not written once finished, so a reader takes its shared lock once and keeps it: SQLite
            // then neither checks for a hot journal (a stat of the file system) nor re-validates its page cache
            // (a read of the header) at each of the hundreds of thousands of statements a big dump costs.
            try db.execute(sql: "PRAGMA cache_size = -\(TripleSpool.readerCacheKiB); PRAGMA locking_mode = EXCLUSIVE")
        }
        do {
            queue = try DatabaseQueue(path: file.path, configuration: configuration)
        } catch {
            throw StoreError(.io, "cannot open a reader of the triple spool: \(error)", context: ["file": file.path])
        }
    }

    /// A reader of this finished spool with a connection of its own, so another thread can read while this one
    /// does; it keeps the spool's file until it is released. Reads only.
    public func reader() throws -> TripleSpool {
        precondition(finished, "finish the spool before reading it")
        return try TripleSpool(readerOf: owner ?? self)
    }

    deinit {
        writer?.close()
        try? queue.close()
        guard owner == nil else { return }
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
        guard !finished else { return }
        try flush()
        try writer?.finish()
        finished = true
        try perform("indexing the spool") { db in
            // By the subject's 64-bit hash, not its text: IRIs share long prefixes, and sorting millions of them by
            // text was most of the time this step took. A lookup checks the text of the few rows the hash finds.
            try db.execute(sql: "CREATE INDEX triples_by_subject ON triples (h)")
            // Each (subject, type) once, numbered in document order, so typed subjects can be walked in pages. The
            // `rdf:type` triples with an IRI object were also written to `type_triples` as they came, so this reads
            // those alone rather than the whole spool (an index on the predicate cost more than the subject's).
            try db.execute(sql: """
                CREATE TABLE typed (n INTEGER PRIMARY KEY, s TEXT NOT NULL, type TEXT NOT NULL);
                INSERT INTO typed (s, type)
                    SELECT s, type FROM type_triples GROUP BY s, type ORDER BY MIN(rowid);
                DROP TABLE type_triples;
                CREATE INDEX typed_by_type ON typed (type, n);
                CREATE INDEX typed_by_subject ON typed (s);
                """)
        }
        // Writing and indexing wanted a large page cache; listing subjects afterwards does not (readers have their own).
        try perform("shrinking the spool's cache") { db in
            try db.execute(sql: "PRAGMA cache_size = -\(TripleSpool.readerCacheKiB / 4); PRAGMA shrink_memory")
        }
    }

    /// The page cache of each reader, in KiB (the writer's is 8 MiB while it writes and indexes).
    static let readerCacheKiB = 4_096

    /// Subjects that have `rdf:type <type>`, in document order (all at once; see ``subjects(ofType:after:limit:)``).
    public func subjects(ofType type: String) throws -> [Term] {
        var result: [Term] = []
        var cursor: Int64 = 0
        while true {
            let page = try subjects(ofType: type, after: cursor, limit: 10_000)
            result += page.subjects
            guard let next = page.next else { return result }
            cursor = next
        }
    }

    /// At most `limit` subjects that have `rdf:type <type>`, in document order, after the cursor `after`
    /// (0 to start); `next` is the cursor for the following page, nil after the last one.
    public func subjects(ofType type: String, after: Int64, limit: Int) throws -> (subjects: [Term], next: Int64?) {
        precondition(finished, "finish the spool before reading it")
        return try read("reading typed subjects") { db in
            let statement = try db.cachedStatement(sql: "SELECT n, s FROM typed WHERE type = ? AND n > ? ORDER BY n LIMIT ?")
            let rows = try Row.fetchAll(statement, arguments: [type, after, limit])
            let subjects = rows.map { TripleSpool.decodeSubject($0[1]) }
            return (subjects, rows.count < limit ? nil : rows.last?[0])
        }
    }

    /// The `rdf:type` IRIs of a subject, from the index of types. A subject the spool holds nothing about is
    /// usually answered from memory (see ``SubjectFilter``).
    public func types(of subject: Term) throws -> [String] {
        var key = TripleSpool.encodeSubject(subject)
        if finished, !subjects.mayContain(hash: key.withUTF8 { SubjectFilter.hash(UnsafeRawBufferPointer($0)) }) { return [] }
        return try read("reading a subject's types") { db in
            try String.fetchAll(db.cachedStatement(sql: "SELECT type FROM typed WHERE s = ? ORDER BY n"), arguments: [key])
        }
    }

    /// Subjects and objects of the triples with `predicate` (e.g. every `hydra:next`), in document order. There is
    /// no index on predicates (mapping never needs one), so this reads the whole spool.
    public func objects(ofPredicate predicate: String) throws -> [(subject: Term, object: Term)] {
        try read("reading a predicate") { db in
            let statement = try db.cachedStatement(sql: "SELECT s, o_kind, o, o_datatype, o_lang FROM triples WHERE p = ? ORDER BY rowid")
            return try Row.fetchAll(statement, arguments: [predicate]).map { row in
                (TripleSpool.decodeSubject(row[0]), TripleSpool.decodeObject(kind: row[1], value: row[2], datatype: row[3], language: row[4]))
            }
        }
    }

    /// Every triple whose subject is `subject`, in document order, or the first `limit` of them. A subject the spool
    /// holds nothing about is usually answered from memory (see ``SubjectFilter``).
    public func triples(about subject: Term, limit: Int? = nil) throws -> [Triple] {
        var key = TripleSpool.encodeSubject(subject)
        let hash = key.withUTF8 { SubjectFilter.hash(UnsafeRawBufferPointer($0)) }
        if finished, !subjects.mayContain(hash: hash) { return [] }
        return try read("reading a subject") { db in
            let sql = "SELECT p, o_kind, o, o_datatype, o_lang FROM triples WHERE h = ? AND s = ? ORDER BY rowid"
            let select = RawStatement(try db.cachedStatement(sql: limit == nil ? sql : sql + " LIMIT ?"))
            select.reset()
            defer { select.reset() }
            try select.bind(1, Int64(bitPattern: hash))
            try select.bind(2, key)
            if let limit { try select.bind(3, Int64(limit)) }
            var triples: [Triple] = []
            while try select.next() {
                let object = TripleSpool.decodeObject(kind: select.integer(1), value: select.text(2) ?? "",
                                                      datatype: select.text(3), language: select.text(4))
                triples.append(Triple(subject, select.text(0) ?? "", object))
            }
            return triples
        }
    }

    /// Hands the buffered triples to the writer thread (which may still be writing the previous batch).
    private func flush() throws {
        guard !pending.isEmpty, let writer else { return }
        let batch = pending
        pending = []
        pending.reserveCapacity(TripleSpool.batchSize)
        try writer.submit(batch)
    }

    /// Writes one batch in one transaction (on the writer thread).
    private static func write(_ batch: [Triple], to queue: DatabaseQueue, file: URL, subjects: SubjectFilter) throws {
        do {
            try queue.write { db in
                let insert = RawStatement(try db.cachedStatement(
                    sql: "INSERT INTO triples (h, s, p, o_kind, o, o_datatype, o_lang) VALUES (?, ?, ?, ?, ?, ?, ?)"))
                let insertType = RawStatement(try db.cachedStatement(sql: "INSERT INTO type_triples (s, type) VALUES (?, ?)"))
                var subject: [UInt8] = []
                subject.reserveCapacity(256)
                var previous: Term?
                var hash: UInt64 = 0
                for triple in batch {
                    TripleSpool.writeSubjectKey(triple.subject, into: &subject)
                    // Triples come grouped by subject, mostly: a repeat of the last subject needs no hashing.
                    if previous != triple.subject {
                        hash = subject.withUnsafeBytes { SubjectFilter.hash($0) }
                        subjects.insert(hash: hash)
                        previous = triple.subject
                    }
                    insert.reset()
                    try insert.bind(1, Int64(bitPattern: hash))
                    try insert.bind(2, utf8: subject)
                    try insert.bind(3, triple.predicate)
                    switch triple.object {
                    case .iri(let iri):
                        try insert.bind(4, 0)
                        try insert.bind(5, iri)
                    case .blank(let label):
                        try insert.bind(4, 1)
                        try insert.bind(5, label)
                    case .literal(let literal):
                        try insert.bind(4, 2)
                        try insert.bind(5, literal.lexical)
                        try insert.bind(6, literal.datatype)
                        try insert.bind(7, literal.language)
                    }
                    try insert.run()
                    if case .iri(let type) = triple.object, triple.predicate == Vocab.rdfType {
                        insertType.reset()
                        try insertType.bind(1, utf8: subject)
                        try insertType.bind(2, type)
                        try insertType.run()
                    }
                }
            }
        } catch {
            throw StoreError(.io, "writing to the spool: \(error)", context: ["file": file.path])
        }
    }

    /// Reads outside a transaction: the spool has one user and is not written once finished.
    private func read<T>(_ what: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.inDatabase(body)
        } catch {
            throw StoreError(.io, "\(what): \(error)", context: ["file": file.path])
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

    /// How a subject is keyed in the spool: a prefix naming its kind, then its text.
    private static func subjectKey(_ term: Term) -> (kind: String, text: String) {
        switch term {
        case .iri(let iri): return ("<", iri)
        case .blank(let label): return ("_:", label)
        case .literal(let literal): return ("\"", literal.lexical)
        }
    }

    static func encodeSubject(_ term: Term) -> String {
        let key = subjectKey(term)
        return key.kind + key.text
    }

    /// Writes the UTF-8 of ``encodeSubject(_:)`` into `buffer` (replacing what it held), without building a string.
    static func writeSubjectKey(_ term: Term, into buffer: inout [UInt8]) {
        let key = subjectKey(term)
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: key.kind.utf8)
        buffer.append(contentsOf: key.text.utf8)
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

/// The spool's writer thread: the parser hands it full batches and goes on parsing while it inserts them, so
/// parsing and SQLite's inserts use two cores. At most two batches wait, so memory stays bounded; batches are
/// written in the order they came (the spool's row order is document order). The first write error is thrown
/// to the parser at its next batch or at ``finish()``.
final class SpoolWriter: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Triple]] = []
    /// No batch will come any more.
    private var closing = false
    /// Queued batches are to be dropped (the spool was released unfinished).
    private var discarding = false
    /// The thread has ended.
    private var ended = false
    private var failure: (any Error)?
    private static let maxQueued = 2

    init(write: @escaping @Sendable ([Triple]) throws -> Void) {
        let thread = Thread { [self] in run(write) }
        thread.name = "katalog-spool-writer"
        thread.start()
    }

    /// Queues a batch, waiting while two are queued; throws the writer's error, if it had one.
    func submit(_ batch: [Triple]) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= SpoolWriter.maxQueued, failure == nil, !ended { condition.wait() }
        if let failure { throw failure }
        precondition(!ended, "the spool's writer has stopped")
        batches.append(batch)
        condition.broadcast()
    }

    /// Waits until every queued batch is written and the thread has ended; throws the writer's error, if any.
    func finish() throws {
        condition.lock()
        defer { condition.unlock() }
        closing = true
        condition.broadcast()
        while !ended { condition.wait() }
        if let failure { throw failure }
    }

    /// Stops the thread without writing what is queued, and waits for it.
    func close() {
        condition.lock()
        defer { condition.unlock() }
        closing = true
        discarding = true
        batches.removeAll()
        condition.broadcast()
        while !ended { condition.wait() }
    }

    private func run(_ write: ([Triple]) throws -> Void) {
        while true {
            condition.lock()
            while batches.isEmpty, !closing, failure == nil { condition.wait() }
            if failure != nil || discarding || batches.isEmpty {
                ended = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let batch = batches.removeFirst()
            condition.broadcast()
            condition.unlock()
            do {
                try write(batch)
            } catch {
                condition.lock()
                failure = error
                batches.removeAll()
                condition.unlock()
            }
        }
    }
}
