import Testing
@testable import KatalogModel

struct FileFormatTests {
    @Test(arguments: [
        ("csv", "CSV"), ("CSV ", "CSV"), (".csv", "CSV"), ("text/csv", "CSV"), ("text/csv; charset=utf-8", "CSV"),
        ("Excel", "XLSX"), ("XLSX", "XLSX"), ("xls", "XLS"), ("application/vnd.ms-excel", "XLS"),
        ("GeoJSON", "GEOJSON"), ("application/geo+json", "GEOJSON"), ("Shapefile", "SHP"), ("SHP", "SHP"), (".shp", "SHP"),
        ("zip (shp)", "SHP"), ("Esri Shapefile (.shp)", "SHP"), ("WMS", "WMS_SRVC"), ("WFS", "WFS_SRVC"), ("JSON", "JSON"),
        ("application/json", "JSON"), ("XML", "XML"), ("PDF", "PDF"), ("RDF", "RDF_XML"), ("TTL", "RDF_TURTLE"),
        ("text/turtle", "RDF_TURTLE"), ("JSON-LD", "JSON_LD"), ("ODS", "ODS"), ("TXT", "TXT"), ("HTML", "HTML"),
        ("text/html", "HTML"), ("ZIP", "ZIP"), ("GPKG", "GPKG"), ("KML", "KML"), ("parquet", "PARQUET"),
        ("http://publications.europa.eu/resource/authority/file-type/CSV", "CSV"),
        ("https://publications.europa.eu/resource/authority/file-type/csv ", "CSV"),
        ("http://www.iana.org/assignments/media-types/application/json", "JSON"),
        ("Text (.csv), semicolon separated", "CSV"),
    ])
    func mapsOntoTheAuthority(raw: String, code: String) {
        let concept = FileFormat.normalize(raw)
        #expect(concept.uri == FileFormat.authority + code, "\(raw)")
        #expect(concept.raw == raw.trimmingWhitespace())
        #expect(concept.label != nil)
    }

    @Test func unknownFormatsKeepTheRawValueOnly() {
        let concept = FileFormat.normalize("Visionneuse mviewer")
        #expect(concept.uri == nil)
        #expect(concept.raw == "Visionneuse mviewer")
        #expect(FileFormat.normalize("").uri == nil)
        #expect(FileFormat.normalize("API").uri == nil)
    }

    @Test func tableIsLargeEnoughAndCodesAreUnique() {
        #expect(FileFormat.entries.count >= 50)
        #expect(Set(FileFormat.entries.map(\.code)).count == FileFormat.entries.count)
    }

    @Test(arguments: [
        ("https://example.org/data/file.CSV?download=1", "CSV"), ("https://example.org/a/b.geojson#x", "GEOJSON"),
        ("https://example.org/x.xlsx", "XLSX"), ("/relative/path/data.parquet", "PARQUET"),
    ])
    func infersFromURLExtensions(url: String, code: String) {
        #expect(FileFormat.infer(fromURL: url)?.uri == FileFormat.authority + code)
    }

    @Test func noInferenceWithoutAnExtension() {
        #expect(FileFormat.infer(fromURL: "https://example.org/api/v1/items") == nil)
        #expect(FileFormat.infer(fromURL: "https://example.org") == nil)
        #expect(FileFormat.infer(fromURL: "https://example.org/file.unknownext") == nil)
        #expect(FileFormat.fileExtension(of: "https://example.org.se/path") == nil)
    }
}
