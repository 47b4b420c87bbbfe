import Bamboo
import Testing

/// groupby through the plan; expectations taken from pandas 3.1.1 (the CompatMatrix holds the rest).
@Suite struct GroupByTests {
    let df: DataFrame

    init() throws {
        df = try DataFrame(["k": ["b", "a", nil, "b", "a"], "j": [1, 1, 2, 2, 1], "v": [1.0, nil, 3.0, 4.0, 5.0], "n": [1, 2, 3, 4, 5]])
    }

    @Test func sumsGroupsInKeyOrderAndDropsMissingKeys() async throws {
        let out = try await df.groupby("k").sum().collect()
        #expect(try await out.index().values == ["a", "b"])
        #expect(try await out.values("v") == [5.0, 5.0])
        #expect(try await out.values("n") == [7, 5])
        #expect(out.dtypes.map(\.dtype.name) == ["int64", "float64", "int64"])
    }

    @Test func firstAppearanceOrderAndTheMissingKeyGroup() async throws {
        let out = try await df.groupby("k", sort: false, dropna: false)["n"].sum().collect()
        #expect(try await out.index().values.map(\.description) == ["b", "a", "nan"])
        #expect(try await out.toList() == [5, 7, 3])
    }

    @Test func twoKeysMakeAMultiIndexAndPrintSparsified() async throws {
        let out = try await df.groupby(["k", "j"])[["n"]].sum().collect()
        #expect(out.indexNames == ["k", "j"])
        #expect(out.description == """
                 n
            k j   
            a 1  7
            b 1  1
              2  4
            """)
    }

    @Test func sizeCountsRowsAndCountSkipsMissing() async throws {
        #expect(try await df.groupby("k").size().toList() == [2, 2])
        #expect(try await df.groupby("k")["v"].count().toList() == [1, 2])
        let flat = try await df.groupby("k", asIndex: false).sizeFrame().collect()
        #expect(flat.columns.values == ["k", "size"])
    }

    @Test func standardDeviationPerGroup() async throws {
        let out = try await df.groupby("j")["v"].std().collect()
        #expect(try await out.toList().map(\.description) == ["2.8284271247461903", "0.7071067811865476"])
    }

    @Test func errorsNameTheColumn() {
        #expect { try df.groupby("kk") } throws: { ($0 as? BambooError)?.suggestions.first == "k" }
        #expect { try df.groupby("k")["k"].mean() } throws: { ($0 as? BambooError)?.code == .typeMismatch }
        #expect { try df.groupby("k", asIndex: false)["n"] } throws: { ($0 as? BambooError)?.code == .invalidArgument }
    }
}
