import ArgumentParser
import Bamboo
import Foundation

/// The main job: a pandas-style cleaning pipeline over generated sales data, run on a backend.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Run a pandas-style pipeline on generated sales data and print the result and its plan.")

    @Option(help: "Rows of generated data.") var rows = 200_000
    @Option(help: "Backend to run on (eager, or spark when built with the Spark trait).") var backend = "eager"
    @Option(help: "Spark Connect server for --backend spark.") var sparkURL = "sc://127.0.0.1:15002"
    @Flag(inversion: .prefixedNo, help: "Draw a progress bar on standard error while Spark runs (default: when it is a terminal).")
    var progress: Bool?

    /// The session for `--backend`: the pipeline below is the same on every backend.
    func makeSession() throws -> Session {
        switch backend {
        case "eager": return Session.eager()
        #if Spark
        case "spark": return try Session.spark(sparkURL)
        #endif
        default:
            #if Spark
            throw ValidationError("Unknown backend '\(backend)'. Available: eager, spark.")
            #else
            throw ValidationError("Unknown backend '\(backend)'. Available: eager (spark needs a build with --traits Spark).")
            #endif
        }
    }

    func run() async throws {
        var session = try makeSession()
        let bar = ProgressBar()
        if progress ?? ProgressBar.standardErrorIsTerminal {
            session.progress = { bar.report($0) }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bamboo-demo-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sales.csv").path
        try Data(DemoData.csv(rows: rows).utf8).write(to: URL(fileURLWithPath: path))

        let started = Date()
        // The pandas original:
        //   sales = pd.read_csv(path, parse_dates=["day"])
        //   sales = sales.dropna(subset=["unit_price"])
        //   sales = sales[(sales["units"] > 0) & (sales["region"].notna())]
        //   sales["revenue"] = sales["units"] * sales["unit_price"]
        //   top = sales.sort_values(["revenue", "order_id"], ascending=[False, True]).head(10)
        let raw = try readCSV(path, parseDates: ["day"], session: session)
        let priced = try raw.dropna(subset: ["unit_price"])
        var sales = try priced[(priced["units"] > 0) & priced["region"].notna()]
        sales["revenue"] = try sales["units"] * sales["unit_price"]
        let top = try sales.sortValues(by: ["revenue", "order_id"], ascending: [false, true]).head(10)

        let result = try await top.collect()
        let kept = try await sales.len()
        let total = try await sales["revenue"].sum()
        bar.finish()
        let elapsed = Date().timeIntervalSince(started)

        print("Top 10 orders by revenue (\(kept) of \(rows) orders kept, total revenue \(total)):\n")
        print(result)
        print("\nPlan (optimized) on the \(session.backendName) backend:\n")
        print(try top.explain())
        print(String(format: "\nRan in %.2f s.", elapsed))
    }
}
