import Foundation
import Yams

/// Reads typed values out of YAML nodes, with errors that name the key and the line.
struct ConfigReader {
    var path: String

    func error(_ node: Node, _ key: String, _ why: String) -> HarvestConfigError {
        let line = node.mark.map { " (line \($0.line))" } ?? ""
        return HarvestConfigError(.invalidValue, "\(path)\(key)\(line): \(why)")
    }

    func rejectUnknownKeys(_ mapping: Node.Mapping, allowed: Set<String>, prefix: String = "") throws(HarvestConfigError) {
        for key in mapping.keys {
            guard let name = key.string, allowed.contains(name) else {
                let line = key.mark.map { " (line \($0.line))" } ?? ""
                throw HarvestConfigError(.invalidValue, "unknown key '\(prefix)\(key.string ?? "?")'\(line); known keys: \(allowed.sorted().joined(separator: ", "))")
            }
        }
    }

    func string(_ node: Node?, key: String) throws(HarvestConfigError) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar else { throw error(node, key, "expected a single value") }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    func int(_ node: Node?, key: String, range: ClosedRange<Int>) throws(HarvestConfigError) -> Int? {
        guard let text = try string(node, key: key), let node else { return nil }
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")), range.contains(value) else {
            throw error(node, key, "'\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func double(_ node: Node?, key: String, range: ClosedRange<Double>) throws(HarvestConfigError) -> Double? {
        guard let text = try string(node, key: key), let node else { return nil }
        var cleaned = text
        var scale = 1.0
        if cleaned.hasSuffix("%") {
            cleaned.removeLast()
            scale = 0.01
        }
        guard let raw = Double(cleaned), raw.isFinite, range.contains(raw * scale) else {
            throw error(node, key, "'\(text)' is not a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return raw * scale
    }

    func bool(_ node: Node?, key: String) throws(HarvestConfigError) -> Bool? {
        guard let text = try string(node, key: key), let node else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, key, "'\(text)' is not true or false")
        }
    }

    /// A duration: plain seconds (`120`) or with units (`2m`, `6h`, `30d`).
    func duration(_ node: Node?, key: String, range: ClosedRange<Double>) throws(HarvestConfigError) -> Double? {
        guard let text = try string(node, key: key), let node else { return nil }
        let seconds: Double
        if let plain = Double(text) {
            seconds = plain
        } else {
            do {
                seconds = try Schedule.parseDurationUnchecked(text)
            } catch {
                throw self.error(node, key, "'\(text)' is not a duration (e.g. 90, 30s, 2m, 6h, 30d)")
            }
        }
        guard seconds.isFinite, range.contains(seconds) else {
            throw error(node, key, "'\(text)' must be between \(Int(range.lowerBound)) and \(Int(range.upperBound)) seconds")
        }
        return seconds
    }

    /// A byte size: plain bytes or with a unit (`500MB`, `2GiB`, `64k`).
    func byteSize(_ node: Node?, key: String) throws(HarvestConfigError) -> Int64? {
        guard let text = try string(node, key: key), let node else { return nil }
        let lower = text.lowercased().replacingOccurrences(of: " ", with: "")
        let digits = lower.prefix { $0.isNumber || $0 == "." }
        let unit = lower.dropFirst(digits.count)
        let multipliers: [String: Double] = [
            "": 1, "b": 1, "k": 1024, "kb": 1000, "kib": 1024, "m": 1_048_576, "mb": 1_000_000, "mib": 1_048_576,
            "g": 1_073_741_824, "gb": 1_000_000_000, "gib": 1_073_741_824,
        ]
        guard let number = Double(digits), let multiplier = multipliers[String(unit)] else {
            throw error(node, key, "'\(text)' is not a size (e.g. 1048576, 64MiB, 2GB)")
        }
        let bytes = number * multiplier
        guard bytes >= 1024, bytes <= 1_099_511_627_776 else { throw error(node, key, "'\(text)' must be between 1 KiB and 1 TiB") }
        return Int64(bytes)
    }
}

extension Schedule {
    /// Parses a duration with units, without the schedule's 1-minute floor.
    static func parseDurationUnchecked(_ text: String) throws -> Double {
        var total = 0.0
        var number = ""
        var sawUnit = false
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604_800]
        for character in text.lowercased() where character != " " {
            if character.isNumber || character == "." {
                number.append(character)
            } else if let unit = units[character], let value = Double(number) {
                total += value * unit
                number = ""
                sawUnit = true
            } else {
                throw HarvestConfigError(.invalidValue, "bad duration '\(text)'")
            }
        }
        guard number.isEmpty, sawUnit else { throw HarvestConfigError(.invalidValue, "bad duration '\(text)'") }
        return total
    }
}
