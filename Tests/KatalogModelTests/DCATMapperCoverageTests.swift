import KatalogRDF
import Testing
@testable import KatalogModel

struct DCATMapperCoverageTests: DCATTestSupport {
    @Test func periodsInDcatSchemaAndOwlTimeForms() throws {
        var g = datasetBuilder()
        g.add(ds, DCATNS.dct + "temporal", bnode("t1"))
        g.type(bnode("t1"), DCATNS.dct + "PeriodOfTime")
        g.add(bnode("t1"), DCATNS.dcat + "startDate", typed("2010-01-01", DCATNS.xsd + "date"))
        g.add(bnode("t1"), DCATNS.dcat + "endDate", typed("2015-12-31T23:00:00Z", DCATNS.xsd + "dateTime"))
        g.add(ds, DCATNS.dct + "temporal", bnode("t2"))
        g.add(bnode("t2"), DCATNS.schema + "startDate", lit("2001"))
        g.add(ds, DCATNS.dct + "temporal", bnode("t3"))
        g.add(bnode("t3"), DCATNS.time + "hasBeginning", bnode("b"))
        g.add(bnode("b"), DCATNS.time + "inXSDDateTimeStamp", typed("2020-05-01T10:00:00Z", DCATNS.xsd + "dateTimeStamp"))
        g.add(bnode("t3"), DCATNS.time + "hasEnd", bnode("e"))
        g.add(bnode("e"), DCATNS.time + "inXSDDate", typed("2021-05-01", DCATNS.xsd + "date"))
        g.add(ds, DCATNS.dct + "temporal", bnode("t4"))
        g.add(bnode("t4"), DCATNS.time + "hasEnd", bnode("e4"))
        g.add(bnode("e4"), DCATNS.time + "inXSDDateTime", typed("2022-01-01T00:00:00", DCATNS.xsd + "dateTime"))
        g.add(ds, DCATNS.dct + "temporal", lit("2018-01/2019-06"))
        g.add(ds, DCATNS.dct + "temporal", bnode("empty"))
        g.type(bnode("empty"), DCATNS.dct + "PeriodOfTime")
        let temporal = try DCATMapper.dataset(ds, in: g.graph).temporal
        #expect(temporal.count == 5)
        #expect(temporal[0].start?.normalized == "2010-01-01")
        #expect(temporal[0].end?.normalized == "2015-12-31T23:00:00Z")
        #expect(temporal[1].start?.normalized == "2001")
        #expect(temporal[1].end == nil)
        #expect(temporal[2].start?.normalized == "2020-05-01T10:00:00Z")
        #expect(temporal[2].end?.normalized == "2021-05-01")
        #expect(temporal[3].start == nil)
        #expect(temporal[3].end?.normalized == "2022-01-01T00:00:00Z")
        #expect(temporal[4].start?.normalized == "2018-01")
        #expect(temporal[4].end?.normalized == "2019-06")
    }

    @Test func spatialIRIsLocationNodesAndGeometries() throws {
        var g = datasetBuilder()
        g.add(ds, DCATNS.dct + "spatial", iri("http://sws.geonames.org/2661886"))
        g.add(iri("http://sws.geonames.org/2661886"), DCATNS.rdfs + "label", lit("Sweden", "en"))
        g.add(ds, DCATNS.dct + "spatial", iri("http://publications.europa.eu/resource/authority/country/NOR"))
        g.add(ds, DCATNS.dct + "spatial", bnode("loc"))
        g.type(bnode("loc"), DCATNS.dct + "Location")
        g.add(bnode("loc"), DCATNS.skos + "prefLabel", lit("Aarhus", "da"))
        g.add(bnode("loc"), DCATNS.dcat + "bbox", typed("POLYGON((10 56,11 56,11 57,10 57,10 56))", DCATNS.geo + "wktLiteral"))
        g.add(bnode("loc"), DCATNS.locn + "geometry", typed("{\"type\":\"Point\",\"coordinates\":[10.2,56.1]}",
                                                        "https://www.iana.org/assignments/media-types/application/vnd.geo+json"))
        g.add(ds, DCATNS.dct + "spatial", bnode("centre"))
        g.add(bnode("centre"), DCATNS.dcat + "centroid", lit("POINT(18.07 59.33)"))
        g.add(ds, DCATNS.dct + "spatial", bnode("gsp"))
        g.add(bnode("gsp"), DCATNS.locn + "geometry", bnode("geom"))
        g.add(bnode("geom"), DCATNS.geo + "asWKT", typed("POINT(1 2)", DCATNS.geo + "wktLiteral"))
        let spatial = try DCATMapper.dataset(ds, in: g.graph).spatial
        #expect(spatial.count == 5)
        #expect(spatial[0].iri == "http://sws.geonames.org/2661886")
        #expect(spatial[0].label?.values == ["en": "Sweden"])
        #expect(spatial[1] == SpatialCoverage(iri: "http://publications.europa.eu/resource/authority/country/NOR"))
        #expect(spatial[2].iri == nil)
        #expect(spatial[2].label?.values == ["da": "Aarhus"])
        #expect(spatial[2].bbox == "POLYGON((10 56,11 56,11 57,10 57,10 56))")
        #expect(spatial[2].geometry?.hasPrefix("{\"type\":\"Point\"") == true)
        #expect(spatial[3].geometry == "POINT(18.07 59.33)")
        #expect(spatial[4].geometry == "POINT(1 2)")
    }
}
