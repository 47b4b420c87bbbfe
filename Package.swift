// swift-tools-version: 6.1
import PackageDescription

// Layering (enforced by Tests/LayeringTests): BambooCore ← BambooIO ← BambooPlan ← backends ← Bamboo ← CLI.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Bamboo",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Bamboo", targets: ["Bamboo"]),
        .library(name: "BambooCompat", targets: ["BambooCompat"]),
        .executable(name: "bamboo", targets: ["BambooCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "BambooCore", swiftSettings: strict),
        .target(name: "BambooIO", dependencies: ["BambooCore"], swiftSettings: strict),
        .target(name: "BambooPlan", dependencies: ["BambooCore"], swiftSettings: strict),
        .target(name: "BambooEager", dependencies: ["BambooCore", "BambooIO", "BambooPlan"], swiftSettings: strict),
        .target(name: "Bamboo", dependencies: ["BambooCore", "BambooIO", "BambooPlan", "BambooEager"], swiftSettings: strict),
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
    ]
)
