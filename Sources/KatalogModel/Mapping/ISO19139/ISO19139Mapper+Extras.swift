import KatalogRDF

extension ISO19139Mapper {
    /// The most values kept under one extras key.
    static let extraValueCap = 100

    /// The EPSG namespace of the OGC definition server, for reference systems given by code.
    static let epsgBase = "http://www.opengis.net/def/crs/EPSG/0/"

    /// Standards the data conforms to: the specification of each `DQ_ConformanceResult` that passed (its anchor's
    /// link, else its title), then each reference system as an IRI (GeoDCAT-AP puts both in `dct:conformsTo`).
    static func conformsTo(_ metadata: XMLElement) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        for conformance in conformanceResults(metadata) where conformance.passed == true {
            appendDistinct(conformance.specification, to: &result, seen: &seen)
        }
        for system in referenceSystems(metadata) {
            if let iri = system.iri { appendDistinct(iri, to: &result, seen: &seen) }
        }
        return Array(result.prefix(extraValueCap))
    }

    /// Each `DQ_ConformanceResult`: its specification (link or title), and `gmd:pass` (nil when not given).
    static func conformanceResults(_ metadata: XMLElement) -> [(specification: String, passed: Bool?)] {
        let path = "gmd:dataQualityInfo/gmd:DQ_DataQuality/gmd:report/*/gmd:result/gmd:DQ_ConformanceResult"
        return all(metadata, path).prefix(extraValueCap).compactMap { result -> (specification: String, passed: Bool?)? in
            let title = first(result, "gmd:specification/gmd:CI_Citation/gmd:title")
            guard let specification = href(title).flatMap({ isWebIRI($0) ? $0 : nil }) ?? text(title) else { return nil }
            let pass = text(result.child(ISO19139Namespace.gmd, "pass"))?.lowercased()
            let passed: Bool? = pass == "true" || pass == "1" ? true : pass == "false" || pass == "0" ? false : nil
            return (specification: specification, passed: passed)
        }
    }

    /// Each reference system: the code as published (with its code space when the code lacks it) and its IRI — the
    /// anchor's link, or the OGC IRI of an EPSG code (`EPSG:2154`, `urn:ogc:def:crs:EPSG::2154`, `2154` in code space EPSG).
    static func referenceSystems(_ metadata: XMLElement) -> [(code: String, iri: String?)] {
        let path = "gmd:referenceSystemInfo/gmd:MD_ReferenceSystem/gmd:referenceSystemIdentifier/*"
        return all(metadata, path).prefix(extraValueCap).compactMap { identifier -> (code: String, iri: String?)? in
            let codeProperty = identifier.child(ISO19139Namespace.gmd, "code")
            let link = href(codeProperty).flatMap { isWebIRI($0) ? $0 : nil }
            guard let value = text(codeProperty) ?? link else { return nil }
            let space = text(identifier.child(ISO19139Namespace.gmd, "codeSpace"))
            let written = space.map { space in
                value.lowercased().contains(space.lowercased()) || isWebIRI(value) ? value : "\(space):\(value)"
            } ?? value
            if let link { return (code: written, iri: link) }
            if isWebIRI(value) { return (code: written, iri: value) }
            let digits = written.reversed().prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9, written.uppercased().contains("EPSG") else {
                return (code: written, iri: nil)
            }
            return (code: written, iri: epsgBase + String(digits.reversed()))
        }
    }

    /// Properties with no model field, under `iso:` keys (and GeoDCAT-AP's `dct:provenance` for the lineage).
    static func extras(_ metadata: XMLElement, identifications: [XMLElement], text: ISO19139Text,
                       constraints: ISO19139Constraints) -> [String: [String]] {
        var extras: [String: [String]] = [:]
        func put(_ key: String, _ values: [String]) {
            var kept: [String] = []
            var seen = Set<String>()
            for value in values where !value.isEmpty && kept.count < extraValueCap {
                appendDistinct(value, to: &kept, seen: &seen)
            }
            if !kept.isEmpty { extras[key] = kept }
        }
        let gmd = ISO19139Namespace.gmd
        put("iso:fileIdentifier", metadata.children(gmd, "fileIdentifier").prefix(1).compactMap { self.text($0) })
        put("iso:hierarchyLevel", metadata.children(gmd, "hierarchyLevel").compactMap { code($0) })
        put("iso:parentIdentifier", metadata.children(gmd, "parentIdentifier").compactMap { self.text($0) })
        let standard = [self.text(metadata.child(gmd, "metadataStandardName")),
                        self.text(metadata.child(gmd, "metadataStandardVersion"))]
        put("iso:metadataStandard", [standard.compactMap { $0 }.joined(separator: " ")])
        put("iso:referenceSystem", referenceSystems(metadata).map(\.code))
        put("iso:topicCategory", topicCategories(identifications))
        put("foaf:page", documentationPages(metadata))
        put("iso:inspireTheme", identifications.flatMap { identification in
            all(identification, "gmd:descriptiveKeywords/gmd:MD_Keywords").filter { keywords in
                isThemeThesaurus(text.localized(first(keywords, "gmd:thesaurusName/gmd:CI_Citation/gmd:title")))
            }.flatMap { all($0, "gmd:keyword").compactMap { mainText($0, text) } }
        })
        put("iso:alternateTitle", all(identifications.first, "gmd:citation/gmd:CI_Citation/gmd:alternateTitle").compactMap {
            mainText($0, text)
        })
        put("iso:spatialRepresentationType", identifications.flatMap {
            all($0, "gmd:spatialRepresentationType").compactMap { code($0) }
        })
        put("iso:spatialResolution", identifications.flatMap(spatialResolutions))
        put("iso:constraintCode", constraints.restrictionCodes)
        put("iso:conformance", conformanceResults(metadata).compactMap { result -> String? in
            switch result.passed {
            case true?: nil
            case false?: "\(result.specification): not conformant"
            case nil: "\(result.specification): not evaluated"
            }
        })
        put("dct:provenance", all(metadata, "gmd:dataQualityInfo/gmd:DQ_DataQuality/gmd:lineage/gmd:LI_Lineage/gmd:statement")
            .compactMap { mainText($0, text) })
        return extras
    }

    /// A free-text property's main value, else its best translation.
    static func mainText(_ property: XMLElement, _ text: ISO19139Text) -> String? {
        self.text(property) ?? text.localized(property).best()
    }

    /// `1:25000` for an equivalent scale, `10 m` for a distance.
    static func spatialResolutions(_ identification: XMLElement) -> [String] {
        var result: [String] = []
        for resolution in all(identification, "gmd:spatialResolution/gmd:MD_Resolution") {
            if let denominator = text(first(resolution, "gmd:equivalentScale/gmd:MD_RepresentativeFraction/gmd:denominator")) {
                result.append("1:\(denominator)")
            }
            if let distance = first(resolution, "gmd:distance/gco:Distance"), let value = nonEmpty(distance.text) {
                let unit = distance.attribute("uom").flatMap(nonEmpty)
                result.append(unit.map { "\(value) \($0)" } ?? value)
            }
        }
        return result
    }
}
