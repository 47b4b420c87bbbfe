#if Spark
import BambooSpark
import Foundation
import Testing

/// The Spark Connect server the live tests use: `BAMBOO_SPARK_REMOTE`, else the one
/// `Scripts/spark-server start` runs on 127.0.0.1:15002.
///
/// Without a server the live suites are skipped with one line saying how to start one; under
/// `CI=true` they run anyway and fail with the client's connection error, so CI cannot pass
/// without having tested against Spark.
enum SparkTestServer {
    static let connectionString = ProcessInfo.processInfo.environment["BAMBOO_SPARK_REMOTE"] ?? "sc://127.0.0.1:15002"
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"
    /// Set by Scripts/test-spark, whose server ends every response stream after a few bytes so that
    /// each execution must reattach.
    static let expectsReattach = ProcessInfo.processInfo.environment["BAMBOO_SPARK_EXPECT_REATTACH"] == "1"

    static let skipNote = Comment(rawValue:
        "no Spark Connect server at \(connectionString): start one with Scripts/spark-server start (or run Scripts/test-spark)")

    /// Probed once per test run, with a short connect timeout.
    private static let reachable = Task<Bool, Never> {
        guard let client = try? SparkConnectClient(connectionString, configuration: SparkClientConfiguration(connectTimeout: .seconds(5))) else {
            return false
        }
        let version = try? await client.sparkVersion()
        await client.close()
        return version != nil
    }

    static func shouldRun() async -> Bool {
        if isCI { return true }
        return await reachable.value
    }

    static func client() throws -> SparkConnectClient {
        try SparkConnectClient(connectionString)
    }
}
#endif
