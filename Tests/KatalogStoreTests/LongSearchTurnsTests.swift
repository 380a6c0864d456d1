import Foundation
import GRDB
import KatalogModel
import Synchronization
import Testing
@testable import KatalogStore

/// ``CatalogStore/Configuration/longSearches``: long searches take turns, wait first come first served, are refused
/// when too many wait, and are still held to the time limit while they wait.
struct LongSearchTurnsTests {
    /// What blocking calls on other threads gave, in the order they returned.
    private final class Log<T: Sendable>: Sendable {
        private let entries = Mutex<[T]>([])
        func append(_ entry: T) { entries.withLock { $0.append(entry) } }
        var all: [T] { entries.withLock { $0 } }
    }

    /// Polls `condition` until it holds or 30 s pass.
    private static func eventually(_ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return condition()
    }

    private static func turns(running: Int = 1, waiting: Int = 2) -> LongSearchTurns {
        LongSearchTurns(.init(after: 0, running: running, waiting: waiting))
    }

    /// `take` blocks its thread, so each waiter gets one of its own; `patience` (seconds from the call) sets a deadline.
    private static func takeOnAThread(_ turns: LongSearchTurns, name: String, patience: Double? = nil, log: Log<String>) {
        Thread.detachNewThread {
            let deadline = patience.map { DispatchTime.now().uptimeNanoseconds + UInt64($0 * 1e9) }
            let outcome = turns.take(until: deadline)
            log.append("\(name) \(outcome)")
        }
    }

    @Test("Turns are granted up to `running`; the others wait and get them first come, first served")
    func firstComeFirstServed() async throws {
        let turns = Self.turns(running: 1, waiting: 2)
        #expect(turns.take(until: nil) == .granted)
        let log = Log<String>()
        Self.takeOnAThread(turns, name: "first", log: log)
        #expect(await Self.eventually { turns.counts.waiting == 1 })
        Self.takeOnAThread(turns, name: "second", log: log)
        #expect(await Self.eventually { turns.counts.waiting == 2 })
        #expect(turns.counts.running == 1)
        #expect(log.all.isEmpty)

        turns.giveBack()
        #expect(await Self.eventually { log.all.count == 1 })
        #expect(log.all == ["first granted"])
        #expect(turns.counts.waiting == 1)
        turns.giveBack()
        #expect(await Self.eventually { log.all.count == 2 })
        #expect(log.all == ["first granted", "second granted"])
        turns.giveBack()
        #expect(turns.counts == .init(running: 0, waiting: 0, granted: 3, waited: 2, refused: 0))
    }

    @Test("With two turns, two run at once and the third waits")
    func twoTurns() async throws {
        let turns = Self.turns(running: 2, waiting: 1)
        #expect(turns.take(until: nil) == .granted)
        #expect(turns.take(until: nil) == .granted)
        let log = Log<String>()
        Self.takeOnAThread(turns, name: "third", log: log)
        #expect(await Self.eventually { turns.counts.waiting == 1 })
        turns.giveBack()
        #expect(await Self.eventually { log.all == ["third granted"] })
        #expect(turns.counts.running == 2)
    }

    @Test("When `waiting` searches wait, one more is refused at once")
    func refusedWhenTheQueueIsFull() async throws {
        let turns = Self.turns(running: 1, waiting: 1)
        #expect(turns.take(until: nil) == .granted)
        let log = Log<String>()
        Self.takeOnAThread(turns, name: "waiter", log: log)
        #expect(await Self.eventually { turns.counts.waiting == 1 })
        #expect(turns.take(until: nil) == .refused)
        #expect(turns.counts.refused == 1)
        // No queue at all: the turn's holder alone is enough to refuse.
        let none = Self.turns(running: 1, waiting: 0)
        #expect(none.take(until: nil) == .granted)
        #expect(none.take(until: nil) == .refused)
        turns.giveBack()
        #expect(await Self.eventually { log.all == ["waiter granted"] })
    }

