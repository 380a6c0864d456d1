import Foundation
import KatalogModel
import KatalogStore

/// A catalogue record as a CKAN package dict, the shape CKAN's Action API returns.
///
/// Core fields as CKAN names them (`title`, `notes`, `organization`, `tags`, `resources`, …); every language of
/// the title, description and resource names as ckanext-fluent's `*_translated` maps; the DCAT values CKAN has no
/// core field for as ckanext-dcat's extras (`uri`, `issued`, `modified`, `theme`, `temporal_start`, …), and the
/// publisher as ckanext-dcat's scheming field (a list of one agent, with its name in every language). Katalog's own
/// CKAN harvester reads all of these back.
enum CKANPackage {
    /// The parts of a stored or found record a package is made from.
    struct Source {
        var id: String
        var source: String
        var sourceIdentifier: String
        var dataset: Dataset
        var firstSeen: Date
        var updatedAt: Date
        /// The key the catalogue groups the publisher under (``SearchHit/publisherKey``); nil for the record's own.
        var publisherKey: String? = nil
    }

    /// The package dict of a search hit (see ``dict(_:languages:site:)``).
    static func dict(hit: SearchHit, languages: [String], site: String) -> [String: JSONValue] {
        dict(Source(id: hit.id, source: hit.source, sourceIdentifier: hit.sourceIdentifier, dataset: hit.dataset,
                    firstSeen: hit.firstSeen, updatedAt: hit.updatedAt, publisherKey: hit.publisherKey), languages: languages, site: site)
    }

    /// The fields of a package dict that come from the catalogue's index rows, not from the record: a listing that asks
    /// only for these (`fl=id,metadata_modified`, an incremental harvest's identifier listing) reads no record.
    static let indexFields: Set<String> = [
        "id", "name", "type", "state", "private", "metadata_created", "metadata_modified", "katalog_source",
        "katalog_source_identifier", "katalog_url",
    ]

    /// Fields a client may ask for with `fl` that these dicts never carry: Solr's `capacity` (public or private; every
    /// dataset here is public), which an incremental harvest's identifier listing asks for.
    static let absentFields: Set<String> = ["capacity"]

    /// The ``indexFields`` of a record.
    static func indexDict(id: String, source: String, sourceIdentifier: String, firstSeen: Date, updatedAt: Date,
                          site: String) -> [String: JSONValue] {
        [
            "id": .string(id),
            "name": .string(id),
            "type": .string("dataset"),
            "state": .string("active"),
            "private": .bool(false),
            "metadata_created": .string(timestamp(firstSeen)),
            "metadata_modified": .string(timestamp(updatedAt)),
            "katalog_source": .string(source),
            "katalog_source_identifier": .string(sourceIdentifier),
            "katalog_url": .string(site + "/api/v1/datasets/" + id),
        ]
    }

    /// The package dict. `languages` orders the choice of the plain `title` and `notes` (then English, untagged, any).
    static func dict(_ record: Source, languages: [String], site: String) -> [String: JSONValue] {
        let dataset = record.dataset
        var package = indexDict(id: record.id, source: record.source, sourceIdentifier: record.sourceIdentifier,
                                firstSeen: record.firstSeen, updatedAt: record.updatedAt, site: site)
        package["title"] = .string(dataset.title.best(languages) ?? dataset.sourceIdentifier)
        package["notes"] = text(dataset.description.best(languages))
        package["url"] = text(dataset.landingPages.first)
        package["version"] = text(dataset.version)
        package["author"] = text(dataset.creator?.name.best(languages))
        package["author_email"] = text(dataset.creator?.email)
        package["maintainer"] = text(dataset.contactPoints.first?.name.best(languages))
        package["maintainer_email"] = text(dataset.contactPoints.first?.email)
        package["license_id"] = text(dataset.license?.key)
        package["license_title"] = text(dataset.license.map { $0.label?.best(languages) ?? $0.raw })
        package["license_url"] = text(dataset.license?.uri)
        if let translated = translations(dataset.title) { package["title_translated"] = translated }
        if let translated = translations(dataset.description) { package["notes_translated"] = translated }

        if let publisher = dataset.publisher, !publisher.key.isEmpty {
            // The organization is the one organization_list lists: a name-only publisher's may be one with an IRI.
            let key = record.publisherKey ?? publisher.key
            let organization = organizationDict(slug: CKANNames.organizationName(forKey: key), key: key,
                                                name: publisher.name, languages: languages, count: nil)
            package["organization"] = .object(organization)
            package["owner_org"] = organization["id"] ?? .null
            package["publisher"] = .array([agent(publisher)])
        } else {
            package["organization"] = .null
            package["owner_org"] = .null
        }

        var seenTags = Set<String>()
        let tags = dataset.keywords.filter { seenTags.insert($0.value).inserted }.map { keyword -> JSONValue in
            .object(["name": .string(keyword.value), "display_name": .string(keyword.value), "state": .string("active"),
                     "vocabulary_id": .null])
        }
        package["tags"] = .array(tags)
        package["num_tags"] = .int(Int64(tags.count))

        package["groups"] = .array(dataset.themes.map { theme in
            let title = theme.label?.best(languages) ?? theme.key
            return .object(["id": .string(theme.key), "name": .string(theme.key), "title": .string(title),
                            "display_name": .string(title), "description": .string(""), "image_display_url": .string("")])
        })

        let resources = dataset.distributions.enumerated().map { position, distribution in
            JSONValue.object(resource(distribution, position: position, packageID: record.id, languages: languages))
        }
        package["resources"] = .array(resources)
        package["num_resources"] = .int(Int64(resources.count))
        package["extras"] = .array(extras(dataset).map { .object(["key": .string($0.0), "value": .string($0.1)]) })
        return package
    }

