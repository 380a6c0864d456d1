#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KatalogModel

/// `katalog-datajson-bench FILE`: reads a data.json catalogue, maps every dataset, prints times and counts.
@main
struct DataJSONBench {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 2 else {
            print("usage: katalog-datajson-bench FILE")
            exit(2)
        }
        let path = arguments[1]
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        let clock = ContinuousClock()
        let started = clock.now
        // As the harvester reads it: the file mapped into memory, each dataset read again when mapped.
        let catalogue = try DataJSONMapper.catalogue(contentsOf: path, location: path)
        let parsed = clock.now
        var mapped = 0
        var failed = 0
        var rawBytes = 0
        for entry in catalogue.entries {
            switch catalogue.record(at: entry.index, sourceURL: path, defaultLanguage: "en") {
            case .success(let record):
                mapped += 1
                rawBytes += record.raw.count
            case .failure:
                failed += 1
            }
        }
        let finished = clock.now
        let parse = Double((parsed - started).components.attoseconds) / 1e18 + Double((parsed - started).components.seconds)
        let map = Double((finished - parsed).components.attoseconds) / 1e18 + Double((finished - parsed).components.seconds)
        let mib = Double(size) / 1_048_576
        print("file: \(path) (\(String(format: "%.1f", mib)) MiB, \(catalogue.entries.count) datasets)")
        print("parse catalogue: \(String(format: "%.2f", parse)) s (\(String(format: "%.1f", mib / parse)) MiB/s)")
        print("map records:     \(String(format: "%.2f", map)) s (\(Int(Double(catalogue.entries.count) / map)) records/s), \(mapped) mapped, \(failed) errors, \(rawBytes) raw bytes")
        // Peak RSS counts the mapped file's pages as they are touched (page cache, which the kernel can drop);
        // RssAnon is the heap and stacks, measured while the catalogue is still alive.
        print("peak RSS:        \(status("VmHWM")) KiB (now: \(status("RssAnon")) KiB heap, \(status("RssFile")) KiB mapped file)")
        withExtendedLifetime(catalogue) {}
    }

    /// A field of /proc/self/status in KiB, 0 when unavailable.
    static func status(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}