    @Test("A waiter whose deadline passes leaves the queue, and the one behind it moves up")
    func deadlinePassesWhileWaiting() async throws {
        let turns = Self.turns(running: 1, waiting: 2)
        #expect(turns.take(until: nil) == .granted)
        let log = Log<String>()
        // The two waiters queue from a thread of their own, which sees the first queued at once: a loaded test run can
        // hold up this task for longer than the first waiter's patience, but not a thread that only polls.
        let queued = Log<Bool>()
        Thread.detachNewThread {
            Self.takeOnAThread(turns, name: "hurried", patience: 3, log: log)
            let deadline = ContinuousClock.now + .seconds(30)
            while turns.counts.waiting < 1, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.001) }
            Self.takeOnAThread(turns, name: "patient", log: log)
            while turns.counts.waiting < 2, log.all.isEmpty, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.001) }
            // Both were in the queue before the first gave up.
            queued.append(turns.counts.waiting == 2 && log.all.isEmpty)
        }
        #expect(await Self.eventually { !queued.all.isEmpty })
        #expect(queued.all == [true])
        #expect(await Self.eventually { log.all == ["hurried deadlinePassed"] })
        #expect(turns.counts.waiting == 1)
        turns.giveBack()
        #expect(await Self.eventually { log.all == ["hurried deadlinePassed", "patient granted"] })
        #expect(turns.counts.granted == 2)
        #expect(turns.counts.waited == 1)
    }

    // MARK: Through the store

    /// A catalogue of 1,000 datasets that all match "water", written by a store whose searches run at once.
    private static func catalogue() async throws -> CatalogStore {
        let store = try CatalogStore.temporary()
        try await harvest(store, (0..<1_000).map { index in
            makeRecord("w\(index)", title: "Water quality station \(index)", description: "Water samples from station \(index)",
                       keywords: ["water"], publisher: "Agency \(index % 7)", formats: ["csv"])
        })
        return store
    }

    /// A second store on the same file, in which every search is long at once (`after` 0) and takes turns.
    private static func turnTaking(_ store: CatalogStore, waiting: Int, limit: TimeInterval? = nil) throws -> CatalogStore {
        try CatalogStore(path: store.path, configuration: .init(
            maximumReaderCount: 2, searchCacheEntries: 0, searchTimeLimit: limit,
            longSearches: .init(after: 0, running: 1, waiting: waiting)))
    }

    /// The catalogue, a turn-taking store on it with `waiting` places, and its one turn, held.
    private static func heldTurn(waiting: Int, limit: TimeInterval? = nil) async throws
        -> (owner: CatalogStore, store: CatalogStore, turns: LongSearchTurns) {
        let owner = try await Self.catalogue()
        let store = try Self.turnTaking(owner, waiting: waiting, limit: limit)
        let turns = try #require(store.searchLimits.turns)
        #expect(turns.take(until: nil) == .granted)
        return (owner, store, turns)
    }

    /// The error a search (of "water" unless given) ends with; nil (and an issue) when it answered.
    private static func searchError(_ store: CatalogStore, _ query: SearchQuery = SearchQuery("water", facets: true)) async throws
        -> StoreError? {
        do {
            let result = try await store.search(query)
            Issue.record("not stopped: \(result.total) hits")
            return nil
        } catch let error as StoreError {
            return error
        }
    }

    @Test("A search that becomes long while the turn is held and the queue is full fails with overloaded")
    func storeRefuses() async throws {
        let (owner, store, turns) = try await Self.heldTurn(waiting: 0)
        if let error = try await Self.searchError(store) {
            #expect(error.code == .overloaded)
            #expect(error.message.contains("the search was stopped: it became long"), "\(error.message)")
            #expect(error.message.contains("1 long search was running and 0 were waiting for a turn"), "\(error.message)")
            #expect(error.message.contains("try again shortly"))
        }
        do {
            _ = try await store.suggest(prefix: "wat")
            Issue.record("the completion was not refused")
        } catch let error as StoreError {
            #expect(error.code == .overloaded)
        }
        #expect(store.longSearchCounts.refused == 2)
        // Refusals are not time-limit stops.
        #expect(store.stoppedSearches == 0)
        turns.giveBack()
        let result = try await store.search(SearchQuery("water", facets: true))
        #expect(result.total == 1_000)
        #expect(store.longSearchCounts == LongSearchCounts(running: 0, waiting: 0, granted: 2, waited: 0, refused: 2))
        withExtendedLifetime(owner) {}
    }

    @Test("A long search waits for its turn, then answers exactly as a search that never waited")
    func storeWaitsForItsTurn() async throws {
        let (owner, store, turns) = try await Self.heldTurn(waiting: 1)
        let query = SearchQuery("water station", sort: .title, facets: true)
        let waiting = Task { try await store.search(query) }
        #expect(await Self.eventually { store.longSearchCounts.waiting == 1 })
        turns.giveBack()
        let result = try await waiting.value
        let expected = try await owner.search(query)
        #expect(result.total == expected.total)
        #expect(result.hits.map(\.id) == expected.hits.map(\.id))
        #expect(result.facets == expected.facets)
        #expect(store.longSearchCounts.waited == 1)
        // The search gave its turn back.
        #expect(store.longSearchCounts.running == 0)
    }

    @Test("A search waiting for its turn is stopped at the time limit, which says it waited")
    func timeLimitWhileWaiting() async throws {
        let (owner, store, turns) = try await Self.heldTurn(waiting: 1, limit: 0.2)
        if let error = try await Self.searchError(store) {
            #expect(error.code == .timedOut)
            #expect(error.message.contains("was stopped after 200 ms, the time limit for one search (it waited"), "\(error.message)")
            #expect(error.message.contains("for its turn behind other long searches"), "\(error.message)")
        }
        #expect(store.stoppedSearches == 1)
        #expect(store.longSearchCounts.waiting == 0)
        turns.giveBack()
        withExtendedLifetime(owner) {}
    }

    @Test("A search that was long is refused before it runs when sent again, whatever its page, until the catalogue changes")
    func knownLongSearches() async throws {
        let owner = try await Self.catalogue()
        let store = try Self.turnTaking(owner, waiting: 0)
        let turns = try #require(store.searchLimits.turns)
        // With the turn free, "water" runs, becomes long (after 0) and is remembered.
        #expect(try await store.search(SearchQuery("water", limit: 5, facets: true)).total == 1_000)
        #expect(turns.take(until: nil) == .granted)
        for query in [SearchQuery("water", limit: 7, facets: true), SearchQuery("water", limit: 3, facets: true, offset: 20)] {
            if let error = try await Self.searchError(store, query) {
                #expect(error.code == .overloaded)
                #expect(error.message.contains("the search was not run: the same search was long a moment ago"), "\(error.message)")
            }
        }
        // Another search is refused only once it has become long.
        if let error = try await Self.searchError(store, SearchQuery("station", facets: true)) {
            #expect(error.message.contains("the search was stopped: it became long"), "\(error.message)")
        }
        turns.giveBack()
        // With the turn free, the remembered search takes it before running and answers as before.
        let again = try await store.search(SearchQuery("water", limit: 7, facets: true))
        #expect(again.hits.map(\.id) == (try await owner.search(SearchQuery("water", limit: 7, facets: true))).hits.map(\.id))
        #expect(store.longSearchCounts.running == 0)
        // A changed catalogue forgets what was long.
        try await harvest(owner, source: "other", [makeRecord("x1", title: "Water tower", keywords: ["water"])])
        #expect(turns.take(until: nil) == .granted)
        if let error = try await Self.searchError(store, SearchQuery("water", limit: 9, facets: true)) {
            #expect(error.message.contains("the search was stopped: it became long"), "\(error.message)")
        }
        turns.giveBack()
        #expect(store.longSearchCounts.refused == 4)
    }

    @Test("Searches that stay under `after` never take a turn, and the pool has readers for long searches beside the others")
    func shortSearchesRunAtOnce() async throws {
        let owner = try await Self.catalogue()
        let store = try CatalogStore(path: owner.path, configuration: .init(
            maximumReaderCount: 3, longSearches: .init(after: 60, running: 1, waiting: 4)))
        #expect(store.pool.configuration.maximumReaderCount == 3 + 1 + 4)
        // Even with the turn held by someone else, searches under a minute of CPU time run.
        let turns = try #require(store.searchLimits.turns)
        #expect(turns.take(until: nil) == .granted)
        #expect(try await store.search(SearchQuery("water", facets: true)).total == 1_000)
        #expect(try await store.suggest(prefix: "wat").titles.count == 10)
        #expect(store.longSearchCounts == LongSearchCounts(running: 1, waiting: 0, granted: 1, waited: 0, refused: 0))
        turns.giveBack()
        // Without turns, the counts are all zero and the pool has the readers asked for.
        #expect(owner.longSearchCounts == LongSearchCounts(running: 0, waiting: 0, granted: 0, waited: 0, refused: 0))
        #expect(owner.pool.configuration.maximumReaderCount == 4)
    }

    @Test("The thread's CPU time grows with work and not with waiting")
    func threadCPUTime() {
        let start = SearchLimits.threadCPUNanoseconds()
        var sum = 0.0
        for index in 0..<2_000_000 { sum += Double(index).squareRoot() }
        let afterWork = SearchLimits.threadCPUNanoseconds()
        #expect(sum > 0)
        #expect(afterWork > start)
        Thread.sleep(forTimeInterval: 0.05)
        let afterSleep = SearchLimits.threadCPUNanoseconds()
        #expect(afterSleep - afterWork < 40_000_000)
    }
}
