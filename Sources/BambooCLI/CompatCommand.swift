import ArgumentParser
import Bamboo
import BambooCompat
import Foundation

/// Runs the compatibility matrix on every reachable backend and prints the summary.
struct CompatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compat", abstract: "Run every CompatMatrix case on every reachable backend against pandas' goldens.")

    @Option(help: "The CompatMatrix folder.") var root: String?
    @Flag(help: "Write MATRIX.md from this run.") var writeMatrix = false
    @Flag(help: "Fail when MATRIX.md differs from this run.") var checkMatrix = false
    @Flag(help: "Store Bamboo's current output in every declared divergence.") var updateOutputs = false
    @Flag(help: "List every failing variant with its differences.") var verbose = false

    func run() async throws {
        let rootURL = root.map { URL(fileURLWithPath: $0) } ?? MatrixRunner.defaultRoot()
        let runner = try MatrixRunner(root: rootURL)
        var runs: [(backend: String, results: [VariantResult])] = []
        var failed = 0
        for session in [Session.eager()] {
            var expectations = try Expectations.load(root: rootURL, backend: session.backendName)
            let results = try await runner.run(session: session, expectations: expectations)
            if updateOutputs {
                expectations = runner.updatingOutputs(expectations, results: results)
                try expectations.save(root: rootURL)
            }
            runs.append((session.backendName, results))
            let failures = results.filter { $0.outcome == .failure }
            failed += failures.count
            let counts = Dictionary(grouping: results, by: \.outcome).mapValues(\.count)
            print("\(session.backendName): \(results.count) variants — exact \(counts[.exact] ?? 0), diverges \(counts[.diverges] ?? 0), unsupported \(counts[.unsupported] ?? 0), not yet \(counts[.notYet] ?? 0), failures \(failures.count)")
            for failure in failures.prefix(verbose ? failures.count : 20) {
                print("  FAIL \(failure.variantID): \(failure.note)")
                for difference in failure.differences.prefix(3) { print("       \(difference)") }
            }
            if !verbose && failures.count > 20 { print("  ... \(failures.count - 20) more (use --verbose)") }
        }
        let document = try MatrixDocument.render(cases: runner.cases, runs: runs, root: rootURL)
        let matrixURL = rootURL.appendingPathComponent("MATRIX.md")
        if writeMatrix { try Data(document.utf8).write(to: matrixURL) }
        if checkMatrix, (try? String(contentsOf: matrixURL, encoding: .utf8)) != document {
            print("MATRIX.md is stale: run `swift run bamboo compat --write-matrix` and commit it.")
            throw ExitCode(1)
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
