import Testing
@testable import KatalogHarvest

struct CKANPagingTests {
    private func ids(_ range: Range<Int>) -> [String] { range.map { "id-\($0)" } }

    @Test func walksUntilTheShortPage() {
        var paging = CKANPaging(rows: 10, maxPages: 100)
        #expect(paging.nextStart == 0)
        #expect(paging.record(page: ids(0..<10), reportedCount: 25) == .process)
        #expect(paging.nextStart == 10)
        #expect(paging.record(page: ids(10..<20), reportedCount: 25) == .process)
        #expect(paging.record(page: ids(20..<25), reportedCount: 25) == .process)
        #expect(paging.nextStart == nil)
        #expect(paging.incompleteReason == nil)
    }

    @Test func aPortalThatCapsRowsIsPagedByWhatItSends() {
        var paging = CKANPaging(rows: 1000, maxPages: 100)
        #expect(paging.record(page: ids(0..<100), reportedCount: 250) == .process)
        #expect(paging.rows == 100)
        #expect(paging.nextStart == 100)
        _ = paging.record(page: ids(100..<200), reportedCount: 250)
        _ = paging.record(page: ids(200..<250), reportedCount: 250)
        #expect(paging.nextStart == nil)
        #expect(paging.incompleteReason == nil)
        // A later short page is the last one, as always.
        var later = CKANPaging(rows: 10, maxPages: 100)
        _ = later.record(page: ids(0..<10), reportedCount: 30)
        _ = later.record(page: ids(10..<15), reportedCount: 30)
        #expect(later.nextStart == nil)
        #expect(later.incompleteReason != nil)
    }

    @Test func stopsWhenStartPassesTheCountWithoutAnExtraRequest() {
        var paging = CKANPaging(rows: 10, maxPages: 100)
        _ = paging.record(page: ids(0..<10), reportedCount: 20)
        _ = paging.record(page: ids(10..<20), reportedCount: 20)
        #expect(paging.nextStart == nil)
        #expect(paging.incompleteReason == nil)
    }

    @Test func aRepeatedPageEndsPagingIncomplete() {
        var paging = CKANPaging(rows: 10, maxPages: 100)
        _ = paging.record(page: ids(0..<10), reportedCount: 50)
        let decision = paging.record(page: ids(0..<10), reportedCount: 50)
        guard case .stop(let warning) = decision else {
            Issue.record("expected stop")
            return
        }
        #expect(warning.contains("same page"))
        #expect(paging.nextStart == nil)
        #expect(paging.incompleteReason != nil)
    }

    @Test func aPageOfAlreadySeenRecordsIsALoop() {
        var paging = CKANPaging(rows: 2, maxPages: 100)
        _ = paging.record(page: ["a", "b"], reportedCount: 10)
        _ = paging.record(page: ["c", "d"], reportedCount: 10)
        let decision = paging.record(page: ["b", "a"], reportedCount: 10)
        #expect(decision != .process)
        #expect(paging.incompleteReason?.contains("loop") == true)
    }

    @Test func thePageCapEndsPagingIncomplete() {
        var paging = CKANPaging(rows: 1, maxPages: 3)
        for index in 0..<3 { #expect(paging.record(page: ["r\(index)"], reportedCount: 100) == .process) }
        #expect(paging.nextStart == nil)
        #expect(paging.incompleteReason?.contains("page cap") == true)
    }

    @Test func fewerDistinctRecordsThanCountedIsIncomplete() {
        var paging = CKANPaging(rows: 3, maxPages: 100)
        _ = paging.record(page: ["a", "b", "c"], reportedCount: 6)
        // A record was added at the front: offsets shifted, "c" is seen twice and one record was skipped.
        _ = paging.record(page: ["c", "d"], reportedCount: 6)
        #expect(paging.nextStart == nil)
        #expect(paging.incompleteReason?.contains("distinct") == true)
    }

    @Test func anEmptySourceIsComplete() {
        var paging = CKANPaging(rows: 10, maxPages: 100)
        #expect(paging.record(page: [], reportedCount: 0) == .process)
        #expect(paging.nextStart == nil)
        #expect(paging.incompleteReason == nil)
    }
}
