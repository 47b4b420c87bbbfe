#if Spark
import Bamboo
import BambooPlan
import Testing

/// merge / join / concat / index alignment on Spark against the eager reference: values,
/// dtypes, index and pandas' row order (missing keys, duplicate keys, outer key order).
@Suite(.enabled(SparkTestServer.skipNote) { await SparkTestServer.shouldRun() })
struct SparkJoinTests {
    static func left(_ session: Session) throws -> DataFrame {
        try DataFrame(columns: [
            (label: "k", column: Column(strings: ["b", nil, "a", "b", "d"])),
            (label: "x", column: Column(float64: [1.5, .nan, 3.0, -1.0, 0.5])),
            (label: "n", column: Column(int64: [1, 2, 3, 4, 5])),
        ], session: session)
    }

    static func right(_ session: Session) throws -> DataFrame {
        try DataFrame(columns: [
            (label: "k", column: Column(strings: ["a", "b", nil, "c", "b"])),
            (label: "n", column: Column(int64: [10, 20, 30, 40, 50])),
            (label: "f", column: Column(bool: [true, false, true, false, true])),
        ], session: session)
    }

    func expectSame(_ pipeline: (Session) async throws -> DataFrame, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let eager = try await pipeline(Session.eager()).collect()
        let spark = try await pipeline(SparkBackendTests.sparkSession()).collect()
        #expect(spark.description == eager.description, "printed form", sourceLocation: sourceLocation)
        #expect(spark.dtypes.map(\.dtype) == eager.dtypes.map(\.dtype), "dtypes", sourceLocation: sourceLocation)
        #expect(try await spark.index().values.map(\.pythonRepr) == eager.index().values.map(\.pythonRepr), "index", sourceLocation: sourceLocation)
    }

    @Test(arguments: [JoinHow.inner, .left, .right, .outer, .cross, .leftAnti, .rightAnti])
    func mergeMatchesMissingKeysInPandasOrder(how: JoinHow) async throws {
        try await expectSame { session in
            try Self.left(session).merge(Self.right(session), how: how, on: how == .cross ? nil : ["k"])
        }
    }

    @Test func mergeSortIndicatorAndSuffixes() async throws {
        try await expectSame { try Self.left($0).merge(Self.right($0), how: .right, on: ["k"], sort: true) }
        try await expectSame { try Self.left($0).merge(Self.right($0), how: .outer, on: ["k"], suffixes: ("_l", "_r"), indicator: true) }
        try await expectSame { try Self.left($0).merge(Self.right($0), how: .inner, leftOn: ["n"], rightOn: ["n"]) }
    }

    @Test func joinOnTheIndex() async throws {
        try await expectSame { session in
            let right = try Self.right(session).dropDuplicates(subset: ["k"]).setIndex("k")
            return try Self.left(session).join(right, on: ["k"], how: .left, rsuffix: "_r")
        }
        try await expectSame { session in
            try Self.left(session).setIndex("k").join(Self.right(session).setIndex("k"), how: .outer, lsuffix: "_l", rsuffix: "_r")
        }
    }

    @Test func validateRaisesPandasErrorAtRunTime() async throws {
        let session = try SparkBackendTests.sparkSession()
        let merged = try Self.left(session).merge(Self.right(session), on: ["k"], validate: .oneToOne)
        await #expect { try await merged.collect() } throws: { error in
            guard let error = error as? BambooError else { return false }
            return error.code == .invalidArgument && error.message.contains("not unique in left dataset")
        }
        try await expectSame { try Self.left($0).merge(Self.right($0).dropDuplicates(subset: ["k"]), on: ["k"], validate: .manyToOne) }
    }

    @Test func concatStacksInputsInSequence() async throws {
        try await expectSame { try concat([Self.left($0), Self.right($0)[["k", "n"]]]) }
        try await expectSame { try concat([Self.right($0)[["k", "n"]].sortValues(by: "n", ascending: false), Self.left($0)], ignoreIndex: true) }
        try await expectSame { try concat([Self.left($0), Self.right($0)], join: .inner, keys: ["l", "r"]) }
        try await expectSame { try concatColumns([Self.left($0).setIndex("k"), Self.right($0).dropDuplicates(subset: ["k"]).setIndex("k")]) }
    }

    @Test func seriesAlignOnTheirIndexes() async throws {
        try await expectSame { session in
            let a = try Self.left(session).setIndex("k")["x"], b = try Self.right(session).dropDuplicates(subset: ["k"]).setIndex("k")["n"]
            return try (a + b).toFrame()
        }
        // Equal indexes (with a repeated label) pair in place.
        try await expectSame { session in
            let a = try Self.left(session).setIndex("k")["x"], b = try Self.left(session).setIndex("k")["n"]
            return try (a * b).toFrame()
        }
        try await expectSame { session in
            var df = try Self.left(session).dropDuplicates(subset: ["k"]).setIndex("k")
            df["m"] = try Self.right(session).dropDuplicates(subset: ["k"]).setIndex("k")["f"]
            return df
        }
    }

    @Test func unalignableMaskAndDuplicateLabelsRaise() async throws {
        let session = try SparkBackendTests.sparkSession()
        let df = try Self.left(session).dropDuplicates(subset: ["k"]).setIndex("k")
        let mask = try Self.right(session).dropDuplicates(subset: ["k"]).setIndex("k")["f"]
        await #expect { try await df[mask].collect() } throws: { ($0 as? BambooError)?.code == .invalidArgument }
        var assigned = df
        assigned["m"] = try Self.right(session).setIndex("k")["n"]
        await #expect { try await assigned.collect() } throws: { error in
            (error as? BambooError)?.message.contains("duplicate labels") == true
        }
    }

    @Test func computingOnAnUpcastIntColumnIsRefused() async throws {
        let session = try SparkBackendTests.sparkSession()
        let merged = try Self.left(session).merge(Self.right(session), how: .left, on: ["k"])
        await #expect { try await merged.groupby("k").sum().collect() } throws: { ($0 as? BambooError)?.code == .unsupportedOnBackend }
        // Filtering may drop the rows that made pandas upcast: refused; a cast first makes it exact.
        await #expect { try await merged[try merged["n_y"] > 15].collect() } throws: { ($0 as? BambooError)?.code == .unsupportedOnBackend }
        try await expectSame { session in
            var merged = try Self.left(session).merge(Self.right(session), how: .left, on: ["k"])
            merged["n_y"] = try merged["n_y"].astype(.float64)
            merged["f"] = try merged["f"].astype(.nullableBool)
            merged["big"] = try merged["n_y"] > 15
            return try merged[try merged["big"]]
        }
    }
}
#endif
