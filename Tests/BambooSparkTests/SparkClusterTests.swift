#if Spark
import Bamboo
import Foundation
import Synchronization
import Testing

/// Whether the cluster test runs: under CI, or when asked for.
enum SparkClusterGate {
    static let shouldRun = ProcessInfo.processInfo.environment["CI"] == "true"
        || ProcessInfo.processInfo.environment["BAMBOO_SPARK_CLUSTER"] == "1"
    static let skipNote = Comment(rawValue: "the standalone-cluster test starts four JVMs: run it with BAMBOO_SPARK_CLUSTER=1 (CI=true runs it)")
}

/// Bamboo on a real standalone cluster (`Scripts/spark-cluster`: a master, two one-core workers and
/// Spark Connect attached to them): a job's tasks run on both workers, and killing one worker in
/// the middle of a job still gives the right answer, because Spark reruns the lost tasks.
///
/// Starting the cluster takes 20 to 50 s (the whole test about 2 minutes), so it runs under `CI=true` or with
/// `BAMBOO_SPARK_CLUSTER=1`, and is skipped with that note elsewhere.
@Suite(.enabled(if: SparkClusterGate.shouldRun, SparkClusterGate.skipNote), .serialized)
struct SparkClusterTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `Scripts/spark-cluster arguments...`, returning its standard output; throws on failure.
    @discardableResult
    static func cluster(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = repository.appendingPathComponent("Scripts/spark-cluster")
        process.arguments = arguments
        process.currentDirectoryURL = repository
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw BambooError(.io, "Scripts/spark-cluster \(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): \(text)")
        }
        return text
    }

    struct Executor: Decodable {
        let id: String
        let isActive: Bool
        let totalTasks: Int
    }

    static func executors() throws -> [Executor] {
        try JSONDecoder().decode([Executor].self, from: Data(try cluster("executors").utf8)).filter { $0.id != "driver" }
    }

    /// `rows` lines `k,v` with k = i % 10 and v = i, and the sum of v per k.
    static func writeNumbers(_ rows: Int, to path: String) throws -> [Int64] {
        var text = "k,v\n"
        text.reserveCapacity(rows * 12)
        var sums = [Int64](repeating: 0, count: 10)
        for i in 0..<rows {
            text += "\(i % 10),\(i)\n"
            sums[i % 10] += Int64(i)
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return sums
    }

    @Test func tasksSpreadOverBothWorkersAndSurviveLosingOne() async throws {
        let folder = Self.repository.appendingPathComponent(".build-spark-cluster/data")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("numbers.csv").path
        let expected = try Self.writeNumbers(3_000_000, to: path).map { Scalar.int($0) }
        try Self.cluster("start")
        defer { _ = try? Self.cluster("stop") }

        // One job: the cluster reads the file in several splits and sums per key.
        var session = try Session.spark("sc://127.0.0.1:15022")
        let numbers = try await session.readCSV(path)
        #expect(try await numbers.groupby("k").sum()["v"].toList() == expected)
        let spread = try Self.executors()
        #expect(spread.count == 2 && spread.allSatisfy { $0.isActive && $0.totalTasks > 0 },
                "tasks per executor: \(spread.map { ($0.id, $0.totalTasks) })")

        // The same job again, losing worker 2 as soon as Spark reports running tasks.
        let killed = Mutex(false)
        session.progress = { progress in
            guard progress.totalTasks > 0, killed.withLock({ done in defer { done = true }; return !done }) else { return }
            _ = try? Self.cluster("kill-worker", "2")
        }
        var again = try await session.readCSV(path)
        again["w"] = try again["v"] * 2
        let sums = try await again.groupby("k").sum()["w"].toList()
        #expect(killed.withLock { $0 }, "no progress report arrived, so no worker was killed")
        #expect(sums == expected.map { value in if case .int(let x) = value { return .int(x * 2) } else { return value } })
        let after = try Self.executors()
        #expect(after.contains { !$0.isActive }, "the killed worker's executor is still listed as active")
    }
}
#endif
