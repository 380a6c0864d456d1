// swift-tools-version: 6.1
import PackageDescription

/// Benchmark programs, kept out of the main package so benchmark-only code never ships with it.
let package = Package(
    name: "KatalogBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Katalog", path: "..")],
    targets: [
        .executableTarget(
            name: "katalog-bench",
            dependencies: [.product(name: "KatalogRDF", package: "Katalog")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "katalog-datajson-bench",
            dependencies: [.product(name: "KatalogModel", package: "Katalog")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
        ),
    ]
)