    /// A group dict for a theme key (`group_list`, `group_show`): the fields a package dict's `groups` give, and
    /// those of CKAN's group dicts.
    static func groupDict(key: String, title: String, count: Int?) -> [String: JSONValue] {
        var group: [String: JSONValue] = [
            "id": .string(key), "name": .string(key), "title": .string(title), "display_name": .string(title),
            "type": .string("group"), "is_organization": .bool(false), "state": .string("active"),
            "approval_status": .string("approved"), "description": .string(""), "image_url": .string(""),
            "image_display_url": .string(""),
        ]
        if let count { group["package_count"] = .int(Int64(count)) }
        return group
    }

    /// An organization dict for a publisher key and its CKAN name (``CKANNames/organizationName(forKey:)``).
    static func organizationDict(slug: String, key: String, name: LocalizedText, languages: [String], count: Int?) -> [String: JSONValue] {
        let title = name.best(languages) ?? key
        var organization: [String: JSONValue] = [
            "id": .string(slug), "name": .string(slug), "title": .string(title), "display_name": .string(title),
            "type": .string("organization"), "is_organization": .bool(true), "state": .string("active"),
            "approval_status": .string("approved"), "description": .string(""), "image_url": .string(""),
            "katalog_publisher_key": .string(key),
        ]
        if let translated = translations(name) { organization["title_translated"] = translated }
        if let count { organization["package_count"] = .int(Int64(count)) }
        return organization
    }

    /// A publisher as ckanext-dcat's scheming `publisher` field describes one.
    private static func agent(_ agent: Agent) -> JSONValue {
        var object: [String: JSONValue] = ["name": text(agent.name.best())]
        if let translated = translations(agent.name) { object["name_translated"] = translated }
        if let iri = agent.iri { object["uri"] = .string(iri) } else if let identifier = agent.identifier { object["identifier"] = .string(identifier) }
        if let homepage = agent.homepage { object["url"] = .string(homepage) }
        if let email = agent.email { object["email"] = .string(email) }
        if let type = agent.type { object["type"] = .string(type.uri ?? type.raw) }
        return .object(object)
    }

    /// A resource dict for a distribution at `position` of the dataset `packageID`. Its `id` is the distribution's own
    /// identifier, else `<packageID>-<position>` (see ``CKANActions/resourceShow(_:)``).
    static func resource(_ distribution: Distribution, position: Int, packageID: String, languages: [String]) -> [String: JSONValue] {
        let url = distribution.downloadURLs.first ?? distribution.accessURLs.first
        var resource: [String: JSONValue] = [
            "id": .string(distribution.identifier ?? "\(packageID)-\(position)"),
            "package_id": .string(packageID),
            "position": .int(Int64(position)),
            "state": .string("active"),
            "url": text(url),
            "name": text(distribution.title.best(languages)),
            "description": text(distribution.description.best(languages)),
            "format": text(distribution.format?.key.uppercased()),
            "mimetype": text(distribution.mediaType),
            "size": distribution.byteSize.map { .int($0) } ?? .null,
            "hash": text(distribution.checksum?.value),
            "url_type": .null,
        ]
        if let translated = translations(distribution.title) { resource["name_translated"] = translated }
        if let translated = translations(distribution.description) { resource["description_translated"] = translated }
        if let access = distribution.accessURLs.first { resource["access_url"] = .string(access) }
        if let download = distribution.downloadURLs.first { resource["download_url"] = .string(download) }
        if let algorithm = distribution.checksum?.algorithm { resource["hash_algorithm"] = .string(algorithm) }
        if let license = distribution.license { resource["license"] = .string(license.uri ?? license.raw) }
        if let rights = distribution.rights { resource["rights"] = .string(rights) }
        if let accessRights = distribution.accessRights { resource["access_rights"] = .string(accessRights.uri ?? accessRights.raw) }
        if !distribution.conformsTo.isEmpty { resource["conforms_to"] = .array(distribution.conformsTo.map(JSONValue.string)) }
        if !distribution.languages.isEmpty {
            resource["language"] = .array(distribution.languages.map { .string($0.uri ?? $0.raw) })
        }
        if let issued = distribution.issued { resource["issued"] = .string(issued.normalized ?? issued.raw) }
        if let modified = distribution.modified { resource["modified"] = .string(modified.normalized ?? modified.raw) }
        if let status = distribution.status { resource["status"] = .string(status.uri ?? status.raw) }
        return resource
    }

