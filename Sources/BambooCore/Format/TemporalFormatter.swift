/// Text for datetime and timedelta values, in pandas' layout (`2020-01-02 03:04:05.123456`).
public enum TemporalFormatter {
    /// A proleptic Gregorian civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    public static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// Days since 1970-01-01 for a civil date; nil when the month or day is out of range.
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64? {
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
        return civilDays(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 of a day of a month; a month outside 1...12 carries into the year
    /// (month 13 is January of the next year, month 0 December of the previous one).
    static func civilDays(year: Int64, month: Int64, day: Int64) -> Int64 {
        let carry = (month - 1 >= 0 ? (month - 1) / 12 : (month - 12) / 12)
        let (year, month) = (year + carry, month - carry * 12)
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whole days, seconds into the day and the sub-second remainder of a tick count (floored, so
    /// times before 1970 land on the right day).
    static func split(_ ticks: Int64, unit: TimeUnit) -> (days: Int64, secondOfDay: Int64, fraction: Int64) {
        let perSecond = unit.ticksPerSecond
        var seconds = ticks / perSecond
        var fraction = ticks % perSecond
        if fraction < 0 { fraction += perSecond; seconds -= 1 }
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        return (days, secondOfDay, fraction)
    }

    static func clock(_ secondOfDay: Int64, fraction: Int64, unit: TimeUnit) -> String {
        var text = pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        // pandas prints microseconds (6 digits), or nanoseconds (9) when there are any, whatever the unit.
        if fraction != 0 {
            let nanos = fraction * (1_000_000_000 / unit.ticksPerSecond)
            text += nanos % 1000 == 0 ? "." + pad(nanos / 1000, 6) : "." + pad(nanos, 9)
        }
        return text
    }

    /// `str(pd.Timestamp)` for a value in `unit`: a zoned value (a UTC instant) shows its wall time
    /// in the zone and the offset, `2024-06-01 12:00:00+02:00`.
    public static func timestamp(_ ticks: Int64, unit: TimeUnit, tz: String?) -> String {
        var offset: Int64?
        var wall = ticks
        if let tz, let rules = try? TimeZoneRules(tz) {
            let instant = split(ticks, unit: unit)
            let seconds = instant.days * 86_400 + instant.secondOfDay
            let zoneOffset = rules.offset(atUTC: seconds)
            let (shifted, overflow) = ticks.addingReportingOverflow(zoneOffset * unit.ticksPerSecond)
            if !overflow { (wall, offset) = (shifted, zoneOffset) }
        }
        let (days, secondOfDay, fraction) = split(wall, unit: unit)
        let (y, m, d) = civil(fromDays: days)
        let text = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + " " + clock(secondOfDay, fraction: fraction, unit: unit)
        guard let offset else { return text }
        let magnitude = offset < 0 ? -offset : offset
        return text + (offset < 0 ? "-" : "+") + pad(magnitude / 3600, 2) + ":" + pad(magnitude / 60 % 60, 2)
    }

    /// `datetime.date.isoformat()` of days since 1970-01-01: `2024-02-29`.
    public static func isoDate(days: Int64) -> String {
        let (y, m, d) = civil(fromDays: days)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// `datetime.time.isoformat()` of microseconds since midnight: `10:30:00`, `10:30:00.500000`.
    public static func isoTime(microseconds: Int64) -> String {
        clock(microseconds / 1_000_000, fraction: microseconds % 1_000_000, unit: .us)
    }

    /// `str(pd.Timedelta)`: `1 days 02:03:04`.
    public static func timedelta(_ ticks: Int64, unit: TimeUnit) -> String {
        let (days, secondOfDay, fraction) = split(ticks, unit: unit)
        return "\(days) days " + clock(secondOfDay, fraction: fraction, unit: unit)
    }

    /// Whether two tick counts in possibly different units denote the same instant.
    public static func sameInstant(_ a: Int64, _ ua: TimeUnit, _ b: Int64, _ ub: TimeUnit) -> Bool {
        if ua == ub { return a == b }
        return toNanosClamped(a, ua) == toNanosClamped(b, ub)
    }

    static func toNanosClamped(_ ticks: Int64, _ unit: TimeUnit) -> Int64 {
        let factor = 1_000_000_000 / unit.ticksPerSecond
        let (product, overflow) = ticks.multipliedReportingOverflow(by: factor)
        return overflow ? (ticks < 0 ? Int64.min : Int64.max) : product
    }

    static func pad(_ value: Int64, _ width: Int) -> String {
        let negative = value < 0
        let digits = String(negative ? -value : value)
        let padded = digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        return negative ? "-" + padded : padded
    }
}
