import Foundation
import Testing

/// Imports go one way: BambooCore ← BambooIO ← BambooPlan ← backends ← Bamboo ← BambooCompat ← CLI.
/// Backends never import each other or the facade.
@Suite struct LayeringTests {
    static let allowed: [String: Set<String>] = [
        "BambooCore": [],
        "BambooIO": ["BambooCore"],
        "BambooArrow": ["BambooCore"],
        "BambooPlan": ["BambooCore"],
        "BambooEager": ["BambooCore", "BambooIO", "BambooPlan"],
        // BambooSpark only in Session+Spark.swift, under the Spark trait.
        "Bamboo": ["BambooCore", "BambooIO", "BambooArrow", "BambooPlan", "BambooEager", "BambooSpark"],
        "BambooCompat": ["Bamboo"],
        "BambooCLI": ["Bamboo", "BambooCompat", "ArgumentParser"],
        // Spark trait only: generated protocol code, and the client over it.
        "SparkConnectProtocol": ["SwiftProtobuf", "GRPCCore", "GRPCProtobuf"],
        "BambooSpark": ["BambooCore", "BambooPlan", "SparkConnectProtocol", "BambooArrow",
                        "SwiftProtobuf", "GRPCCore", "GRPCNIOTransportHTTP2Posix"],
    ]
    static let projectModules: Set<String> = ["BambooCore", "BambooIO", "BambooPlan", "BambooEager", "BambooLocal", "BambooSpark",
                                              "BambooArrow", "Bamboo", "BambooCompat", "BambooCLI", "ArgumentParser",
                                              // The Spark trait's modules, external ones included, so that no target outside the
                                              // Spark backend imports what only `--traits Spark` builds.
                                              "SparkConnectProtocol", "SwiftProtobuf", "GRPCCore", "GRPCProtobuf",
                                              "GRPCNIOTransportCore", "GRPCNIOTransportHTTP2", "GRPCNIOTransportHTTP2Posix",
                                              "NIOCore", "NIOPosix", "NIOSSL"]

    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
    }

    /// `import X`, `@_exported import X`, `import struct X.Y` → X.
    static func imports(in text: String) -> Set<String> {
        var found = Set<String>()
        for line in text.split(separator: "\n") {
            var words = line.split(separator: " ").map(String.init)
            while let first = words.first, first.hasPrefix("@") || ["public", "internal", "package"].contains(first) { words.removeFirst() }
            guard words.first == "import", words.count >= 2 else { continue }
            let target = ["struct", "class", "enum", "protocol", "func", "typealias", "var", "let"].contains(words[1]) && words.count >= 3 ? words[2] : words[1]
            found.insert(String(target.split(separator: ".").first ?? ""))
        }
        return found
    }

    @Test func everyTargetImportsOnlyWhatItsLayerAllows() throws {
        let fm = FileManager.default
        var violations: [String] = []
        let targets = try fm.contentsOfDirectory(atPath: Self.sources.path).sorted()
        #expect(!targets.isEmpty)
        for target in targets {
            guard let allowed = Self.allowed[target] else {
                violations.append("\(target): not in the layering table; add it to LayeringTests.allowed")
                continue
            }
            let enumerator = fm.enumerator(atPath: Self.sources.appendingPathComponent(target).path)
            while let file = enumerator?.nextObject() as? String {
                guard file.hasSuffix(".swift") else { continue }
                let text = try String(contentsOf: Self.sources.appendingPathComponent(target).appendingPathComponent(file), encoding: .utf8)
                for module in Self.imports(in: text) where Self.projectModules.contains(module) && !allowed.contains(module) && module != target {
                    violations.append("\(target)/\(file) imports \(module)")
                }
            }
        }
        #expect(violations.isEmpty, "layering violations:\n\(violations.joined(separator: "\n"))")
    }

    @Test func theCheckSeesEveryImportForm() {
        #expect(Self.imports(in: "import Bamboo\n@_exported import BambooCore\nimport struct BambooIO.CSVReadOptions\n") == ["Bamboo", "BambooCore", "BambooIO"])
    }
}
