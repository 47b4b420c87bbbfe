import BambooCore
import Testing

/// Kernel results checked against values taken from pandas 3.1.1 / numpy 2.4.
@Suite struct KernelTests {
    @Test(arguments: [
        (BinaryOperator.floorDivide, [Int64(7), -7, 7, -7], [Int64(2), 2, -2, -2], [Int64(3), -4, -4, 3]),
        (.modulo, [7, -7, 7, -7], [2, 2, -2, -2], [1, 1, -1, -1]),
        (.add, [Int64.max, 1], [1, 2], [Int64.min, 3]),
        (.multiply, [Int64(1) << 62, 3], [4, 3], [0, 9]),
        (.power, [2, 3], [62, 3], [Int64(1) << 62, 27]),
    ])
    func integerArithmeticWrapsAndFloors(op: BinaryOperator, a: [Int64], b: [Int64], expected: [Int64]) throws {
        let result = try Kernels.binary(op, .column(Column(int64: a)), .column(Column(int64: b)), count: a.count)
        #expect(result.dtype == .int64)
        #expect(result.scalars == expected.map(Scalar.int))
    }

    @Test func integerDivisionByZeroBecomesFloat() throws {
        let a = Column(int64: [1, 0, -1])
        let floor = try Kernels.binary(.floorDivide, .column(a), .scalar(0), count: 3)
        #expect(floor.dtype == .float64)
        #expect(floor.scalars.map(\.description) == ["inf", "nan", "-inf"])
        let mod = try Kernels.binary(.modulo, .column(a), .scalar(0), count: 3)
        #expect(mod.scalars.allSatisfy { $0.isMissing })
        let nullable = try Column.build([1, .na, 3], dtype: .nullableInt64)
        let nullableFloor = try Kernels.binary(.floorDivide, .column(nullable), .scalar(0), count: 3)
        #expect(nullableFloor.dtype == .nullableInt64)
        #expect(nullableFloor.scalars == [0, .na, 0])
    }

    @Test(arguments: [(-7.5, 2.0, -4.0, 0.5), (7.5, -2.0, -4.0, -0.5), (1.0, 0.0, .infinity, .nan)])
    func floatFloorDivisionAndModuloFollowNumpy(a: Double, b: Double, quotient: Double, remainder: Double) throws {
        let q = try Kernels.binary(.floorDivide, .scalar(.float(a)), .scalar(.float(b)), count: 1).scalar(at: 0)
        let r = try Kernels.binary(.modulo, .scalar(.float(a)), .scalar(.float(b)), count: 1).scalar(at: 0)
        #expect(q == .float(quotient))
        #expect(r == .float(remainder))
    }

    @Test func comparisonsWithMissingValues() throws {
        let a = Column(float64: [1, .nan, 3])
        #expect(try Kernels.binary(.equal, .column(a), .scalar(.float(.nan)), count: 3).scalars == [false, false, false])
        #expect(try Kernels.binary(.notEqual, .column(a), .scalar(1), count: 3).scalars == [false, true, true])
        let s = Column(strings: ["a", nil, "c"])
        #expect(try Kernels.binary(.less, .column(s), .scalar("b"), count: 3).scalars == [true, false, false])
        #expect(try Kernels.binary(.notEqual, .column(s), .scalar("b"), count: 3).scalars == [true, true, true])
    }

    @Test func kleeneLogicForNullableBooleans() throws {
        let a = try Column.build([true, false, .na], dtype: .nullableBool)
        let b = try Column.build([.na, .na, .na], dtype: .nullableBool)
        #expect(try Kernels.binary(.and, .column(a), .column(b), count: 3).scalars == [.na, false, .na])
        #expect(try Kernels.binary(.or, .column(a), .column(b), count: 3).scalars == [true, .na, .na])
    }

    @Test func inferenceFollowsPandasConstruction() {
        #expect(Column.infer([1, 2]).dtype == .int64)
        #expect(Column.infer([1, nil]).dtype == .float64)
        #expect(Column.infer(["x", nil, .float(.nan)]).dtype == .string)
        #expect(Column.infer([true, nil]).dtype == .object)
        #expect(Column.infer([nil, nil]).dtype == .object)
        #expect(Column.infer([1, "a"]).dtype == .object)
        #expect(Column.infer([]).dtype == .float64)
    }

    @Test func castsFollowPandasRulesAndErrors() throws {
        #expect(try Column(float64: [1.9, -1.9]).astype(.int64).scalars == [1, -1])
        #expect(throws: BambooError.self) { try Column(float64: [1, .nan]).astype(.int64) }
        #expect(try Column(float64: [1, .nan]).astype(.nullableInt64).scalars == [1, .na])
        #expect(try Column(float64: [1, 0.1, 1e20, .nan]).astype(.string).scalars == ["1.0", "0.1", "1e+20", .float(.nan)])
        let bad = Column(strings: ["1", "a"])
        #expect { try bad.astype(.int64) } throws: { ($0 as? BambooError)?.code == .castFailed }
    }

