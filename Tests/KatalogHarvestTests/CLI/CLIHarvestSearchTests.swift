import Foundation
import Testing

/// The operator's path: `katalog harvest --config X` against a CKAN-shaped server on 127.0.0.1,
/// then `katalog search --json`, `show` and `runs`, as child processes of the real binary.
@Suite(.serialized)
struct CLIHarvestSearchTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func portalPackages() -> [String] {
        [
            CKANTestPortal.package(
                id: "a1", title: "Cykelflöden i Uppsala", notes: "Antal cyklister per timme vid mätpunkter.",
                organization: ("gatukontoret", "Gatukontoret Uppsala"), tags: ["cykel", "trafik"],
                resources: [("CSV", "https://data.uppsala.example/cykel.csv"), ("GeoJSON", "https://data.uppsala.example/cykel.geojson")]),
            CKANTestPortal.package(
                id: "a2", title: "Badplatser och vattenkvalitet", notes: "Provtagning vid kommunens badplatser.",
                organization: ("miljo", "Miljöförvaltningen"), tags: ["bad", "vatten"],
                resources: [("XLSX", "https://data.uppsala.example/bad.xlsx")]),
            CKANTestPortal.package(
                id: "a3", title: "Cykelparkeringar", notes: "Platser för cykelparkering i centrum.",
                organization: ("gatukontoret", "Gatukontoret Uppsala"), tags: ["cykel"],
                resources: [("WMS", "https://geo.uppsala.example/wms")]),
        ]
    }

    /// A CKAN-shaped portal of ``portalPackages()`` on 127.0.0.1 and an empty working folder, for one test.
    static func withPortal(_ body: (CKANTestPortal, TestHTTPServer, URL) async throws -> Void) async throws {
        let portal = CKANTestPortal(packages: portalPackages())
        let server = TestHTTPServer(handler: portal.handler)
        try server.start()
        defer { server.stop() }
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(portal, server, folder)
    }

    @Test func logLinesAreJSONWhenAskedFor() async throws {
        try await Self.withPortal { _, server, folder in
            try "database: catalogue.sqlite\nsources:\n  - {name: uppsala, type: ckan, url: \"\(server.url("/"))\"}\n".write(
                to: folder.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
            let harvest = try await KatalogProcess.run(["harvest", "--config", "sources.yaml", "--log-format", "json",
                                                        "--log-level", "info"], in: folder)
            #expect(harvest.status == 0, "\(harvest.stderr)")
            // Log lines are JSON objects; the command's own report to the operator stays text.
            let objects = try harvest.stderr.split(separator: "\n").filter { $0.hasPrefix("{") }.map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            }
            #expect(objects.count >= 2, "\(harvest.stderr)")
            #expect(objects.allSatisfy { $0["time"] is String && $0["level"] is String && $0["message"] is String })
            #expect(objects.contains { $0["harvest.source"] as? String == "uppsala" })
            #expect(harvest.stderr.contains("uppsala: succeeded"))
            // A format it does not know is refused.
            let refused = try await KatalogProcess.run(["runs", "--db", "catalogue.sqlite", "--log-format", "xml"], in: folder)
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("log-format"), "\(refused.stderr)")
        }
    }

    @Test func checkConfigShowsTheSourcesAndThoseLeftInTheCatalogue() async throws {
        try await Self.withPortal { _, server, folder in
            let url = server.url("/")
            try "database: catalogue.sqlite\nsources:\n  - {name: uppsala, type: ckan, url: \"\(url)\", every: 1d}\n".write(
                to: folder.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
            let before = try await KatalogProcess.run(["check-config", "--config", "sources.yaml"], in: folder)
            #expect(before.status == 0, "\(before.stderr)")
            #expect(before.stdout.contains("sources.yaml: valid"))
            #expect(before.stdout.contains("(not there yet)"))
            #expect(before.stdout.contains("uppsala (ckan) \(url)"))
            #expect(before.stdout.contains("every: 86400s; next run at once; never harvested"), "\(before.stdout)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("catalogue.sqlite").path), "only read")

            let harvest = try await KatalogProcess.run(["harvest", "--config", "sources.yaml"], in: folder)
            #expect(harvest.status == 0, "\(harvest.stderr)")
            let after = try await KatalogProcess.run(["check-config", "--config", "sources.yaml"], in: folder)
            #expect(after.stdout.contains("; 3 datasets, last run "), "\(after.stdout)")
            #expect(!after.stdout.contains("next run at once"), "a day after the run just made")

            // The source taken out of the file: named, with the command that deletes its datasets.
            try "database: catalogue.sqlite\nsources: []\n".write(to: folder.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
            let removed = try await KatalogProcess.run(["check-config", "--config", "sources.yaml"], in: folder)
            #expect(removed.status == 0, "\(removed.stderr)")
            #expect(removed.stdout.contains("not in the file, still in the catalogue: uppsala (3 datasets)"), "\(removed.stdout)")
            #expect(removed.stdout.contains("katalog remove-source uppsala --config sources.yaml"))

            // A file that does not load: exit 1, naming the file and the problem.
            try "sources:\n  - {name: x, type: nope, url: u}\n".write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
            let bad = try await KatalogProcess.run(["check-config", "--config", "bad.yaml"], in: folder)
            #expect(bad.status == 1)
            #expect(bad.stderr.contains("bad.yaml"), "\(bad.stderr)")
            #expect(bad.stderr.contains("nope"))
        }
    }

    @Test func harvestThenSearchFindsTheRightDatasets() async throws {
        try await Self.withPortal { portal, server, folder in
            let config = """
                database: catalogue.sqlite
                sources:
                  - name: uppsala
                    type: ckan
                    url: \(server.url("/"))
                    page_size: 2
                """
            try config.write(to: folder.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)

            let harvest = try await KatalogProcess.run(["harvest", "--config", "sources.yaml"], in: folder)
            #expect(harvest.status == 0, "\(harvest.stderr)")
            #expect(harvest.stderr.contains("uppsala: succeeded"))
            #expect(harvest.stderr.contains("3 added"))

            // A second run lists the changes and every id; `--full` reads every package again.
            let incremental = try await KatalogProcess.run(["harvest", "--config", "sources.yaml"], in: folder)
            #expect(incremental.status == 0, "\(incremental.stderr)")
            #expect(portal.queries.last?["fl"] == "id,state,capacity,private")
            let full = try await KatalogProcess.run(["harvest", "--config", "sources.yaml", "--full"], in: folder)
            #expect(full.status == 0, "\(full.stderr)")
            #expect(full.stderr.contains("0 added, 0 updated, 3 unchanged"), "\(full.stderr)")
            #expect(portal.queries.last?["fl"] == nil)
            #expect(portal.queries.last?["fq"] == nil)

            let search = try await KatalogProcess.run(["search", "--json", "--db", "catalogue.sqlite", "cykel"], in: folder)
            #expect(search.status == 0, "\(search.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])
            #expect(document["total"] as? Int == 2)
            let results = try #require(document["results"] as? [[String: Any]])
            let titles = Set(results.compactMap { $0["title"] as? String })
            #expect(titles == ["Cykelflöden i Uppsala", "Cykelparkeringar"])
            let flows = try #require(results.first { $0["title"] as? String == "Cykelflöden i Uppsala" })
            #expect((flows["publisher"] as? [String: Any])?["name"] as? String == "Gatukontoret Uppsala")
            let distributions = try #require(flows["distributions"] as? [[String: Any]])
            #expect(Set(distributions.compactMap { $0["access_url"] as? String })
                == ["https://data.uppsala.example/cykel.csv", "https://data.uppsala.example/cykel.geojson"])
            #expect(Set(distributions.compactMap { $0["format"] as? String }) == ["CSV", "GEOJSON"])

            let id = try #require(flows["id"] as? String)
            let show = try await KatalogProcess.run(["show", "--db", "catalogue.sqlite", id], in: folder)
            #expect(show.status == 0)
            #expect(show.stdout.contains("Cykelflöden i Uppsala"))
            #expect(show.stdout.contains("https://data.uppsala.example/cykel.csv"))

            let runs = try await KatalogProcess.run(["runs", "--json", "--db", "catalogue.sqlite"], in: folder)
            #expect(runs.status == 0)
            let runsDocument = try #require(try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [String: Any])
            // Newest first: the full re-read, the incremental run, the first run.
            let history = try #require(runsDocument["runs"] as? [[String: Any]])
            #expect(history.count == 3)
            let first = try #require(history.last)
            #expect(first["status"] as? String == "succeeded")
            #expect((first["counts"] as? [String: Any])?["added"] as? Int == 3)
            #expect(history.map { $0["changes_since"] != nil } == [false, true, false])

            // The three packages have descriptions and tags.
            let quality = try await KatalogProcess.run(["quality", "--db", "catalogue.sqlite"], in: folder)
            #expect(quality.status == 0, "\(quality.stderr)")
            #expect(quality.stdout.contains("uppsala: 3 datasets; description 100%, keywords 100%,"), "\(quality.stdout)")
            #expect(quality.stdout.contains("all sources: 3 datasets;"), "\(quality.stdout)")
            let qualityJSON = try await KatalogProcess.run(["quality", "--db", "catalogue.sqlite", "--json"], in: folder)
            let qualityDocument = try #require(try JSONSerialization.jsonObject(with: Data(qualityJSON.stdout.utf8)) as? [String: Any])
            #expect((qualityDocument["total"] as? [String: Any])?["datasets"] as? Int == 3)

            // Compacting rewrites the file with the page size asked for; the catalogue answers as before.
            let compact = try await KatalogProcess.run(["compact", "--db", "catalogue.sqlite", "--page-size", "8192"], in: folder)
            #expect(compact.status == 0, "\(compact.stderr)")
            #expect(compact.stdout.contains("16384 → 8192-byte pages"), "\(compact.stdout)")
            let again = try await KatalogProcess.run(["search", "--db", "catalogue.sqlite", "cykel"], in: folder)
            #expect(again.stdout.contains("2 datasets"), "\(again.stdout)")
            let refused = try await KatalogProcess.run(["compact", "--db", "catalogue.sqlite", "--page-size", "5000"], in: folder)
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("--page-size"), "\(refused.stderr)")
        }
    }

    @Test func aDryRunHarvestsIntoNothingAndReports() async throws {
        try await Self.withPortal { portal, server, folder in
            try "database: catalogue.sqlite\nsources:\n  - {name: uppsala, type: ckan, url: \"\(server.url("/"))\"}\n".write(
                to: folder.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
            let dry = try await KatalogProcess.run(["harvest", "--config", "sources.yaml", "--dry-run"], in: folder)
            #expect(dry.status == 0, "\(dry.stderr)")
            #expect(dry.stderr.contains("[dry run] uppsala: succeeded — 3 fetched, 3 added"), "\(dry.stderr)")
            #expect(dry.stderr.contains("nothing was written to the catalogue"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("catalogue.sqlite").path))
            // A package over the record limits is listed under the summary.
            portal.setPackages(Self.portalPackages() + [CKANTestPortal.package(id: "huge", title: "Alla ord",
                                                                               tags: (0..<3_000).map { "ord\($0)" })])
            let withError = try await KatalogProcess.run(["harvest", "--config", "sources.yaml", "--dry-run"], in: folder)
            #expect(withError.status == 0, "\(withError.stderr)")
            #expect(withError.stderr.contains("[dry run] uppsala: partial — 4 fetched, 3 added"), "\(withError.stderr)")
            #expect(withError.stderr.contains("  ! huge: "), "\(withError.stderr)")
            portal.setFault(.unsuccessful)
            let failed = try await KatalogProcess.run(["harvest", "--config", "sources.yaml", "--dry-run"], in: folder)
            #expect(failed.status != 0)
            #expect(failed.stderr.contains("dry run failed for: uppsala"), "\(failed.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("catalogue.sqlite").path))
        }
    }

    @Test func removeSourceDeletesTheDatasetsOfASourceNoLongerConfigured() async throws {
        try await Self.withPortal { portal, server, folder in
            let listed = """
                database: catalogue.sqlite
                sources:
                  - {name: uppsala, type: ckan, url: "\(server.url("/"))"}
                """
            try listed.write(to: folder.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
            let harvest = try await KatalogProcess.run(["harvest", "--config", "sources.yaml"], in: folder)
            #expect(harvest.status == 0, "\(harvest.stderr)")

            // Still configured: refused, nothing changes.
            let refused = try await KatalogProcess.run(["remove-source", "uppsala", "--config", "sources.yaml"], in: folder)
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("still lists the source 'uppsala'"), "\(refused.stderr)")
            let unknown = try await KatalogProcess.run(["remove-source", "upsala", "--db", "catalogue.sqlite"], in: folder)
            #expect(unknown.status != 0)
            #expect(unknown.stderr.contains("no source named 'upsala'"), "\(unknown.stderr)")

            let dryRun = try await KatalogProcess.run(["remove-source", "uppsala", "--db", "catalogue.sqlite", "--dry-run"], in: folder)
            #expect(dryRun.status == 0, "\(dryRun.stderr)")
            #expect(dryRun.stdout.contains("uppsala: 3 datasets would be deleted"), "\(dryRun.stdout)")
            let stillThere = try await KatalogProcess.run(["search", "--json", "--db", "catalogue.sqlite", "cykel"], in: folder)
            #expect(stillThere.stdout.contains("\"total\":2") || stillThere.stdout.contains("\"total\" : 2"), "\(stillThere.stdout)")

            try "database: catalogue.sqlite\nsources: []\n".write(to: folder.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
            let removed = try await KatalogProcess.run(["remove-source", "uppsala", "--config", "sources.yaml"], in: folder)
            #expect(removed.status == 0, "\(removed.stderr)")
            #expect(removed.stdout.contains("uppsala: 3 datasets deleted"), "\(removed.stdout)")
            let search = try await KatalogProcess.run(["search", "--json", "--db", "catalogue.sqlite", "cykel"], in: folder)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])
            #expect(document["total"] as? Int == 0)
            let runs = try await KatalogProcess.run(["runs", "--db", "catalogue.sqlite"], in: folder)
            #expect(runs.stdout.contains("source removed from the catalogue: 3 datasets deleted"), "\(runs.stdout)")
        }
    }

    @Test func aDatasetTwoSourcesCarryIsListedOnceAndNamesTheOther() async throws {
        let packages = Self.portalPackages().enumerated().map { index, package in
            // The same packages, each with ckanext-dcat's dataset IRI, so the two sources carry the same datasets.
            var object = try! JSONSerialization.jsonObject(with: Data(package.utf8)) as! [String: Any]
            object["extras"] = [["key": "uri", "value": "https://data.uppsala.example/dataset/\(index)"]]
            return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        let server = TestHTTPServer(handler: CKANTestPortal(packages: packages).handler)
        try server.start()
        defer { server.stop() }
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            database: catalogue.sqlite
            sources:
              - {name: uppsala, type: ckan, url: "\(server.url("/"))"}
              - {name: mirror, type: ckan, url: "\(server.url("/"))", priority: -1}
            """.write(to: folder.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
        let harvest = try await KatalogProcess.run(["harvest", "--config", "sources.yaml"], in: folder)
        #expect(harvest.status == 0, "\(harvest.stderr)")
        // The mirror's summary says that searches show the other source's records for its three.
        #expect(harvest.stderr.contains("mirror: succeeded — 3 fetched, 3 added"), "\(harvest.stderr)")
        #expect(harvest.stderr.contains("  3 of its records are datasets another source also carries"), "\(harvest.stderr)")
        #expect(harvest.stderr.components(separatedBy: "another source also carries").count == 2, "\(harvest.stderr)")
        let search = try await KatalogProcess.run(["search", "--db", "catalogue.sqlite", "cykel"], in: folder)
        #expect(search.stdout.contains("2 datasets"), "\(search.stdout)")
        #expect(search.stdout.components(separatedBy: "also from: mirror").count == 3, "\(search.stdout)")
        let json = try await KatalogProcess.run(["search", "--json", "--db", "catalogue.sqlite", "cykel"], in: folder)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let hit = try #require((document["results"] as? [[String: Any]])?.first)
        #expect(hit["source"] as? String == "uppsala")
        let other = try #require((hit["other_records"] as? [[String: Any]])?.first)
        let mirrorID = try #require(other["id"] as? String)
        let show = try await KatalogProcess.run(["show", "--db", "catalogue.sqlite", mirrorID], in: folder)
        #expect(show.status == 0)
        #expect(show.stdout.contains("searches show this dataset as: \(hit["id"] as? String ?? "-")"), "\(show.stdout)")
    }

    @Test func theDemoHarvestsEveryBundledSourceAndSaysWhatItShowsOnce() async throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = try await KatalogProcess.run(["demo", "--harvest-only", "--db", "demo.sqlite", "--port", "0"], in: folder)
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stderr.contains("dataportal-nord: succeeded"), "\(demo.stderr)")
        #expect(demo.stderr.contains("(435 datasets; 24 of the 459 records are another source's copy of a dataset, shown once)"),
                "\(demo.stderr)")
    }

    @Test func failuresExitNonZeroWithAOneLineCause() async throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "sources:\n  - name: x\n    type: ckan\n    url: ftp://example.org/\n".write(
            to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let badConfig = try await KatalogProcess.run(["harvest", "--config", "bad.yaml"], in: folder)
        #expect(badConfig.status != 0)
        #expect(badConfig.stderr.contains("http or https"))

        let missingDB = try await KatalogProcess.run(["search", "--db", "nothing.sqlite", "x"], in: folder)
        #expect(missingDB.status != 0)
        #expect(missingDB.stderr.contains("nothing.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("nothing.sqlite").path))
    }

    @Test func aSourceThatIsDownFailsTheHarvestButKeepsTheCatalogue() async throws {
        try await Self.withPortal { portal, server, folder in
            try "sources:\n  - name: uppsala\n    type: ckan\n    url: \(server.url("/"))\n".write(
                to: folder.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
            let first = try await KatalogProcess.run(["harvest", "--config", "sources.yaml"], in: folder)
            #expect(first.status == 0, "\(first.stderr)")
            portal.setFault(.unsuccessful)
            let second = try await KatalogProcess.run(["harvest", "--config", "sources.yaml"], in: folder)
            #expect(second.status != 0)
            #expect(second.stderr.contains("uppsala: failed"))
            let search = try await KatalogProcess.run(["search", "--json", "cykel"], in: folder)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])
            #expect(document["total"] as? Int == 2)

            // `katalog status` says the source was applied once and has failed since; with --max-age it is a check.
            try "sources:\n  - name: uppsala\n    type: ckan\n    url: \(server.url("/"))\n  - name: new-portal\n    type: ckan\n    url: \(server.url("/other/"))\n".write(
                to: folder.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
            let status = try await KatalogProcess.run(["status", "--config", "sources.yaml"], in: folder)
            #expect(status.status == 0, "\(status.stderr)")
            let lines = status.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 2, "\(status.stdout)")
            #expect(lines.first { $0.hasPrefix("new-portal: 0 datasets; never harvested") } != nil, "\(status.stdout)")
            let uppsala = try #require(lines.first { $0.hasPrefix("uppsala: 3 datasets; last applied ") }, "\(status.stdout)")
            #expect(uppsala.contains("; 1 failed since; last run failed "), "\(uppsala)")
            let fresh = try await KatalogProcess.run(["status", "--db", "katalog.sqlite", "--max-age", "1d"], in: folder)
            #expect(fresh.status == 0, "\(fresh.stderr)")
            let expectedToo = try await KatalogProcess.run(["status", "--config", "sources.yaml", "--max-age", "1d"], in: folder)
            #expect(expectedToo.status != 0)
            #expect(expectedToo.stderr.contains("not brought up to date within 1d: new-portal"), "\(expectedToo.stderr)")
            #expect(expectedToo.stdout.contains("new-portal: 0 datasets; never harvested; TOO OLD"), "\(expectedToo.stdout)")
            let json = try await KatalogProcess.run(["status", "--db", "katalog.sqlite", "--json"], in: folder)
            let health = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let sources = try #require(health["sources"] as? [[String: Any]])
            #expect(sources.first?["failed_runs_since_applied"] as? Int == 1)
            #expect((sources.first?["last_applied"] as? [String: Any])?["status"] as? String == "succeeded")
            #expect(health["overdue_sources"] as? [String] == [])
            #expect(sources.first?["deletions_held"] as? Int == 0)

            // The portal drops one of its three packages: the breaker holds the deletion, and status says so.
            portal.setFault(nil)
            portal.setPackages(Array(Self.portalPackages().prefix(2)))
            let held = try await KatalogProcess.run(["harvest", "--config", "sources.yaml", "--source", "uppsala", "--full"], in: folder)
            #expect(held.stderr.contains("uppsala: held"), "\(held.stderr)")
            let holding = try await KatalogProcess.run(["status", "--db", "katalog.sqlite"], in: folder)
            #expect(holding.status != 0)
            #expect(holding.stdout.contains("; 1 deletions held (katalog harvest --accept-deletions --source uppsala)"), "\(holding.stdout)")
            #expect(holding.stderr.contains("deletions held: uppsala"), "\(holding.stderr)")
            let runs = try await KatalogProcess.run(["runs", "--db", "katalog.sqlite", "--json", "--limit", "1"], in: folder)
            let last = try #require((try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])
            #expect(last.first?["held_deletions"] as? Int == 1)
        }
    }
}
