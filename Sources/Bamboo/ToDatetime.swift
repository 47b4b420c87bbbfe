import BambooCore
import BambooPlan

/// How `toDatetime` treats a value that does not parse (pandas' `errors=`).
public enum DatetimeErrors: String, Sendable {
    case raise, coerce
}

/// Text or numbers as datetimes (pandas: `pd.to_datetime(s, format=, errors=, utc=, unit=)`).
///
/// ```swift
/// let when = try toDatetime(df["when"], format: "%d/%m/%Y %H:%M")
/// let stamps = try toDatetime(df["epoch"], unit: .s)
/// ```
/// Without `format`, the first value's ISO 8601 layout is guessed and every value must have it.
/// Values with UTC offsets become a zoned column (all the same offset, or `utc: true`).
/// The unit is microseconds, nanoseconds when a value has more than six fractional digits.
/// Text or numbers as timedeltas (pandas: `pd.to_timedelta(s, unit=, errors=)`): `"1 days 02:00:00"`,
/// `"1h"`, `"30min"`, `"1.5h"`, `"1d2h3m"`; numbers count `unit` (nanoseconds by default).
///
/// ```swift
/// let waits = try toTimedelta(df["wait"])          // "15min", "1h30min", ...
/// ```
public func toTimedelta(_ series: Series, unit: TimeUnit? = nil, errors: DatetimeErrors = .raise) throws -> Series {
    try series.derived(.temporal(series.expr, .parseTimedelta(unit: unit, coerce: errors == .coerce)))
}

public func toDatetime(_ series: Series, format: String? = nil, errors: DatetimeErrors = .raise, utc: Bool = false,
                       unit: TimeUnit? = nil) throws -> Series {
    let options = DatetimeParseOptions(format: format, coerce: errors == .coerce, utc: utc, unit: unit)
    return try series.derived(.temporal(series.expr, .parse(options)))
}
