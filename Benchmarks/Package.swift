// swift-tools-version: 6.1
import PackageDescription

/// Benchmark programs, kept out of the main package so benchmark-only code never ships with it.
let package = Package(
    name: "KatalogBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Katalog", path: ".."),
        // The same GRDB the main package pins, for the bare FTS5 timings.
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "katalog-bench",
            dependencies: [
                .product(name: "KatalogRDF", package: "Katalog"),
                .product(name: "KatalogModel", package: "Katalog"),
                .product(name: "KatalogStore", package: "Katalog"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "katalog-datajson-bench",
            dependencies: [.product(name: "KatalogModel", package: "Katalog")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
        ),
    ]
)
