#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// pandas' `.dt` methods as Spark datetime functions, computed on the wall time the values show
/// in their own zone, as pandas does.
///
/// Naive datetimes are Spark `timestamp_ntz` (a wall time already). Zoned ones travel as UTC
/// instants (`timestamp`, with the backend's session zone set to UTC); `from_utc_timestamp`
/// gives their wall time in the column's zone before a field is read. `tz_convert` changes only
/// the dtype (the instant stays), so it costs nothing. Refused: `tz_localize` to a zone (Spark
/// resolves daylight-saving gaps and overlaps its own way, not as `ambiguous`/`nonexistent`
/// say), rounding in a zone with daylight saving. Parsing: `+DatetimeParsing.swift`; `date`/`time`:
/// `SparkExpressionTranslator+CalendarParts.swift`; resample bins:
/// `SparkExpressionTranslator+TimeBins.swift`.
extension SparkExpressionTranslator {
    func temporal(_ a: Expr, _ function: TemporalFunction, result: DType) throws -> Spark_Connect_Expression {
        if case .parseTimedelta(let unit, let coerce) = function { return try parsedTimedelta(a, unit: unit, coerce: coerce) }
        if case .parse(let options) = function { return try parsedDatetime(a, options) }
        let source = try dtype(a)
        let refused = SparkTranslationUnsupported(hint: "dt.\(function) has no exact Spark translation yet; run it on the eager backend (Session.eager()).")
        guard case .datetime(_, let zone) = source else { throw refused }
        let x = try translate(a)
        func call(_ name: String, _ arguments: [Spark_Connect_Expression]) -> Spark_Connect_Expression { SparkExpressions.call(name, arguments) }
        let wall = zone.map { call("from_utc_timestamp", [x, SparkLiterals.string($0)]) } ?? x
        let long = { SparkLiterals.long($0) }
        func field(_ name: String) -> Spark_Connect_Expression { call(name, [wall]) }
        let lastDay = call("dayofmonth", [call("last_day", [wall])])
        switch function {
        case .field(let f):
            switch f {
            case .year: return field("year")
            case .month: return field("month")
            case .day: return field("dayofmonth")
            case .hour: return field("hour")
            case .minute: return field("minute")
            case .second: return SparkExpressions.cast(field("second"), SparkLiterals.longType)
            case .microsecond:
                // date_part('SECOND') is the seconds of the minute with six decimals.
                let seconds = call("date_part", [SparkLiterals.string("SECOND"), wall])
                let micros = SparkExpressions.cast(call("*", [seconds, long(1_000_000)]), SparkLiterals.longType)
                return call("%", [micros, long(1_000_000)])
            case .nanosecond:
                // Uploads refuse values finer than a microsecond, so every nanosecond field is 0.
                return SparkExpressions.when(call("isnull", [x]), SparkLiterals.null(SparkLiterals.longType), otherwise: long(0))
            case .dayOfWeek: return call("%", [call("+", [field("dayofweek"), long(5)]), long(7)])  // Spark: Sunday = 1
            case .dayOfYear: return field("dayofyear")
            case .quarter: return field("quarter")
            case .daysInMonth: return lastDay
            }
        case .test(let t):
            let (month, day) = (field("month"), field("dayofmonth"))
            let isFirst = call("==", [day, long(1)]), isLast = call("==", [day, lastDay])
            let inQuarterStart = call("in", [month, long(1), long(4), long(7), long(10)])
            let inQuarterEnd = call("in", [month, long(3), long(6), long(9), long(12)])
            let test: Spark_Connect_Expression
            switch t {
            case .isMonthStart: test = isFirst
            case .isMonthEnd: test = isLast
            case .isQuarterStart: test = SparkExpressions.and(isFirst, inQuarterStart)
            case .isQuarterEnd: test = SparkExpressions.and(isLast, inQuarterEnd)
            case .isYearStart: test = SparkExpressions.and(isFirst, call("==", [month, long(1)]))
            case .isYearEnd: test = SparkExpressions.and(isLast, call("==", [month, long(12)]))
            case .isLeapYear:
                let year = field("year")
                let divisible = { (n: Int64) in call("==", [call("%", [year, long(n)]), long(0)]) }
                test = SparkExpressions.or(SparkExpressions.and(divisible(4), SparkExpressions.not(divisible(100))), divisible(400))
            }
            return call("coalesce", [test, SparkLiterals.boolean(false)])  // NaT answers False
        case .date, .time:
            return calendarPart(ofWall: wall, zoned: zone != nil, time: function == .time)
        case .dayName: return call("date_format", [wall, SparkLiterals.string("EEEE")])
        case .monthName: return call("date_format", [wall, SparkLiterals.string("MMMM")])
        case .normalize where zone == nil:
            return call("date_trunc", [SparkLiterals.string("DAY"), x])
        case .rounded(let mode, let nanos) where zone == nil || zone == "UTC":
            guard nanos % 1_000 == 0, nanos > 0 else { throw refused }
            return rounded(x, mode, step: nanos / 1_000, zoned: zone != nil)
        case .normalize, .rounded:
            // A zoned value rounds its wall time, which is then localized again (raising on a
            // skipped or repeated result), as pandas does.
            guard case .datetime(let unit, let zone?) = source else { throw refused }
            let naive = SparkExpressions.cast(wall, SparkLiterals.timestampNtzType)
            let roundedWall: Spark_Connect_Expression
            if case .rounded(let mode, let nanos) = function {
                guard nanos % 1_000 == 0, nanos > 0 else { throw refused }
                roundedWall = rounded(naive, mode, step: nanos / 1_000, zoned: false)
            } else {
                roundedWall = SparkExpressions.cast(call("date_trunc", [SparkLiterals.string("DAY"), naive]), SparkLiterals.timestampNtzType)
            }
            return try localized(roundedWall, unit: unit, to: zone, ambiguous: .raise, nonexistent: .raise)
        case .localize(let target?, let ambiguous, let nonexistent):
            guard zone == nil else { throw BambooError(.typeMismatch, "Already tz-aware, use tz_convert to convert.") }
            guard case .datetime(let unit, _) = source else { throw refused }
            return try localized(x, unit: unit, to: target, ambiguous: ambiguous, nonexistent: nonexistent)
        case .strftime(let format):
            guard let pattern = SparkDatePattern.pattern(forStrftime: format) else {
                throw SparkTranslationUnsupported(hint: "dt.strftime('\(format)') uses a directive with no Spark date pattern (%Y %y %m %d %H %I %M %S %f %p %a %A %b %B %j %% have one); run it on the eager backend (Session.eager()).")
            }
            return call("date_format", [wall, SparkLiterals.string(pattern)])
        case .convert(let target):
            // The same instants; the dtype carries the zone. To naive: the UTC wall time.
            guard zone != nil else { throw refused }
            if target != nil { return x }
            return SparkExpressions.cast(x, SparkLiterals.timestampNtzType)
        case .localize(nil, _, _) where zone != nil:
            return SparkExpressions.cast(wall, SparkLiterals.timestampNtzType)
        case .bin(let origin, let step, let closedRight, let labelRight) where zone == nil:
            guard case .datetime(let unit, _) = source else { throw refused }
            return try fixedBin(x, unit: unit, origin: origin, step: step, closedRight: closedRight, labelRight: labelRight)
        case .calendarBin(let frequency, let closedRight, let labelRight) where zone == nil:
            return try calendarBin(x, frequency: frequency, closedRight: closedRight, labelRight: labelRight)
        default:
            throw refused
        }
    }

