import ArgumentParser
import Bamboo
import BambooCompat
import Foundation

/// Runs the compatibility matrix on the chosen backends and prints the summary.
struct CompatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compat", abstract: "Run every CompatMatrix case on the chosen backends against pandas' goldens.",
        discussion: """
        MATRIX.md has a column for every backend; a backend not run here is shown as its expectations \
        file declares it (a run on it fails on any difference from that).
        """)

    @Option(help: "The CompatMatrix folder.") var root: String?
    @Option(name: .customLong("backend"), help: "A backend to run on: eager, or spark when built with the Spark trait (repeatable).")
    var backends: [String] = ["eager"]
    @Option(help: "Spark Connect server for --backend spark (default: $BAMBOO_SPARK_REMOTE, else sc://127.0.0.1:15002).")
    var sparkURL: String?
    @Option(help: "Run only the cases whose id contains this text (MATRIX.md is then neither written nor checked).")
    var filter: String?
    @Flag(help: "Write MATRIX.md from this run.") var writeMatrix = false
    @Flag(help: "Fail when MATRIX.md differs from this run.") var checkMatrix = false
    @Flag(help: "Store Bamboo's current output in every declared divergence.") var updateOutputs = false
    @Flag(help: "Declare what the eager backend's expectations already explain the same way, every refused variant unsupported (the backend's message as the reason), and drop stale declarations.")
    var updateDeclarations = false
    @Flag(help: "List every failing variant with its differences.") var verbose = false

    func session(_ backend: String) throws -> Session {
        switch backend {
        case "eager": return Session.eager()
        #if Spark
        case "spark":
            let url = sparkURL ?? ProcessInfo.processInfo.environment["BAMBOO_SPARK_REMOTE"] ?? "sc://127.0.0.1:15002"
            return try Session.spark(url)
        #endif
        default:
            throw ValidationError("Unknown backend '\(backend)'. Available: \(MatrixRunner.backends.joined(separator: ", ")) (spark needs a build with --traits Spark).")
        }
    }

    func run() async throws {
        let rootURL = root.map { URL(fileURLWithPath: $0) } ?? MatrixRunner.defaultRoot()
        let runner = try MatrixRunner(root: rootURL)
        var runs: [String: [VariantResult]] = [:]
        var failed = 0
        for backend in backends {
            let session = try session(backend)
            let started = ContinuousClock.now
            var expectations = try Expectations.load(root: rootURL, backend: session.backendName)
            let results = try await runner.run(session: session, expectations: expectations, filter: filter)
            if updateOutputs || updateDeclarations {
                if updateDeclarations { expectations = try runner.updatingDeclarations(
                    expectations, results: results, reference: backend == "eager" ? nil : Expectations.load(root: rootURL, backend: "eager")) }
                if updateOutputs { expectations = runner.updatingOutputs(expectations, results: results) }
                try expectations.save(root: rootURL)
            }
            runs[backend] = results
            let failures = results.filter { $0.outcome == .failure }
            failed += failures.count
            let counts = Dictionary(grouping: results, by: \.outcome).mapValues(\.count)
            let elapsed = ContinuousClock.now - started
            let seconds = String(format: "%.1f s", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            print("\(session.backendName): \(results.count) variants in \(seconds) — exact \(counts[.exact] ?? 0), diverges \(counts[.diverges] ?? 0), unsupported \(counts[.unsupported] ?? 0), not yet \(counts[.notYet] ?? 0), failures \(failures.count)")
            for failure in failures.prefix(verbose ? failures.count : 20) {
                print("  FAIL \(failure.variantID): \(failure.note)")
                for difference in failure.differences.prefix(3) { print("       \(difference)") }
            }
            if !verbose && failures.count > 20 { print("  ... \(failures.count - 20) more (use --verbose)") }
        }
        if filter != nil {
            if writeMatrix || checkMatrix { print("MATRIX.md is neither written nor checked by a filtered run.") }
            if failed > 0 { throw ExitCode(1) }
            return
        }
        var columns: [(backend: String, results: [VariantResult])] = []
        for backend in MatrixRunner.backends {
            let results = try runs[backend] ?? runner.declaredResults(Expectations.load(root: rootURL, backend: backend))
            columns.append((backend, results))
        }
        let document = try MatrixDocument.render(cases: runner.cases, runs: columns, root: rootURL)
        let matrixURL = rootURL.appendingPathComponent("MATRIX.md")
        if writeMatrix { try Data(document.utf8).write(to: matrixURL) }
        if checkMatrix, (try? String(contentsOf: matrixURL, encoding: .utf8)) != document {
            print("MATRIX.md is stale: run `swift run bamboo compat --write-matrix` and commit it.")
            throw ExitCode(1)
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
