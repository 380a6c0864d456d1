/// The subjects a spool holds triples about, as a Bloom filter: "maybe" or "certainly not", never a wrong "not".
///
/// Mapping a dataset asks the spool about every IRI its triples name, to tell a node the document describes (a
/// distribution, a publisher) from one it only points at (a download URL, a licence, a theme). Most are the
/// latter, and each would cost an index lookup that finds nothing; the filter answers them from memory.
///
/// It grows by layers: when the newest layer holds its capacity, a layer twice as large is added, so its memory
/// follows the number of distinct subjects (about 1.25 bytes each, for a false-positive rate near 1% per layer)
/// without knowing that number in advance. Written by one thread; read by any number once writing is over.
final class SubjectFilter: @unchecked Sendable {
    private struct Layer {
        var words: [UInt64]
        let bitMask: Int
        let capacity: Int
        var count = 0

        init(capacity: Int) {
            // 10 bits per subject, rounded up to a power of two.
            var bits = 64
            while bits < capacity * 10 { bits <<= 1 }
            words = Array(repeating: 0, count: bits / 64)
            bitMask = bits - 1
            self.capacity = capacity
        }
    }

    /// Bits set per subject.
    static let hashes = 7
    /// Subjects the first layer holds.
    static let firstCapacity = 1 << 16

    private var layers = [Layer(capacity: SubjectFilter.firstCapacity)]

    /// Bytes held by the layers.
    var byteCount: Int { layers.reduce(0) { $0 + $1.words.count * 8 } }

    /// Adds a subject key by its ``hash(_:)``.
    func insert(hash: UInt64) {
        let (first, step) = SubjectFilter.probes(hash)
        // A key already answered "maybe" adds nothing (repeats of a subject do not use up the capacity).
        if contains(first, step) { return }
        if layers[layers.count - 1].count >= layers[layers.count - 1].capacity {
            layers.append(Layer(capacity: layers[layers.count - 1].capacity * 2))
        }
        let last = layers.count - 1
        var position = first
        for _ in 0..<SubjectFilter.hashes {
            let bit = Int(truncatingIfNeeded: position) & layers[last].bitMask
            layers[last].words[bit >> 6] |= 1 << UInt64(bit & 63)
            position &+= step
        }
        layers[last].count += 1
    }

    /// False when the key with this ``hash(_:)`` was certainly never inserted.
    func mayContain(hash: UInt64) -> Bool {
        let (first, step) = SubjectFilter.probes(hash)
        return contains(first, step)
    }

    private func contains(_ first: UInt64, _ step: UInt64) -> Bool {
        layerLoop: for layer in layers {
            var position = first
            for _ in 0..<SubjectFilter.hashes {
                let bit = Int(truncatingIfNeeded: position) & layer.bitMask
                if layer.words[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { continue layerLoop }
                position &+= step
            }
            return true
        }
        return false
    }

    /// A 64-bit hash of a subject key, the same for the same bytes within this process (Swift's `Hasher` is seeded
    /// per process; the spool is too). The spool also keys its subject index by it.
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(bytes: key)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    /// The first probe and the step between probes of a key's hash (double hashing gives the k bit positions).
    private static func probes(_ value: UInt64) -> (UInt64, UInt64) {
        // The second hash must be odd so the positions cycle through the whole (power-of-two) table.
        let mixed = (value ^ (value >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return (value, (mixed ^ (mixed >> 32)) | 1)
    }
}
