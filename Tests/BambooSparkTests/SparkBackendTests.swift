#if Spark
import Bamboo
import BambooPlan
import Testing

/// Each test builds the same pandas-style pipeline on the eager session (the reference) and on a
/// Spark session, and expects the same answer: values, dtypes, index and row order (compared
/// through pandas' printed form, which shows them all, and through the values themselves).
@Suite(.enabled(SparkTestServer.skipNote) { await SparkTestServer.shouldRun() })
struct SparkBackendTests {
    static func sparkSession() throws -> Session { try Session.spark(SparkTestServer.connectionString) }

    /// A frame with the awkward cases: ties, NaN, missing strings, a nullable int column.
    static func frame(_ session: Session) throws -> DataFrame {
        try DataFrame(columns: [
            (label: "k", column: Column(strings: ["b", "a", nil, "b", "a", "c", nil])),
            (label: "x", column: Column(float64: [1.5, .nan, 3.0, 1.5, -2.0, .nan, 0.0])),
            (label: "n", column: Column(int64: [3, 1, 2, 3, 0, 5, -4])),
            (label: "f", column: Column(bool: [true, false, true, false, true, true, false])),
            (label: "m", column: try Column.build([.int(1), .na, .int(3), .int(4), .na, .int(6), .int(7)], dtype: .nullableInt64)),
        ], session: session)
    }

    /// Runs `pipeline` on both backends and expects the same frame.
    func expectSame(_ pipeline: (Session) async throws -> DataFrame, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let eager = try await pipeline(Session.eager()).collect()
        let spark = try await pipeline(Self.sparkSession()).collect()
        #expect(spark.description == eager.description, "printed form", sourceLocation: sourceLocation)
        #expect(spark.dtypes.map(\.dtype) == eager.dtypes.map(\.dtype), "dtypes", sourceLocation: sourceLocation)
        #expect(spark.dtypes.map(\.label) == eager.dtypes.map(\.label), "labels", sourceLocation: sourceLocation)
        #expect(try await spark.index().values.map(\.pythonRepr) == eager.index().values.map(\.pythonRepr), "index", sourceLocation: sourceLocation)
        for label in eager.dtypes.map(\.label) {
            let (a, b) = (try await spark.values(label), try await eager.values(label))
            // NaN != NaN, so compare the Python spelling of each value.
            #expect(a.map(\.pythonRepr) == b.map(\.pythonRepr), "column \(label.pythonRepr)", sourceLocation: sourceLocation)
        }
    }

    @Test func aSourceComesBackWithItsDtypesAndOrder() async throws {
        try await expectSame { try Self.frame($0) }
    }

    @Test func arithmeticAndComparisonsFollowPandas() async throws {
        try await expectSame { session in
            var df = try Self.frame(session)
            df["sum"] = try df["x"] + df["n"]
            df["diff"] = try df["n"] - 1
            df["twice"] = try df["m"] * 2
            df["neg"] = try -df["n"]
            df["gt"] = try df["x"] > 1.0          // NaN compares False
            df["ne"] = try df["x"] != 1.5         // NaN compares True for !=
            df["eqs"] = try df["k"] == "b"        // missing string compares False
            df["both"] = try (df["n"] > 0) & df["f"]
            df["either"] = try (df["n"] > 2) | !df["f"]
            df["mgt"] = try df["m"] > 2           // boolean with <NA>
            return df
        }
    }

    @Test func missingValuesAreNaNOrNullAlike() async throws {
        try await expectSame { session in
            var df = try Self.frame(session)
            df["xna"] = try df["x"].isna()
            df["kna"] = try df["k"].notna()
            df["mna"] = try df["m"].isna()
            df["xfill"] = try df["x"].fillna(.float(9.5))
            df["kfill"] = try df["k"].fillna("?")
            df["mfill"] = try df["m"].fillna(.int(0))
            df["nf"] = try df["n"].astype(.float64)
            df["inx"] = try df["x"].isin([.float(1.5), .float(.nan)])
            return df
        }
    }

    @Test func integerDivisionByZeroAndOverflowGivePandasValues() async throws {
        try await expectSame { session in
            var df = try DataFrame(columns: [
                (label: "a", column: Column(int64: [1, -1, 0, 7, Int64.max, Int64.min])),
                (label: "b", column: Column(int64: [0, 0, 0, 2, 1, 1])),
            ], session: session)
            df["q"] = try df["a"] / df["b"]        // inf, -inf, NaN, 3.5, ...
            df["wrap"] = try df["a"] + df["b"]     // int64 wraps: Int64.max + 1 == Int64.min
            df["wrap2"] = try df["a"] * 2
            return df
        }
        try await expectSame { session in
            let df = try DataFrame(columns: [(label: "a", column: Column(int64: [Int64.max, 1]))], session: session)
            return try await df.sum().toFrame()          // the sum wraps too
        }
    }

