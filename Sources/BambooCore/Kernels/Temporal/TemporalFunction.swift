/// A `.dt` accessor method (pandas' `Series.dt`) on a datetime column, computed on the wall-clock
/// time the values show: civil fields, calendar tests, rounding to a frequency, formatting.
public enum TemporalFunction: Sendable, Hashable, CustomStringConvertible {
    case field(TemporalField)
    /// `is_month_start`, ... and `is_leap_year`: bool, False for NaT.
    case test(TemporalTest)
    /// Midnight of the same day (`normalize`).
    case normalize
    /// `floor`/`ceil`/`round` to a whole number of `ticks` of a fixed frequency (`D`, `h`, `min`, `s`, `ms`, `us`, `ns`).
    case rounded(RoundingMode, frequencyNanos: Int64)
    /// `strftime(format)` with Python's directives.
    case strftime(String)
    /// `day_name()` / `month_name()` in English.
    case dayName, monthName
    /// `tz_localize(tz, ambiguous=, nonexistent=)`; nil removes the zone.
    case localize(String?, ambiguous: AmbiguousTime, nonexistent: NonexistentTime)
    /// `tz_convert(tz)`.
    case convert(String?)
    /// `pd.to_datetime(...)` of text or numbers.
    case parse(DatetimeParseOptions)
    /// `pd.to_timedelta(...)` of text or numbers.
    case parseTimedelta(unit: TimeUnit?, coerce: Bool)
    /// `resample`'s bin of each value: bins of `step` ticks from `origin`, closed on the right or the
    /// left, labelled by their right or left edge.
    case bin(origin: Int64, step: Int64, closedRight: Bool, labelRight: Bool)
    /// `resample`'s bin of each value for a calendar rule (`W`, `MS`, `ME`, ...): see ``CalendarBinning``.
    case calendarBin(DateFrequency, closedRight: Bool, labelRight: Bool)
    /// The calendar day (pandas: `s.dt.date`): an object column of ``Scalar/date(_:)``, NaT kept.
    case date
    /// The wall-clock time of day (pandas: `s.dt.time`): an object column of ``Scalar/time(_:)``, NaT kept.
    case time

    public enum RoundingMode: String, Sendable, Hashable { case floor, ceil, round }

    public var description: String {
        switch self {
        case .field(let f): return f.rawValue
        case .test(let t): return t.rawValue
        case .normalize: return "normalize"
        case .rounded(let mode, let nanos): return "\(mode.rawValue)(\(nanos)ns)"
        case .strftime(let format): return "strftime('\(format)')"
        case .dayName: return "day_name"
        case .monthName: return "month_name"
        case .localize(let tz, _, let n): return "tz_localize(\(tz ?? "None"), nonexistent=\(n.rawValue))"
        case .convert(let tz): return "tz_convert(\(tz ?? "None"))"
        case .bin(let origin, let step, let closedRight, let labelRight):
            return "bin(origin=\(origin), step=\(step), closed=\(closedRight ? "right" : "left"), label=\(labelRight ? "right" : "left"))"
        case .calendarBin(let frequency, let closedRight, let labelRight):
            return "bin(freq=\(frequency), closed=\(closedRight ? "right" : "left"), label=\(labelRight ? "right" : "left"))"
        case .date: return "date"
        case .time: return "time"
        case .parseTimedelta(let unit, let coerce): return "to_timedelta(unit=\(unit?.rawValue ?? "None"), errors=\(coerce ? "coerce" : "raise"))"
        case .parse(let o): return "to_datetime(format=\(o.format ?? "None"), errors=\(o.coerce ? "coerce" : "raise"), utc=\(o.utc))"
        }
    }
}

/// The integer fields of `.dt` (int32 in pandas, float64 once a value is NaT).
public enum TemporalField: String, Sendable, Hashable, CaseIterable {
    case year, month, day, hour, minute, second, microsecond, nanosecond
    case dayOfWeek = "dayofweek", dayOfYear = "dayofyear", quarter, daysInMonth = "days_in_month"
}

public enum TemporalTest: String, Sendable, Hashable, CaseIterable {
    case isMonthStart = "is_month_start", isMonthEnd = "is_month_end", isQuarterStart = "is_quarter_start"
    case isQuarterEnd = "is_quarter_end", isYearStart = "is_year_start", isYearEnd = "is_year_end", isLeapYear = "is_leap_year"
}
