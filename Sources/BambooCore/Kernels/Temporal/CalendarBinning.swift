/// `resample`'s bins for a calendar rule (`B`, `W-...`, `MS`, `ME`, `QS`, `QE`, `YS`, `YE`), as
/// pandas makes them: the edges are the rule's days at midnight, from the one before the first
/// value to the one after the last. Bins of a period end (`ME`, `QE`, `YE`, `W`) closed on the right
/// take in the whole of their last day, so `ME` gathers a month's rows under its last day.
public enum CalendarBinning {
    /// The label of the bin holding `ticks` (a datetime in ticks of `unit`).
    public static func label(_ ticks: Int64, unit: TimeUnit, frequency: DateFrequency, closedRight: Bool, labelRight: Bool) throws -> Int64 {
        let perDay = 86_400 * unit.ticksPerSecond
        let day = floorDivision(ticks, perDay)
        let atMidnight = ticks == day &* perDay
        // The bin's edges as days on the rule.
        let right: Int64
        if !closedRight {
            right = try ceiling(try floor(day, frequency) + 1, frequency)
        } else if frequency.isEndAnchored || atMidnight {
            right = try ceiling(day, frequency)
        } else {
            right = try ceiling(day + 1, frequency)
        }
        return try ticksOf(labelRight ? right : try floor(right - 1, frequency), perDay: perDay)
    }

    /// Every bin's label, first to last, for values from `first` to `last` (ticks of `unit`), as
    /// pandas lists them: empty bins included, and, closed on the right, a start rule (`MS`) may add
    /// an empty bin at either end as pandas does.
    public static func labels(first: Int64, last: Int64, unit: TimeUnit, frequency: DateFrequency, closedRight: Bool, labelRight: Bool) throws -> [Int64] {
        let perDay = 86_400 * unit.ticksPerSecond
        let (firstDay, lastDay) = (floorDivision(first, perDay), floorDivision(last, perDay))
        // pandas: first = rollback(first) closed on the left, else first - freq; last = last + freq.
        let start = closedRight ? try floor(firstDay - 1, frequency) : try floor(firstDay, frequency)
        let end = try ceiling(lastDay + 1, frequency)
        var edges: [Int64] = []
        var edge = start
        while edge <= end {
            edges.append(edge)
            guard edges.count <= 10_000_001 else {
                throw BambooError(.limitExceeded, "resample would make more than 10,000,000 bins, over Bamboo's limit.")
            }
            edge = try ceiling(edge + 1, frequency)
        }
        // pandas drops the last edge of a period-end rule when the one before already passes the
        // last value (its edges closed on the right sit at the end of their day).
        if frequency.isEndAnchored, edges.count >= 2 {
            let before = edges[edges.count - 2]
            if (closedRight ? try ticksOf(before + 1, perDay: perDay) - 1 : try ticksOf(before, perDay: perDay)) > last { edges.removeLast() }
        }
        let labels = labelRight ? edges.dropFirst() : edges.dropLast()
        return try labels.map { try ticksOf($0, perDay: perDay) }
    }

    /// The last day on the rule at or before `day` (days since 1970-01-01).
    static func floor(_ day: Int64, _ frequency: DateFrequency) throws -> Int64 {
        let (year, month, _) = TemporalFormatter.civil(fromDays: day)
        let weekday = ((day + 3) % 7 + 7) % 7  // Monday is 0
        let quarterStart = month - (month - 1) % 3
        switch frequency {
        case .weekly(let anchor): return day - (weekday - anchor + 7) % 7
        case .businessDay: return weekday == 5 ? day - 1 : weekday == 6 ? day - 2 : day
        case .monthStart: return TemporalFormatter.civilDays(year: year, month: month, day: 1)
        case .quarterStart: return TemporalFormatter.civilDays(year: year, month: quarterStart, day: 1)
        case .yearStart: return TemporalFormatter.civilDays(year: year, month: 1, day: 1)
        case .monthEnd, .quarterEnd, .yearEnd:
            if try ceiling(day, frequency) == day { return day }
            let periodStart: DateFrequency = frequency == .monthEnd ? .monthStart : frequency == .quarterEnd ? .quarterStart : .yearStart
            return try floor(day, periodStart) - 1
        case .fixed: throw BambooError.invariant("calendar bins need a calendar frequency")
        }
    }

    /// The first day on the rule at or after `day`.
    static func ceiling(_ day: Int64, _ frequency: DateFrequency) throws -> Int64 {
        let (year, month, _) = TemporalFormatter.civil(fromDays: day)
        let weekday = ((day + 3) % 7 + 7) % 7
        func lastDay(_ month: Int64) -> Int64 {
            TemporalFormatter.civilDays(year: year, month: month + 1, day: 1) - 1
        }
        switch frequency {
        case .weekly(let anchor): return day + (anchor - weekday + 7) % 7
        case .businessDay: return weekday == 5 ? day + 2 : weekday == 6 ? day + 1 : day
        case .monthEnd: return lastDay(month)
        case .quarterEnd: return lastDay(month + (3 - month % 3) % 3)
        case .yearEnd: return lastDay(12)
        case .monthStart, .quarterStart, .yearStart:
            let start = try floor(day, frequency)
            if start == day { return day }
            let months: Int64 = frequency == .monthStart ? 1 : frequency == .quarterStart ? 3 : 12
            let (startYear, startMonth, _) = TemporalFormatter.civil(fromDays: start)
            return TemporalFormatter.civilDays(year: startYear, month: startMonth + months, day: 1)
        case .fixed: throw BambooError.invariant("calendar bins need a calendar frequency")
        }
    }

    static func floorDivision(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func ticksOf(_ day: Int64, perDay: Int64) throws -> Int64 {
        let (ticks, overflow) = day.multipliedReportingOverflow(by: perDay)
        guard !overflow else { throw BambooError(.invalidArgument, "Out of bounds: a resample bin falls outside the datetime range.") }
        return ticks
    }
}
