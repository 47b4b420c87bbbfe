import BambooCore
import BambooEager
import BambooPlan
import Testing

/// The reference backend node by node, with expectations taken from pandas 3.1.1.
@Suite struct EagerBackendTests {
    /// A source with a string index and one int column.
    func frame(index: [Scalar], values: [Int64]) throws -> (LogicalPlan, Field) {
        let column = Field(label: "v", dtype: .int64)
        let indexColumn = Column.infer(index)
        let data = try SourceData(schema: Schema(index: .fields([Field(label: .none, dtype: indexColumn.dtype)]), columns: [column]),
                                  columns: [indexColumn, Column(int64: values)], rowCount: values.count, origin: "test")
        return (try LogicalPlan(.source(data)), column)
    }

    func run(_ plan: LogicalPlan) async throws -> [Scalar] {
        try await EagerBackend().execute(plan).columns[0].scalars
    }

    @Test(arguments: [
        // sorted index: bounds need not exist
        (["a", "b", "c", "d"], "b", "c", [2, 3]),
        (["a", "b", "c", "d"], "bb", "z", [3, 4]),
        // unsorted index with unique bounds: positions between them
        (["d", "a", "c", "b"], "a", "b", [2, 3, 4]),
        // sorted index with duplicate labels: all of them are included
        (["a", "b", "b", "c"], "b", "b", [2, 3]),
    ] as [([String], String, String, [Int64])])
    func labelSlicesIncludeBothEnds(index: [String], start: String, stop: String, expected: [Int64]) async throws {
        let (source, _) = try frame(index: index.map(Scalar.string), values: [1, 2, 3, 4])
        let sliced = try LogicalPlan(.locSlice(source, start: .string(start), stop: .string(stop), step: 1))
        #expect(try await run(sliced) == expected.map(Scalar.int))
    }

    @Test func unsortedIndexWithRepeatedBoundIsAKeyError() async throws {
        let (source, _) = try frame(index: ["b", "a", "b"], values: [1, 2, 3])
        let sliced = try LogicalPlan(.locSlice(source, start: "a", stop: "b", step: 1))
        await #expect { try await run(sliced) } throws: { error in
            (error as? BambooError)?.message.contains("Cannot get right slice bound for non-unique label: 'b'") == true
        }
    }

    @Test func labelListsKeepTheirOrderAndRepeats() async throws {
        let (source, _) = try frame(index: ["x", "y", "x"], values: [1, 2, 3])
        #expect(try await run(LogicalPlan(.locLabels(source, labels: ["y", "x"]))) == [2, 1, 3])
        await #expect { try await run(LogicalPlan(.locLabels(source, labels: ["y", "q"]))) } throws: { ($0 as? BambooError)?.code == .keyNotFound }
    }

    @Test func positionsAreCheckedWhenTheyRun() async throws {
        let (source, _) = try frame(index: ["x", "y"], values: [1, 2])
        #expect(try await run(LogicalPlan(.take(source, positions: [-1, 0], single: false))) == [2, 1])
        await #expect { try await run(LogicalPlan(.take(source, positions: [2], single: true))) } throws: { error in
            (error as? BambooError)?.message == "single positional indexer is out-of-bounds"
        }
    }

    @Test func slicesFollowPython() async throws {
        let (source, _) = try frame(index: ["a", "b", "c", "d", "e"], values: [1, 2, 3, 4, 5])
        #expect(try await run(LogicalPlan(.slice(source, start: nil, stop: nil, step: -2))) == [5, 3, 1])
        #expect(try await run(LogicalPlan(.slice(source, start: -2, stop: nil, step: 1))) == [4, 5])
    }

    @Test func naInABooleanMaskDropsTheRow() async throws {
        let (source, v) = try frame(index: ["a", "b", "c"], values: [1, 2, 3])
        let mask = Expr.binary(.greater, .cast(.column(v.id), .nullableInt64), .literal(.na))
        let filtered = try LogicalPlan(.filter(source, predicate: .binary(.or, .binary(.equal, .column(v.id), .literal(2)), mask)))
        #expect(try await run(filtered) == [2])
    }

    @Test func aRowBecomesASeriesLabelledByItsIndex() async throws {
        let (source, _) = try frame(index: ["a", "b"], values: [7, 8])
        let row = try LogicalPlan(.locLabels(source, labels: ["b"]))
        let series = try LogicalPlan(.rowToSeries(row, field: Field(label: .none, dtype: .int64)))
        let result = try await EagerBackend().execute(series)
        #expect(result.columns[0].scalars == [8])
        #expect(result.columnLabels == ["b"])
        #expect(result.index[0].scalars == ["v"])
    }
}
