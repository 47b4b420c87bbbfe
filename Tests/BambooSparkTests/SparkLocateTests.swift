#if Spark
import Bamboo
import BambooPlan
import Testing

/// Row selection by position and label (`iloc[[...]]`, masks, `loc[[...]]`, label slices,
/// `drop(index=)`, groupby head/tail/nth) on Spark against the eager reference, including the
/// pandas errors raised inside Spark.
@Suite(.enabled(SparkTestServer.skipNote) { await SparkTestServer.shouldRun() })
struct SparkLocateTests {
    let backend = SparkBackendTests()

    /// A frame with a string index that is not sorted and has a repeated label.
    static func frame(_ session: Session) throws -> DataFrame {
        let df = try DataFrame(columns: [
            (label: "id", column: Column(strings: ["d", "a", "c", "a", "e"])),
            (label: "k", column: Column(strings: ["x", "y", nil, "x", "y"])),
            (label: "v", column: Column(float64: [1.5, .nan, 3.0, -1.0, 2.0])),
        ], session: session)
        return try df.setIndex(["id"])
    }

    static func sorted(_ session: Session) throws -> DataFrame {
        let df = try DataFrame(columns: [
            (label: "id", column: Column(int64: [10, 20, 20, 30, 40])),
            (label: "v", column: Column(int64: [1, 2, 3, 4, 5])),
        ], session: session)
        return try df.setIndex(["id"])
    }

    @Test func ilocWithAListKeepsListOrderRepeatsAndNegatives() async throws {
        try await backend.expectSame { try Self.frame($0).iloc[[4, -1, 0, 0, 2]] }
        try await backend.expectSame { try Self.frame($0).sortValues(by: "v").iloc[[1, -2]] }
        try await backend.expectSame { try Self.frame($0).iloc[[Int]()] }
        try await backend.expectSame { try Self.frame($0).iloc[[true, false, true, true, false]] }
    }

    @Test func locWithLabelsAndSlices() async throws {
        try await backend.expectSame { try Self.frame($0).loc[["a", "e", "d"]] }
        try await backend.expectSame { try Self.sorted($0).loc[LabelSlice(15, 30)] }
        try await backend.expectSame { try Self.sorted($0).loc[LabelSlice(nil, 20, step: -1)] }
        try await backend.expectSame { try Self.frame($0).loc[LabelSlice("c", "e")] }
        try await backend.expectSame { try Self.frame($0).drop(index: ["a", "e"]) }
    }

    @Test func groupHeadTailNth() async throws {
        try await backend.expectSame { try Self.frame($0).groupby("k").head(1) }
        try await backend.expectSame { try Self.frame($0).groupby("k", dropna: false).tail(-1) }
        try await backend.expectSame { try Self.frame($0).groupby("k").nth([0, -1]) }
    }

    @Test func dataDependentErrorsArePandasErrors() async throws {
        let df = try Self.frame(SparkBackendTests.sparkSession())
        await #expect { try await df.iloc[[0, 5]].collect() } throws: { ($0 as? BambooError)?.code == .indexOutOfBounds }
        await #expect { try await df.iloc[[true, false]].collect() } throws: { ($0 as? BambooError)?.code == .indexOutOfBounds }
        await #expect { try await df.loc[["a", "zz"]].collect() } throws: { error in
            guard let error = error as? BambooError else { return false }
            return error.code == .keyNotFound && error.message.contains("'zz'") && error.message.contains("not in index")
        }
        await #expect { try await df.loc[LabelSlice("a", "e")].collect() } throws: { error in
            guard let error = error as? BambooError else { return false }
            return error.code == .keyNotFound && error.message.contains("non-unique")
        }
        await #expect { try await df.drop(index: ["q"]).collect() } throws: { ($0 as? BambooError)?.code == .keyNotFound }
    }
}
#endif
