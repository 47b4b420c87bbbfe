import Bamboo
import BambooCompat
import Foundation
import Testing

/// Every CompatMatrix case on every backend, against the committed pandas goldens.
@Suite struct CompatMatrixTests {
    static let root = MatrixRunner.defaultRoot()

    @Test func eagerMatchesPandasOrDeclaresWhy() async throws {
        let runner = try MatrixRunner(root: Self.root)
        #expect(runner.variantCount >= 200)
        let session = Session.eager()
        let expectations = try Expectations.load(root: Self.root, backend: session.backendName)
        let results = try await runner.run(session: session, expectations: expectations)
        let failures = results.filter { $0.outcome == .failure }
        let report = failures.prefix(40).map {
            "\($0.variantID): \($0.note) \($0.differences.prefix(2).map(\.description).joined(separator: "; "))"
        }.joined(separator: "\n")
        #expect(failures.isEmpty, "\(failures.count) failing variants:\n\(report)")

        let document = try MatrixDocument.render(cases: runner.cases, runs: [(session.backendName, results)], root: Self.root)
        let committed = try? String(contentsOf: Self.root.appendingPathComponent("MATRIX.md"), encoding: .utf8)
        #expect(committed == document, "MATRIX.md is stale: run `swift run bamboo compat --write-matrix` and commit it.")
    }

    @Test func expansionNamesVariantsAsTheGeneratorDoes() throws {
        let json = try JSONParser.parse(#"{"a": [{"$": "None"}, {"slice": ["a", null]}, "x", 1.5]}"#)
        let values = json["a"]?.array ?? []
        #expect(values.map { CompatCase.dimensionName($0) } == ["None", #"{"slice":["a",null]}"#, "x", "1.5"])
    }

    @Test func jsonKeepsIntsAndFloatsApart() throws {
        let json = try JSONParser.parse("[1, 1.0, -0.0, 1e16, 9223372036854775807]")
        #expect(json == .array([.int(1), .float(1.0), .float(-0.0), .float(1e16), .int(Int64.max)]))
        #expect(JSON.array([.float(1.0), .float(1e16), .float(1e-5)]).description == "[1.0,1e+16,1e-05]")
    }
}
