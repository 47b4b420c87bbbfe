import Bamboo
import BambooEager
import BambooPlan
import Testing

/// Facade behaviour beyond what the CompatMatrix compares: laziness, errors, limits, display.
@Suite struct FacadeTests {
    let df: DataFrame

    init() throws {
        df = try DataFrame(["price": [2.5, nil, 4.0, 1.0], "qty": [3, 1, 5, 2], "name": ["a", "b", nil, "d"]])
    }

    @Test func unknownColumnsThrowAtOnceWithCloseMatches() {
        #expect { try df["prce"] } throws: { error in
            guard let e = error as? BambooError else { return false }
            return e.code == .columnNotFound && e.suggestions == ["price"] && e.message.contains("'prce'")
        }
        #expect { try df.sortValues(by: "qtty") } throws: { ($0 as? BambooError)?.suggestions == ["qty"] }
        #expect { try df[["price", "nope"]] } throws: { ($0 as? BambooError)?.code == .columnNotFound }
    }

    @Test func typeErrorsSurfaceWhenTheExpressionIsBuilt() {
        #expect { try df["name"] - 1 } throws: { ($0 as? BambooError)?.code == .typeMismatch }
        #expect { try df[df["qty"]] } throws: { ($0 as? BambooError)?.code == .typeMismatch }
    }

    @Test func transformationsAreLazyAndPrintTheirSchema() throws {
        let out = try df[df["qty"] > 1].sortValues(by: "price")
        #expect(out.description.hasPrefix("DataFrame (lazy on eager) [price: float64, qty: int64, name: str]"))
        #expect(try out.explain().contains("Sort"))
    }

    @Test func collectIsGuardedByTheRowLimit() async throws {
        var options = Session.Options()
        options.computeMaxRows = 2
        let small = try DataFrame(["a": [1, 2, 3]], session: Session.eager(options: options))
        await #expect { try await small.collect() } throws: { ($0 as? BambooError)?.code == .limitExceeded }
        #expect(try await small.collect(maxRows: nil).len() == 3)
        #expect(try await small.head(2).collect().len() == 2)
    }

    @Test func collectIsGuardedByTheByteLimit() async throws {
        var options = Session.Options()
        options.computeMaxBytes = 100
        let session = Session.eager(options: options)
        let wide = try DataFrame(["a": (0..<100).map { Scalar.int(Int64($0)) }], session: session)
        await #expect { try await (wide["a"] * 2).toFrame().collect() } throws: { error in
            ((error as? BambooError)?.code == .limitExceeded) && "\(error)".contains("compute.maxBytes (100)")
        }
        #expect(try await (wide["a"] * 2).head(5).toFrame().collect().len() == 5)
    }

    @Test(arguments: [1, 3, 4, 100])
    func toLocalIteratorHandsOverEveryRowInOrder(batchRows: Int) async throws {
        var options = Session.Options()
        options.computeMaxRows = 2  // pieces are not bound by collect's limit
        let frame = try DataFrame(["x": [5, 1, 4, 2, 3, 6, 0], "k": ["a", "b", "a", "b", "a", "b", "a"]])
        let sorted = try frame[frame["x"] > 0].sortValues(by: "x")
        var xs: [String] = [], labels: [String] = [], sizes: [Int] = []
        for try await piece in try sorted.toLocalIterator(batchRows: batchRows) {
            sizes.append(try await piece.len())
            xs += try await piece.values("x").map(\.description)
            labels += try await piece.index().values.map(\.description)
        }
        #expect(xs == ["1", "2", "3", "4", "5", "6"])
        #expect(labels == ["1", "3", "4", "2", "0", "5"])
        #expect(sizes.allSatisfy { $0 <= batchRows } && sizes.reduce(0, +) == 6)
        // A default RangeIndex continues across pieces.
        var positions: [String] = []
        for try await piece in try frame.toLocalIterator(batchRows: batchRows) {
            positions += try await piece.index().values.map(\.description)
        }
        #expect(positions == (0..<7).map(String.init))
        let bounded = try DataFrame(["x": [5, 1, 4, 2, 3, 6, 0]], session: Session.eager(options: options))
        var rows = 0
        for try await piece in try bounded.toLocalIterator(batchRows: batchRows) { rows += try await piece.len() }
        #expect(rows == 7)
        #expect { try frame.toLocalIterator(batchRows: 0) } throws: { ($0 as? BambooError)?.code == .invalidArgument }
    }

    @Test func aFailedAssignmentIsNeverSilent() async throws {
        let elsewhere = try DataFrame(["x": [1, 2, 3, 4]], session: Session.eager())
        var frame = df
        frame["x"] = try elsewhere["x"]
        await #expect { try await frame.collect() } throws: { ($0 as? BambooError)?.message.contains("another session") == true }
        #expect { try frame.head(1) } throws: { ($0 as? BambooError)?.code == .invalidArgument }
    }

    @Test func seriesOfAnotherFrameAlignOnTheIndex() async throws {
        let prices = try DataFrame(["p": [10, 20, 30]], index: ["a", "b", "c"])
        let stock = try DataFrame(["q": [1, 2]], index: ["c", "a"])
        var frame = prices
        frame["q"] = try stock["q"]
        #expect(try await frame.values("q").map(\.description) == ["2.0", "nan", "1.0"])
        let mask = try DataFrame(["m": [true, false, true]], index: ["c", "b", "a"])
        #expect(try await prices[try mask["m"]].values("p") == [10, 30])
    }

    @Test func columnAssignmentAndDeletion() async throws {
        var frame = df
        frame["total"] = try frame["price"] * frame["qty"]
        frame = try frame.drop(columns: ["name"])
        #expect(frame.columns.values == ["price", "qty", "total"])
        #expect(try await frame.values("total").map(\.description) == ["7.5", "nan", "20.0", "2.0"])
    }

    @Test func datetimeColumnsSitOneSpaceFromTheirNeighbour() async throws {
        let frame = try DataFrame(columns: [ColumnSpec("a", [1, 2]), ColumnSpec("t", ["2024-06-01 12:00", "2024-01-01"], dtype: .datetime(.us, tz: nil)),
                                            ColumnSpec("s", ["x", "y"])])
        let text = try await frame.toString()
        #expect(text == """
               a                   t  s
            0  1 2024-06-01 12:00:00  x
            1  2 2024-01-01 00:00:00  y
            """)
    }

    @Test func zonedDatetimesShowTheirWallTimeAndOffset() async throws {
        let zoned = try DataFrame(columns: [ColumnSpec(0, ["2024-06-01 12:00:00", "2024-01-01 00:30:00"], dtype: .datetime(.us, tz: "Europe/Paris"))])
        // pandas: pd.Series([...], dtype="datetime64[us, Europe/Paris]").to_frame()
        let text = try await zoned.toString()
        #expect(text == """
                                      0
            0 2024-06-01 12:00:00+02:00
            1 2024-01-01 00:30:00+01:00
            """)
    }

    @Test func displayMatchesPandasLayout() async throws {
        let text = try await df.toString()
        #expect(text == """
               price  qty  name
            0    2.5    3     a
            1    NaN    1     b
            2    4.0    5   NaN
            3    1.0    2     d
            """)
        let series = try await df["qty"].collect()
        #expect(series.description == "0    3\n1    1\n2    5\n3    2\nName: qty, dtype: int64")
    }

    @Test func longFramesAreTruncatedAsPandasDoes() async throws {
        let big = try DataFrame(["n": (0..<100).map { Scalar.int(Int64($0)) }])
        let lines = try await big.toString().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 14)  // header, 5 rows, "...", 5 rows, blank, footer
        #expect(lines.last == "[100 rows x 1 columns]")
    }

    @Test func actionsReturnScalarsAndShapes() async throws {
        #expect(try await df["price"].sum() == .float(7.5))
        #expect(try await df["qty"].max() == .int(5))
        #expect(try await df.shape() == (4, 3))
        #expect(try await df.loc[2, "qty"] == .int(5))
        #expect(try await df.iloc[-1, 0] == .float(1.0))
        await #expect { try await df.iloc[10, 0] } throws: { ($0 as? BambooError)?.code == .indexOutOfBounds }
    }

    @Test func sortsMakeTheirKeysTheRowOrderAndKeepTheInputOrderForTies() throws {
        let plan = try df.sortValues(by: "qty", ascending: false).explain()
        #expect(plan.contains("Row order: #") && plan.hasSuffix("desc nulls last, then position in literal"))
    }

    @Test func backendsRefuseNodesTheyCannotRunByName() async throws {
        struct SourceOnly: Backend {
            var name: String { "source-only" }
            func unsupportedReason(_ node: LogicalPlan) -> String? {
                if case .source = node.node { return nil }
                return "Use the eager backend."
            }
            func execute(_ plan: LogicalPlan) async throws -> ExecutionResult { try await EagerBackend().execute(plan) }
        }
        let frame = try DataFrame(["a": [3, 1]], session: Session(backend: SourceOnly()))
        #expect(try await frame.collect().len() == 2)
        await #expect { try await frame.sortValues(by: "a").collect() } throws: { error in
            guard let e = error as? BambooError else { return false }
            return e.code == .unsupportedOnBackend && e.message.contains("RowNumber is not supported on the source-only backend. Use the eager backend.")
        }
    }

    @Test func constructionRejectsRaggedColumns() {
        #expect { try DataFrame(["a": [1, 2], "b": [1]]) } throws: { ($0 as? BambooError)?.code == .shapeMismatch }
    }

    @Test func optimizerCollapsesColumnChains() throws {
        var frame = df
        frame["a"] = try frame["qty"] + 1
        frame["b"] = try frame["a"] * 2
        let plan = try frame.explain()
        let nodes = plan.split(separator: "\n").filter { !$0.hasPrefix("Row order") }
        #expect(nodes.count == 2, "two projections over a source should fuse into one: \(plan)")
        #expect(plan.hasSuffix("Row order: position in literal"))
    }
}

@Suite struct CrossFrameArithmeticTests {
    @Test func seriesOfDifferentFramesAlignWithAnOuterJoinOnTheIndex() async throws {
        let a = try DataFrame(["v": [1, 2, 3]], index: ["c", "a", "b"])
        let b = try DataFrame(["v": [10, 20]], index: ["b", "d"])
        let sum = try await (a["v"] + b["v"]).collect()
        // pandas: the union of labels, sorted; NaN where a side lacks the label; the shared name kept.
        #expect(try await sum.index().values == ["a", "b", "c", "d"])
        #expect(try await sum.toList().map(\.description) == ["nan", "13.0", "nan", "nan"])
        #expect(sum.name == "v")
    }

    @Test func equalIndexesKeepTheirOrder() async throws {
        let a = try DataFrame(["x": [1, 2]], index: ["q", "p"])
        let b = try DataFrame(["y": [10, 20]], index: ["q", "p"])
        let product = try await (a["x"] * b["y"]).collect()
        #expect(try await product.index().values == ["q", "p"])
        #expect(try await product.toList() == [10, 40])
        #expect(product.name == .none)
    }
}
