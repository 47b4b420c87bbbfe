#if Spark
import Bamboo
import BambooSpark
import Testing

/// Positions after filters and sorts (`reset_index`, a new RangeIndex) come from per-partition
/// counts, not a global `row_number()`: checked on a frame spread over several partitions, where
/// a wrong offset would show as a gap or a repeat.
@Suite(.enabled(SparkTestServer.skipNote) { await SparkTestServer.shouldRun() })
struct SparkPositionTests {
    @Test func positionsAfterASortAndAFilterAreDenseAcrossPartitions() async throws {
        let backend = try SparkBackend(SparkTestServer.connectionString)
        // Several shuffle partitions, none merged away, so the sort spreads rows over them.
        try await backend.client.setConfiguration(["spark.sql.shuffle.partitions": "7", "spark.sql.adaptive.enabled": "false"])
        let spark = Session(backend: backend)
        let n = 5_000
        func pipeline(_ session: Session) throws -> DataFrame {
            let df = try DataFrame(columns: [
                (label: "k", column: Column(int64: (0..<n).map { Int64(($0 * 7_919) % 1_000) })),
                (label: "v", column: Column(int64: (0..<n).map { Int64($0) })),
            ], session: session)
            return try df[try df["k"] != 500].sortValues(by: ["k", "v"], ascending: [false, true]).resetIndex()
        }
        let expected = try await pipeline(Session.eager()).collect()
        let actual = try await pipeline(spark).collect()
        #expect(try await actual.index().values.map(\.pythonRepr) == expected.index().values.map(\.pythonRepr))
        #expect(try await actual.values("index").map(\.pythonRepr) == expected.values("index").map(\.pythonRepr))
        #expect(try await actual.values("k").map(\.pythonRepr) == expected.values("k").map(\.pythonRepr))
        // The plan numbers rows by partition: no window over the whole frame.
        #expect(actual.description == expected.description)
    }
}
#endif
