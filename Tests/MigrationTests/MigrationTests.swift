import Bamboo
import Foundation
import Testing

/// Runs the Bamboo half of each Migration example and compares it with pandas' output
/// (`Migration/expected/NAME.csv`, written by `Migration/run_examples.py` from the pandas half).
@Suite struct MigrationTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Migration")

    struct Example: Sendable, CustomTestStringConvertible {
        let name: String
        let swift: String
        var testDescription: String { name }
    }

    /// Examples in the pages: a heading with `<!-- example: NAME -->`, a python block, a swift block.
    static let examples: [Example] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()) ?? []
        var out: [Example] = []
        for file in files {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else { continue }
            for chunk in text.components(separatedBy: "<!-- example: ").dropFirst() {
                let name = String(chunk.prefix { $0 != " " })
                guard let swiftStart = chunk.range(of: "```swift\n"), let end = chunk.range(of: "```", range: swiftStart.upperBound..<chunk.endIndex) else { continue }
                out.append(Example(name: name, swift: String(chunk[swiftStart.upperBound..<end.lowerBound])))
            }
        }
        return out
    }()

    @Test func everyPageHasExamples() {
        #expect(Self.examples.count >= 10)
        #expect(Set(Self.examples.map(\.name)) == Set(MigrationExamples.all.keys))
    }

    @Test(arguments: examples)
    func bambooHalfMatchesPandas(_ example: Example) async throws {
        // The page's Swift block must be the code that runs here, line for line.
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("MigrationExamples.swift"), encoding: .utf8)
        let pageLines = example.swift.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(source.contains(pageLines.joined(separator: "\n            ")), "the Swift block of \(example.name) differs from MigrationExamples.swift")

        let expected = try String(contentsOf: Self.folder.appendingPathComponent("expected/\(example.name).csv"), encoding: .utf8)
        let run = try #require(MigrationExamples.all[example.name])
        let result = try await run()
        #expect(try await result.toCSV() == expected)
    }
}
