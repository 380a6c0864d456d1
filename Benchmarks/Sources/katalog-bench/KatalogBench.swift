#if canImport(Glibc)
import Glibc
#endif
import KatalogRDF

/// Counts triples and literal bytes, so the parser's output is consumed but nothing is kept.
struct CountingSink: TripleSink {
    var triples = 0
    var literalBytes = 0
    mutating func consume(_ triple: Triple) throws {
        triples += 1
        if case .literal(let literal) = triple.object { literalBytes += literal.lexical.utf8.count }
    }
}

/// `katalog-bench COMMAND …`: benchmark programs (see BENCHMARKS.md).
///
/// - `rdfxml FILE`: parses FILE with RDFXMLParser and prints throughput and peak memory.
/// - `make-catalogue --db PATH [--count N] [--seed S]`: writes a generated catalogue through the store's run API.
/// - `make-queries --out FILE [--count N] [--seed S]`: writes the hub benchmark's query mix.
/// - `search-timing --db PATH --queries FILE [--rounds N]`: times the query mix in-process (library and bare FTS5).
@main
struct KatalogBench {
    static let usage = """
        usage: katalog-bench rdfxml FILE
               katalog-bench make-catalogue --db PATH [--count N] [--seed S] [--batch B]
               katalog-bench make-queries --out FILE [--count N] [--seed S]
               katalog-bench search-timing --db PATH --queries FILE [--rounds N]
        """

    static func main() async {
        let arguments = CommandLine.arguments
        do {
            switch arguments.count > 1 ? arguments[1] : "" {
            case "rdfxml" where arguments.count == 3: try rdfxml(arguments)
            case "make-catalogue": try await MakeCatalogue.run(Options(arguments.dropFirst(2)))
            case "make-queries": try MakeQueries.run(Options(arguments.dropFirst(2)))
            case "search-timing": try await SearchTiming.run(Options(arguments.dropFirst(2)))
            default:
                print(usage)
                exit(2)
            }
        } catch let error as Options.UsageError {
            print("katalog-bench: \(error)\n\(usage)")
            exit(2)
        } catch {
            print("katalog-bench: \(error)")
            exit(1)
        }
    }

    static func rdfxml(_ arguments: [String]) throws {
        let path = arguments[2]
        guard let file = fopen(path, "rb") else {
            print("cannot open \(path)")
            exit(1)
        }
        defer { fclose(file) }
        var parser = RDFXMLParser(baseIRI: "file://" + path, location: path)
        var sink = CountingSink()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var total = 0
        let clock = ContinuousClock()
        let started = clock.now
        while true {
            let read = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if read == 0 { break }
            total += read
            try buffer.withUnsafeBytes { try parser.feed(UnsafeRawBufferPointer(rebasing: $0.prefix(read)), into: &sink) }
        }
        try parser.finish(into: &sink)
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let megabytes = Double(total) / 1_048_576
        print("file:        \(path)")
        print("bytes:       \(total) (\(format(megabytes)) MiB)")
        print("triples:     \(sink.triples)")
        print("time:        \(format(seconds)) s")
        print("throughput:  \(format(megabytes / seconds)) MiB/s, \(Int(Double(sink.triples) / seconds)) triples/s")
        print("peak RSS:    \(peakResidentKilobytes() / 1024) MiB (VmHWM)")
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return String(scaled)
    }

    /// VmHWM from /proc/self/status, in kB.
    static func peakResidentKilobytes() -> Int {
        guard let file = fopen("/proc/self/status", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("VmHWM:") {
                return Int(text.dropFirst(6).trimmingPrefix(while: { $0 == " " || $0 == "\t" }).prefix { $0.isNumber }) ?? 0
            }
        }
        return 0
    }
}