    @Test func filtersKeepRowsInOrderAndDropMissingMasks() async throws {
        try await expectSame { session in
            let df = try Self.frame(session)
            return try df[try (df["x"] >= 0.0) | df["k"].isna()]
        }
        try await expectSame { session in
            let df = try Self.frame(session)
            return try df[try df["m"] > 2]         // <NA> in a boolean mask drops the row
        }
    }

    @Test func sortsAreStableAndPlaceMissingValuesAsAsked() async throws {
        try await expectSame { try Self.frame($0).sortValues(by: "n") }
        try await expectSame { try Self.frame($0).sortValues(by: "x", ascending: false) }
        try await expectSame { try Self.frame($0).sortValues(by: "x", naPosition: .first) }
        try await expectSame { try Self.frame($0).sortValues(by: ["k", "x"], ascending: [true, false], naPosition: .first) }
        try await expectSame { try Self.frame($0).sortValues(by: "f") }     // ties keep source order
    }

    @Test func headAndTailAfterASortTakeTheOrderedRows() async throws {
        try await expectSame { try Self.frame($0).sortValues(by: "x", ascending: false).head(3) }
        try await expectSame { try Self.frame($0).sortValues(by: "n").tail(2) }
        try await expectSame { try Self.frame($0).head(2) }
        try await expectSame { try Self.frame($0).iloc[2..<5] }
        try await expectSame { session in
            let df = try Self.frame(session)
            return try df[try df["n"] > 0].sortValues(by: "k").head(10)
        }
    }

    @Test func groupbyAggregatesInPandasGroupOrder() async throws {
        try await expectSame { try Self.frame($0).groupby("k").sum() }
        try await expectSame { try Self.frame($0).groupby("k").mean() }
        try await expectSame { try Self.frame($0)[["k", "x", "n"]].groupby("k").min() }
        try await expectSame { try Self.frame($0)[["k", "x", "n"]].groupby("k").max() }
        try await expectSame { try Self.frame($0).groupby("k").count() }
        try await expectSame { try Self.frame($0).groupby("k").size().toFrame() }
        try await expectSame { try Self.frame($0).groupby("k").first() }
        try await expectSame { try Self.frame($0).groupby("k").last() }
    }

    @Test func groupbyWithMissingKeysAndFirstAppearanceOrder() async throws {
        try await expectSame { try Self.frame($0).groupby("k", sort: false).sum() }
        try await expectSame { try Self.frame($0).groupby("k", sort: false, dropna: false).sum() }
        try await expectSame { try Self.frame($0).groupby("k", dropna: false)["n"].sum().toFrame() }
        try await expectSame { try Self.frame($0)[["x", "n"]].groupby("x", sort: false, dropna: false).sum() }  // NaN key group
        try await expectSame { try Self.frame($0)[["x", "n"]].groupby("x").count() }
        try await expectSame { try Self.frame($0)[["k", "f", "n"]].groupby(["k", "f"]).sum() }
    }

    @Test func firstLastAndFirstAppearanceFollowASortsOrder() async throws {
        try await expectSame { try Self.frame($0).sortValues(by: "x").groupby("k").first() }
        try await expectSame { try Self.frame($0).sortValues(by: "x", naPosition: .first).groupby("k", dropna: false).last() }
        try await expectSame { try Self.frame($0).sortValues(by: "n").groupby("k", sort: false, dropna: false).sum() }
    }

    @Test func valueCountsInPandasOrder() async throws {
        try await expectSame { try Self.frame($0)["k"].valueCounts().toFrame() }
        try await expectSame { try Self.frame($0)["k"].valueCounts(dropna: false).toFrame() }
        try await expectSame { try Self.frame($0)["x"].valueCounts(normalize: true, dropna: false).toFrame() }
        try await expectSame { try Self.frame($0)["n"].valueCounts(sort: false).toFrame() }
        try await expectSame { try Self.frame($0)[["k", "f"]].valueCounts(ascending: true).toFrame() }
    }

    @Test func duplicatesAndDropDuplicates() async throws {
        try await expectSame { try Self.frame($0)[["k", "x"]].duplicated().toFrame() }
        try await expectSame { try Self.frame($0)[["k", "x"]].duplicated(keep: .last).toFrame() }
        try await expectSame { try Self.frame($0)[["k", "x"]].duplicated(keep: .none).toFrame() }
        try await expectSame { try Self.frame($0)[["k", "n"]].dropDuplicates(subset: ["k"]) }
        try await expectSame { try Self.frame($0).sortValues(by: "x")[["x"]].dropDuplicates() }
        let unique = try await Self.frame(Self.sparkSession())["k"].unique()
        let expected = try await Self.frame(Session.eager())["k"].unique()
        #expect(unique.map(\.pythonRepr) == expected.map(\.pythonRepr))
        #expect(unique.count == 4)
    }

