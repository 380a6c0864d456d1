import Testing
@testable import KatalogHarvest

struct CSWPagingTests {
    private func ids(_ range: Range<Int>) -> [String] { range.map { "r\($0)" } }

    @Test func followsNextRecordToTheEnd() {
        var paging = CSWPaging(pageSize: 10, maxPages: 100)
        #expect(paging.nextStart == 1)
        #expect(paging.record(page: ids(0..<10), matched: 25, nextRecord: 11) == .process)
        #expect(paging.nextStart == 11)
        #expect(paging.record(page: ids(10..<20), matched: 25, nextRecord: 21) == .process)
        #expect(paging.record(page: ids(20..<25), matched: 25, nextRecord: 0) == .process)
        #expect(paging.nextStart == nil)
        #expect(paging.incompleteReason == nil)
    }

    @Test func aServiceThatLeavesOutNextRecordIsPagedByWhatItReturned() {
        var paging = CSWPaging(pageSize: 10, maxPages: 100)
        _ = paging.record(page: ids(0..<10), matched: 15, nextRecord: nil)
        #expect(paging.nextStart == 11)
        _ = paging.record(page: ids(10..<15), matched: 15, nextRecord: nil)
        #expect(paging.nextStart == nil)
        #expect(paging.incompleteReason == nil)
        // Without counts either, a short page ends the walk.
        var uncounted = CSWPaging(pageSize: 10, maxPages: 100)
        _ = uncounted.record(page: ids(0..<10), matched: nil, nextRecord: nil)
        _ = uncounted.record(page: ids(10..<13), matched: nil, nextRecord: nil)
        #expect(uncounted.nextStart == nil)
        #expect(uncounted.incompleteReason == nil)
    }

    @Test func aNextRecordPastTheMatchedCountEndsTheWalk() {
        var paging = CSWPaging(pageSize: 10, maxPages: 100)
        _ = paging.record(page: ids(0..<10), matched: 10, nextRecord: 11)
        #expect(paging.nextStart == nil)
        #expect(paging.incompleteReason == nil)
    }

    @Test func aRepeatedPageIsALoop() {
        var paging = CSWPaging(pageSize: 10, maxPages: 100)
        _ = paging.record(page: ids(0..<10), matched: 30, nextRecord: 11)
        let decision = paging.record(page: ids(0..<10), matched: 30, nextRecord: 11)
        #expect(decision == .stop(warning: "the page at startPosition=11 held only records already seen (a paging loop)"))
        #expect(paging.nextStart == nil)
        #expect(paging.incompleteReason != nil)
    }

    @Test func aNextRecordThatDoesNotAdvanceIsALoop() {
        var paging = CSWPaging(pageSize: 10, maxPages: 100)
        #expect(paging.record(page: ids(0..<10), matched: 30, nextRecord: 1) == .process)
        #expect(paging.nextStart == nil)
        #expect(paging.incompleteReason?.contains("does not advance") == true)
    }

    @Test func anEmptyPageBeforeTheEndIsIncomplete() {
        var paging = CSWPaging(pageSize: 10, maxPages: 100)
        _ = paging.record(page: ids(0..<10), matched: 30, nextRecord: 11)
        #expect(paging.record(page: [], matched: 30, nextRecord: 0) != .process)
        #expect(paging.incompleteReason?.contains("no records at startPosition=11") == true)
        // An empty catalogue is complete.
        var empty = CSWPaging(pageSize: 10, maxPages: 100)
        #expect(empty.record(page: [], matched: 0, nextRecord: 0) == .process)
        #expect(empty.nextStart == nil)
        #expect(empty.incompleteReason == nil)
    }

    @Test func fewerDistinctRecordsThanMatchedIsIncomplete() {
        var paging = CSWPaging(pageSize: 10, maxPages: 100)
        _ = paging.record(page: ids(0..<10), matched: 20, nextRecord: 11)
        // Records shifted while paging: the second page repeats five of the first.
        _ = paging.record(page: ids(5..<15), matched: 20, nextRecord: 0)
        #expect(paging.nextStart == nil)
        #expect(paging.incompleteReason == "saw 15 distinct records but the service reports 20")
    }

    @Test func thePageCapEndsTheWalkIncomplete() {
        var paging = CSWPaging(pageSize: 10, maxPages: 2)
        _ = paging.record(page: ids(0..<10), matched: 100, nextRecord: 11)
        #expect(paging.record(page: ids(10..<20), matched: 100, nextRecord: 21) == .process)
        #expect(paging.nextStart == nil)
        #expect(paging.incompleteReason == "stopped after the page cap of 2 pages")
    }
}
