import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// glibc's malloc gives each thread that allocates at once an arena of its own, up to eight per core, and keeps what
/// they once held. A harvest's mapping lanes build and drop many small trees on the pool's threads, so the resident
/// set grew to about twice what the heap held: 245 MiB against 121 MiB with two arenas for a CSW harvest of 20,000
/// ISO 19139 records, in about the same time (BENCHMARKS.md, "CSW and OAI-PMH"). The process keeps one arena per
/// core, at least two, unless `MALLOC_ARENA_MAX` is set in its environment, which glibc then obeys.
enum MallocArenas {
    /// glibc's `M_ARENA_MAX` option of `mallopt` (malloc.h, part of its ABI).
    private static let arenaMaxOption: Int32 = -8

    /// Limits glibc's arenas as described above; does nothing elsewhere or when `MALLOC_ARENA_MAX` is set.
    static func limitToCores() {
        #if canImport(Glibc)
        guard ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil else { return }
        // Swift's Glibc module does not export malloc.h; `mallopt` is looked up in the process, as the C library
        // every Linux Swift program links provides it. Without it (another C library) nothing changes.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(arenaMaxOption, Int32(max(2, ProcessInfo.processInfo.activeProcessorCount)))
        #endif
    }
}
