#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// pandas' `tz_localize(tz, ambiguous=, nonexistent=)` on Spark, as ``Column/localized(to:ambiguous:nonexistent:)``
/// computes it, rather than Spark's `to_utc_timestamp` (which silently moves a skipped wall time
/// forward by the gap and picks the earlier of two repeated ones).
///
/// For a wall time `w` (seconds), the zone's offsets a day before, a day after and at `w` give
/// up to three candidate instants `w - offset`; those whose own offset is that offset are the
/// instants showing `w`. One: the answer. Two (a repeated hour): `ambiguous` decides. None (a
/// skipped hour): `nonexistent` decides, `shift_forward`/`shift_backward` finding the change
/// by bisection over the two days around it, in a Spark `aggregate` lambda of 18 halvings.
/// Offsets come from Spark's `from_utc_timestamp` (Java's zone database).
extension SparkExpressionTranslator {
    func localized(_ x: Spark_Connect_Expression, unit: TimeUnit, to zone: String,
                   ambiguous: AmbiguousTime, nonexistent: NonexistentTime) throws -> Spark_Connect_Expression {
        _ = try TimeZoneRules(zone)  // an unknown zone is pandas' error, before Spark runs anything
        let tick: Int64 = 1_000_000 / min(unit.ticksPerSecond, 1_000_000)
        if nonexistent == .shiftBackward, unit == .ns {
            throw SparkTranslationUnsupported(hint: "tz_localize(nonexistent='shift_backward') on nanosecond datetimes gives a value finer than Spark's microseconds; run it on the eager backend (Session.eager()).")
        }
        let micros = call("unix_micros", [SparkExpressions.cast(x, SparkLiterals.timestampType)])
        let fraction = call("pmod", [micros, long(1_000_000)])
        let wall = call("div", [call("-", [micros, fraction]), long(1_000_000)])
        func offset(_ seconds: Spark_Connect_Expression) -> Spark_Connect_Expression {
            let shown = call("unix_micros", [call("from_utc_timestamp", [call("timestamp_seconds", [seconds]), string(zone)])])
            return call("-", [call("div", [shown, long(1_000_000)]), seconds])
        }
        let candidates = [long(-86_400), long(86_400), long(0)].map { shift -> Spark_Connect_Expression in
            let instant = call("-", [wall, offset(call("+", [wall, shift]))])
            return SparkExpressions.when(call("==", [call("+", [instant, offset(instant)]), wall]), instant, otherwise: SparkLiterals.null(SparkLiterals.longType))
        }
        let earliest = call("least", candidates), latest = call("greatest", candidates)
        let wallText = SparkExpressions.cast(x, SparkLiterals.stringType)
        func failure(_ before: String, _ after: String) -> Spark_Connect_Expression {
            call("raise_error", [call("concat", [string(SparkRuntimeCheck.marker + before), wallText, string(after + SparkRuntimeCheck.marker)])])
        }
        let null = SparkLiterals.null(SparkLiterals.longType)
        let skipped: Spark_Connect_Expression
        switch nonexistent {
        case .raise: skipped = failure("", " is a nonexistent time due to daylight savings time. Try using the 'nonexistent' argument.")
        case .nat: skipped = null
        case .shiftForward, .shiftBackward:
            let change = call("*", [transition(after: call("-", [wall, long(86_400)]), before: call("+", [wall, long(86_400)]), offset: offset), long(1_000_000)])
            skipped = nonexistent == .shiftForward ? change : call("-", [change, long(tick)])
        }
        let repeated: Spark_Connect_Expression
        switch ambiguous {
        case .raise: repeated = failure("Cannot infer dst time from ", ", try using the 'ambiguous' argument")
        case .nat: repeated = null
        case .daylightSaving(let dst): repeated = call("+", [call("*", [dst ? earliest : latest, long(1_000_000)]), fraction])
        }
        let single = call("+", [call("*", [earliest, long(1_000_000)]), fraction])
        let result = SparkExpressions.when(call("isnull", [earliest]), skipped,
                                           otherwise: SparkExpressions.when(call("==", [earliest, latest]), single, otherwise: repeated))
        return SparkExpressions.when(call("isnull", [x]), SparkLiterals.null(SparkLiterals.timestampType), otherwise: call("timestamp_micros", [result]))
    }

    /// The first second in `(low, high]` whose offset differs from `low`'s, by bisection.
    private func transition(after low: Spark_Connect_Expression, before high: Spark_Connect_Expression,
                            offset: (Spark_Connect_Expression) -> Spark_Connect_Expression) -> Spark_Connect_Expression {
        let start = offset(low)
        let steps = call("sequence", [SparkLiterals.long(1), SparkLiterals.long(18)])  // 2^18 > the 172,800 s searched
        let halve = SparkExpressions.lambda(["bamboo_bounds", "bamboo_step"]) { variables in
            let lo = call("element_at", [variables[0], SparkExpressions.cast(long(1), SparkLiterals.integerType)])
            let hi = call("element_at", [variables[0], SparkExpressions.cast(long(2), SparkLiterals.integerType)])
            let mid = call("+", [lo, call("div", [call("-", [hi, lo]), long(2)])])
            let narrowed = SparkExpressions.when(call("==", [offset(mid), start]), call("array", [mid, hi]), otherwise: call("array", [lo, mid]))
            return SparkExpressions.when(call(">", [call("-", [hi, lo]), long(1)]), narrowed, otherwise: variables[0])
        }
        let upper = SparkExpressions.lambda(["bamboo_bounds"]) { variables in
            call("element_at", [variables[0], SparkExpressions.cast(long(2), SparkLiterals.integerType)])
        }
        return call("aggregate", [steps, call("array", [low, high]), halve, upper])
    }

    private func call(_ name: String, _ arguments: [Spark_Connect_Expression]) -> Spark_Connect_Expression { SparkExpressions.call(name, arguments) }
    private func long(_ value: Int64) -> Spark_Connect_Expression { SparkLiterals.long(value) }
    private func string(_ value: String) -> Spark_Connect_Expression { SparkLiterals.string(value) }
}
#endif
