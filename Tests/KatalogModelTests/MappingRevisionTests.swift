import Foundation
import KatalogFixtures
import KatalogRDF
import Testing
@testable import KatalogModel

/// Guards ``MappingRevision``: harvests trust a 304 or an unchanged document digest only under the revision the
/// document was mapped with, so a change to any mapper's output must come with a new revision, or unchanged
/// sources keep what the old mapping made of them. This test maps the bundled fixtures (CKAN, DCAT-AP-SE/-NO/-DK,
/// a data.json catalogue and the CSW service's ISO 19139 records) and compares a digest of the output with the one recorded for the current revision.
struct MappingRevisionTests {
    /// The revision the digest below was recorded under, and the digest.
    static let recorded = (revision: "2026-12-07.2", digest: "d43b16c33a3dfc396b824834fb0d2624cafb43be8ed31988b4da216286ff0dcc")

    @Test func theMappingOfTheFixturesIsTheOneRecordedForTheCurrentRevision() throws {
        let digest = try Self.outputDigest()
        #expect(MappingRevision.current == Self.recorded.revision && digest == Self.recorded.digest, """
            The mappers' output for the fixtures is \(digest) under revision \(MappingRevision.current); recorded: \
            \(Self.recorded.digest) under \(Self.recorded.revision). If a mapper's output changed, bump \
            MappingRevision.current and record the new digest with it here. If only the fixtures changed, record the \
            new digest.
            """)
    }

    /// SHA-256 over every fixture record's dataset (JSON with sorted keys) and raw bytes, in a fixed order.
    static func outputDigest() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var hasher = SHA256()
        for record in try fixtureRecords() {
            hasher.update(Data(record.sourceIdentifier.utf8))
            hasher.update(try encoder.encode(record.dataset))
            hasher.update(record.raw)
        }
        return SHA256.hexString(hasher.finalize())
    }

    /// Every record the bundled fixtures map to (CKAN, DCAT-AP-SE/-NO/-DK, data.json), in a fixed order.
    static func fixtureRecords() throws -> [SourceRecord] {
        var all: [SourceRecord] = []
        for portal in ["oppnadata-vastra", "avoindata-pohjola"] {
            for package in try #require(try CKANFixtureTests.portal(portal)["packages"]?.array) {
                all.append(try CKANMapper.record(from: package, portalURL: "https://portal.example"))
            }
        }
        for catalogue in DCATFixtureCatalogueTests.catalogues {
            var records: [SourceRecord] = []
            for page in try DCATFixtureCatalogueTests.pages(catalogue) {
                for subject in try DCATMapper.datasetSubjects(in: page.graph) {
                    records.append(try DCATMapper.record(subject, in: page.graph))
                }
            }
            all += records.sorted(by: { $0.sourceIdentifier < $1.sourceIdentifier })
        }
        let datajson = DataJSONLazyReadingTests.document((0..<10).map { DataJSONLazyReadingTests.dataset($0) })
        for result in try DataJSONMapper.catalogue(from: Data(datajson.utf8), location: "fixture.json")
            .records(sourceURL: "fixture.json", defaultLanguage: "en") {
            all.append(try result.get())
        }
        // The geodata catalogue's ISO 19139 records, as the CSW adapter cuts them out of a page.
        let csw = try XMLDocumentReader.parse(Data(contentsOf: KatalogFixtures.file("csw/geodata-norrviken/records.xml")),
                                              location: "records.xml")
        for metadata in csw.descendants("http://www.isotc211.org/2005/gmd", "MD_Metadata") {
            if case .dataset(let record) = try ISO19139Mapper.map(metadata, raw: metadata.serialized(), sourceURL: "records.xml",
                                                                   defaultLanguage: nil) {
                all.append(record)
            }
        }
        return all
    }
}
