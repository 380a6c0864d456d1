import KatalogRDF

extension ISO19139Mapper {
    /// The most distributions read from one record: one more than ``RecordLimits``' default, so the collector still
    /// sees a record over the limit while a hostile record cannot grow the list without bound.
    static let distributionCap = RecordLimits().maxDistributions + 1

    /// Where a record lists its online resources.
    static let onlinePaths = [
        "gmd:distributionInfo/gmd:MD_Distribution/gmd:transferOptions/gmd:MD_DigitalTransferOptions/"
            + "gmd:onLine/gmd:CI_OnlineResource",
        "gmd:distributionInfo/gmd:MD_Distribution/gmd:distributor/gmd:MD_Distributor/gmd:distributorTransferOptions/"
            + "gmd:MD_DigitalTransferOptions/gmd:onLine/gmd:CI_OnlineResource",
    ]

    /// Where a record names its distribution formats.
    static let formatPaths = [
        "gmd:distributionInfo/gmd:MD_Distribution/gmd:distributionFormat/gmd:MD_Format/gmd:name",
        "gmd:distributionInfo/gmd:MD_Distribution/gmd:distributor/gmd:MD_Distributor/"
            + "gmd:distributorFormat/gmd:MD_Format/gmd:name",
    ]

    /// Service protocols recognised in `gmd:protocol` (lower-case fragment → format name and the OGC standard the
    /// service follows, when it is an OGC one), checked in this order.
    static let serviceProtocols: [(fragment: String, format: String, standard: String?)] = [
        ("wmts", "WMTS", "http://www.opengeospatial.org/standards/wmts"),
        ("wms", "WMS", "http://www.opengeospatial.org/standards/wms"),
        ("wfs", "WFS", "http://www.opengeospatial.org/standards/wfs"),
        ("wcs", "WCS", "http://www.opengeospatial.org/standards/wcs"),
        ("atom", "Atom", nil),
    ]

    /// One distribution per `gmd:CI_OnlineResource` with a linkage URL, each distinct one once, except documentation.
    static func distributions(_ metadata: XMLElement, text: ISO19139Text) -> [Distribution] {
        let formats = distributionFormats(metadata)
        var result: [Distribution] = []
        var seen = Set<Distribution>()
        for path in onlinePaths {
            for resource in all(metadata, path) where !isDocumentation(resource) {
                guard result.count < distributionCap else { return result }
                if let mapped = distribution(resource, formats: formats, text: text) {
                    appendDistinct(mapped, to: &result, seen: &seen)
                }
            }
        }
        return result
    }

    /// Whether an online resource is documentation about the data (`gmd:function` `information` on a link that is not a
    /// service): GeoDCAT-AP makes it a page (`foaf:page`), not a distribution; it is kept in extras under that name.
    static func isDocumentation(_ resource: XMLElement) -> Bool {
        guard code(resource.child(ISO19139Namespace.gmd, "function"))?.lowercased() == "information" else { return false }
        let protocolProperty = resource.child(ISO19139Namespace.gmd, "protocol")
        let protocolName = (text(protocolProperty) ?? href(protocolProperty) ?? "").lowercased()
        return !serviceProtocols.contains { protocolName.contains($0.fragment) }
    }

    /// The URLs of the record's documentation links (see ``isDocumentation(_:)``).
    static func documentationPages(_ metadata: XMLElement) -> [String] {
        onlinePaths.flatMap { all(metadata, $0) }.filter(isDocumentation).compactMap {
            text($0.child(ISO19139Namespace.gmd, "linkage"))
        }
    }

    /// The record's `gmd:MD_Format` names as formats (an anchor's link when the vocabulary knows it), each once.
    static func distributionFormats(_ metadata: XMLElement) -> [Concept] {
        var result: [Concept] = []
        var seen = Set<String>()
        for path in formatPaths {
            for name in all(metadata, path) {
                let link = href(name).map(FileFormat.normalize)
                guard let concept = link?.uri != nil ? link : text(name).map(FileFormat.normalize) else { continue }
                if seen.insert(concept.uri ?? concept.raw.lowercased()).inserted { result.append(concept) }
            }
        }
        return result
    }

    /// Archive formats: a download URL ending in one of these names the packaging, not the data's format.
    static let archiveFormats: Set<String> = ["ZIP", "TAR", "GZIP", "7Z"]

    /// Maps one online resource; nil when it has no URL.
    ///
    /// A download protocol (`WWW:DOWNLOAD-…`), or the `download` function on a resource that is not a service,
    /// makes the URL a download URL as well as the access URL; services (WMS, WFS, WCS, WMTS, Atom) and links give an
    /// access URL only. A service's format is its protocol; any other resource's format is the one its URL's
    /// extension names, else, for a download, the record's first `gmd:MD_Format` that is not a service; a download of an
    /// archive (`.zip`, `.tar`, `.gz`, `.7z`) takes that `gmd:MD_Format` too, when there is one.
    static func distribution(_ resource: XMLElement, formats: [Concept], text: ISO19139Text) -> Distribution? {
        guard let url = self.text(resource.child(ISO19139Namespace.gmd, "linkage")) else { return nil }
        let protocolProperty = resource.child(ISO19139Namespace.gmd, "protocol")
        let protocolName = (self.text(protocolProperty) ?? href(protocolProperty) ?? "").lowercased()
        let function = code(resource.child(ISO19139Namespace.gmd, "function"))?.lowercased()
        let service = serviceProtocols.first { protocolName.contains($0.fragment) }
        // A link to a file (a URL ending in a file name with an extension) is a download unless the record says the
        // resource is something else, as CKAN resources are read.
        let isDownload = service == nil && (protocolName.contains("download") || function == "download"
            || function == nil && CKANMapper.looksLikeFile(url) && FileFormat.infer(fromURL: url) != nil)

        var distribution = Distribution(accessURLs: [url], downloadURLs: isDownload ? [url] : [])
        distribution.title = text.localized(resource.child(ISO19139Namespace.gmd, "name"))
        distribution.description = text.localized(resource.child(ISO19139Namespace.gmd, "description"))
        if let service {
            distribution.format = FileFormat.normalize(service.format)
            distribution.accessServices = [accessService(url, title: distribution.title, standard: service.standard)]
        } else if CKANMapper.looksLikeFile(url), let format = FileFormat.infer(fromURL: url) {
            // A downloaded archive packages the data: the record's format says what is inside (GeoPackage, GML, …).
            let packaged = isDownload && archiveFormats.contains(format.key)
                ? formats.first { !($0.uri ?? "").hasSuffix("_SRVC") } : nil
            distribution.format = packaged ?? format
        } else if isDownload {
            distribution.format = formats.first { !($0.uri ?? "").hasSuffix("_SRVC") }
        }
        if let raw = distribution.format?.raw, raw.contains("/"), !raw.contains("://") {
            distribution.mediaType = raw.lowercased()
        }
        if let link = href(protocolProperty), isWebIRI(link) { distribution.conformsTo = [link] }
        return distribution
    }

    /// The data service behind a service link: a capabilities request (`REQUEST=GetCapabilities`) describes the
    /// endpoint, which is the same URL without its query; any other URL is the endpoint itself.
    static func accessService(_ url: String, title: LocalizedText, standard: String?) -> AccessService {
        var service = AccessService(title: title, conformsTo: standard.map { [$0] } ?? [])
        if url.lowercased().contains("request=getcapabilities"), let query = url.firstIndex(of: "?") {
            service.endpoints = [String(url[..<query])]
            service.endpointDescriptions = [url]
        } else {
            service.endpoints = [url]
        }
        return service
    }
}
