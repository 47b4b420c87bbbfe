#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// pandas' `rolling(window, min_periods=, center=)` and `expanding(min_periods=)` aggregations as
/// Spark aggregates over row frames, as ``RollingWindow`` computes them.
///
/// - The frame is the `window` rows ending at the row, or centred on it with the extra row after
///   it for an even window (pandas' offsets, `rows between -(w/2) and w-1-w/2`); `expanding` is
///   every row so far.
/// - A result is missing while fewer than `min_periods` values are present (`count` counts the
///   frame's rows instead); values are float64, NaN and null both missing.
/// - `sum` and `mean` add exactly where they can (``SparkAggregateTranslator/floatSum(_:)``), as
///   pandas' compensated sums nearly do; `var`/`std` scale Spark's `var_pop` (Welford's
///   algorithm, as pandas') to `ddof`; `median` is Spark's exact `percentile(x, 0.5)`.
/// - Other aggregations (skew, kurt, sem, ...) are refused.
/// Time spans (`rolling("3D")`) use the same aggregates over a range frame: see ``SparkWindowTimeSpan``.
struct SparkWindowRolling {
    let expressions: SparkExpressionTranslator
    let spec: SparkWindowSpec

    static let translated: Set<AggregateFunction> = [.sum, .mean, .min, .max, .std, .var, .count, .median]

    func translate(_ window: RollingWindow, _ input: Expr) throws -> Spark_Connect_Expression {
        let frame: SparkWindowSpec.Frame
        if window.window == Int.max {
            frame = .running
        } else {
            guard window.window > 0 else {
                // rolling(0): every window is empty; only count and sum of nothing have a value (0).
                guard Self.translated.contains(window.function) else {
                    throw SparkWindowFunctions.refusal("rolling/expanding \(window.function.rawValue)", "only sum, mean, min, max, std, var, count and median are")
                }
                let zero = window.minPeriods <= 0 && (window.function == .count || window.function == .sum)
                return zero ? SparkLiterals.double(0) : SparkLiterals.null(SparkLiterals.doubleType)
            }
            let size = window.window
            frame = window.center ? .rows(lower: -(size / 2), upper: size - 1 - size / 2) : .rows(lower: -(size - 1), upper: 0)
        }
        return try aggregate(window, input, over: frame)
    }

    /// `window`'s aggregation of `input` over `frame` of ``spec`` (a row frame, or a range
    /// frame for time spans).
    func aggregate(_ window: RollingWindow, _ input: Expr, over frame: SparkWindowSpec.Frame) throws -> Spark_Connect_Expression {
        guard Self.translated.contains(window.function) else {
            throw SparkWindowFunctions.refusal("rolling/expanding \(window.function.rawValue)", "only sum, mean, min, max, std, var, count and median are")
        }
        let value = SparkExpressions.cast(try expressions.cleaned(input), SparkLiterals.doubleType)
        func over(_ function: String, _ arguments: [Spark_Connect_Expression]) -> Spark_Connect_Expression {
            spec.aggregate(SparkExpressions.call(function, arguments), frame)
        }
        let present = over("count", [value])
        let enough = SparkExpressions.call(">=", [present, SparkLiterals.long(Int64(window.minPeriods))])
        let someValue = SparkExpressions.and(enough, SparkExpressions.call(">", [present, SparkLiterals.long(0)]))
        let missing = SparkLiterals.null(SparkLiterals.doubleType)
        let count = SparkExpressions.cast(present, SparkLiterals.doubleType)
        switch window.function {
        case .count:
            let rows = over("count", [SparkLiterals.long(1)])
            return SparkExpressions.when(SparkExpressions.call(">=", [rows, SparkLiterals.long(Int64(window.minPeriods))]), count, otherwise: missing)
        case .sum:
            // The sum of no values is 0 (reached with min_periods=0).
            let sum = spec.windowingAggregates(SparkAggregateTranslator.floatSum(value), frame)
            return SparkExpressions.when(enough, SparkExpressions.call("coalesce", [sum, SparkLiterals.double(0)]), otherwise: missing)
        case .mean:
            let sum = spec.windowingAggregates(SparkAggregateTranslator.floatSum(value), frame)
            return SparkExpressions.when(someValue, SparkExpressions.call("/", [sum, count]), otherwise: missing)
        case .min, .max:
            return SparkExpressions.when(enough, over(window.function == .min ? "min" : "max", [value]), otherwise: missing)
        case .var, .std:
            let ddof = SparkLiterals.double(Double(window.ddof))
            let variance = SparkExpressions.call("/", [SparkExpressions.call("*", [over("var_pop", [value]), count]),
                                                       SparkExpressions.call("-", [count, ddof])])
            let result = window.function == .std ? SparkExpressions.call("sqrt", [variance]) : variance
            let defined = SparkExpressions.and(someValue, SparkExpressions.call(">", [count, ddof]))
            return SparkExpressions.when(defined, result, otherwise: missing)
        default:  // .median
            return SparkExpressions.when(someValue, over("percentile", [value, SparkLiterals.double(0.5)]), otherwise: missing)
        }
    }
}
#endif
