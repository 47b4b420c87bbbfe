#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// `resample` and `Grouper(freq:)` bins (``TemporalFunction/bin(origin:step:closedRight:labelRight:)``
/// and ``TemporalFunction/calendarBin(_:closedRight:labelRight:)``) as Spark expressions, giving
/// each naive datetime its bin's label exactly as ``TemporalBinning`` and ``CalendarBinning`` do.
///
/// Fixed steps work on microseconds since the epoch with an exact integer floor division
/// (`(a - pmod(a, s)) div s`), never through doubles, which lose microseconds after 2255.
/// Calendar rules work on dates: the rule's day at or before a date (`floor`) and at or after it
/// (`ceiling`), from `trunc`, `last_day`, `add_months` and weekday arithmetic.
extension SparkExpressionTranslator {
    func fixedBin(_ x: Spark_Connect_Expression, unit: TimeUnit, origin: Int64, step: Int64,
                  closedRight: Bool, labelRight: Bool) throws -> Spark_Connect_Expression {
        let refused = SparkTranslationUnsupported(hint: "resample bins finer than a microsecond or outside Spark's timestamp range have no Spark translation; run it on the eager backend (Session.eager()).")
        guard let origin = Self.micros(origin, unit), let step = Self.micros(step, unit), step > 0 else { throw refused }
        let micros = call("unix_micros", [SparkExpressions.cast(x, SparkLiterals.timestampType)])
        func floorDivision(_ a: Spark_Connect_Expression) -> Spark_Connect_Expression {
            call("div", [call("-", [a, call("pmod", [a, long(step)])]), long(step)])
        }
        // Closed on the right, a value on an edge belongs to the bin that edge ends: ceil(a/s) - 1.
        let index = closedRight
            ? call("-", [call("-", [long(0), floorDivision(call("-", [long(origin), micros]))]), long(1)])
            : floorDivision(call("-", [micros, long(origin)]))
        let edge = labelRight ? call("+", [index, long(1)]) : index
        let label = call("+", [long(origin), call("*", [edge, long(step)])])
        return SparkExpressions.cast(call("timestamp_micros", [label]), SparkLiterals.timestampNtzType)
    }

    func calendarBin(_ x: Spark_Connect_Expression, frequency: DateFrequency, closedRight: Bool, labelRight: Bool) throws -> Spark_Connect_Expression {
        let day = SparkExpressions.cast(x, SparkLiterals.dateType)
        let right: Spark_Connect_Expression
        if !closedRight {
            right = try ceiling(addDays(try floor(day, frequency), 1), frequency)
        } else if frequency.isEndAnchored {
            // A period end closed on the right takes in the whole of its last day.
            right = try ceiling(day, frequency)
        } else {
            let midnight = call("==", [x, SparkExpressions.cast(day, SparkLiterals.timestampNtzType)])
            right = SparkExpressions.when(midnight, try ceiling(day, frequency), otherwise: try ceiling(addDays(day, 1), frequency))
        }
        let label = labelRight ? right : try floor(addDays(right, -1), frequency)
        return SparkExpressions.cast(label, SparkLiterals.timestampNtzType)
    }

    /// The last date on the rule at or before `day`.
    private func floor(_ day: Spark_Connect_Expression, _ frequency: DateFrequency) throws -> Spark_Connect_Expression {
        let weekday = mondayBasedWeekday(day)
        switch frequency {
        case .weekly(let anchor):
            return addDays(day, call("-", [long(0), call("%", [call("+", [weekday, long(7 - anchor)]), long(7)])]))
        case .businessDay:
            return SparkExpressions.when(call("==", [weekday, long(5)]), addDays(day, -1),
                                         otherwise: SparkExpressions.when(call("==", [weekday, long(6)]), addDays(day, -2), otherwise: day))
        case .monthStart: return call("trunc", [day, SparkLiterals.string("MM")])
        case .quarterStart: return call("trunc", [day, SparkLiterals.string("QUARTER")])
        case .yearStart: return call("trunc", [day, SparkLiterals.string("YEAR")])
        case .monthEnd, .quarterEnd, .yearEnd:
            let periodStart: DateFrequency = frequency == .monthEnd ? .monthStart : frequency == .quarterEnd ? .quarterStart : .yearStart
            return SparkExpressions.when(call("==", [try ceiling(day, frequency), day]), day,
                                         otherwise: addDays(try floor(day, periodStart), -1))
        case .fixed: throw BambooError.invariant("calendar bins need a calendar frequency")
        }
    }

    /// The first date on the rule at or after `day`.
    private func ceiling(_ day: Spark_Connect_Expression, _ frequency: DateFrequency) throws -> Spark_Connect_Expression {
        let weekday = mondayBasedWeekday(day)
        func lastDay(monthsAfter start: String, _ months: Int64) -> Spark_Connect_Expression {
            call("last_day", [addMonths(call("trunc", [day, SparkLiterals.string(start)]), months)])
        }
        switch frequency {
        case .weekly(let anchor):
            return addDays(day, call("%", [call("-", [long(anchor + 7), weekday]), long(7)]))
        case .businessDay:
            return SparkExpressions.when(call("==", [weekday, long(5)]), addDays(day, 2),
                                         otherwise: SparkExpressions.when(call("==", [weekday, long(6)]), addDays(day, 1), otherwise: day))
        case .monthEnd: return call("last_day", [day])
        case .quarterEnd: return lastDay(monthsAfter: "QUARTER", 2)
        case .yearEnd: return lastDay(monthsAfter: "YEAR", 11)
        case .monthStart, .quarterStart, .yearStart:
            let start = try floor(day, frequency)
            let months: Int64 = frequency == .monthStart ? 1 : frequency == .quarterStart ? 3 : 12
            return SparkExpressions.when(call("==", [start, day]), day, otherwise: addMonths(start, months))
        case .fixed: throw BambooError.invariant("calendar bins need a calendar frequency")
        }
    }

    /// Monday = 0 ... Sunday = 6, as pandas counts (Spark's `dayofweek` has Sunday = 1).
    private func mondayBasedWeekday(_ day: Spark_Connect_Expression) -> Spark_Connect_Expression {
        call("%", [call("+", [call("dayofweek", [day]), long(5)]), long(7)])
    }

    // `date_add` and `add_months` want an `int` count.
    private func addDays(_ day: Spark_Connect_Expression, _ days: Int64) -> Spark_Connect_Expression { addDays(day, long(days)) }
    private func addDays(_ day: Spark_Connect_Expression, _ days: Spark_Connect_Expression) -> Spark_Connect_Expression {
        call("date_add", [day, SparkExpressions.cast(days, SparkLiterals.integerType)])
    }
    private func addMonths(_ day: Spark_Connect_Expression, _ months: Int64) -> Spark_Connect_Expression {
        call("add_months", [day, SparkExpressions.cast(long(months), SparkLiterals.integerType)])
    }

    private func call(_ name: String, _ arguments: [Spark_Connect_Expression]) -> Spark_Connect_Expression { SparkExpressions.call(name, arguments) }
    private func long(_ value: Int64) -> Spark_Connect_Expression { SparkLiterals.long(value) }
    private static func micros(_ ticks: Int64, _ unit: TimeUnit) -> Int64? { SparkLiterals.micros(ticks, unit) }
}

#endif