    /// pandas' `floor`/`ceil`/`round` to a fixed step of microseconds, counted from the epoch;
    /// `round` breaks ties to the even multiple, as pandas does.
    private func rounded(_ x: Spark_Connect_Expression, _ mode: TemporalFunction.RoundingMode, step: Int64, zoned: Bool) -> Spark_Connect_Expression {
        func call(_ name: String, _ arguments: [Spark_Connect_Expression]) -> Spark_Connect_Expression { SparkExpressions.call(name, arguments) }
        let s = SparkLiterals.long(step)
        let micros = call("unix_micros", [zoned ? x : SparkExpressions.cast(x, SparkLiterals.timestampType)])
        let remainder = call("pmod", [micros, s])
        let down = call("-", [micros, remainder])
        let up = call("+", [down, s])
        let result: Spark_Connect_Expression
        switch mode {
        case .floor: result = down
        case .ceil: result = SparkExpressions.when(call("==", [remainder, SparkLiterals.long(0)]), micros, otherwise: up)
        case .round:
            let twice = call("*", [remainder, SparkLiterals.long(2)])
            let downIsEven = call("==", [call("pmod", [call("div", [down, s]), SparkLiterals.long(2)]), SparkLiterals.long(0)])
            result = SparkExpressions.when(call(">", [twice, s]), up,
                                           otherwise: SparkExpressions.when(call("<", [twice, s]), down,
                                                                            otherwise: SparkExpressions.when(downIsEven, down, otherwise: up)))
        }
        let instant = call("timestamp_micros", [result])
        return zoned ? instant : SparkExpressions.cast(instant, SparkLiterals.timestampNtzType)
    }
}

#endif
