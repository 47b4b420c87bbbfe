/// A `freq=` alias of `date_range`: a fixed step (`D`, `h`, `min`, `s`, `ms`, `us`, with a multiple
/// such as `15min`) or a calendar anchor (`B` business days, `W[-SUN]` weeks, `MS`/`ME` month start
/// and end, `QS`/`QE` quarter start and end, `YS`/`YE` year start and end). Anchored points keep the
/// time of day.
public enum DateFrequency: Sendable, Hashable {
    case fixed(nanos: Int64)
    case businessDay
    /// Monday is 0.
    case weekly(weekday: Int64)
    case monthStart, monthEnd, quarterStart, quarterEnd, yearStart, yearEnd

    public init(_ alias: String) throws {
        let digits = alias.prefix { $0.isASCII && $0.isNumber }
        let name = String(alias.dropFirst(digits.count))
        let count = digits.isEmpty ? 1 : Int64(digits) ?? 0
        let weekdays = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]
        switch name {
        case "B": self = .businessDay
        case "W": self = .weekly(weekday: 6)
        case "MS": self = .monthStart
        case "ME": self = .monthEnd
        case "QS", "QS-JAN": self = .quarterStart
        case "QE", "QE-DEC": self = .quarterEnd
        case "YS", "YS-JAN": self = .yearStart
        case "YE", "YE-DEC": self = .yearEnd
        default:
            if name.hasPrefix("W-"), let day = weekdays.firstIndex(of: String(name.dropFirst(2))) {
                self = .weekly(weekday: Int64(day))
            } else {
                let base: Int64
                switch name {
                case "D": base = 86_400_000_000_000
                case "h": base = 3_600_000_000_000
                case "min": base = 60_000_000_000
                case "s": base = 1_000_000_000
                case "ms": base = 1_000_000
                case "us": base = 1_000
                default: throw BambooError(.invalidArgument, "Invalid frequency: \(alias)")
                }
                guard count > 0, !base.multipliedReportingOverflow(by: count).overflow else { throw BambooError(.invalidArgument, "Invalid frequency: \(alias)") }
                self = .fixed(nanos: base * count)
                return
            }
        }
        guard count == 1 else { throw BambooError(.unsupportedOnBackend, "Multiples of the calendar frequency \(name) are not available yet.") }
    }

    /// Whether the points end a period (`ME`, `QE`, `YE` and the weeks `W-...`): pandas' `resample`
    /// closes and labels their bins on the right by default.
    public var isEndAnchored: Bool {
        switch self {
        case .monthEnd, .quarterEnd, .yearEnd, .weekly: return true
        case .fixed, .businessDay, .monthStart, .quarterStart, .yearStart: return false
        }
    }

    /// Whether `ticks` (microseconds) falls on the frequency.
    func contains(_ ticks: Int64) -> Bool {
        let time = CivilTime(ticks, unit: .us)
        switch self {
        case .fixed: return true
        case .businessDay: return time.field(.dayOfWeek) < 5
        case .weekly(let weekday): return time.field(.dayOfWeek) == weekday
        case .monthStart: return time.day == 1
        case .monthEnd: return time.day == TemporalFormatter.daysInMonth(year: time.year, month: time.month)
        case .quarterStart: return time.day == 1 && (time.month - 1) % 3 == 0
        case .quarterEnd: return time.month % 3 == 0 && time.day == TemporalFormatter.daysInMonth(year: time.year, month: time.month)
        case .yearStart: return time.day == 1 && time.month == 1
        case .yearEnd: return time.day == 31 && time.month == 12
        }
    }

    /// The next point after `ticks` (which is on the frequency), or before it when `backward`.
    func step(_ ticks: Int64, backward: Bool = false) -> Int64? {
        let day: Int64 = 86_400_000_000
        switch self {
        case .fixed(let nanos):
            let (next, overflow) = ticks.addingReportingOverflow((backward ? -1 : 1) * Swift.max(1, nanos / 1000))
            return overflow ? nil : next
        case .weekly: return ticks + (backward ? -7 : 7) * day
        case .businessDay:
            var next = ticks
            repeat { next += backward ? -day : day } while !contains(next)
            return next
        case .monthStart, .monthEnd, .quarterStart, .quarterEnd, .yearStart, .yearEnd:
            let time = CivilTime(ticks, unit: .us)
            let months: Int64 = [.quarterStart, .quarterEnd].contains(self) ? 3 : [.yearStart, .yearEnd].contains(self) ? 12 : 1
            var month = time.month + (backward ? -months : months), year = time.year
            while month > 12 { month -= 12; year += 1 }
            while month < 1 { month += 12; year -= 1 }
            let dayOfMonth = isEndAnchored ? TemporalFormatter.daysInMonth(year: year, month: month) : 1
            guard let days = TemporalFormatter.days(year: year, month: month, day: dayOfMonth) else { return nil }
            return days * day + (((ticks % day) + day) % day)
        }
    }

    /// The first point at or after `ticks` (at or before it when `backward`).
    func roll(_ ticks: Int64, backward: Bool = false) -> Int64 {
        var point = ticks
        var guardSteps = 0
        while !contains(point) && guardSteps < 400 {
            point += backward ? -86_400_000_000 : 86_400_000_000
            guardSteps += 1
        }
        return point
    }
}

/// pandas' `date_range`: microsecond datetimes on a frequency.
public enum DateRange {
    /// Exactly three of start, end, periods and freq (freq nil with all three spaces points evenly).
    public static func make(start: Int64?, end: Int64?, periods: Int?, frequency: DateFrequency?) throws -> [Int64] {
        let given = [start != nil, end != nil, periods != nil, frequency != nil].filter { $0 }.count
        guard given == 3 else {
            throw BambooError(.invalidArgument, "Of the four parameters: start, end, periods, and freq, exactly three must be specified")
        }
        if let periods, periods < 0 { throw BambooError(.invalidArgument, "Number of samples, \(periods), must be non-negative.") }
        if let limit = periods, limit > 10_000_000 { throw BambooError(.limitExceeded, "date_range of \(limit) points is over Bamboo's limit of 10,000,000.") }
        guard let frequency else {
            guard let start, let end, let periods else { return [] }
            if periods == 1 { return [start] }
            return (0..<periods).map { start + (end - start) / Int64(periods - 1) * Int64($0) + (end - start) % Int64(periods - 1) * Int64($0) / Int64(periods - 1) }
        }
        var points: [Int64] = []
        if let start {
            var point: Int64? = frequency.roll(start)
            while let current = point, points.count < (periods ?? Int.max), end.map({ current <= $0 }) ?? true {
                points.append(current)
                if points.count > 10_000_000 { throw BambooError(.limitExceeded, "date_range of more than 10,000,000 points is over Bamboo's limit.") }
                point = frequency.step(current)
            }
            return points
        }
        guard let end, let periods else { return [] }
        var point: Int64? = frequency.roll(end, backward: true)
        while let current = point, points.count < periods {
            points.append(current)
            point = frequency.step(current, backward: true)
        }
        return points.reversed()
    }
}
