extension Column {
    /// Applies a `.dt` method to every value of a naive (or UTC) datetime column (pandas: `s.dt.<name>`).
    public func applying(_ function: TemporalFunction) throws -> Column {
        if case .parse(let options) = function { return try parsedAsDatetime(options) }
        if case .parseTimedelta(let unit, let coerce) = function { return try parsedAsTimedelta(unit: unit, coerce: coerce) }
        guard case .datetime(_, let tz) = dtype else {
            throw BambooError(.typeMismatch, "Can only use .dt accessor with datetimelike values")
        }
        // Everything is computed on the wall time the values show in their own zone.
        let (ticks, unit) = try wallTicks()
        switch function {
        case .localize(let zone, let ambiguous, let nonexistent): return try localized(to: zone, ambiguous: ambiguous, nonexistent: nonexistent)
        case .convert(let zone): return try converted(to: zone)
        case .parse(let options): return try parsedAsDatetime(options)
        case .parseTimedelta(let unit, let coerce): return try parsedAsTimedelta(unit: unit, coerce: coerce)
        case .bin(let origin, let step, let closedRight, let labelRight):
            guard step > 0 else { throw BambooError(.invalidArgument, "resample needs a positive frequency") }
            var out = [Int64](repeating: 0, count: count)
            for row in 0..<count where !isMissing(row) {
                out[row] = TemporalBinning.label(ticks[row], origin: origin, step: step, closedRight: closedRight, labelRight: labelRight)
            }
            return Column(dtype: dtype, values: .int64(out), validity: validity)
        case .calendarBin(let frequency, let closedRight, let labelRight):
            var out = [Int64](repeating: 0, count: count)
            for row in 0..<count where !isMissing(row) {
                out[row] = try CalendarBinning.label(ticks[row], unit: unit, frequency: frequency, closedRight: closedRight, labelRight: labelRight)
            }
            return Column(dtype: dtype, values: .int64(out), validity: validity)
        case .date, .time:
            return Column(dtype: .object, values: .object((0..<count).map { row -> Scalar in
                guard !isMissing(row) else { return .nat }
                let time = CivilTime(ticks[row], unit: unit)
                return function == .date ? .date(time.daysSinceEpoch) : .time(time.secondOfDay * 1_000_000 + time.nanos / 1000)
            }))
        case .field(let field):
            var out = [Int64](repeating: 0, count: count)
            var missing = false
            for row in 0..<count {
                if isMissing(row) { missing = true; continue }
                out[row] = CivilTime(ticks[row], unit: unit).field(field)
            }
            guard missing else { return Column(int64: out) }
            return Column(float64: (0..<count).map { isMissing($0) ? .nan : Double(out[$0]) })
        case .test(let test):
            return Column(bool: (0..<count).map { !isMissing($0) && CivilTime(ticks[$0], unit: unit).passes(test) })
        case .normalize, .rounded:
            var out = [Int64](repeating: 0, count: count)
            for row in 0..<count where !isMissing(row) { out[row] = try TemporalRounding.apply(function, ticks[row], unit: unit) }
            let rounded = Column(dtype: .datetime(unit, tz: nil), values: .int64(out), validity: validity)
            // A zoned column rounds its wall time and localizes the result again, as pandas does.
            return try tz.map { try rounded.localized(to: $0) } ?? rounded
        case .strftime, .dayName, .monthName:
            return Column(strings: (0..<count).map { row -> String? in
                guard !isMissing(row) else { return nil }
                let time = CivilTime(ticks[row], unit: unit)
                switch function {
                case .strftime(let format): return time.format(format)
                case .dayName: return CivilTime.dayNames[Int(time.field(.dayOfWeek))]
                default: return CivilTime.monthNames[Int(time.month) - 1]
                }
            })
        }
    }
}

/// Floor, ceil and round to a fixed frequency, in ticks of the column's unit (half to even, as pandas rounds).
enum TemporalRounding {
    static func apply(_ function: TemporalFunction, _ value: Int64, unit: TimeUnit) throws -> Int64 {
        let perSecond = unit.ticksPerSecond
        let step: Int64
        let mode: TemporalFunction.RoundingMode
        switch function {
        case .normalize: (step, mode) = (86_400 * perSecond, .floor)
        case .rounded(let m, let nanos):
            mode = m
            let nanosPerTick = 1_000_000_000 / perSecond
            guard nanos % nanosPerTick == 0 else { return value }  // finer than the unit: nothing to round
            step = nanos / nanosPerTick
        default: return value
        }
        guard step > 1 else { return value }
        var floor = value / step * step
        if floor > value { floor -= step }
        let remainder = value - floor
        switch mode {
        case .floor: return floor
        case .ceil: return remainder == 0 ? value : try checked(floor.addingReportingOverflow(step))
        case .round:
            if remainder * 2 < step { return floor }
            if remainder * 2 > step { return try checked(floor.addingReportingOverflow(step)) }
            return (floor / step) % 2 == 0 ? floor : try checked(floor.addingReportingOverflow(step))
        }
    }

    static func checked(_ result: (partialValue: Int64, overflow: Bool)) throws -> Int64 {
        guard !result.overflow else { throw BambooError(.invalidArgument, "Cannot round: the result is outside the datetime range.") }
        return result.partialValue
    }
}
