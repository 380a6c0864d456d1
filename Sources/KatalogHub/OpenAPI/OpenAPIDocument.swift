import Hummingbird
import HTTPTypes
import NIOCore

/// The OpenAPI 3.1 description of the hub's API, served at `/openapi.json`. Kept beside the routes it
/// describes; the schemathesis run in `.ci/run` checks that the two agree.
enum OpenAPIDocument {
    static func register(on router: Router<BasicRequestContext>) {
        router.get("/openapi.json") { _, _ in
            let headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json)))
        }
    }

    /// The path item of one of the `/catalog.*` export routes (they differ only in their syntax).
    private static func exportPath(_ path: String, operation: String, syntax: String, mediaType: String, schema: String) -> String {
        #"""
                "\#(path)": {
                  "get": {
                    "operationId": "\#(operation)",
                    "summary": "The catalogue as DCAT-AP 3 \#(syntax), Hydra-paged",
                    "description": "A page of datasets in id order with the catalogue node and a hydra:PartialCollectionView linking the first and next pages. Datasets keep their source IRI; others are named after their page on this hub.",
                    "parameters": [
                      {"name": "after", "in": "query", "description": "Start after this dataset id (from a hydra:next link); empty means from the start.", "schema": {"type": "string", "pattern": "^([0-9a-f]{20})?$"}},
                      {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}},
                      {"name": "source", "in": "query", "description": "Only this source's datasets; empty means every source.", "schema": {"type": "string", "pattern": "^[a-z0-9-]{0,64}$"}}
                    ],
                    "responses": {
                      "200": {"description": "A page of the catalogue", "content": {"\#(mediaType)": {"schema": \#(schema)}}},
                      "304": {"description": "Not modified (If-None-Match)"},
                      "400": {"$ref": "#/components/responses/Problem"},
                      "404": {"$ref": "#/components/responses/Problem"},
                      "503": {"$ref": "#/components/responses/Problem"}
                    }
                  }
                },
        """#
    }

    /// One dataset as DCAT-AP 3 in one syntax (`/datasets/{id}.ttl` and the like).
    private static func datasetRDFPath(_ suffix: String, operation: String, syntax: String, mediaType: String, schema: String) -> String {
        #"""
                "/datasets/{id}\#(suffix)": {
                  "get": {
                    "operationId": "\#(operation)",
                    "summary": "One dataset as DCAT-AP 3 \#(syntax)",
                    "description": "The record as the catalogue export writes it, without a catalogue around it. /datasets/{id} answers the same to an Accept header that prefers this media type to HTML.",
                    "parameters": [
                      {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[0-9a-f]{20}$"}},
                      {"name": "lang", "in": "query", "description": "Ignored (the description holds every language); accepted because the page takes it.", "schema": {"type": "string", "maxLength": 100, \#(plainText)}},
                      {"name": "If-None-Match", "in": "header", "description": "ETag of an earlier answer; 304 when unchanged.", "schema": {"type": "string"}}
                    ],
                    "responses": {
                      "200": {"description": "The dataset", "content": {"\#(mediaType)": {"schema": \#(schema)}}},
                      "304": {"description": "Not modified (If-None-Match)"},
                      "400": {"$ref": "#/components/responses/Problem"},
                      "404": {"$ref": "#/components/responses/Problem"},
                      "503": {"$ref": "#/components/responses/Problem"}
                    }
                  }
                },
        """#
    }

    /// A `pattern` for text without control characters (the query decoder refuses them).
    private static let plainText = #""pattern": "^[^\\u0000-\\u0008\\u000A-\\u001F]*$""#

    /// The parameters each CKAN action reads, as OpenAPI schemas (for GET query parameters and POST bodies alike).
    private static let ckanParameters: [String: [(name: String, schema: String, description: String)]] = [
        "package_search": [
            ("q", #"{"type": "string", "maxLength": 2000, \#(plainText)}"#, "Words (the search syntax of /api/v1/search) and field:value clauses on the fq fields; *:* or empty for everything."),
            ("fq", #"{"type": "string", "maxLength": 2000, \#(plainText)}"#, "Filter clauses, ANDed: organization, owner_org, tags, res_format, license_id, groups, language, source (a Katalog source), field:(a OR b), metadata_modified:[from TO *], dataset_type:dataset."),
            ("rows", #"{"type": "integer", "minimum": 0, "default": 10}"#, "Results per page; above 1000 it is 1000, as CKAN clamps it."),
            ("start", #"{"type": "integer", "minimum": 0, "maximum": 10000000, "default": 0}"#, "Results to skip."),
            ("sort", #"{"type": "string", "enum": ["", "score desc, metadata_modified desc", "score desc", "metadata_modified desc", "id asc", "name asc", "title_string asc"]}"#, "The order; the first field decides. Empty means the default (score desc, metadata_modified desc)."),
            ("facet", #"{"type": "boolean", "default": true}"#, "Count the facet.field fields."),
            ("facet.field", #"{"type": "string", "enum": ["", "[]", "[\"organization\"]", "[\"groups\"]", "[\"res_format\"]", "[\"license_id\"]", "[\"organization\", \"groups\", \"res_format\", \"license_id\", \"language\", \"source\"]"]}"#, "A JSON list of the fields to count: organization, groups, res_format, license_id, language, source."),
            ("facet.limit", #"{"type": "integer", "minimum": -1, "maximum": 1000000, "default": 50}"#, "Values per facet, the most frequent first; -1 for all (at most 10000)."),
            ("facet.mincount", #"{"type": "integer", "minimum": 0, "maximum": 1000000, "default": 1}"#, "Leave out values with fewer records."),
            ("fl", #"{"type": "string", "maxLength": 2000, \#(plainText)}"#, "Fields of each result to return (commas or spaces); * or empty for all."),
            ("include_private", #"{"type": "boolean"}"#, "Accepted; nothing here is private."),
            ("include_drafts", #"{"type": "boolean"}"#, "Accepted; nothing here is a draft."),
            ("include_deleted", #"{"type": "boolean"}"#, "Accepted; deleted datasets are never listed."),
            ("use_default_schema", #"{"type": "boolean"}"#, "Accepted."),
            ("lang", #"{"type": "string", "maxLength": 2000, \#(plainText)}"#, "Preferred languages for title and notes (commas), best first; every language is in title_translated and notes_translated."),
        ],
        "package_show": [
            ("id", #"{"type": "string", "minLength": 1, "maxLength": 200, \#(plainText)}"#, "The dataset's id (also its name)."),
            ("lang", #"{"type": "string", "maxLength": 2000, \#(plainText)}"#, "Preferred languages for title and notes (commas), best first."),
            ("use_default_schema", #"{"type": "boolean"}"#, "Accepted."),
            ("include_tracking", #"{"type": "boolean"}"#, "Accepted."),
        ],
        "package_list": [
            ("limit", #"{"type": "integer", "minimum": 0, "maximum": 100000}"#, "Names to return; without it, all (refused above 100,000)."),
            ("offset", #"{"type": "integer", "minimum": 0, "maximum": 10000000, "default": 0}"#, "Names to skip."),
        ],
        "resource_show": [
            ("id", #"{"type": "string", "minLength": 1, "maxLength": 2000, \#(plainText)}"#, "The resource's id: its source's identifier for it, or the <dataset id>-<position> a package dict gives it."),
            ("include_tracking", #"{"type": "boolean"}"#, "Accepted."),
            ("lang", #"{"type": "string", "maxLength": 2000, \#(plainText)}"#, "Preferred languages for name and description (commas), best first."),
        ],
        "organization_list": listParameters(plural: "Organizations", names: "organizations"),
        "organization_show": showParameters(id: "The organization's name (its id), or its katalog_publisher_key."),
        "group_list": listParameters(plural: "Groups", names: "groups"),
        "group_show": showParameters(id: "The group's name (a theme key such as ECON)."),
        "tag_list": [
            ("query", #"{"type": "string", "maxLength": 2000, \#(plainText)}"#, "Only tags containing this text (case does not matter)."),
            ("q", #"{"type": "string", "maxLength": 2000, \#(plainText)}"#, "The same as query, when query is not given."),
            ("vocabulary_id", #"{"type": "string", "maxLength": 2000, \#(plainText)}"#, "The catalogue's keywords are free tags: any vocabulary is not found (404)."),
            ("all_fields", #"{"type": "boolean", "default": false}"#, "Tag dicts (id, name, display_name, vocabulary_id, package_count) instead of names."),
            ("limit", #"{"type": "integer", "minimum": 1, "maximum": 100000}"#, "Tags to return; without it, all (refused above 100,000)."),
            ("offset", #"{"type": "integer", "minimum": 0, "maximum": 10000000, "default": 0}"#, "Tags to skip."),
        ],
        "license_list": [
            ("lang", #"{"type": "string", "maxLength": 2000, \#(plainText)}"#, "Preferred languages for titles (commas), best first."),
        ],
        "status_show": [],
    ]

    /// The parameters of `organization_list` and `group_list`: `plural` names what is listed, `names` the parameter that
    /// lists some by name.
    private static func listParameters(plural: String, names: String) -> [(name: String, schema: String, description: String)] {
        let dicts = plural == "Groups" ? "Group" : "Organization"
        return [
            ("all_fields", #"{"type": "boolean", "default": false}"#, "\(dicts) dicts instead of names."),
            ("sort", #"{"type": "string", "enum": ["", "name asc", "name desc", "title asc", "title desc", "package_count desc", "package_count asc"]}"#, "The order."),
            ("limit", #"{"type": "integer", "minimum": 0, "default": 1000}"#, "\(plural) to return; above 1000 it is 1000."),
            ("offset", #"{"type": "integer", "minimum": 0, "maximum": 10000000, "default": 0}"#, "\(plural) to skip."),
            (names, #"{"type": "string", "maxLength": 2000, \#(plainText)}"#, "Only these names (commas or a JSON list)."),
            ("include_dataset_count", #"{"type": "boolean", "default": true}"#, "Give package_count with all_fields."),
            ("q", #"{"type": "string", "maxLength": 2000, \#(plainText)}"#, "Only \(plural.lowercased()) whose name or title contains this."),
            ("lang", #"{"type": "string", "maxLength": 2000, \#(plainText)}"#, "Preferred languages for titles (commas), best first."),
        ]
    }

    /// The parameters of `organization_show` and `group_show`, with what `id` takes.
    private static func showParameters(id: String) -> [(name: String, schema: String, description: String)] {
        [
            ("id", #"{"type": "string", "minLength": 1, "maxLength": 2000, \#(plainText)}"#, id),
            ("include_datasets", #"{"type": "boolean", "default": false}"#, "Add packages: the package dicts of its first 1000 datasets by id."),
            ("include_dataset_count", #"{"type": "boolean", "default": true}"#, "Give package_count."),
            ("lang", #"{"type": "string", "maxLength": 2000, \#(plainText)}"#, "Preferred languages for titles (commas), best first."),
        ]
    }

    /// The parameters read as lists, which a JSON body may also give as an array: their items and how many.
    private static let ckanListItems: [String: (schema: String, maxItems: Int)] = [
        "lang": (#"{"type": "string", "maxLength": 2000, \#(plainText)}"#, 5),
        "facet.field": (#"{"enum": ["organization", "groups", "res_format", "license_id", "language", "source"]}"#, 20),
        "organizations": (#"{"type": "string", "maxLength": 2000, \#(plainText)}"#, 1000),
        "groups": (#"{"type": "string", "maxLength": 2000, \#(plainText)}"#, 1000),
    ]

    /// The result schema of each CKAN action.
    private static let ckanResults: [String: String] = [
        "package_search": ##"{"$ref": "#/components/schemas/CKANSearchResult"}"##,
        "package_show": ##"{"$ref": "#/components/schemas/CKANPackage"}"##,
        "package_list": #"{"type": "array", "items": {"type": "string"}}"#,
        "organization_list": ##"{"type": "array", "items": {"anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/CKANOrganization"}]}}"##,
        "resource_show": #"{"type": "object", "required": ["id", "package_id", "url", "position"]}"#,
        "organization_show": ##"{"$ref": "#/components/schemas/CKANOrganization"}"##,
        "group_list": ##"{"type": "array", "items": {"anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/CKANGroup"}]}}"##,
        "group_show": ##"{"$ref": "#/components/schemas/CKANGroup"}"##,
        "tag_list": #"{"type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "object", "required": ["id", "name", "display_name", "vocabulary_id", "package_count"], "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "display_name": {"type": "string"}, "vocabulary_id": {"type": "null"}, "package_count": {"type": "integer", "minimum": 1}}}]}}"#,
        "license_list": #"{"type": "array", "items": {"type": "object", "required": ["id", "title", "url", "status", "od_conformance", "osd_conformance", "package_count"], "properties": {"id": {"type": "string"}, "title": {"type": "string"}, "url": {"type": "string"}, "status": {"const": "active"}, "od_conformance": {"enum": ["approved", "rejected", "not reviewed"]}, "osd_conformance": {"const": "not reviewed"}, "is_okd_compliant": {"type": "boolean"}, "is_osi_compliant": {"type": "boolean"}, "package_count": {"type": "integer", "minimum": 1}}}}"#,
        "status_show": #"{"type": "object", "required": ["site_title", "site_url", "ckan_version"]}"#,
    ]

    /// The path item of one CKAN action under `prefix`: GET with query parameters, POST with a JSON object.
    private static func ckanPath(_ prefix: String, _ action: String) -> String {
        let parameters = ckanParameters[action] ?? []
        let query = parameters.map { #"{"name": "\#($0.name)", "in": "query", "description": "\#($0.description)", "schema": \#($0.schema)}"# }
        // A JSON body may send null for a parameter it does not give, and a number or boolean as text (as CKAN reads it).
        let properties = parameters.map { parameter in
            var forms = [parameter.schema, #"{"type": "null"}"#]
            if parameter.schema.contains(#""type": "integer""#) { forms.append(#"{"type": "string", "pattern": "^-?[0-9]{1,15}$"}"#) }
            if let items = ckanListItems[parameter.name] {
                forms.append(#"{"type": "array", "maxItems": \#(items.maxItems), "items": \#(items.schema)}"#)
            }
            if parameter.schema.contains(#""type": "boolean""#) {
                forms.append(#"{"type": "string", "enum": ["true", "false", "True", "False", "1", "0", "yes", "no", "on", "off"]}"#)
            }
            return #""\#(parameter.name)": {"anyOf": [\#(forms.joined(separator: ", "))]}"#
        }.joined(separator: ", ")
        let id = action.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        let operation = (prefix == "/api/3/action" ? "ckan" : "ckanUnversioned") + id
        let success = #"{"description": "CKAN's envelope with the result", "content": {"application/json": {"schema": {"type": "object", "required": ["help", "success", "result"], "properties": {"help": {"type": "string"}, "success": {"const": true}, "result": \#(ckanResults[action] ?? "{}")}}}}}"#
        let errors = ##""400": {"$ref": "#/components/responses/CKANProblem"}, "404": {"$ref": "#/components/responses/CKANProblem"}, "409": {"$ref": "#/components/responses/CKANProblem"}, "503": {"$ref": "#/components/responses/CKANProblem"}"##
        return ##"""
                "\##(prefix)/\##(action)": {
                  "get": {
                    "operationId": "\##(operation)Get",
                    "summary": "CKAN action \##(action) (read-only, CKAN \##(CKANActions.apiLevel) Action API)",
                    "parameters": [\##(query.joined(separator: ", "))],
                    "responses": {"200": \##(success), "304": {"description": "Not modified (If-None-Match)"}, \##(errors)}
                  },
                  "post": {
                    "operationId": "\##(operation)Post",
                    "summary": "CKAN action \##(action), parameters as a JSON object (as ckanapi sends them)",
                    "requestBody": {"required": false, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "properties": {\##(properties)}}}}},
                    "responses": {"200": \##(success), \##(errors), "413": {"$ref": "#/components/responses/CKANProblem"}}
                  }
                },
        """##
    }

    /// Every CKAN action path, under both prefixes.
    private static var ckanPaths: String {
        CKANRoutes.prefixes.flatMap { prefix in CKANActions.names.map { ckanPath(prefix, $0) } }.joined(separator: "\n")
    }

    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Katalog search hub",
        "version": "1.0.0",
        "description": "Search the open-data catalogue Katalog harvests: full-text search with filters and facets, dataset details with provenance, harvest history, a change feed and completion. Errors are application/problem+json."
      },
      "paths": {
        "/api/v1/search": {
          "get": {
            "operationId": "search",
            "summary": "Full-text search with filters, facets and keyset paging",
            "description": "A search that runs longer than the hub's time limit (10 s unless its operator set another) is stopped and answered 503; a narrower one (rarer words, a phrase, filters) may succeed. Long searches (100 ms of CPU time unless the operator set another) take turns; one that finds as many waiting for a turn as may wait is answered 503 at once, with Retry-After.",
            "parameters": [
              {"name": "q", "in": "query", "description": "Words are ANDed; \"phrases\", OR, -exclusion and prefix* (two letters or digits at least) work. Empty lists everything.", "schema": {"type": "string", "maxLength": 1000, "pattern": "^[^\\u0000-\\u0008\\u000A-\\u001F]*$"}},
              {"name": "publisher", "in": "query", "description": "Publisher keys (repeat or comma-separate).", "schema": {"type": "array", "items": {"type": "string", "maxLength": 500, "pattern": "^[^\\u0000-\\u0008\\u000A-\\u001F]*$"}, "maxItems": 20}, "style": "form", "explode": true},
              {"name": "theme", "in": "query", "schema": {"type": "array", "items": {"type": "string", "maxLength": 500, "pattern": "^[^\\u0000-\\u0008\\u000A-\\u001F]*$"}, "maxItems": 20}, "style": "form", "explode": true},
              {"name": "format", "in": "query", "schema": {"type": "array", "items": {"type": "string", "maxLength": 500, "pattern": "^[^\\u0000-\\u0008\\u000A-\\u001F]*$"}, "maxItems": 20}, "style": "form", "explode": true},
              {"name": "licence", "in": "query", "schema": {"type": "array", "items": {"type": "string", "maxLength": 500, "pattern": "^[^\\u0000-\\u0008\\u000A-\\u001F]*$"}, "maxItems": 20}, "style": "form", "explode": true},
              {"name": "license", "in": "query", "description": "Alias of licence.", "schema": {"type": "array", "items": {"type": "string", "maxLength": 500, "pattern": "^[^\\u0000-\\u0008\\u000A-\\u001F]*$"}, "maxItems": 20}, "style": "form", "explode": true},
              {"name": "language", "in": "query", "schema": {"type": "array", "items": {"type": "string", "maxLength": 500, "pattern": "^[^\\u0000-\\u0008\\u000A-\\u001F]*$"}, "maxItems": 20}, "style": "form", "explode": true},
              {"name": "source", "in": "query", "schema": {"type": "array", "items": {"type": "string", "maxLength": 500, "pattern": "^[^\\u0000-\\u0008\\u000A-\\u001F]*$"}, "maxItems": 20}, "style": "form", "explode": true},
              {"name": "modified_since", "in": "query", "description": "ISO 8601 date or date-time; empty means no filter.", "schema": {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}, {"type": "string", "maxLength": 0}]}},
              {"name": "has_download", "in": "query", "schema": {"type": "boolean"}},
              {"name": "sort", "in": "query", "description": "relevance (BM25), modified (the source's date, newest first), title (A to Z), id (Katalog's id, an order that never changes) or changed (last changed in this catalogue first). Empty means the default: relevance with words, else modified.", "schema": {"type": "string", "enum": ["relevance", "modified", "title", "id", "changed", ""]}},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
              {"name": "cursor", "in": "query", "description": "next_cursor of the previous page, passed back unchanged (opaque base64url).", "schema": {"type": "string", "pattern": "^[A-Za-z0-9_=-]*$", "maxLength": 2000}},
              {"name": "lang", "in": "query", "description": "Preferred languages for titles and snippets, best first.", "schema": {"type": "array", "items": {"type": "string", "maxLength": 35, "pattern": "^[^\\u0000-\\u0008\\u000A-\\u001F]*$"}, "maxItems": 5}, "style": "form", "explode": true},
              {"name": "facets", "in": "query", "description": "Count facet values over the whole match set (default true).", "schema": {"type": "boolean"}},
              {"name": "facet_limit", "in": "query", "description": "Values returned per facet, the most frequent first (every value is counted).", "schema": {"type": "integer", "minimum": 1, "maximum": 10000, "default": 50}},
              {"name": "If-None-Match", "in": "header", "description": "ETag of an earlier answer to the same query; 304 when the catalogue has not changed.", "schema": {"type": "string"}}
            ],
            "responses": {
              "200": {"description": "A page of hits", "headers": {"ETag": {"description": "Weak tag of this query at the catalogue's current version.", "schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResponse"}}}},
              "304": {"description": "The If-None-Match tag is current: the catalogue has not changed since."},
              "400": {"$ref": "#/components/responses/Problem"},
              "503": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/datasets/{id}": {
          "get": {
            "operationId": "getDataset",
            "summary": "One dataset in all languages, with provenance",
            "parameters": [
              {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": "^[^\\u0000-\\u0008\\u000A-\\u001F]*$"}},
              {"name": "raw", "in": "query", "description": "Include the raw source record.", "schema": {"type": "boolean"}},
              {"name": "If-None-Match", "in": "header", "description": "ETag of an earlier answer; 304 when unchanged.", "schema": {"type": "string"}}
            ],
            "responses": {
              "200": {"description": "The dataset", "headers": {"ETag": {"description": "Strong tag of the body.", "schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DatasetDetail"}}}},
              "304": {"description": "The If-None-Match tag is current."},
              "400": {"$ref": "#/components/responses/Problem"},
              "404": {"$ref": "#/components/responses/Problem"},
              "503": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/quality": {
          "get": {
            "operationId": "metadataQuality",
            "summary": "How many of each source's datasets carry each piece of metadata",
            "description": "Counted over the datasets searches show. After a harvest the last count is served, with up_to_date false, while the hub counts again in the background; until the first count is done, 503 with Retry-After.",
            "parameters": [],
            "responses": {
              "200": {"description": "The counts", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Quality"}}}},
              "304": {"description": "Not modified (If-None-Match)"},
              "400": {"$ref": "#/components/responses/Problem"},
              "503": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/runs": {
          "get": {
            "operationId": "listRuns",
            "summary": "Harvest history, newest first",
            "parameters": [
              {"name": "source", "in": "query", "description": "One source's runs; empty means all sources.", "schema": {"type": "string", "pattern": "^[a-z0-9-]*$", "maxLength": 64}},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 50}}
            ],
            "responses": {
              "200": {"description": "Runs", "content": {"application/json": {"schema": {"type": "object", "required": ["runs"], "properties": {"runs": {"type": "array", "items": {"$ref": "#/components/schemas/Run"}}}}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "503": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/changes": {
          "get": {
            "operationId": "listChanges",
            "summary": "Datasets added, updated or deleted since a change token or a time, oldest first",
            "parameters": [
              {"name": "since", "in": "query", "description": "A token from a previous answer's next, or an ISO 8601 date or date-time; empty means from the start.", "schema": {"anyOf": [{"type": "string", "pattern": "^[0-9]{1,18}$"}, {"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}, {"type": "string", "maxLength": 0}]}},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}}
            ],
            "responses": {
              "200": {"description": "Changes", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Changes"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "503": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/suggest": {
          "get": {
            "operationId": "suggest",
            "summary": "Completion of titles and keywords by prefix",
            "description": "Held to the same time limit as searches: past it, 503.",
            "parameters": [
              {"name": "q", "in": "query", "required": true, "schema": {"type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[^\\u0000-\\u0008\\u000A-\\u001F]*$"}},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10}}
            ],
            "responses": {
              "200": {"description": "Suggestions", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Suggestions"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "503": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
    \#(exportPath("/catalog.ttl", operation: "catalogTurtle", syntax: "Turtle", mediaType: "text/turtle", schema: #"{"type": "string"}"#))
    \#(exportPath("/catalog.rdf", operation: "catalogRDFXML", syntax: "RDF/XML", mediaType: "application/rdf+xml", schema: #"{"type": "string"}"#))
    \#(exportPath("/catalog.jsonld", operation: "catalogJSONLD", syntax: "JSON-LD", mediaType: "application/ld+json", schema: #"{"type": "object", "required": ["@graph"]}"#))
    \#(datasetRDFPath(".ttl", operation: "datasetTurtle", syntax: "Turtle", mediaType: "text/turtle", schema: #"{"type": "string"}"#))
    \#(datasetRDFPath(".rdf", operation: "datasetRDFXML", syntax: "RDF/XML", mediaType: "application/rdf+xml", schema: #"{"type": "string"}"#))
    \#(datasetRDFPath(".jsonld", operation: "datasetJSONLD", syntax: "JSON-LD", mediaType: "application/ld+json", schema: #"{"type": "object"}"#))
    \#(datasetRDFPath(".nt", operation: "datasetNTriples", syntax: "N-Triples", mediaType: "application/n-triples", schema: #"{"type": "string"}"#))
    \#(ckanPaths)
        "/health": {
          "get": {
            "operationId": "health",
            "summary": "Database reachable, and the last run of each source",
            "responses": {
              "200": {"description": "Healthy", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}},
              "503": {"description": "The catalogue cannot be read", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}}
            }
          }
        },
        "/metrics": {
          "get": {
            "operationId": "metrics",
            "summary": "Prometheus metrics",
            "responses": {
              "200": {"description": "Text exposition format", "content": {"text/plain": {"schema": {"type": "string"}}}},
              "503": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/openapi.json": {
          "get": {
            "operationId": "openapi",
            "summary": "This document",
            "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}}
          }
        }
      },
      "components": {
        "headers": {
          "RetryAfter": {"description": "On a 503 about load (a long search refused a turn, facet counts not ready): seconds after which the same request may succeed.", "schema": {"type": "string", "pattern": "^[0-9]+$"}}
        },
        "responses": {
          "Problem": {"description": "A problem (RFC 9457)", "headers": {"Retry-After": {"$ref": "#/components/headers/RetryAfter"}}, "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
          "CKANProblem": {"description": "A problem (RFC 9457) that is also CKAN's error envelope", "headers": {"Retry-After": {"$ref": "#/components/headers/RetryAfter"}}, "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/CKANProblem"}}}}
        },
        "schemas": {
          "CKANProblem": {
            "type": "object",
            "required": ["type", "title", "status", "detail", "success", "error"],
            "properties": {
              "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}, "detail": {"type": "string"},
              "instance": {"type": "string"}, "help": {"type": "string"}, "success": {"const": false},
              "error": {"type": "object", "required": ["__type", "message"], "properties": {"__type": {"type": "string"}, "message": {"type": "string"}}}
            }
          },
          "CKANSearchResult": {
            "type": "object",
            "required": ["count", "results", "facets", "search_facets", "sort"],
            "properties": {
              "count": {"type": "integer", "minimum": 0},
              "results": {"type": "array", "items": {"type": "object"}},
              "facets": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer"}}},
              "search_facets": {"type": "object"},
              "sort": {"type": "string"}
            }
          },
          "CKANPackage": {
            "type": "object",
            "required": ["id", "name", "title", "type", "state", "metadata_created", "metadata_modified", "resources", "tags", "groups", "extras", "num_resources", "num_tags"],
            "properties": {
              "id": {"type": "string"}, "name": {"type": "string"}, "title": {"type": "string"}, "notes": {"type": ["string", "null"]},
              "title_translated": {"type": "object", "additionalProperties": {"type": "string"}},
              "notes_translated": {"type": "object", "additionalProperties": {"type": "string"}},
              "organization": {"anyOf": [{"type": "null"}, {"$ref": "#/components/schemas/CKANOrganization"}]},
              "resources": {"type": "array", "items": {"type": "object", "required": ["id", "package_id", "url", "position"]}},
              "tags": {"type": "array", "items": {"type": "object", "required": ["name"]}},
              "groups": {"type": "array", "items": {"type": "object", "required": ["name"]}},
              "extras": {"type": "array", "items": {"type": "object", "required": ["key", "value"], "properties": {"key": {"type": "string"}, "value": {"type": "string"}}}},
              "num_resources": {"type": "integer"}, "num_tags": {"type": "integer"}
            }
          },
          "CKANOrganization": {
            "type": "object",
            "required": ["id", "name", "title", "type", "is_organization"],
            "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "title": {"type": "string"}, "package_count": {"type": "integer"},
                           "packages": {"type": "array", "items": {"$ref": "#/components/schemas/CKANPackage"}}}
          },
          "CKANGroup": {
            "type": "object",
            "required": ["id", "name", "title", "type", "is_organization"],
            "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "title": {"type": "string"}, "package_count": {"type": "integer"},
                           "is_organization": {"const": false},
                           "packages": {"type": "array", "items": {"$ref": "#/components/schemas/CKANPackage"}}}
          },
          "Problem": {
            "type": "object",
            "required": ["type", "title", "status", "detail"],
            "properties": {
              "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
              "detail": {"type": "string"}, "instance": {"type": "string"}, "parameter": {"type": "string"}
            }
          },
          "SearchResponse": {
            "type": "object",
            "required": ["total", "limit", "query_time_ms", "results"],
            "properties": {
              "total": {"type": "integer", "minimum": 0},
              "limit": {"type": "integer"},
              "next_cursor": {"type": ["string", "null"]},
              "query_time_ms": {"type": "number"},
              "results": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
              "facets": {"type": ["object", "null"], "additionalProperties": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}}}
            }
          },
          "RecordReference": {"type": "object", "required": ["id", "source", "source_identifier", "shown"], "properties": {
            "id": {"type": "string"}, "source": {"type": "string"}, "source_identifier": {"type": "string"},
            "shown": {"type": "boolean", "description": "True for the record searches show for the dataset."}}},
          "FacetValue": {"type": "object", "required": ["value", "count"], "properties": {"value": {"type": "string"}, "count": {"type": "integer"}}},
          "Hit": {
            "type": "object",
            "required": ["id", "source", "source_identifier", "formats", "licences", "themes", "keywords", "distributions", "other_records"],
            "properties": {
              "id": {"type": "string"}, "source": {"type": "string"}, "source_identifier": {"type": "string"},
              "other_records": {"type": "array", "description": "Other sources' records of the same dataset (same dataset IRI), which searches show as this one.", "items": {"$ref": "#/components/schemas/RecordReference"}},
              "title": {"type": ["string", "null"]}, "title_language": {"type": ["string", "null"]},
              "description": {"type": ["string", "null"]}, "snippet": {"type": ["string", "null"], "description": "Matched words are marked [like this]."},
              "publisher": {"type": ["object", "null"], "properties": {"key": {"type": "string"}, "name": {"type": ["string", "null"]}}},
              "modified": {"type": ["string", "null"]}, "issued": {"type": ["string", "null"]},
              "formats": {"type": "array", "items": {"type": "string"}},
              "licences": {"type": "array", "items": {"type": "string"}},
              "themes": {"type": "array", "items": {"type": "string"}},
              "keywords": {"type": "array", "items": {"type": "string"}},
              "landing_page": {"type": ["string", "null"]},
              "distributions": {"type": "array", "items": {"type": "object", "properties": {
                "title": {"type": ["string", "null"]}, "format": {"type": ["string", "null"]}, "media_type": {"type": ["string", "null"]},
                "access_url": {"type": ["string", "null"]}, "download_url": {"type": ["string", "null"]}}}}
            }
          },
          "DatasetDetail": {
            "type": "object",
            "required": ["id", "dataset", "provenance"],
            "properties": {
              "id": {"type": "string"},
              "dataset": {"type": "object", "description": "The full DCAT-AP 3 record; texts are objects of language tag to text (\"\" = untagged).",
                "required": ["source_identifier", "title", "description", "keywords", "distributions"],
                "properties": {
                  "source_identifier": {"type": "string"}, "iri": {"type": ["string", "null"]},
                  "title": {"type": "object", "additionalProperties": {"type": "string"}},
                  "description": {"type": "object", "additionalProperties": {"type": "string"}},
                  "keywords": {"type": "array", "items": {"type": "object"}},
                  "distributions": {"type": "array", "items": {"type": "object", "required": ["access_urls", "download_urls"], "properties": {
                    "access_urls": {"type": "array", "items": {"type": "string"}, "description": "dcat:accessURL, every one the source gives."},
                    "download_urls": {"type": "array", "items": {"type": "string"}, "description": "dcat:downloadURL, every one the source gives."},
                    "access_ur_ls": {"type": "array", "items": {"type": "string"}, "deprecated": true, "description": "The same as access_urls: the name the API first gave it. To be removed."},
                    "download_ur_ls": {"type": "array", "items": {"type": "string"}, "deprecated": true, "description": "The same as download_urls: the name the API first gave it. To be removed."}}}}
                }},
              "provenance": {"type": "object", "required": ["source", "source_identifier", "first_seen", "last_changed", "content_hash", "other_records"], "properties": {
                "source": {"type": "string"}, "source_identifier": {"type": "string"}, "first_seen": {"type": "string"},
                "shown_as": {"type": "string", "description": "Present when another source's record of the same dataset is the one searches show: its id."},
                "other_records": {"type": "array", "description": "The other live records of the same dataset (same dataset IRI), in any source.", "items": {"$ref": "#/components/schemas/RecordReference"}},
                "last_changed": {"type": "string"}, "last_run": {"type": ["integer", "null"]}, "content_hash": {"type": "string"}}},
              "raw": {"type": ["object", "null"], "properties": {"format": {"type": "string"}, "text": {"type": ["string", "null"]}, "base64": {"type": ["string", "null"]}}}
            }
          },
          "Run": {
            "type": "object",
            "required": ["id", "source", "status", "started_at", "counts", "errors"],
            "properties": {
              "id": {"type": "integer"}, "source": {"type": "string"},
              "status": {"type": "string", "enum": ["running", "succeeded", "partial", "held", "unchanged", "failed", "aborted"]},
              "started_at": {"type": "string"}, "ended_at": {"type": ["string", "null"]}, "heartbeat_at": {"type": ["string", "null"]},
              "changes_since": {"type": ["string", "null"], "description": "For an incremental run (OAI-PMH), the lower bound it asked the source for (the `from` datestamp); absent for a run that listed the whole source."},
              "message": {"type": ["string", "null"]},
              "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
              "held_deletions": {"type": "integer", "minimum": 0, "description": "For a held run, the deletions the circuit breaker held back; absent otherwise."},
              "errors": {"type": "array", "items": {"type": "object", "required": ["subject", "cause"], "properties": {"subject": {"type": "string"}, "cause": {"type": "string"}}}}
            }
          },
          "Changes": {
            "type": "object",
            "required": ["changes", "next", "has_more"],
            "properties": {
              "changes": {"type": "array", "items": {"type": "object", "required": ["id", "kind", "token", "time"], "properties": {
                "id": {"type": "string"}, "kind": {"type": "string", "enum": ["added", "updated", "deleted"]}, "token": {"type": "string"}, "time": {"type": "string"},
                "shown_as": {"type": "string", "description": "Present on a record folded into another source's record of the same dataset (same dataset IRI): that record's id. A copy that keeps each dataset once skips it."}}}},
              "next": {"type": "string", "description": "Pass as since to continue."},
              "has_more": {"type": "boolean"}
            }
          },
          "Suggestions": {
            "type": "object",
            "required": ["titles", "keywords"],
            "properties": {
              "titles": {"type": "array", "items": {"type": "object", "required": ["id", "title"], "properties": {"id": {"type": "string"}, "title": {"type": "string"}}}},
              "keywords": {"type": "array", "items": {"type": "object", "required": ["keyword", "count"], "properties": {"keyword": {"type": "string"}, "count": {"type": "integer"}}}}
            }
          },
          "Quality": {
            "type": "object",
            "required": ["up_to_date", "total", "sources"],
            "properties": {
              "up_to_date": {"type": "boolean"},
              "total": {"$ref": "#/components/schemas/QualityEntry"},
              "sources": {"type": "array", "items": {"$ref": "#/components/schemas/QualityEntry"}}
            }
          },
          "QualityEntry": {
            "type": "object",
            "required": ["datasets", "indicators"],
            "properties": {
              "name": {"type": "string", "description": "The source; absent on the total."},
              "datasets": {"type": "integer", "minimum": 0},
              "indicators": {
                "type": "object",
                "description": "Datasets with: description, keywords, theme, theme_from_vocabulary (an EU data theme), publisher, licence, licence_from_vocabulary, open_licence, format, format_from_vocabulary (an EU file type), download_url, modified, language, contact_point, temporal, spatial, access_rights.",
                "additionalProperties": {"type": "integer", "minimum": 0}
              }
            }
          },
          "Health": {
            "type": "object",
            "required": ["status", "sources", "overdue_sources"],
            "properties": {
              "status": {"type": "string", "enum": ["ok", "unavailable"]},
              "datasets": {"type": ["integer", "null"]},
              "sources": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["name", "last_run", "last_applied", "failed_runs_since_applied", "deletions_held"],
                  "properties": {
                    "name": {"type": "string"},
                    "last_run": {"oneOf": [{"$ref": "#/components/schemas/Run"}, {"type": "null"}]},
                    "last_applied": {
                      "description": "The newest run that applied the source or found it unchanged (succeeded, partial, held or unchanged).",
                      "oneOf": [
                        {"type": "object", "required": ["id", "status", "started_at"], "properties": {"id": {"type": "integer"}, "status": {"type": "string"}, "started_at": {"type": "string", "format": "date-time"}, "ended_at": {"type": ["string", "null"], "format": "date-time"}}},
                        {"type": "null"}
                      ]
                    },
                    "failed_runs_since_applied": {"type": "integer", "minimum": 0, "description": "Runs that failed or were aborted since last_applied."},
                    "deletions_held": {"type": "integer", "minimum": 0, "description": "Deletions the circuit breaker holds back (last_applied was held); they wait for katalog harvest --accept-deletions."},
                    "schedule": {"type": "string", "description": "Present for a source this process harvests on a schedule."},
                    "overdue": {"type": "boolean", "description": "Present for a scheduled source: its schedule came round twice since its last applied run without bringing it up to date."}
                  }
                }
              },
              "overdue_sources": {"type": "array", "items": {"type": "string"}}
            }
          }
        }
      }
    }
    """#
}
