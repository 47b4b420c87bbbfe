import ArgumentParser
import Bamboo
import Foundation

/// Times the demo pipeline's steps on a backend and prints one JSON line per step
/// (used by Benchmarks/run, which times pandas and polars on the same file in the same run).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Time the demo pipeline's steps (build with -c release; see Benchmarks/run).")

    @Option(help: "Write generated data with this many rows to --csv and exit.") var generate: Int?
    @Option(help: "The CSV file to read.") var csv: String
    @Option(name: .customLong("repeat"), help: "Repetitions; the fastest is reported.") var repetitions = 5

    static func fastest(_ repeats: Int, _ body: () async throws -> Void) async throws -> Double {
        var best = Double.infinity
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds
            try await body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    func run() async throws {
        if let rows = generate {
            try Data(DemoData.csv(rows: rows).utf8).write(to: URL(fileURLWithPath: csv))
            return
        }
        let session = Session.eager()
        var sales = try readCSV(csv, parseDates: ["day"], session: session)
        let read = try await Self.fastest(repetitions) { sales = try readCSV(csv, parseDates: ["day"], session: session) }
        let rows = try await sales.len()
        var kept = sales
        let filter = try await Self.fastest(repetitions) {
            let priced = try sales.dropna(subset: ["unit_price"])
            kept = try await priced[(priced["units"] > 0) & priced["region"].notna()].collect(maxRows: nil)
        }
        var withRevenue = kept
        let assign = try await Self.fastest(repetitions) {
            var frame = kept
            frame["revenue"] = try frame["units"] * frame["unit_price"]
            withRevenue = try await frame.collect(maxRows: nil)
        }
        let sort = try await Self.fastest(repetitions) {
            _ = try await withRevenue.sortValues(by: ["revenue", "order_id"], ascending: [false, true]).head(10).collect()
        }
        let sum = try await Self.fastest(repetitions) { _ = try await withRevenue["revenue"].sum() }
        for (step, seconds) in [("read_csv", read), ("dropna+filter", filter), ("assign", assign), ("sort+head", sort), ("sum", sum)] {
            print("{\"engine\": \"bamboo-\(session.backendName)\", \"step\": \"\(step)\", \"seconds\": \(seconds), \"rows\": \(rows)}")
        }
    }
}
