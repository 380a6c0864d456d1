import Testing
@testable import KatalogHarvest

struct ConfiguredURLTests {
    @Test func takesAURLApart() {
        let url = ConfiguredURL("https://geo.example/csw?a=1&constraint=Name%20like%20%27x%25%27&flag&=orphan&b=x=y#top")
        #expect(url.base == "https://geo.example/csw")
        #expect(url.parameters.map(\.name) == ["a", "constraint", "flag", "", "b"])
        #expect(url.parameters.map(\.value) == ["1", "Name like 'x%'", "", "orphan", "x=y"])
        #expect(url.parameters[1].written == "constraint=Name%20like%20%27x%25%27")
        #expect(url.written(excluding: ["a", "flag", "b"]) == ["constraint=Name%20like%20%27x%25%27", "=orphan"])
    }

    @Test func aURLWithoutQueryIsItsBase() {
        let url = ConfiguredURL("https://repo.example/oai#x")
        #expect(url.base == "https://repo.example/oai")
        #expect(url.parameters.isEmpty)
    }
}
