import Foundation

/// The sample catalogues bundled with Katalog, used by `katalog demo` and the tests.
public enum KatalogFixtures {
    /// The folder holding the bundled fixture files (`ckan/`, `dcat/`, `csw/`, `oai/`).
    public static var root: URL {
        Bundle.module.resourceURL ?? Bundle.module.bundleURL
    }

    /// The URL of a bundled fixture, e.g. `file("ckan/portal.json")`.
    public static func file(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The folder of the bundled CKAN portals (`ckan/<portal>/packages.json`), what the fixture server loads.
    public static var ckanRoot: URL {
        file("ckan")
    }

    /// The folder of the bundled DCAT-AP catalogues (`dcat/<catalogue>/page-<n>.<rdf|ttl|jsonld>`), Hydra-paged.
    public static var dcatRoot: URL {
        file("dcat")
    }

    /// The folder of the bundled CSW services (`csw/<service>/records.xml`, ISO 19139 records).
    public static var cswRoot: URL {
        file("csw")
    }

    /// The folder of the bundled OAI-PMH repositories (`oai/<repository>/records.xml`, Dublin Core records).
    public static var oaiRoot: URL {
        file("oai")
    }
}
