import Testing
@testable import KatalogStore

/// ``BestRanks`` keeps exactly the `capacity` best (rank, pk) pairs, best first, ties by pk.
struct BestRanksTests {
    @Test("The kept pairs are the sorted prefix of everything offered", arguments: [0, 1, 2, 7, 100, 5_000])
    func keepsTheBest(capacity: Int) {
        var generator = SystemRandomNumberGenerator()
        // Few distinct ranks, so many ties are broken by pk; pks offered in a shuffled order.
        let offered: [(rank: Double, pk: Int64)] = (0..<20_000).map { pk in
            (rank: -Double(Int.random(in: 0..<50, using: &generator)) / 4, pk: Int64(pk))
        }.shuffled(using: &generator)
        var best = BestRanks(capacity: capacity)
        for pair in offered { best.offer(rank: pair.rank, pk: pair.pk) }
        let expected = offered.sorted { $0.rank < $1.rank || ($0.rank == $1.rank && $0.pk < $1.pk) }.prefix(capacity)
        #expect(best.ordered.map(\.pk) == expected.map(\.pk))
        #expect(best.ordered.map(\.rank) == expected.map(\.rank))
    }

    @Test("Fewer offers than the capacity are all kept, in order")
    func fewerThanCapacity() {
        var best = BestRanks(capacity: 10)
        for (rank, pk) in [(-1.0, 5), (-3.0, 2), (-1.0, 1), (-2.0, 9)] { best.offer(rank: rank, pk: Int64(pk)) }
        #expect(best.ordered.map(\.pk) == [2, 9, 1, 5])
    }
}
