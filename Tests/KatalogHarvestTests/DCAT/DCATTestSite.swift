import Foundation
import KatalogHarvest
import Synchronization

/// Static catalogue documents served by ``TestHTTPServer``, with ETags and 304 answers, for DCAT harvest tests.
final class DCATTestSite: Sendable {
    /// One document the site serves.
    struct Document: Sendable {
        var contentType: String
        var body: Data
        var etag: String?
    }

    private struct State {
        var documents: [String: Document] = [:]
        var requests: [TestRequest] = []
        var faults: [String: [TestResponse]] = [:]
    }

    private let state = Mutex(State())

    /// Serves `body` at `path` (replacing what was there).
    func set(_ path: String, _ body: String, contentType: String, etag: String? = nil) {
        set(path, Data(body.utf8), contentType: contentType, etag: etag)
    }

    /// Serves raw bytes at `path`.
    func set(_ path: String, _ body: Data, contentType: String, etag: String? = nil) {
        state.withLock { $0.documents[path] = Document(contentType: contentType, body: body, etag: etag) }
    }

    /// Answers the next requests for `path` with `responses`, one each, before serving the document again.
    func inject(_ responses: [TestResponse], at path: String) {
        state.withLock { $0.faults[path] = responses }
    }

    /// The requests received so far, in order.
    var requests: [TestRequest] { state.withLock { $0.requests } }

    /// The handler to give ``TestHTTPServer``.
    var handler: TestHTTPServer.Handler {
        { [self] request in
            let (document, fault) = state.withLock { state -> (Document?, TestResponse?) in
                state.requests.append(request)
                if var queued = state.faults[request.path], !queued.isEmpty {
                    let first = queued.removeFirst()
                    state.faults[request.path] = queued
                    return (state.documents[request.path], first)
                }
                return (state.documents[request.path], nil)
            }
            if let fault { return fault }
            guard let document else { return .text("no such document", status: 404) }
            var headers: HTTPHeaders = ["Content-Type": document.contentType]
            if let etag = document.etag {
                headers.add(name: "ETag", value: etag)
                if request.header("If-None-Match") == etag { return .status(304, headers: ["ETag": etag]) }
            }
            return .full(status: 200, headers: headers, body: document.body)
        }
    }

    // MARK: - Documents

    /// A dataset for the generated documents.
    struct Dataset {
        var id: String
        var sv: String
        var en: String?
    }

    /// An RDF/XML catalogue with the given datasets (publisher, distribution, licence each) and an optional Hydra next page.
    static func rdfxml(_ datasets: [Dataset], next: String? = nil) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="http://www.w3.org/ns/dcat#"
                     xmlns:dct="http://purl.org/dc/terms/" xmlns:foaf="http://xmlns.com/foaf/0.1/"
                     xmlns:hydra="http://www.w3.org/ns/hydra/core#">
              <dcat:Catalog rdf:about="https://data.example.se/catalog">
                <dct:title xml:lang="sv">Testkatalog</dct:title>

            """
        for dataset in datasets { xml += "    <dcat:dataset rdf:resource=\"https://data.example.se/dataset/\(dataset.id)\"/>\n" }
        xml += "  </dcat:Catalog>\n"
        if let next {
            xml += """
                  <hydra:PartialCollectionView rdf:about="\(next)#view-prev">
                    <hydra:next rdf:resource="\(next)"/>
                  </hydra:PartialCollectionView>

                """
        }
        for dataset in datasets {
            xml += """
                  <dcat:Dataset rdf:about="https://data.example.se/dataset/\(dataset.id)">
                    <dct:identifier>\(dataset.id)</dct:identifier>
                    <dct:title xml:lang="sv">\(dataset.sv)</dct:title>

                """
            if let en = dataset.en { xml += "    <dct:title xml:lang=\"en\">\(en)</dct:title>\n" }
            xml += """
                    <dct:publisher>
                      <foaf:Organization rdf:about="https://org.example.se/kommun">
                        <foaf:name xml:lang="sv">Exempelby kommun</foaf:name>
                      </foaf:Organization>
                    </dct:publisher>
                    <dct:license rdf:resource="http://creativecommons.org/publicdomain/zero/1.0/"/>
                    <dcat:distribution>
                      <dcat:Distribution rdf:about="https://data.example.se/dataset/\(dataset.id)/csv">
                        <dcat:accessURL rdf:resource="https://data.example.se/files/\(dataset.id)"/>
                        <dcat:downloadURL rdf:resource="https://data.example.se/files/\(dataset.id).csv"/>
                        <dct:format rdf:resource="http://publications.europa.eu/resource/authority/file-type/CSV"/>
                      </dcat:Distribution>
                    </dcat:distribution>
                  </dcat:Dataset>

                """
        }
        return xml + "</rdf:RDF>\n"
    }

    /// A Turtle page of datasets with an optional `hydra:next` (relative links resolve against the page URL).
    static func turtle(_ datasets: [Dataset], next: String? = nil) -> String {
        var ttl = """
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            @prefix hydra: <http://www.w3.org/ns/hydra/core#> .

            <> a hydra:PartialCollectionView\(next.map { " ;\n    hydra:next <\($0)>" } ?? "") .

            """
        for dataset in datasets {
            ttl += """
                <https://data.example.no/dataset/\(dataset.id)> a dcat:Dataset ;
                    dct:title "\(dataset.sv)"@nb\(dataset.en.map { ", \"\($0)\"@en" } ?? "") ;
                    dct:identifier "\(dataset.id)" .

                """
        }
        return ttl
    }

    /// `count` datasets named `<prefix>-<n>`.
    static func datasets(_ count: Int, prefix: String = "ds", from start: Int = 0) -> [Dataset] {
        (start..<(start + count)).map { Dataset(id: "\(prefix)-\($0)", sv: "Datamängd \($0)", en: "Dataset \($0)") }
    }
}
