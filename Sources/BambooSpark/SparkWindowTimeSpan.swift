#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// pandas' time-based `rolling("3D")` (on the index or an `on=` column) as Spark aggregates over
/// a range frame, as the eager backend computes it.
///
/// pandas' window of a row is the rows up to it (in row order) whose time lies in `(t - span, t]`
/// for increasing times, `[t, t + span)` read forward for decreasing ones; a later row of the
/// same time is not in it. A Spark range frame over the times alone would take such rows, so the
/// frame orders by an exact key that breaks ties by position:
/// `key = ±micros * M + position` in `decimal(38, 0)`, `M = 1000 * 2^31`, the sign following the
/// times' direction. Then `key_j > key_k - span * M` holds exactly for the earlier rows inside
/// the span (a difference of one nanosecond outweighs any position difference below 2^31), and
/// the frame ends at the row itself (keys are distinct).
///
/// Times that are not monotonic, or hold NaT, fail the query with pandas' ValueError
/// (``SparkRuntimeCheck``), as the eager backend throws.
struct SparkWindowTimeSpan {
    let expressions: SparkExpressionTranslator
    let spec: SparkWindowSpec

    /// Positions must stay below this for the key to break ties exactly.
    static let positionLimit: Int128 = 1 << 31

    func translate(_ window: RollingWindow, span: Int64, timesName: String, input: Expr, times: Expr?,
                   helperPrefix: String) throws -> SparkWindowValue {
        guard let times, case .datetime(let unit, _) = try expressions.dtype(times) else {
            throw BambooError.invariant("a time-based window needs datetime times")
        }
        // span * M in microseconds: M = 1000 * 2^31 makes a nanosecond span an integer too.
        let nanosPerTick = Int128(1_000_000_000 / unit.ticksPerSecond)
        let spanKey = Int128(span) * nanosPerTick * Self.positionLimit
        guard span > 0, spanKey < Int128(1) << 122 else {
            throw SparkWindowFunctions.refusal("rolling over a time span of \(span) ticks", "the span is outside what an exact Spark decimal key holds")
        }
        let column = SparkExpressions.column
        let name = { (suffix: String) in helperPrefix + suffix }
        // Naive times are wall times; the backend's session zone is UTC, so they read as UTC instants.
        let micros = SparkExpressions.call("unix_micros", [SparkExpressions.cast(try expressions.translate(times), SparkLiterals.timestampType)])
        let helpers: [(String, Spark_Connect_Expression)] = [
            (name("t"), micros),
            (name("p"), spec.ranked(SparkExpressions.call("row_number", []))),
            (name("q"), spec.ranked(SparkExpressions.call("lag", [column(name("t")), SparkWindowSpec.integer(1)]))),
            (name("i"), spec.aggregate(SparkExpressions.call("min", [Self.orTrue(SparkExpressions.call(">=", [column(name("t")), column(name("q"))]))]), .partition)),
            (name("d"), spec.aggregate(SparkExpressions.call("min", [Self.orTrue(SparkExpressions.call("<=", [column(name("t")), column(name("q"))]))]), .partition)),
            (name("n"), spec.aggregate(SparkExpressions.call("max", [SparkExpressions.call("isnull", [column(name("t"))])]), .partition)),
        ]
        let increasing = Self.orTrue(column(name("i")))
        let signed = SparkExpressions.when(increasing, column(name("t")), otherwise: SparkExpressions.call("negative", [column(name("t"))]))
        let key = SparkExpressions.call("+", [
            SparkExpressions.call("*", [SparkExpressions.cast(signed, SparkLiterals.decimalType(precision: 20, scale: 0)),
                                        Self.decimal(1000 * Self.positionLimit, precision: 16)]),
            SparkExpressions.cast(column(name("p")), SparkLiterals.decimalType(precision: 11, scale: 0)),
        ])
        let ordered = SparkWindowSpec(partition: spec.partition, order: [SparkExpressions.sortOrder(key, ascending: true, nullsFirst: false)])
        let rolled = try SparkWindowRolling(expressions: expressions, spec: ordered)
            .aggregate(window, input, over: .range(lower: Self.decimal(-(spanKey - 1), precision: 38)))
        let monotonic = SparkExpressions.or(increasing, Self.orTrue(column(name("d"))))
        let checked = SparkExpressions.when(
            SparkExpressions.call("coalesce", [column(name("n")), SparkLiterals.boolean(false)]),
            SparkExpressions.cast(SparkRuntimeCheck.failure("\(timesName) values must not have NaT"), SparkLiterals.doubleType),
            otherwise: SparkExpressions.when(monotonic, rolled,
                                             otherwise: SparkExpressions.cast(SparkRuntimeCheck.failure("\(timesName) values must be monotonic"), SparkLiterals.doubleType)))
        return SparkWindowValue(helpers: helpers, value: checked)
    }

    private static func orTrue(_ condition: Spark_Connect_Expression) -> Spark_Connect_Expression {
        SparkExpressions.call("coalesce", [condition, SparkLiterals.boolean(true)])
    }

    private static func decimal(_ value: Int128, precision: Int32) -> Spark_Connect_Expression {
        var decimal = Spark_Connect_Expression.Literal.Decimal()
        decimal.value = String(value)
        decimal.precision = precision
        decimal.scale = 0
        var literal = Spark_Connect_Expression.Literal()
        literal.decimal = decimal
        var expression = Spark_Connect_Expression()
        expression.literal = literal
        return expression
    }
}
#endif
