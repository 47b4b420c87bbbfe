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

        // Other backends' columns come from their expectations; their own runs check those (Scripts/test-spark).
        let others = try MatrixRunner.backends.filter { $0 != session.backendName }.map {
            ($0, runner.declaredResults(try Expectations.load(root: Self.root, backend: $0)))
        }
        let document = try MatrixDocument.render(cases: runner.cases, runs: [(session.backendName, results)] + others, root: Self.root)
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

/// The harness's own rules: what makes a run fail.
@Suite struct ExpectationRulesTests {
    static let root = MatrixRunner.defaultRoot()

    func run(_ entries: [String: Expectations.Status]) async throws -> [VariantResult] {
        let runner = try MatrixRunner(root: Self.root)
        return try await runner.run(session: Session.eager(), expectations: Expectations(backend: "eager", entries: entries))
    }

    @Test func aDeclarationForAnExactCaseIsStale() async throws {
        let results = try await run(["selection-getitem-label": .notYet(reason: "pretend")])
        let result = try #require(results.first { $0.variantID == "selection-getitem-label" })
        #expect(result.outcome == .failure && result.note.hasPrefix("stale"))
    }

    @Test func anUnknownCaseIDFails() async throws {
        let results = try await run(["no-such-case": .notYet(reason: "typo")])
        #expect(results.contains { $0.variantID == "no-such-case" && $0.outcome == .failure })
    }

    @Test func anUndeclaredDifferenceFailsAndAChangedDivergenceFailsToo() async throws {
        // Removing a declared divergence leaves an undeclared difference; a wrong stored output is a change.
        let id = "arithmetic-bool-scalar-int[op=**]"
        let undeclared = try await run([:]).first { $0.variantID == id }
        #expect(undeclared?.outcome == .failure && undeclared?.note == "undeclared difference")
        let changed = try await run([id: .diverges(kind: "dtype", reason: "test", output: .object([]))]).first { $0.variantID == id }
        #expect(changed?.outcome == .failure && changed?.note.hasPrefix("the divergence changed") == true)
    }

    @Test func aDeclarationWithoutAReasonIsRejected() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bamboo-expectations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("expectations"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"backend": "eager", "cases": {"x": {"status": "notYet", "reason": " "}}}"#.utf8)
            .write(to: folder.appendingPathComponent("expectations/eager.json"))
        #expect(throws: CompatError.self) { try Expectations.load(root: folder, backend: "eager") }
    }
}
