import Testing
@testable import KatalogHarvest

struct OAIPMHPagingTests {
    private func ids(_ range: Range<Int>) -> [String] { range.map { "r\($0)" } }

    @Test func followsTokensToAnEmptyOne() {
        var paging = OAIPMHPaging(maxPages: 100)
        #expect(paging.record(page: ids(0..<10), token: "t1", completeListSize: 25) == .process)
        #expect(paging.token == "t1")
        #expect(paging.record(page: ids(10..<20), token: "t2", completeListSize: 25) == .process)
        #expect(paging.record(page: ids(20..<25), token: "", completeListSize: 25) == .process)
        #expect(paging.token == nil)
        #expect(paging.finished)
        #expect(paging.incompleteReason == nil)
    }

    @Test func aSinglePageWithoutTokenIsComplete() {
        var paging = OAIPMHPaging(maxPages: 100)
        #expect(paging.record(page: ids(0..<3), token: nil, completeListSize: nil) == .process)
        #expect(paging.finished)
        #expect(paging.incompleteReason == nil)
    }

    @Test func aRepeatedTokenIsALoop() {
        var paging = OAIPMHPaging(maxPages: 100)
        _ = paging.record(page: ids(0..<10), token: "t1", completeListSize: nil)
        #expect(paging.record(page: ids(10..<20), token: "t1", completeListSize: nil) == .process)
        #expect(paging.finished)
        #expect(paging.incompleteReason?.contains("again") == true)
    }

    @Test func aPageOfRecordsAlreadySeenIsALoop() {
        var paging = OAIPMHPaging(maxPages: 100)
        _ = paging.record(page: ids(0..<10), token: "t1", completeListSize: nil)
        #expect(paging.record(page: ids(0..<10), token: "t2", completeListSize: nil) != .process)
        #expect(paging.incompleteReason?.contains("already seen") == true)
    }

    @Test func fewerRecordsThanTheCompleteListSizeIsIncomplete() {
        var paging = OAIPMHPaging(maxPages: 100)
        _ = paging.record(page: ids(0..<10), token: "t1", completeListSize: 30)
        _ = paging.record(page: ids(10..<20), token: "", completeListSize: 30)
        #expect(paging.incompleteReason == "saw 20 distinct records but the repository reports 30")
    }

    @Test func thePageCapEndsTheWalkIncomplete() {
        var paging = OAIPMHPaging(maxPages: 2)
        _ = paging.record(page: ids(0..<10), token: "t1", completeListSize: nil)
        #expect(paging.record(page: ids(10..<20), token: "t2", completeListSize: nil) == .process)
        #expect(paging.finished)
        #expect(paging.incompleteReason == "stopped after the page cap of 2 pages")
    }
}
