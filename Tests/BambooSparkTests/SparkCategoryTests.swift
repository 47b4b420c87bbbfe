#if Spark
import Bamboo
import BambooPlan
import Testing

/// `category` columns on Spark travel as their values and come back with the plan's categories;
/// sorting and grouping follow category order, not value order, as in pandas.
@Suite(.enabled(SparkTestServer.skipNote) { await SparkTestServer.shouldRun() })
struct SparkCategoryTests {
    static func sparkSession() throws -> Session { try Session.spark(SparkTestServer.connectionString) }

    /// Categories deliberately not in value order ("z" first), with a missing value.
    static func frame(_ session: Session) throws -> DataFrame {
        let sizes = try Column(strings: ["m", "z", nil, "a", "z", "m"]).astype(.category(CategoryType(categories: [.string("z"), .string("m"), .string("a")], ordered: true)))
        return try DataFrame(columns: [
            (label: "size", column: sizes),
            (label: "v", column: Column(int64: [1, 2, 3, 4, 5, 6])),
            (label: "s", column: Column(strings: ["b", "x", "q", "b", "c", "zz"])),
        ], session: session)
    }

    func expectSame(_ pipeline: (Session) async throws -> DataFrame, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let eager = try await pipeline(Session.eager()).collect()
        let spark = try await pipeline(Self.sparkSession()).collect()
        #expect(spark.description == eager.description, "printed form", sourceLocation: sourceLocation)
        #expect(spark.dtypes.map(\.dtype) == eager.dtypes.map(\.dtype), "dtypes", sourceLocation: sourceLocation)
        #expect(try await spark.index().values.map(\.pythonRepr) == eager.index().values.map(\.pythonRepr), "index", sourceLocation: sourceLocation)
    }

    @Test func aCategoryColumnRoundTripsAndCompares() async throws {
        try await expectSame { session in
            var df = try Self.frame(session)
            df["isz"] = try df["size"] == "z"
            df["notm"] = try df["size"] != "m"
            df["missing"] = try df["size"].isna()
            df["back"] = try df["size"].astype(.string)
            df["known"] = try df["s"].astype(.category(CategoryType(categories: [.string("b"), .string("c")])))
            return df
        }
    }

    @Test func sortingAndGroupingFollowCategoryOrder() async throws {
        try await expectSame { session in try Self.frame(session).sortValues(by: "size") }
        try await expectSame { session in try Self.frame(session)[["size", "v"]].groupby("size").sum() }
        // Without row "v" == 4 the category "a" is unobserved: observed=False gives it an empty group (sum 0).
        try await expectSame { session in
            let df = try Self.frame(session)
            return try df[try df["v"] != 4][["size", "v"]].groupby("size", dropna: false, observed: false).sum()
        }
    }

    @Test func dataDependentCategoriesAreRefused() async throws {
        let df = try Self.frame(Self.sparkSession())
        await #expect { try await df[["size", "s", "v"]].groupby(["size", "s"], observed: false).sum().collect() } throws: { ($0 as? BambooError)?.code == .unsupportedOnBackend }
        await #expect { try await df.astype([.string("s"): .category(CategoryType(categories: nil))]).collect() } throws: {
            ($0 as? BambooError)?.code == .unsupportedOnBackend
        }
    }
}
#endif
