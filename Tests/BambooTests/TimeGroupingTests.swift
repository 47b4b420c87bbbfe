import Bamboo
import Testing

/// Calendar resample, Grouper, rolling(on=) and .dt.date/.dt.time through the facade; expectations
/// from pandas 3.1.1 (the CompatMatrix holds the rest).
@Suite struct TimeGroupingTests {
    let df: DataFrame

    init() throws {
        df = try DataFrame(columns: [
            ColumnSpec("t", ["2024-03-31 10:00", "2024-01-05", "2024-02-29 23:00", "2024-03-10"], dtype: .datetime(.us, tz: nil)),
            ColumnSpec("g", ["a", "b", "b", "a"]),
            ColumnSpec("v", [1, 2, 4, 8]),
        ])
    }

    @Test func monthEndsCloseAndLabelOnTheRight() async throws {
        // df.resample("ME", on="t")[["v"]].sum() → 2024-01-31: 2, 2024-02-29: 4, 2024-03-31: 9
        let out = try await df[["t", "v"]].resample("ME", on: "t").sum().collect()
        #expect(try await out.index().levels[0].scalars.map(\.description) == ["2024-01-31 00:00:00", "2024-02-29 00:00:00", "2024-03-31 00:00:00"])
        #expect(try await out.values("v") == [2, 4, 9])
    }

    @Test func aLoneGrouperListsEmptyBinsAndSeesRowsInTimeOrder() async throws {
        // df.groupby(pd.Grouper(key="t", freq="W"))["v"].first() starts with 2 (2024-01-05), empty weeks NaN
        let groups = try await df.groupby(Grouper(key: "t", freq: "W"))
        let sizes = try await groups.size().collect()
        #expect(try await sizes.toList().count == 13)
        let first = try await groups["v"].first().collect()
        #expect(try await first.toList().first == 2.0)
    }

    @Test func aGrouperWithAColumnKeyListsObservedPairs() async throws {
        // df.groupby([pd.Grouper(key="t", freq="MS"), "g"])["v"].sum() → (Jan, b) 2, (Feb, b) 4, (Mar, a) 9
        let out = try await df.groupby([Grouper(key: "t", freq: "MS"), Grouper(key: "g")])["v"].sum().collect()
        #expect(try await out.toList() == [2, 4, 9])
        #expect(try await out.index().levels[1].scalars == ["b", "b", "a"])
    }

    @Test func rollingOnAColumnKeepsItAndUsesItsTimes() async throws {
        let sorted = try df.sortValues(by: "t")[["t", "v"]]
        // sorted.rolling("10D", on="t").sum() → v: 2, 4, 12, 1
        let out = try await sorted.rolling("10D", on: "t").sum().collect()
        #expect(out.dtypes.map(\.1) == [.datetime(.us, tz: nil), .float64])
        #expect(try await out.values("v") == [2.0, 4.0, 12.0, 1.0])
        #expect(throws: BambooError.self) { try sorted.rolling("2D", on: "zz") }
    }

    @Test func datesAndTimesAreObjectValues() async throws {
        let dates = try await df["t"].dt.date.collect()
        #expect(dates.dtype == .object)
        #expect(try await dates.toList().first == .date(19813))  // datetime.date(2024, 3, 31)
        let times = try await df["t"].dt.time.toList()
        #expect(times.map(\.description) == ["10:00:00", "00:00:00", "23:00:00", "00:00:00"])
        #expect(times[0].pythonRepr == "datetime.time(10, 0)")
    }
}