    @Test func floatSumsDoNotDependOnPartitioning() async throws {
        // Summed one by one, ten 0.1s make 0.9999999999999999; pandas says 1.0.
        try await expectSame { session in
            let df = try DataFrame(columns: [
                (label: "g", column: Column(int64: Array(repeating: 1, count: 10) + Array(repeating: 2, count: 3))),
                (label: "v", column: Column(float64: Array(repeating: 0.1, count: 10) + [1e-9, 3.0, .infinity])),
            ], session: session)
            return try df.groupby("g").sum()
        }
        try await expectSame { session in
            let df = try DataFrame(columns: [(label: "v", column: Column(float64: Array(repeating: 0.1, count: 10)))], session: session)
            return try await df.sum().toFrame()
        }
    }

    @Test func reductionsSkipMissingValues() async throws {
        try await expectSame { try await Self.frame($0)[["x", "n", "m"]].sum().toFrame() }
        try await expectSame { try await Self.frame($0)[["x", "n", "m"]].mean().toFrame() }
        try await expectSame { try await Self.frame($0)[["x", "n"]].min().toFrame() }
        try await expectSame { try await Self.frame($0)[["x", "n"]].max().toFrame() }
        try await expectSame { try await Self.frame($0).count().toFrame() }
        let spark = try Self.frame(Self.sparkSession())
        #expect(try await spark["x"].sum() == .float(4.0))
        #expect(try await spark.len() == 7)
    }

    @Test func datetimesTravelInTheirUnit() async throws {
        try await expectSame { session in
            let day = Column(dtype: .datetime(.s, tz: nil), values: .int64([1_767_225_600, 0, -86_400]))
            let stamp = Column(dtype: .datetime(.ns, tz: nil), values: .int64([1_000, 2_000_000, 3_000]))
            let df = try DataFrame(columns: [(label: "day", column: day), (label: "t", column: stamp),
                                             (label: "v", column: Column(int64: [1, 2, 3]))], session: session)
            return try df.sortValues(by: "v", ascending: false)
        }
        let fine = Column(dtype: .datetime(.ns, tz: nil), values: .int64([1]))
        let df = try DataFrame(columns: [(label: "t", column: fine)], session: Self.sparkSession())
        await #expect { try await df.head(5).collect() } throws: { error in
            guard let error = error as? BambooError else { return false }
            return error.code == .unsupportedOnBackend && error.message.contains("finer than a microsecond")
        }
    }

    @Test func hostileColumnNamesAreJustLabels() async throws {
        let hostile = "a`; DROP TABLE t"
        try await expectSame { session in
            var df = try DataFrame(columns: [
                (label: .string(hostile), column: Column(int64: [2, 1, 2])),
                (label: "x) OR (1=1", column: Column(float64: [0.5, .nan, 1.5])),
            ], session: session)
            df["'quoted\"name"] = try df[hostile] * 10
            return try df.sortValues(by: [.string(hostile), "x) OR (1=1"]).groupby(.string(hostile)).sum()
        }
    }

    @Test func anUntranslatedNodeIsRefusedByName() async throws {
        let df = try Self.frame(Self.sparkSession())
        await #expect { try await df[["n", "x"]].ewm(alpha: 0.001).mean().collect() } throws: { error in
            guard let error = error as? BambooError else { return false }
            return error.code == .unsupportedOnBackend && error.message.contains("GroupWindow") && error.message.contains("spark")
        }
        await #expect { try await df.groupby("k").sem().collect() } throws: { error in
            guard let error = error as? BambooError else { return false }
            return error.code == .unsupportedOnBackend && error.message.contains("Aggregate") && error.message.contains("sem")
        }
        await #expect { try await df.iloc[PositionSlice(2, -1)].collect() } throws: { error in
            guard let error = error as? BambooError else { return false }
            return error.code == .unsupportedOnBackend && error.message.contains("Slice")
        }
        await #expect { try await df.sortValues(by: "n", ascending: false).groupby("k", sort: false).sum().collect() } throws: { error in
            (error as? BambooError)?.code == .unsupportedOnBackend
        }
    }
}

/// No server needed: the connection string is checked when the session is made.
@Suite struct SparkSessionConstructionTests {
    @Test func aMalformedURLThrowsAtOnce() {
        #expect { try Session.spark("http://127.0.0.1:15002") } throws: { ($0 as? BambooError)?.code == .invalidArgument }
        #expect { try Session.spark("sc://") } throws: { ($0 as? BambooError)?.code == .invalidArgument }
    }

    @Test func aWellFormedURLConnectsLazily() throws {
        // Nothing listens on port 1: making the session must not try to connect.
        #expect(try Session.spark("sc://127.0.0.1:1").backendName == "spark")
    }
}
#endif
