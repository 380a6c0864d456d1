import Foundation

/// A small deterministic random generator (SplitMix64), so the same seed always yields the same catalogue.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// Starts the sequence at `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// A generator for item `index` of stream `seed`, independent of how many items came before.
    init(seed: UInt64, index: Int) {
        var mixer = SplitMix64(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
        state = mixer.next() ^ (UInt64(truncatingIfNeeded: index) &* 0xBF58_476D_1CE4_E5B9)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A uniform value in 0..<1.
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// A uniform integer in `range`.
    mutating func int(in range: Range<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// Shuffles `array` in place (Fisher–Yates).
    mutating func shuffle<T>(_ array: inout [T]) {
        array.shuffle(using: &self)
    }
}

/// Draws ranks 0..<count with probability proportional to 1 / (rank + 1)^exponent.
struct ZipfSampler: Sendable {
    private let cumulative: [Double]

    /// A sampler over `count` ranks.
    init(count: Int, exponent: Double) {
        var total = 0.0
        var cumulative: [Double] = []
        cumulative.reserveCapacity(count)
        for rank in 0..<count {
            total += 1 / pow(Double(rank + 1), exponent)
            cumulative.append(total)
        }
        self.cumulative = cumulative.map { $0 / total }
    }

    /// The probability of `rank`.
    func probability(_ rank: Int) -> Double {
        rank == 0 ? cumulative[0] : cumulative[rank] - cumulative[rank - 1]
    }

    /// One rank.
    func sample(_ random: inout SplitMix64) -> Int {
        let target = random.unit()
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// Picks from a fixed list with fixed weights.
struct WeightedChoice<Value: Sendable>: Sendable {
    private let values: [Value]
    private let cumulative: [Double]

    /// A choice over (value, weight) pairs.
    init(_ pairs: [(Value, Double)]) {
        values = pairs.map(\.0)
        var total = 0.0
        var cumulative: [Double] = []
        for pair in pairs {
            total += pair.1
            cumulative.append(total)
        }
        self.cumulative = cumulative.map { $0 / total }
    }

    /// One value.
    func pick(_ random: inout SplitMix64) -> Value {
        let target = random.unit()
        for (index, bound) in cumulative.enumerated() where target < bound {
            return values[index]
        }
        return values[values.count - 1]
    }
}
