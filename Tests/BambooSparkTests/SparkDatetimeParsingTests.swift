#if Spark
import Bamboo
import BambooCore
import Testing

/// `toDatetime` and `toTimedelta` on Spark against the eager backend: formats, ISO text,
/// offsets with `utc`, epoch numbers, invalid days, errors and coercion.
@Suite(.enabled(SparkTestServer.skipNote) { await SparkTestServer.shouldRun() })
struct SparkDatetimeParsingTests {
    let backend = SparkBackendTests()

    static func text(_ session: Session, _ values: [String?]) throws -> Series {
        try DataFrame(columns: [(label: "s", column: Column(strings: values))], session: session)["s"]
    }

    @Test func formatsReadAsTheEagerReaderReads() async throws {
        let values: [String?] = ["29/02/2024 00:00", "30/02/2024 10:00", "1/1/1600 7:05", nil, "NaT", "31/12/2262 23:59", "24/13/2024 25:00", "x"]
        try await backend.expectSame { try toDatetime(Self.text($0, values), format: "%d/%m/%Y %H:%M", errors: .coerce).toFrame() }
        try await backend.expectSame { try toDatetime(Self.text($0, ["12:00 AM 24-01-05", "12:30 pm 69-07-20", "01:00 Am 68-01-01"]), format: "%I:%M %p %y-%m-%d").toFrame() }
        try await backend.expectSame { try toDatetime(Self.text($0, ["5 September 1752", "29 february 2000"]), format: "%d %B %Y").toFrame() }
    }

    @Test func isoTextAndOffsetsWithUTC() async throws {
        let values: [String?] = ["2024-03-31T01:30:00+01:00", "1969-12-31T23:59:59Z", nil, "2024-01-01T10:00:00-05:30", "2024-02-29T00:00:00+0000"]
        try await backend.expectSame { try toDatetime(Self.text($0, values), utc: true).toFrame() }
        try await backend.expectSame { try toDatetime(Self.text($0, ["2024-01-01 10:30", "1500-06-01 00:00", "2500-01-01 12:00"])).toFrame() }
    }

    @Test func aValueThatDoesNotParseFailsAsInPandas() async throws {
        let spark = try SparkBackendTests.sparkSession()
        let error = await #expect(throws: BambooError.self) {
            try await toDatetime(Self.text(spark, ["01/02/2024", "2024-02-01"]), format: "%d/%m/%Y").collect()
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains("time data \"2024-02-01\" doesn't match format \"%d/%m/%Y\"") ?? false)
        let zoned = await #expect(throws: BambooError.self) { try await toDatetime(Self.text(spark, ["2024-01-01T10:00:00+02:00"])).collect() }
        #expect(zoned?.code == .unsupportedOnBackend)
    }

    @Test func epochNumbersInEveryUnit() async throws {
        // Nanosecond integers stay nanoseconds in pandas, microseconds on Spark (a declared divergence).
        for unit in [TimeUnit.s, .ms, .us] {
            try await backend.expectSame { session in
                let ints = Column(dtype: .nullableInt64, values: .int64([0, 1_700_000_000, -86_400, 0, 9_000_000_000]), validity: Bitmap([true, true, true, false, true]))
                return try toDatetime(DataFrame(columns: [(label: "n", column: ints)], session: session)["n"], unit: unit).toFrame()
            }
        }
        // Floats give nanoseconds in pandas: whole microseconds here (finer ones are a declared divergence).
        for unit in [TimeUnit.s, .ms] {
            try await backend.expectSame { session in
                try toDatetime(DataFrame(columns: [(label: "x", column: Column(float64: [1.5, -0.25, .nan, 1_000]))], session: session)["x"], utc: true, unit: unit).toFrame()
            }
        }
    }

    @Test func timedeltasOfFloatsCountTheUnit() async throws {
        for unit in [TimeUnit.s, .ms] {
            try await backend.expectSame { session in
                try toTimedelta(DataFrame(columns: [(label: "x", column: Column(float64: [1.5, -0.25, .nan, 86_400.125]))], session: session)["x"], unit: unit).toFrame()
            }
        }
    }
}
#endif
