import Foundation
import KatalogModel
import Yams

/// The whole `sources.yaml`: where the database lives, harvest-wide settings and the sources.
public struct KatalogConfig: Sendable, Hashable {
    /// The SQLite database file (the `database:` key); nil when the file does not say.
    public var database: String?
    /// How many sources `katalog serve` harvests at once (the `harvest.concurrency` key, default 2).
    public var concurrency: Int
    /// How many batches of a source's records are mapped at once (the `harvest.mapping_lanes` key); nil
    /// when the file does not say, for ``Harvester/defaultMappingLanes``.
    public var mappingLanes: Int?
    /// How long finished runs stay in the harvest history (the `harvest.keep_runs` key), in seconds; nil (`all`) keeps
    /// every run. Default ``Harvester/defaultKeepRuns``. See ``CatalogStore/pruneRuns(source:endedBefore:)`` for the
    /// runs kept whatever their age.
    public var keepRuns: TimeInterval?
    /// The sources, in file order.
    public var sources: [SourceConfig]

    /// Creates a configuration.
    public init(database: String? = nil, concurrency: Int = 2, mappingLanes: Int? = nil,
                keepRuns: TimeInterval? = Harvester.defaultKeepRuns, sources: [SourceConfig] = []) {
        self.database = database
        self.concurrency = concurrency
        self.mappingLanes = mappingLanes
        self.keepRuns = keepRuns
        self.sources = sources
    }

    /// Reads and validates a configuration file.
    public static func load(path: String) throws(HarvestConfigError) -> KatalogConfig {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw HarvestConfigError(.unreadable, "cannot read the configuration: \(error.localizedDescription)", file: path)
        }
        do {
            return try parse(yaml: text)
        } catch var error {
            error.file = path
            throw error
        }
    }

    /// Parses and validates configuration text.
    public static func parse(yaml: String) throws(HarvestConfigError) -> KatalogConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw HarvestConfigError(.invalidYAML, "not valid YAML: \(error)")
        }
        guard let root, let mapping = root.mapping else {
            throw HarvestConfigError(.invalidYAML, "expected a mapping with a 'sources:' list at the top")
        }
        let reader = ConfigReader(path: "")
        try reader.rejectUnknownKeys(mapping, allowed: ["database", "harvest", "sources"])
        var config = KatalogConfig()
        config.database = try reader.string(mapping["database"], key: "database")
        if let harvest = mapping["harvest"] {
            guard let harvestMapping = harvest.mapping else { throw reader.error(harvest, "harvest", "expected a mapping") }
            try reader.rejectUnknownKeys(harvestMapping, allowed: ["concurrency", "mapping_lanes", "keep_runs"], prefix: "harvest.")
            if let value = try reader.int(harvestMapping["concurrency"], key: "harvest.concurrency", range: 1...64) {
                config.concurrency = value
            }
            config.mappingLanes = try reader.int(harvestMapping["mapping_lanes"], key: "harvest.mapping_lanes",
                                                 range: 1...Harvester.maxMappingLanes)
            if let node = harvestMapping["keep_runs"] {
                if node.string?.lowercased() == "all" {
                    config.keepRuns = nil
                } else {
                    config.keepRuns = try reader.duration(node, key: "harvest.keep_runs", range: 86400...(36500 * 86400))
                }
            }
        }
        guard let sourcesNode = mapping["sources"] else {
            throw HarvestConfigError(.invalidYAML, "missing the 'sources:' list")
        }
        guard let sequence = sourcesNode.sequence else {
            throw reader.error(sourcesNode, "sources", "expected a list of sources")
        }
        var names = Set<String>()
        for (index, node) in sequence.enumerated() {
            let source = try SourceConfig.parse(node, index: index)
            guard names.insert(source.name).inserted else {
                throw HarvestConfigError(.duplicate, "sources[\(index)]: the name '\(source.name)' is used twice")
            }
            config.sources.append(source)
        }
        return config
    }

    /// The sources to run: all enabled ones, or the named ones (which must exist).
    public func selectSources(_ names: [String]) throws(HarvestConfigError) -> [SourceConfig] {
        if names.isEmpty { return sources.filter(\.enabled) }
        return try names.map { (name) throws(HarvestConfigError) -> SourceConfig in
            guard let source = sources.first(where: { $0.name == name }) else {
                let known = sources.map(\.name).joined(separator: ", ")
                throw HarvestConfigError(.unknownSource, "no source named '\(name)' (known: \(known))")
            }
            return source
        }
    }
}