    @Test func stableSortKeepsTiesAndPlacesMissing() throws {
        let keys = Column(float64: [2, .nan, 1, 2, 1])
        let ascending = try StableSort.permutation([SortKey(keys)], count: 5)
        #expect(ascending == [2, 4, 0, 3, 1])
        let descendingFirst = try StableSort.permutation([SortKey(keys, ascending: false, missingFirst: true)], count: 5)
        #expect(descendingFirst == [1, 0, 3, 2, 4])
    }

    @Test(arguments: [(0.1, "0.1"), (1e-5, "1e-05"), (1e16, "1e+16"), (123456789.123, "123456789.123"), (-0.0, "-0.0"), (1.0, "1.0"), (1e15, "1000000000000000.0")])
    func floatsFormatAsPythonRepr(value: Double, text: String) {
        #expect(FloatFormatter.repr(value) == text)
    }

    @Test(arguments: [
        (Optional(1), Optional(4), 1, 10, [1, 2, 3]), (-3, nil, 1, 10, [7, 8, 9]), (nil, nil, -3, 10, [9, 6, 3, 0]),
        (8, 2, -2, 10, [8, 6, 4]), (20, nil, 1, 5, []),
    ])
    func slicesResolveAsPython(start: Int?, stop: Int?, step: Int, count: Int, expected: [Int]) {
        #expect(PythonSlice.positions(start: start, stop: stop, step: step, count: count) == expected)
    }

    @Test func closeNamesRankBestFirst() {
        #expect(ClosestNames.rank("prce", among: ["price", "prices", "quantity"]) == ["price", "prices"])
    }
}

@Suite struct HashingTests {
    @Test func equalValuesHashAlikeAcrossNumericDtypes() {
        var ints = [UInt64](repeating: 0, count: 3), floats = ints, bools = ints
        Column(int64: [1, 0, 7]).combineHashes(into: &ints)
        Column(float64: [1.0, 0.0, 7.0]).combineHashes(into: &floats)
        Column(bool: [true, false, true]).combineHashes(into: &bools)
        #expect(ints == floats)
        #expect(ints[0] == bools[0] && ints[1] == bools[1])
    }

    @Test func missingValuesHashAlikeSoTheyGroupTogether() {
        var hashes = [UInt64](repeating: 0, count: 3)
        Column(strings: [nil, "a", nil]).combineHashes(into: &hashes)
        #expect(hashes[0] == hashes[2] && hashes[0] != hashes[1])
    }

    @Test func multiColumnKeysCombine() {
        var hashes = [UInt64](repeating: 0, count: 3)
        Column(int64: [1, 1, 2]).combineHashes(into: &hashes)
        Column(strings: ["a", "b", "a"]).combineHashes(into: &hashes)
        #expect(Set(hashes).count == 3)
    }
}

/// resample's calendar bins, against pandas 3.1.1.
@Suite struct CalendarBinningTests {
    static let day: Int64 = 86_400_000_000

    @Test func everyValueFallsInAListedBin() throws {
        let rules: [DateFrequency] = [.businessDay, .weekly(weekday: 6), .weekly(weekday: 2), .monthStart, .monthEnd, .quarterStart, .quarterEnd, .yearStart, .yearEnd]
        // Values from 1967 to 1971 at midnight and in the day, across the 1968 leap day and 1970.
        let values: [Int64] = (0..<200).map { -800 * Self.day + Int64($0) * 7 * Self.day + ($0 % 3 == 0 ? 0 : Int64($0) * 3_600_000_000 % Self.day) }
        for rule in rules {
            for (closedRight, labelRight) in [(false, false), (false, true), (true, false), (true, true)] {
                let labels = try CalendarBinning.labels(first: values[0], last: values[values.count - 1], unit: .us, frequency: rule,
                                                        closedRight: closedRight, labelRight: labelRight)
                #expect(labels == labels.sorted() && Set(labels).count == labels.count)
                for value in values {
                    let label = try CalendarBinning.label(value, unit: .us, frequency: rule, closedRight: closedRight, labelRight: labelRight)
                    #expect(labels.contains(label), "\(rule) closed right \(closedRight) label right \(labelRight): \(value)")
                }
            }
        }
    }

    @Test func monthEndsTakeTheWholeLastDay() throws {
        // pd.Series(1, index=pd.DatetimeIndex(["2024-02-29 18:00"])).resample("ME").sum() → 2024-02-29
        let leapEvening = 19_782 * Self.day + 18 * 3_600_000_000
        #expect(try CalendarBinning.label(leapEvening, unit: .us, frequency: .monthEnd, closedRight: true, labelRight: true) == 19_782 * Self.day)
        // Closed on the left, the month end's midnight starts the next bin: labelled 2024-03-31 on the right.
        #expect(try CalendarBinning.label(19_782 * Self.day, unit: .us, frequency: .monthEnd, closedRight: false, labelRight: true) == 19_813 * Self.day)
    }
}
