import BambooCore
import BambooPlan

extension Series {
    /// Datetime fields and methods (pandas: `s.dt`), on the wall-clock time the values show.
    ///
    /// ```swift
    /// let months = try df["day"].dt.month          // pandas: df["day"].dt.month
    /// let hours = try df["at"].dt.floor("h")
    /// ```
    /// Throws for columns that are not datetimes, as pandas' AttributeError does.
    public var dt: DatetimeMethods {
        get throws {
            guard case .datetime = dtype else { throw BambooError(.typeMismatch, "Can only use .dt accessor with datetimelike values") }
            return DatetimeMethods(series: self)
        }
    }
}

/// The `.dt` accessor of a datetime Series (pandas: `Series.dt`). Fields are int64 (pandas: int32),
/// float64 once a value is NaT; each is a transformation that computes nothing yet.
public struct DatetimeMethods: Sendable {
    let series: Series

    func applying(_ function: TemporalFunction) throws -> Series { try series.derived(.temporal(series.expr, function)) }

    public var year: Series { get throws { try applying(.field(.year)) } }
    public var month: Series { get throws { try applying(.field(.month)) } }
    public var day: Series { get throws { try applying(.field(.day)) } }
    public var hour: Series { get throws { try applying(.field(.hour)) } }
    public var minute: Series { get throws { try applying(.field(.minute)) } }
    public var second: Series { get throws { try applying(.field(.second)) } }
    public var microsecond: Series { get throws { try applying(.field(.microsecond)) } }
    public var nanosecond: Series { get throws { try applying(.field(.nanosecond)) } }
    /// Monday is 0 (pandas: `s.dt.dayofweek`, `day_of_week`, `weekday`).
    public var dayofweek: Series { get throws { try applying(.field(.dayOfWeek)) } }
    public var dayofyear: Series { get throws { try applying(.field(.dayOfYear)) } }
    public var quarter: Series { get throws { try applying(.field(.quarter)) } }
    public var daysInMonth: Series { get throws { try applying(.field(.daysInMonth)) } }
    public var isMonthStart: Series { get throws { try applying(.test(.isMonthStart)) } }
    public var isMonthEnd: Series { get throws { try applying(.test(.isMonthEnd)) } }
    public var isQuarterStart: Series { get throws { try applying(.test(.isQuarterStart)) } }
    public var isQuarterEnd: Series { get throws { try applying(.test(.isQuarterEnd)) } }
    public var isYearStart: Series { get throws { try applying(.test(.isYearStart)) } }
    public var isYearEnd: Series { get throws { try applying(.test(.isYearEnd)) } }
    public var isLeapYear: Series { get throws { try applying(.test(.isLeapYear)) } }
    /// The calendar day of each value, an object Series of `Scalar.date` (pandas: `s.dt.date`, Python
    /// `datetime.date` objects); NaT stays NaT.
    ///
    /// ```swift
    /// let days = try df["t"].dt.date        // 2024-02-29, ...
    /// ```
    public var date: Series { get throws { try applying(.date) } }
    /// The wall-clock time of each value to the microsecond, an object Series of `Scalar.time`
    /// (pandas: `s.dt.time`, Python `datetime.time` objects); NaT stays NaT.
    ///
    /// ```swift
    /// let clock = try df["t"].dt.time       // 10:30:00, ...
    /// ```
    public var time: Series { get throws { try applying(.time) } }

    /// Midnight of each day (pandas: `s.dt.normalize()`).
    public func normalize() throws -> Series { try applying(.normalize) }
    /// Rounds down to a fixed frequency: "D", "h", "min", "s", "ms", "us", "ns", with a multiple ("15min") (pandas: `s.dt.floor(freq)`).
    public func floor(_ frequency: String) throws -> Series { try applying(.rounded(.floor, frequencyNanos: DatetimeMethods.nanos(of: frequency))) }
    /// pandas: `s.dt.ceil(freq)`.
    public func ceil(_ frequency: String) throws -> Series { try applying(.rounded(.ceil, frequencyNanos: DatetimeMethods.nanos(of: frequency))) }
    /// Rounds half to even, as pandas does (pandas: `s.dt.round(freq)`).
    public func round(_ frequency: String) throws -> Series { try applying(.rounded(.round, frequencyNanos: DatetimeMethods.nanos(of: frequency))) }
    /// Text in Python's `strftime` format (pandas: `s.dt.strftime(fmt)`).
    public func strftime(_ format: String) throws -> Series { try applying(.strftime(format)) }
    /// pandas: `s.dt.day_name()`.
    public func dayName() throws -> Series { try applying(.dayName) }
    /// pandas: `s.dt.month_name()`.
    public func monthName() throws -> Series { try applying(.monthName) }

    /// The column's time zone, nil when naive (pandas: `s.dt.tz`).
    public var tz: String? {
        if case .datetime(_, let zone) = series.dtype { return zone }
        return nil
    }

    /// Wall times become instants in `tz` (pandas: `s.dt.tz_localize(tz, ambiguous=, nonexistent=)`);
    /// nil removes the zone and keeps the wall time. A wall time repeated or skipped by a
    /// daylight-saving change throws unless `ambiguous`/`nonexistent` say what to do.
    ///
    /// ```swift
    /// let paris = try df["t"].dt.tzLocalize("Europe/Paris", nonexistent: .shiftForward)
    /// ```
    public func tzLocalize(_ tz: String?, ambiguous: AmbiguousTime = .raise, nonexistent: NonexistentTime = .raise) throws -> Series {
        if let tz { _ = try TimeZoneRules(tz) }
        return try applying(.localize(tz, ambiguous: ambiguous, nonexistent: nonexistent))
    }

    /// The same instants in another zone (pandas: `s.dt.tz_convert(tz)`); nil gives naive UTC.
    public func tzConvert(_ tz: String?) throws -> Series {
        if let tz { _ = try TimeZoneRules(tz) }
        return try applying(.convert(tz))
    }

    /// The length of a fixed frequency alias in nanoseconds; calendar frequencies (months, years) cannot round.
    static func nanos(of frequency: String) throws -> Int64 {
        let digits = frequency.prefix { $0.isASCII && $0.isNumber }
        let alias = String(frequency.dropFirst(digits.count))
        let count = digits.isEmpty ? 1 : Int64(digits) ?? 0
        let base: Int64
        switch alias {
        case "D": base = 86_400_000_000_000
        case "h", "H": base = 3_600_000_000_000
        case "min", "T": base = 60_000_000_000
        case "s", "S": base = 1_000_000_000
        case "ms", "L": base = 1_000_000
        case "us", "U": base = 1_000
        case "ns", "N": base = 1
        default: throw BambooError(.invalidArgument, "\(frequency) is a non-fixed frequency")
        }
        guard count > 0 else { throw BambooError(.invalidArgument, "Invalid frequency: \(frequency)") }
        let (product, overflow) = base.multipliedReportingOverflow(by: count)
        guard !overflow else { throw BambooError(.invalidArgument, "Invalid frequency: \(frequency)") }
        return product
    }
}
