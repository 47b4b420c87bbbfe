#if Spark
import Bamboo
import BambooCore
import Testing

/// `.dt.date` and `.dt.time` on Spark against the eager backend: before 1970, leap days,
/// NaT, and wall times in a zone across a daylight-saving change.
@Suite(.enabled(SparkTestServer.skipNote) { await SparkTestServer.shouldRun() })
struct SparkCalendarPartTests {
    let backend = SparkBackendTests()

    /// 1969-12-31 23:59:59.999999, 2024-02-29, NaT, 1900-03-01 12:34:56.5, and two instants
    /// just after New York's 2024 daylight-saving changes (UTC).
    static func times(_ session: Session, zone: String?) throws -> Series {
        let micros: [Int64] = [-1, 1_709_164_800_000_000, 0, -2_203_845_903_500_000, 1_710_055_800_000_000, 1_730_611_800_000_000]
        let column = Column(dtype: .datetime(.us, tz: zone == nil ? nil : "UTC"), values: .int64(micros),
                            validity: Bitmap([true, true, false, true, true, true]))
        let t = try DataFrame(columns: [(label: "t", column: column)], session: session)["t"]
        return try zone.map { try t.dt.tzConvert($0) } ?? t
    }

    @Test(arguments: [nil, "America/New_York", "Australia/Lord_Howe"] as [String?])
    func datesAndTimesOfDayAreTheWallClocks(zone: String?) async throws {
        try await backend.expectSame { try Self.times($0, zone: zone).dt.date.toFrame() }
        try await backend.expectSame { try Self.times($0, zone: zone).dt.time.toFrame() }
    }

    @Test func datesCompareWithADate() async throws {
        try await backend.expectSame { try (Self.times($0, zone: nil).dt.date == Scalar.date(19_782)).toFrame() }
        try await backend.expectSame { try (Self.times($0, zone: "Asia/Tokyo").dt.date != Scalar.date(-1)).toFrame() }
    }
}
#endif
