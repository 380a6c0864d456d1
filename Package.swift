// swift-tools-version: 6.1
import PackageDescription

/// Strict settings for every Swift target (see STYLE.md): Swift 6 mode plus the upcoming features we rely on.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Katalog",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "katalog", targets: ["katalog"]),
        .library(name: "KatalogRDF", targets: ["KatalogRDF"]),
        .library(name: "KatalogModel", targets: ["KatalogModel"]),
        .library(name: "KatalogStore", targets: ["KatalogStore"]),
        .library(name: "KatalogHarvest", targets: ["KatalogHarvest"]),
        .library(name: "KatalogHub", targets: ["KatalogHub"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", exact: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", exact: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // SHA-256 block compression in C, with the x86 SHA extensions when the CPU has them.
        .target(name: "CKatalogHash"),
        // FTS5's bm25 ranking with the row lengths and phrase frequencies supplied from memory.
        .target(name: "CKatalogSearch", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "KatalogRDF",
            dependencies: ["CLibXML2"]
        ),
        .target(
            name: "KatalogModel",
            dependencies: ["KatalogRDF", "CKatalogHash"]
        ),
        .target(
            name: "KatalogStore",
            dependencies: [
                "KatalogModel", "CZlib", "CKatalogSearch",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "KatalogHarvest",
            dependencies: [
                "KatalogModel", "KatalogStore", "KatalogRDF", "CCurl",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "KatalogHub",
            dependencies: [
                "KatalogStore", "KatalogModel", "KatalogFixtures", "CZlib",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The bundled sample catalogues: `katalog demo` and the tests serve them.
        .target(
            name: "KatalogFixtures",
            path: "Fixtures",
            exclude: ["README.md", "tools"],
            resources: [.copy("ckan"), .copy("dcat"), .copy("csw"), .copy("oai")]
        ),
        .executableTarget(
            name: "katalog",
            dependencies: [
                "KatalogRDF", "KatalogModel", "KatalogStore", "KatalogHarvest", "KatalogHub", "KatalogFixtures",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "KatalogRDFTests", dependencies: ["KatalogRDF"]),
        // Runs the W3C RDF test suites from ../shared/conformance when that folder is present.
        .testTarget(name: "KatalogRDFConformanceTests", dependencies: ["KatalogRDF"]),
        .testTarget(name: "KatalogModelTests", dependencies: ["KatalogModel", "KatalogFixtures"]),
        .testTarget(
            name: "KatalogStoreTests",
            dependencies: ["KatalogStore", "KatalogModel", "KatalogRDF", "CKatalogSearch", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "KatalogHarvestTests",
            dependencies: [
                "KatalogHarvest", "KatalogStore", "KatalogModel", "KatalogFixtures", "KatalogHub",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "KatalogHubTests",
            dependencies: [
                "KatalogHub", "KatalogStore", "KatalogModel", "KatalogHarvest", "KatalogFixtures", "CZlib",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(contentsOf: strictSettings)
    target.swiftSettings = settings
}
