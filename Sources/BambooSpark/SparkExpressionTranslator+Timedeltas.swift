#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// `pd.to_timedelta` on Spark, as ``Column/parsedAsTimedelta(unit:coerce:)`` computes it.
///
/// Integers count `unit`s (nanoseconds by default) and keep microseconds (truncated, as pandas 3
/// gives). Text follows ``TimedeltaText``'s grammar: components such as `1 days`, `-30min`,
/// `1.5h` or a clock `02:00:00.5`, each with an optional sign. Spark matches the whole text
/// against that grammar, splits it into components (`regexp_extract_all`) and sums their
/// nanoseconds in a lambda (`aggregate`), with fractions in decimal so `1.5h` is exact. Text
/// that does not parse fails the query with pandas' error, or is NaT with `errors="coerce"`.
/// Floats keep nanoseconds in pandas, finer than Spark's intervals: microseconds here (declared).
extension SparkExpressionTranslator {
    func parsedTimedelta(_ a: Expr, unit: TimeUnit?, coerce: Bool) throws -> Spark_Connect_Expression {
        let source = try dtype(a)
        let x = try translate(a)
        switch source {
        case .timedelta: return x
        case .int64, .nullableInt64:
            let nanos = call("*", [x, long(1_000_000_000 / (unit ?? .ns).ticksPerSecond)])  // wraps, as numpy's does
            return interval(micros: call("div", [nanos, long(1_000)]))
        case .float64, .nullableFloat64:
            // pandas keeps nanoseconds; Spark's intervals hold microseconds (a declared divergence
            // for finer values). The same double operations as the eager backend.
            let scaled = call("/", [call("*", [x, SparkLiterals.double(1e9)]), SparkLiterals.double(Double((unit ?? .ns).ticksPerSecond))])
            let nanos = SparkExpressions.cast(call("round", [scaled]), SparkLiterals.longType)
            let inRange = call("<", [call("abs", [scaled]), SparkLiterals.double(9.2e18)])
            let failed = coerce ? SparkLiterals.null(SparkLiterals.longType)
                : call("raise_error", [call("concat", [string(SparkRuntimeCheck.marker + "Could not convert "), SparkExpressions.cast(x, SparkLiterals.stringType),
                                                       string(" to NumPy timedelta" + SparkRuntimeCheck.marker)])])
            let micros = SparkExpressions.when(SparkExpressions.or(call("isnull", [x]), call("isnan", [x])), SparkLiterals.null(SparkLiterals.longType),
                                               otherwise: SparkExpressions.when(inRange, SparkExpressions.cast(call("floor", [call("/", [nanos, long(1_000)])]), SparkLiterals.longType),
                                                                                otherwise: failed))
            return interval(micros: micros)
        case .string:
            return parsedTimedeltaText(x, coerce: coerce)
        default:
            throw SparkTranslationUnsupported(hint: "to_timedelta of \(source.name) values has no Spark translation; run it on the eager backend (Session.eager()).")
        }
    }

    private static let number = #"(?=[0-9]|\.[0-9])[0-9]*(?:\.[0-9]*)?"#
    /// Groups: 1 sign, 2 number, 3 `:` of a clock, 4 its minutes, 5 its seconds, 6 the unit word.
    private static let component = #"([+-]?) *("# + number + #")(?:(:)("# + number + #")(?::("# + number + #"))?| *(\p{IsAlphabetic}*))"#
    private static let whole = #"^ *(?:"# + component + #" *)+$"#

    private func parsedTimedeltaText(_ text: Spark_Connect_Expression, coerce: Bool) -> Spark_Connect_Expression {
        let components = call("regexp_extract_all", [text, string(Self.component), SparkExpressions.cast(long(0), SparkLiterals.integerType)])
        let total = call("aggregate", [components, long(0), SparkExpressions.lambda(["bamboo_total", "bamboo_component"]) { variables in
            call("+", [variables[0], componentNanos(variables[1])])
        }])
        let parsed = SparkExpressions.when(call("rlike", [text, string(Self.whole)]), total, otherwise: SparkLiterals.null(SparkLiterals.longType))
        let natWords = DatetimeText.natWords.sorted().map { string($0) }
        let missing = SparkExpressions.or(call("isnull", [text]), call("in", [text] + natWords))
        let failed = coerce ? SparkLiterals.null(SparkLiterals.longType)
            : call("raise_error", [call("concat", [string(SparkRuntimeCheck.marker + "Could not convert '"), text,
                                                   string("' to NumPy timedelta" + SparkRuntimeCheck.marker)])])
        let micros = SparkExpressions.when(missing, SparkLiterals.null(SparkLiterals.longType),
                                           otherwise: SparkExpressions.when(call("isnull", [parsed]), failed,
                                                                            otherwise: call("div", [parsed, long(1_000)])))
        return interval(micros: micros)
    }

    /// The signed nanoseconds of one component, null when its unit word is unknown or it overflows.
    private func componentNanos(_ component: Spark_Connect_Expression) -> Spark_Connect_Expression {
        func group(_ i: Int) -> Spark_Connect_Expression {
            call("regexp_extract", [component, string(Self.component), SparkExpressions.cast(long(Int64(i)), SparkLiterals.integerType)])
        }
        func decimal(_ text: Spark_Connect_Expression) -> Spark_Connect_Expression {
            SparkExpressions.cast(text, SparkLiterals.decimalType(precision: 38, scale: 18))
        }
        func nanos(_ value: Spark_Connect_Expression, _ unit: Int64) -> Spark_Connect_Expression {
            SparkExpressions.cast(call("round", [call("*", [value, long(unit)])]), SparkLiterals.longType)
        }
        // A clock's hours and minutes count whole (their fractions are ignored, as pandas does).
        func whole(_ text: Spark_Connect_Expression) -> Spark_Connect_Expression { call("floor", [decimal(text)]) }
        let seconds = SparkExpressions.when(call("==", [group(5), string("")]), long(0), otherwise: nanos(decimal(group(5)), 1_000_000_000))
        let clock = call("+", [call("+", [nanos(whole(group(2)), 3_600_000_000_000), nanos(whole(group(4)), 60_000_000_000)]), seconds])
        let word = group(6)
        let unitNanos = TimedeltaText.units.reduce(SparkExpressions.when(call("==", [word, string("")]), long(1), otherwise: SparkLiterals.null(SparkLiterals.longType))) { rest, unit in
            SparkExpressions.when(call("in", [word] + unit.names.map { string($0) }), long(unit.nanos), otherwise: rest)
        }
        let counted = SparkExpressions.cast(call("round", [call("*", [decimal(group(2)), unitNanos])]), SparkLiterals.longType)
        let magnitude = SparkExpressions.when(call("==", [group(3), string(":")]), clock, otherwise: counted)
        return SparkExpressions.when(call("==", [group(1), string("-")]), call("negative", [magnitude]), otherwise: magnitude)
    }

    private func call(_ name: String, _ arguments: [Spark_Connect_Expression]) -> Spark_Connect_Expression { SparkExpressions.call(name, arguments) }
    private func long(_ value: Int64) -> Spark_Connect_Expression { SparkLiterals.long(value) }
    private func string(_ value: String) -> Spark_Connect_Expression { SparkLiterals.string(value) }
}
#endif
