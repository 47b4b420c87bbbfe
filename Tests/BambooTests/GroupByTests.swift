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

/// Swift closures in plans; expectations from pandas 3.1.1 running the equivalent lambdas.
@Suite struct ClosureTests {
    let df: DataFrame

    init() throws {
        df = try DataFrame(["k": ["a", "b", "a", "b", "c"], "v": [1, 2, 3, 4, 5]], index: ["p", "q", "r", "s", "t"])
    }

    static func ints(_ values: [Scalar]) -> [Int64] { values.compactMap { if case .int(let i) = $0 { return i } else { return nil } } }

    @Test func applyAggregatesEachGroup() async throws {
        // df.groupby("k")["v"].apply(lambda g: g.max() - g.min())
        let spread = try await df.groupby("k")["v"].apply(dtype: .int64) { values in
            let xs = ClosureTests.ints(values)
            return .int((xs.max() ?? 0) - (xs.min() ?? 0))
        }.collect()
        #expect(try await spread.toList() == [2, 2, 0])
        #expect(try await spread.index().values == ["a", "b", "c"])
    }

    @Test func transformKeepsRowsInPlace() async throws {
        // df.groupby("k")["v"].transform(lambda g: g - g.mean())
        let centred = try await df.groupby("k")["v"].transform(dtype: .float64) { values in
            let xs = ClosureTests.ints(values).map(Double.init)
            let mean = xs.reduce(0, +) / Double(xs.count)
            return xs.map { .float($0 - mean) }
        }.toList()
        #expect(centred == [-1.0, -1.0, 1.0, 1.0, 0.0])
    }

    @Test func filterKeepsWholeGroups() async throws {
        // df.groupby("k").filter(lambda g: g["v"].sum() > 5)
        let kept = try await df.groupby("k").filter(column: "v") { values in ClosureTests.ints(values).reduce(0, +) > 5 }.collect()
        #expect(try await kept.index().values == ["q", "s"])
        #expect(try await kept.values("v") == [2, 4])
    }

    @Test func mapRunsPerValueAndShowsInThePlan() async throws {
        let tens = try df["v"].map(dtype: .int64) { value in
            guard case .int(let x) = value else { return .none }
            return .int(x * 10)
        }
        #expect(try await tens.toList() == [10, 20, 30, 40, 50])
        #expect(try tens.explain().contains("[Swift closure]"))
    }

    @Test func aTransformMustReturnOneValuePerRow() async throws {
        let broken = try df.groupby("k")["v"].transform(dtype: .int64) { _ in [.int(1)] }
        await #expect { try await broken.toList() } throws: { ($0 as? BambooError)?.code == .shapeMismatch }
    }
}

@Suite struct MultiLevelColumnTests {
    @Test func aListOfAggregationsMakesTwoLevelColumnsPrintedAsPandasDoes() async throws {
        let df = try DataFrame(["k": ["a", "b", "a"], "v": [1, 2, 3], "w": [4, 5, 5]])
        let out = try await df.groupby("k").agg(["sum", "max"]).collect()
        #expect(out.columns.values == [.tuple(["v", "sum"]), .tuple(["v", "max"]), .tuple(["w", "sum"]), .tuple(["w", "max"])])
        // pandas 3.1.1: print(df.groupby("k").agg(["sum", "max"]))
        #expect(out.description == """
                v       w    
              sum max sum max
            k                
            a   4   3   9   5
            b   2   2   5   5
            """)
    }

    @Test func namedAggregation() async throws {
        let df = try DataFrame(["k": ["a", "b", "a"], "v": [1, 2, 3]])
        let out = try await df.groupby("k").agg(named: ["total": ("v", "sum"), "top": ("v", "max")]).collect()
        #expect(out.columns.values == ["total", "top"])
        #expect(try await out.values("total") == [4, 2])
    }
}

@Suite struct UniqueTests {
    @Test func uniqueKeepsFirstAppearanceAndOneMissingValue() async throws {
        // pandas 3.1.1: pd.Series([3, None, 3, 1]).unique() → [3.0, nan, 1.0]
        let values = try await Series([3, nil, 3, 1]).unique()
        #expect(values.map(\.description) == ["3.0", "nan", "1.0"])
    }
}

@Suite struct StackTests {
    @Test func stackIsRowMajorAndKeepsMissingCells() async throws {
        // pandas 3.1.1: pd.DataFrame({"a": [1, None], "b": [3.5, 4]}, index=["x", "y"]).stack()
        let df = try DataFrame(["a": [1, nil], "b": [3.5, 4]], index: ["x", "y"])
        let stacked = try await df.stack().collect()
        #expect(try await stacked.toList().map(\.description) == ["1.0", "3.5", "nan", "4.0"])
        let index = try await stacked.index()
        #expect(index.levelCount == 2)
        #expect(index.levels[0].scalars == ["x", "x", "y", "y"])
        #expect(index.levels[1].scalars == ["a", "b", "a", "b"])
        #expect(stacked.dtype == .float64)
    }
}