extension SourceConfig {
    static func parse(_ node: Node, index: Int) throws(HarvestConfigError) -> SourceConfig {
        let path = "sources[\(index)]"
        var reader = ConfigReader(path: path + ".")
        guard let mapping = node.mapping else { throw reader.error(node, path, "expected a mapping with name, type and url") }
        try reader.rejectUnknownKeys(mapping, allowed: [
            "name", "type", "url", "schedule", "every", "headers", "timeout", "deadline", "max_bytes", "page_size",
            "max_pages", "delete_policy", "record_limits", "enabled", "language", "priority", "incremental", "full_every",
            "modified_queryable",
        ], prefix: path + ".")
        guard let name = try reader.string(mapping["name"], key: "name") else {
            throw HarvestConfigError(.invalidValue, "\(path): missing 'name'")
        }
        guard SourceConfig.isValidName(name) else {
            throw HarvestConfigError(.invalidValue, "\(path).name '\(name)': use 1-64 characters of a-z, 0-9 and '-'")
        }
        let sourcePath = "source '\(name)'"
        reader.path = sourcePath + ": "
        guard let typeText = try reader.string(mapping["type"], key: "type") else {
            throw HarvestConfigError(.invalidValue, "\(sourcePath): missing 'type' (one of \(SourceKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let kind = SourceKind(rawValue: typeText.lowercased()) else {
            throw HarvestConfigError(.invalidValue, "\(sourcePath): type '\(typeText)' is not one of \(SourceKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let url = try reader.string(mapping["url"], key: "url") else {
            throw HarvestConfigError(.invalidValue, "\(sourcePath): missing 'url'")
        }
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https",
              parsed.host != nil else {
            throw HarvestConfigError(.invalidValue, "\(sourcePath): url '\(url)' must be an absolute http or https URL")
        }
        var source = SourceConfig(name: name, kind: kind, url: url)
        if let scheduleNode = mapping["schedule"], scheduleNode.scalar != nil, let text = try reader.string(scheduleNode, key: "schedule") {
            do { source.schedule = try Schedule.parse(text) } catch { throw HarvestConfigError(.invalidValue, "\(sourcePath): \(error.message)") }
        } else if let scheduleNode = mapping["schedule"], let every = scheduleNode.mapping?["every"]?.string {
            do { source.schedule = .every(seconds: try Schedule.parseDuration(every)) } catch { throw HarvestConfigError(.invalidValue, "\(sourcePath): \(error.message)") }
        }
        if let every = try reader.string(mapping["every"], key: "every") {
            do { source.schedule = .every(seconds: try Schedule.parseDuration(every)) } catch { throw HarvestConfigError(.invalidValue, "\(sourcePath): \(error.message)") }
        }
        if let headers = mapping["headers"] {
            guard let headerMapping = headers.mapping else { throw reader.error(headers, "headers", "expected a mapping of header names to values") }
            for (key, value) in headerMapping {
                guard let keyText = key.string, let valueText = value.string, !keyText.isEmpty,
                      !keyText.contains(where: { $0 == ":" || $0.isWhitespace }), !valueText.contains(where: \.isNewline) else {
                    throw reader.error(key, "headers", "header names and values must be single-line text")
                }
                source.headers[keyText] = valueText
            }
        }
        if let seconds = try reader.duration(mapping["timeout"], key: "timeout", range: 1...3600) { source.requestTimeout = seconds }
        if let seconds = try reader.duration(mapping["deadline"], key: "deadline", range: 10...(7 * 86400)) { source.runDeadline = seconds }
        if let bytes = try reader.byteSize(mapping["max_bytes"], key: "max_bytes") { source.maxBytes = bytes }
        if let value = try reader.int(mapping["page_size"], key: "page_size", range: 1...1000) { source.pageSize = value }
        if let value = try reader.int(mapping["max_pages"], key: "max_pages", range: 1...10_000_000) { source.maxPages = value }
        if let value = try reader.bool(mapping["enabled"], key: "enabled") { source.enabled = value }
        if let value = try reader.int(mapping["priority"], key: "priority", range: -1000...1000) { source.priority = value }
        for key in ["incremental", "full_every"] where mapping[key] != nil && !SourceConfig.incrementalKinds.contains(kind) {
            throw HarvestConfigError(.invalidValue, "\(sourcePath): '\(key)' applies to ckan, oai-pmh and csw sources only")
        }
        if let value = try reader.bool(mapping["incremental"], key: "incremental") { source.incremental = value }
        if let queryable = try reader.string(mapping["modified_queryable"], key: "modified_queryable") {
            guard kind == .csw else {
                throw HarvestConfigError(.invalidValue, "\(sourcePath): 'modified_queryable' applies to csw sources only")
            }
            guard SourceConfig.isQueryableName(queryable) else {
                throw HarvestConfigError(.invalidValue, "\(sourcePath): modified_queryable '\(queryable.prefix(60))' is not a queryable name (a letter, then letters, digits, '_', '-', '.' or one ':' prefix; at most 100 characters)")
            }
            source.modifiedQueryable = queryable
        }
        if let seconds = try reader.duration(mapping["full_every"], key: "full_every", range: 0...(3650 * 86400)) {
            source.fullListingInterval = seconds
        }
        if let tag = try reader.string(mapping["language"], key: "language") {
            guard tag.utf8.count <= 35, tag.first?.isLetter == true,
                  tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                throw HarvestConfigError(.invalidValue, "\(sourcePath): language '\(tag.prefix(40))' is not a language tag (e.g. sv, nb, fi)")
            }
            source.language = tag.lowercased()
        }
        if let policy = mapping["delete_policy"] {
            guard let policyMapping = policy.mapping else { throw reader.error(policy, "delete_policy", "expected a mapping") }
            try reader.rejectUnknownKeys(policyMapping, allowed: ["max_delete_fraction", "grace_period"], prefix: "delete_policy.")
            if let fraction = try reader.double(policyMapping["max_delete_fraction"], key: "delete_policy.max_delete_fraction", range: 0...1) {
                source.deletion.maxDeleteFraction = fraction
            }
            if let seconds = try reader.duration(policyMapping["grace_period"], key: "delete_policy.grace_period", range: 0...(3650 * 86400)) {
                source.deletion.graceDays = seconds / 86400
            }
        }
        if let limits = mapping["record_limits"] {
            guard let limitsMapping = limits.mapping else { throw reader.error(limits, "record_limits", "expected a mapping") }
            try reader.rejectUnknownKeys(limitsMapping, allowed: ["max_keywords", "max_distributions", "max_text_bytes", "max_raw_bytes"], prefix: "record_limits.")
            if let value = try reader.int(limitsMapping["max_keywords"], key: "record_limits.max_keywords", range: 1...1_000_000) { source.recordLimits.maxKeywords = value }
            if let value = try reader.int(limitsMapping["max_distributions"], key: "record_limits.max_distributions", range: 1...1_000_000) { source.recordLimits.maxDistributions = value }
            if let value = try reader.byteSize(limitsMapping["max_text_bytes"], key: "record_limits.max_text_bytes") { source.recordLimits.maxTextBytes = Int(value) }
            if let value = try reader.byteSize(limitsMapping["max_raw_bytes"], key: "record_limits.max_raw_bytes") { source.recordLimits.maxRawBytes = Int(value) }
        }
        return source
    }
}
