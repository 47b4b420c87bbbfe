// swift-tools-version: 6.1
import PackageDescription

// Layering (enforced by Tests/LayeringTests): BambooCore ← BambooIO ← BambooPlan ← backends ← Bamboo ← CLI.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

/// A dependency built only with the `Spark` trait. The Spark targets stay in the graph either way, but
/// their sources are wrapped in `#if Spark`, so without the trait they compile to empty modules and
/// NIO, gRPC and SwiftProtobuf are never built.
func sparkOnly(_ product: String, _ package: String) -> Target.Dependency {
    .product(name: product, package: package, condition: .when(traits: ["Spark"]))
}

let package = Package(
    name: "Bamboo",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Bamboo", targets: ["Bamboo"]),
        .library(name: "BambooCompat", targets: ["BambooCompat"]),
        .executable(name: "bamboo", targets: ["BambooCLI"]),
    ],
    traits: [
        // Off by default: its gRPC stack takes 6 to 11 minutes to build clean on 2 cores, which users of the
        // in-process backends must not pay. Build with `swift build --traits Spark --scratch-path .build-spark`.
        .trait(name: "Spark", description: "The Spark Connect backend (BambooSpark) with its gRPC and protobuf dependencies."),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Spark trait only (see sparkOnly). SwiftProtobuf and grpc-swift-protobuf must match the plugin
        // versions in Scripts/generate-spark-connect, which wrote Sources/SparkConnectProtocol.
        .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
    ],
    targets: [
        .target(name: "BambooCore", swiftSettings: strict),
        .target(name: "BambooIO", dependencies: ["BambooCore"], swiftSettings: strict),
        .target(name: "BambooArrow", dependencies: ["BambooCore"], swiftSettings: strict),
        .target(name: "BambooPlan", dependencies: ["BambooCore"], swiftSettings: strict),
        .target(name: "BambooEager", dependencies: ["BambooCore", "BambooIO", "BambooPlan"], swiftSettings: strict),
        .target(
            name: "SparkConnectProtocol",
            dependencies: [sparkOnly("SwiftProtobuf", "swift-protobuf"), sparkOnly("GRPCCore", "grpc-swift-2"),
                           sparkOnly("GRPCProtobuf", "grpc-swift-protobuf")],
            swiftSettings: strict),
        .target(
            name: "BambooSpark",
            dependencies: ["BambooCore", "BambooPlan", "BambooArrow", "SparkConnectProtocol",
                           sparkOnly("SwiftProtobuf", "swift-protobuf"), sparkOnly("GRPCCore", "grpc-swift-2"),
                           sparkOnly("GRPCNIOTransportHTTP2Posix", "grpc-swift-nio-transport")],
            swiftSettings: strict),
        .target(
            name: "Bamboo",
            dependencies: ["BambooCore", "BambooIO", "BambooArrow", "BambooPlan", "BambooEager",
                           // Session.spark (Session+Spark.swift); an empty module without the trait.
                           .target(name: "BambooSpark", condition: .when(traits: ["Spark"]))],
            swiftSettings: strict),
        .target(name: "BambooCompat", dependencies: ["Bamboo"], swiftSettings: strict),
        .executableTarget(
            name: "BambooCLI",
            dependencies: ["Bamboo", "BambooCompat", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict),
        .testTarget(name: "BambooCoreTests", dependencies: ["BambooCore"], swiftSettings: strict),
        .testTarget(name: "BambooIOTests", dependencies: ["BambooIO"], swiftSettings: strict),
        .testTarget(name: "BambooPlanTests", dependencies: ["BambooPlan"], swiftSettings: strict),
        .testTarget(name: "BambooEagerTests", dependencies: ["BambooEager", "BambooPlan", "BambooCore"], swiftSettings: strict),
        .testTarget(name: "BambooTests", dependencies: ["Bamboo", "BambooPlan", "BambooEager"], swiftSettings: strict),
        .testTarget(name: "BambooCompatTests", dependencies: ["BambooCompat"], swiftSettings: strict),
        .testTarget(name: "MigrationTests", dependencies: ["Bamboo"], swiftSettings: strict),
        .testTarget(name: "LayeringTests", swiftSettings: strict),
        .testTarget(name: "BambooCLITests", dependencies: ["BambooCLI", "Bamboo"], swiftSettings: strict),
        .testTarget(name: "BambooArrowTests", dependencies: ["BambooArrow", "BambooCore", "Bamboo"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(
            name: "BambooSparkTests",
            dependencies: ["BambooSpark", "BambooArrow", "BambooCore", "BambooPlan", "BambooEager", "Bamboo", "SparkConnectProtocol",
                           sparkOnly("GRPCCore", "grpc-swift-2")],
            swiftSettings: strict),
    ]
)