    /// ckanext-dcat's extras for the DCAT values CKAN has no core field for; lists as JSON arrays in a string, as
    /// ckanext-dcat writes them.
    private static func extras(_ dataset: Dataset) -> [(String, String)] {
        var extras: [(String, String)] = []
        func add(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { extras.append((key, value)) }
        }
        func addList(_ key: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            let encoded = (try? JSONValue.array(values.map(JSONValue.string)).encoded()).flatMap { String(data: $0, encoding: .utf8) }
            add(key, encoded)
        }
        add("uri", dataset.iri)
        add("issued", dataset.issued.map { $0.normalized ?? $0.raw })
        add("modified", dataset.modified.map { $0.normalized ?? $0.raw })
        addList("identifier", dataset.identifiers)
        addList("alternate_identifier", dataset.otherIdentifiers)
        addList("theme", dataset.themes.map { $0.uri ?? $0.raw })
        addList("language", dataset.languages.map { $0.uri ?? $0.raw })
        add("frequency", dataset.accrualPeriodicity.map { $0.uri ?? $0.raw })
        add("access_rights", dataset.accessRights.map { $0.uri ?? $0.raw })
        addList("conforms_to", dataset.conformsTo)
        if let temporal = dataset.temporal.first {
            add("temporal_start", temporal.start.map { $0.normalized ?? $0.raw })
            add("temporal_end", temporal.end.map { $0.normalized ?? $0.raw })
        }
        if let spatial = dataset.spatial.first {
            add("spatial_uri", spatial.iri)
            add("spatial_text", spatial.label?.best())
            add("spatial_bbox", spatial.bbox)
            add("spatial", spatial.geometry)
        }
        if let contact = dataset.contactPoints.first {
            add("contact_name", contact.name.best())
            add("contact_email", contact.email)
            add("contact_uri", contact.url)
        }
        add("rights", dataset.rights)
        add("landing_page", dataset.landingPages.first)
        return extras
    }

    /// A language map of a text's tagged values (ckanext-fluent's `*_translated`); nil when none is tagged.
    private static func translations(_ text: LocalizedText) -> JSONValue? {
        var map: [String: JSONValue] = [:]
        for (language, value) in text.values where !language.isEmpty { map[language] = .string(value) }
        return map.isEmpty ? nil : .object(map)
    }

    private static func text(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// CKAN's timestamp form: ISO 8601 in UTC without a zone designator, with fractional seconds.
    static func timestamp(_ date: Date) -> String {
        var text = date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        if text.hasSuffix("Z") { text.removeLast() }
        return text
    }
}

/// CKAN names (lower-case `a-z0-9-_`, 2 to 100 characters) for the keys Katalog groups records by.
enum CKANNames {
    /// True when `text` is already a valid CKAN name.
    static func isName(_ text: String) -> Bool {
        (2...100).contains(text.utf8.count) && text.utf8.allSatisfy { byte in
            (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }

    /// The organization name for a publisher key: the key itself when it is a valid name (a CKAN organization
    /// harvested from a portal keeps its name), else a readable slug of it and 8 hex digits of its hash, so two
    /// keys never share a name.
    static func organizationName(forKey key: String) -> String {
        if isName(key) { return key }
        var body = Substring(key)
        for scheme in ["https://", "http://", "urn:"] where body.lowercased().hasPrefix(scheme) {
            body = body.dropFirst(scheme.count)
        }
        var slug = ""
        var lastWasDash = true
        for byte in body.utf8 {
            let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
            if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) {
                slug.append(Character(Unicode.Scalar(lower)))
                lastWasDash = false
            } else if !lastWasDash {
                slug.append("-")
                lastWasDash = true
            }
            if slug.utf8.count >= 80 { break }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        var hasher = SHA256()
        hasher.update(key.utf8)
        let digest = String(SHA256.hexString(hasher.finalize()).prefix(8))
        return slug.isEmpty ? "org-" + digest : slug + "-" + digest
    }
}
