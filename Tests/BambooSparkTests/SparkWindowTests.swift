#if Spark
import Bamboo
import BambooCore
import BambooPlan
import Synchronization
import Testing

/// Window functions (`GroupWindow`) on Spark against the eager reference: per-group and
/// whole-frame cumulative functions, shifts, ranks, rolling and expanding windows.
@Suite(.enabled(SparkTestServer.skipNote) { await SparkTestServer.shouldRun() })
struct SparkWindowTests {
    let backend = SparkBackendTests()

    /// The shared awkward frame. Its bool column is left out where a window leaves it with
    /// missing values: the result is then object, which the comparison cannot upload back.
    func frame(_ session: Session) throws -> DataFrame { try SparkBackendTests.frame(session) }

    /// Like `expectSame`, for spreads (std, var) whose last bits depend on the summation order:
    /// the same dtypes and index, values within a relative 1e-12.
    func expectClose(_ pipeline: (Session) async throws -> DataFrame, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let eager = try await pipeline(Session.eager()).collect()
        let spark = try await pipeline(SparkBackendTests.sparkSession()).collect()
        #expect(spark.dtypes.map(\.dtype) == eager.dtypes.map(\.dtype), "dtypes", sourceLocation: sourceLocation)
        for label in eager.dtypes.map(\.label) {
            let (a, b) = (try await spark.values(label), try await eager.values(label))
            #expect(a.count == b.count, sourceLocation: sourceLocation)
            for (x, y) in zip(a, b) {
                let (u, v) = (x.doubleValue ?? .nan, y.doubleValue ?? .nan)
                #expect((u.isNaN && v.isNaN) || abs(u - v) <= 1e-12 * max(abs(u), abs(v)), "\(u) vs \(v)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func groupedCumulativeFunctionsKeepMissingValuesInPlace() async throws {
        for dropna in [true, false] {
            try await backend.expectSame { try frame($0)[["k", "x", "n", "m"]].groupby("k", dropna: dropna).cumsum() }
            try await backend.expectSame { try frame($0)[["k", "x", "n", "m"]].groupby("k", dropna: dropna).cummax() }
            try await backend.expectSame { try frame($0)[["k", "x", "n", "m"]].groupby("k", dropna: dropna).cumprod() }
            try await backend.expectSame { try frame($0)[["k", "x", "m"]].groupby("k", dropna: dropna).cummin(skipna: false) }
        }
    }

    @Test func groupedShiftsAndDifferences() async throws {
        try await backend.expectSame { try frame($0)[["k", "x", "n", "m"]].groupby("k").shift() }
        try await backend.expectSame { try frame($0)[["k", "x", "n", "m"]].groupby("k", dropna: false).shift(-1) }
        try await backend.expectSame { try frame($0)[["k", "f"]].groupby("k", dropna: false).cumsum() }
        try await backend.expectSame { try frame($0)[["k", "n", "x"]].groupby("k").shift(2, fillValue: .int(0)) }
        try await backend.expectSame { try frame($0)[["k", "x", "n", "m"]].groupby("k").diff() }
        try await backend.expectSame { try frame($0)[["x", "n"]].pctChange(2) }
        try await backend.expectSame { session in
            // Division by zero and by -0.0 follow IEEE, as pandas.
            try DataFrame(columns: [(label: "v", column: Column(float64: [0, 1, -0.0, 2, 0, -3, .nan, 0]))], session: session).pctChange()
        }
    }

    @Test func groupedRanksFollowEveryOption() async throws {
        for method in RankMethod.allCases {
            for naOption in RankNAOption.allCases {
                for pct in [false, true] {
                    try await backend.expectSame {
                        try frame($0)[["k", "x", "m", "n"]].groupby("k").rank(method: method, ascending: pct, naOption: naOption, pct: pct)
                    }
                }
            }
        }
        try await backend.expectSame { try frame($0)[["x", "k"]].rank(method: .dense, naOption: .bottom, pct: true) }
    }

    @Test func cumcountTransformAndGroupNumbers() async throws {
        try await backend.expectSame { try frame($0).groupby("k").cumcount().toFrame() }
        try await backend.expectSame { try frame($0).groupby("k", dropna: false).cumcount(ascending: false).toFrame() }
        try await backend.expectSame { try frame($0)[["k", "x", "n"]].groupby("k").transform("mean") }
        try await backend.expectSame { try frame($0)[["k", "x", "n"]].groupby("k").transform("std") }
        // Grouped rolling windows regroup rows by key, or by first appearance (group numbers).
        try await backend.expectSame { try frame($0)[["k", "x", "n"]].groupby("k", sort: false).rolling(2, minPeriods: 1).sum() }
        try await backend.expectSame { try frame($0)[["k", "x", "n"]].groupby("k").expanding().mean() }
    }

    @Test func wholeFrameWindows() async throws {
        try await backend.expectSame { try frame($0)[["x", "n", "m"]].cumsum() }
        try await backend.expectSame { try frame($0)[["x", "n", "m"]].rolling(3, minPeriods: 1).mean() }
        try await expectClose { try frame($0)[["x", "n"]].rolling(4, minPeriods: 2, center: true).std() }
        try await backend.expectSame { try frame($0)[["x", "n"]].rolling(3, minPeriods: 1).median() }
        try await backend.expectSame { try frame($0)[["x", "n", "m"]].rolling(2, minPeriods: 0).count() }
        try await expectClose { try frame($0)[["x", "n"]].expanding(minPeriods: 2).var(ddof: 0) }
    }

    /// 4,000 rows with runs of missing values, well past the lookback the Spark fold keeps
    /// (106 rows at alpha 0.5, 1,433 at 0.05): the values must still be pandas' bit for bit.
    @Test(arguments: [0.5, 0.05])
    func ewmMeansMatchTheRecurrenceBeyondTheLookback(alpha: Double) async throws {
        func frame(_ session: Session) throws -> DataFrame {
            let values = (0..<4_000).map { (i: Int) -> Double in
                let gap: Bool = i % 97 < 9 || i % 13 == 5
                let value: Double = Double((i * 7_919) % 1_009) / 7.0 - 50.0
                return gap ? .nan : value
            }
            let keys = (0..<4_000).map { Int64($0 % 3) }
            return try DataFrame(columns: [(label: "k", column: Column(int64: keys)), (label: "v", column: Column(float64: values))], session: session)
        }
        for adjust in [true, false] {
            for ignoreNA in [false, true] {
                try await backend.expectSame { try frame($0)[["v"]].ewm(alpha: alpha, minPeriods: 2, adjust: adjust, ignoreNA: ignoreNA).mean() }
                try await backend.expectSame { try frame($0).groupby("k").ewm(alpha: alpha, adjust: adjust, ignoreNA: ignoreNA).mean() }
            }
        }
    }

    @Test func ewmWithAnAlphaTooSmallToFoldIsRefusedNamingIt() async throws {
        let spark = try SparkBackendTests.sparkSession()
        let error = await #expect(throws: BambooError.self) { try await frame(spark)[["x"]].ewm(alpha: 0.001).mean().collect() }
        #expect(error?.code == .unsupportedOnBackend)
        #expect(error?.message.contains("alpha=0.001") ?? false)
    }

    @Test func actionsDeliverTheWholeFrameNoteToDiagnostics() async throws {
        let received = Mutex<[String]>([])
        var spark = try SparkBackendTests.sparkSession()
        spark.diagnostics = { note in received.withLock { $0.append(note) } }
        _ = try await frame(spark)[["x"]].cumsum().collect()
        _ = try await frame(spark).groupby("k").cumsum().collect()
        #expect(received.withLock { $0.count } == 1)
        #expect(received.withLock { $0.first?.contains("single Spark partition") ?? false })
    }
}

/// The whole-frame window note needs no server: `explain()` translates nothing.
struct SparkWindowNoteTests {
    @Test func explainNotesWholeFrameWindowsButNotGroupedOnes() throws {
        let spark = try Session.spark(SparkTestServer.connectionString)
        let df = try SparkBackendTests.frame(spark)
        let whole = try df[["x", "n"]].cumsum().explain()
        #expect(whole.contains("Note: GroupWindow cumsum over the whole frame runs in a single Spark partition"))
        #expect(try !df.groupby("k").cumsum().explain().contains("Note:"))
        #expect(try !SparkBackendTests.frame(Session.eager())[["x"]].cumsum().explain().contains("Note:"))
    }
}
#endif
