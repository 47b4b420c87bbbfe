extension Column {
    /// Wall-clock ticks of a datetime column: UTC instants shifted by the zone's offset; naive
    /// columns already hold wall time.
    func wallTicks() throws -> (ticks: [Int64], unit: TimeUnit) {
        guard case .datetime(let unit, let tz) = dtype, case .int64(let ticks) = values else {
            throw BambooError(.typeMismatch, "Can only use .dt accessor with datetimelike values")
        }
        guard let tz else { return (ticks, unit) }
        let rules = try TimeZoneRules(tz)
        let perSecond = unit.ticksPerSecond
        return ((0..<count).map { row in
            guard !isMissing(row) else { return 0 }
            let seconds = ticks[row] >= 0 ? ticks[row] / perSecond : (ticks[row] - perSecond + 1) / perSecond
            let (shifted, overflow) = ticks[row].addingReportingOverflow(rules.offset(atUTC: seconds) * perSecond)
            return overflow ? ticks[row] : shifted
        }, unit)
    }

    /// pandas' `tz_localize(tz, ambiguous=, nonexistent=)`: wall times become instants in `tz`;
    /// `tz` nil drops the zone, keeping the wall time.
    public func localized(to tz: String?, ambiguous: AmbiguousTime = .raise, nonexistent: NonexistentTime = .raise) throws -> Column {
        guard case .datetime(let unit, let current) = dtype else { throw BambooError(.typeMismatch, "Can only use .dt accessor with datetimelike values") }
        guard let tz else {
            let wall = try wallTicks().ticks
            return Column(dtype: .datetime(unit, tz: nil), values: .int64(wall), validity: validity)
        }
        if current != nil { throw BambooError(.typeMismatch, "Already tz-aware, use tz_convert to convert.") }
        guard case .int64(let ticks) = values else { throw BambooError.invariant("datetime storage") }
        let rules = try TimeZoneRules(tz)
        let perSecond = unit.ticksPerSecond
        var out = [Int64](repeating: 0, count: count)
        var valid = [Bool](repeating: true, count: count)
        for row in 0..<count {
            if isMissing(row) { valid[row] = false; continue }
            let fraction = ((ticks[row] % perSecond) + perSecond) % perSecond
            let wall = (ticks[row] - fraction) / perSecond
            let instants = rules.instants(forWall: wall)
            switch instants.count {
            case 1: out[row] = instants[0] * perSecond + fraction
            case 0:
                switch nonexistent {
                case .raise:
                    throw BambooError(.invalidArgument, "\(TemporalFormatter.timestamp(ticks[row], unit: unit, tz: nil)) is a nonexistent time due to daylight savings time. Try using the 'nonexistent' argument.")
                case .nat: valid[row] = false
                case .shiftForward, .shiftBackward:
                    let change = rules.transition(between: wall - 86_400, and: wall + 86_400)
                    out[row] = nonexistent == .shiftForward ? change * perSecond : change * perSecond - 1
                }
            default:
                switch ambiguous {
                case .raise:
                    throw BambooError(.invalidArgument, "Cannot infer dst time from \(TemporalFormatter.timestamp(ticks[row], unit: unit, tz: nil)), try using the 'ambiguous' argument")
                case .nat: valid[row] = false
                case .daylightSaving(let dst): out[row] = (dst ? instants[0] : instants[instants.count - 1]) * perSecond + fraction
                }
            }
        }
        return Column(dtype: .datetime(unit, tz: tz), values: .int64(out), validity: Bitmap(valid))
    }

    /// pandas' `tz_convert(tz)`: the same instants shown in another zone (`nil`: UTC, naive).
    public func converted(to tz: String?) throws -> Column {
        guard case .datetime(let unit, let current) = dtype else { throw BambooError(.typeMismatch, "Can only use .dt accessor with datetimelike values") }
        guard current != nil else { throw BambooError(.typeMismatch, "Cannot convert tz-naive timestamps, use tz_localize to localize") }
        if let tz { _ = try TimeZoneRules(tz) }
        return Column(dtype: .datetime(unit, tz: tz), values: values, validity: validity)
    }
}
