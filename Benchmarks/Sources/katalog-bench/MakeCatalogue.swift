import Foundation
import KatalogModel
import KatalogStore

/// `katalog-bench make-catalogue --db PATH [--count N] [--seed S] [--batch B]`: writes a generated catalogue
/// through the store's own run API (begin, stage in batches, complete), one run per source.
enum MakeCatalogue {
    static func run(_ options: Options) async throws {
        let path = try options.required("db")
        let count = try options.int("count", default: 1_000_000)
        let seed = UInt64(try options.int("seed", default: 1))
        let batch = try options.int("batch", default: 2_000)
        let generator = CatalogueGenerator(seed: seed)
        let store = try CatalogStore(path: path)
        let clock = ContinuousClock()
        let started = clock.now
        var bySource: [String: [Int]] = [:]
        for index in 0..<count {
            bySource[generator.publisher(of: index).source, default: []].append(index)
        }
        say("catalogue: \(count) datasets, seed \(seed), \(generator.publishers.count) publishers, into \(path)")
        var written = 0
        for source in CatalogueGenerator.sources {
            let indices = bySource[source.name] ?? []
            let run = try await store.beginRun(source: source.name, kind: source.kind, url: source.url)
            var seen = Set<String>()
            seen.reserveCapacity(indices.count)
            for start in stride(from: 0, to: indices.count, by: batch) {
                let records = indices[start..<min(start + batch, indices.count)].map { generator.record(index: $0).record }
                seen.formUnion(records.map(\.sourceIdentifier))
                try await store.stage(run: run, records: records)
                written += records.count
                if written % 50_000 < records.count {
                    say("  staged \(written) (\(seconds(since: started, clock)) s)")
                }
            }
            let applyStarted = clock.now
            let summary = try await store.completeRun(run: run, seen: seen, isComplete: true,
                                                      counts: RunCounts(fetched: indices.count))
            say("source \(source.name): \(summary.message); applied in \(seconds(since: applyStarted, clock)) s")
        }
        say("done: \(written) datasets in \(seconds(since: started, clock)) s")
    }

    /// Prints a line at once, even when standard output is a file (print buffers it then).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func seconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> String {
        let elapsed = clock.now - start
        let value = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return String(format: "%.1f", value)
    }
}
