import KatalogFixtures
import KatalogHub
import Logging

/// Runs `body` against the demo fixture server (the CKAN portals and DCAT catalogues under `Fixtures/`) on an
/// ephemeral port of 127.0.0.1, and always stops it.
func withFixtureServer(_ body: (RunningFixtureServer) async throws -> Void) async throws {
    let server = try await FixtureServer.start(host: "127.0.0.1", port: 0, fixturesRoot: KatalogFixtures.ckanRoot,
                                               dcatRoot: KatalogFixtures.dcatRoot, logger: Logger(label: "test.fixtures"))
    do {
        try await body(server)
    } catch {
        try await server.stop()
        throw error
    }
    try await server.stop()
}
