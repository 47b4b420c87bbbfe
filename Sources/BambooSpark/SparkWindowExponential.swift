#if Spark
import BambooCore
import BambooPlan
import Foundation
import SparkConnectProtocol

/// pandas' `ewm(...).mean()` (``ExponentialWindow``) on Spark: pandas' own recurrence, folded
/// with Spark's `aggregate` over the recent rows of each row's group.
///
/// The mean at a row is the mean at the group's latest present value (missing rows only decay
/// the weight of what came before). Each present value's weight shrinks by `1 - alpha` per later
/// row (per later present value with `ignore_na`), so a value `lookback` steps back weighs less
/// than 2^-106 of the newest one: it cannot change a double's last bit. Each row therefore folds
/// the recurrence, exactly as ``ExponentialWindow/mean(_:)`` does, over the rows from `lookback`
/// steps before its latest present value up to it: a range frame keyed by that value's position
/// (or by the count of present values so far, with `ignore_na`). The first `lookback` rows of a
/// group are folded from its start, so they are pandas' numbers bit for bit.
///
/// The work per row is the lookback (106 rows for alpha = 0.5, 1,433 for alpha = 0.05); an
/// alpha so small that it passes ``maximumLookback`` is refused rather than run for hours.
struct SparkWindowExponential {
    let expressions: SparkExpressionTranslator
    let spec: SparkWindowSpec

    /// The longest lookback translated; alpha below about 0.0037 needs more.
    static let maximumLookback = 20_000

    /// Steps after which a weight has shrunk below 2^-106 of the newest one.
    static func lookback(alpha: Double) -> Int? {
        let decay = 1 - alpha
        guard decay > 0 else { return 1 }
        guard decay < 1 else { return nil }
        let steps = (-106 / log2(decay)).rounded(.up)
        return steps <= Double(maximumLookback) ? Int(steps) + 1 : nil
    }

    func translate(_ window: ExponentialWindow, _ input: Expr, helperPrefix: String) throws -> SparkWindowValue {
        guard let lookback = Self.lookback(alpha: window.alpha) else {
            throw SparkWindowFunctions.refusal("ewm with alpha=\(window.alpha)",
                                               "its weights fade too slowly to fold a bounded number of earlier rows")
        }
        let value = SparkExpressions.cast(try expressions.cleaned(input), SparkLiterals.doubleType)
        let present = SparkExpressions.call("isnotnull", [value])
        let positionName = helperPrefix + "p", keyName = helperPrefix + "k"
        let position = SparkExpressions.column(positionName)
        // The latest present value's position, or (ignore_na) how many values are present so far.
        let key = window.ignoreNA
            ? spec.aggregate(SparkExpressions.call("count", [value]), .running)
            : spec.aggregate(SparkExpressions.call("max", [SparkExpressions.when(present, position, otherwise: SparkLiterals.null(SparkLiterals.longType))]), .running)
        let helpers = [(positionName, SparkExpressions.cast(spec.ranked(SparkExpressions.call("row_number", [])), SparkLiterals.longType)), (keyName, key)]

        let entry = SparkExpressions.call("array", [SparkExpressions.cast(position, SparkLiterals.doubleType), value])
        var frame = Spark_Connect_Expression.Window()
        frame.windowFunction = SparkExpressions.call("collect_list", [entry])
        frame.partitionSpec = spec.partition
        frame.orderSpec = [SparkExpressions.sortOrder(SparkExpressions.column(keyName), ascending: true, nullsFirst: true)]
        var range = Spark_Connect_Expression.Window.WindowFrame()
        range.frameType = .range
        range.lower.value = SparkLiterals.long(Int64(-lookback))
        range.upper.currentRow = true
        frame.frameSpec = range
        var recent = Spark_Connect_Expression()
        recent.window = frame
        // Rows sharing a key (a value and the missing rows after it) arrive in any order.
        let ordered = SparkExpressions.call("array_sort", [recent])

        let start = SparkExpressions.call("array", [SparkLiterals.double(.nan), SparkLiterals.double(1)])
        let step = SparkExpressions.lambda(["bamboo_ewm_state", "bamboo_ewm_row"]) { variables in
            recurrence(window, state: variables[0], row: variables[1])
        }
        let mean = SparkExpressions.lambda(["bamboo_ewm_state"]) { variables in element(variables[0], 1) }
        let folded = SparkExpressions.call("aggregate", [ordered, start, step, mean])

        let observations = spec.aggregate(SparkExpressions.call("count", [value]), .running)
        let enough = SparkExpressions.call(">=", [observations, SparkLiterals.long(Int64(max(window.minPeriods, 1)))])
        let result = SparkExpressions.when(SparkExpressions.call("isnan", [folded]), SparkLiterals.null(SparkLiterals.doubleType), otherwise: folded)
        return SparkWindowValue(helpers: helpers, value: SparkExpressions.when(enough, result, otherwise: SparkLiterals.null(SparkLiterals.doubleType)))
    }

    /// One row of pandas' recurrence: `state` is `[mean, weight of the mean]`, `row` is
    /// `[position, value]` (value null when missing).
    private func recurrence(_ window: ExponentialWindow, state: Spark_Connect_Expression, row: Spark_Connect_Expression) -> Spark_Connect_Expression {
        let mean = element(state, 1), weight = element(state, 2), x = element(row, 2)
        let decay = SparkLiterals.double(1 - window.alpha), newWeight = SparkLiterals.double(window.adjust ? 1 : window.alpha)
        let present = SparkExpressions.call("isnotnull", [x])
        let decayed = SparkExpressions.call("*", [weight, decay])
        let blended = SparkExpressions.call("/", [
            SparkExpressions.call("+", [SparkExpressions.call("*", [decayed, mean]), SparkExpressions.call("*", [newWeight, x])]),
            SparkExpressions.call("+", [decayed, newWeight]),
        ])
        // pandas leaves the mean alone when the value equals it (no rounding drift on constants).
        let updatedMean = SparkExpressions.when(SparkExpressions.call("==", [mean, x]), mean, otherwise: blended)
        let updatedWeight = window.adjust ? SparkExpressions.call("+", [decayed, newWeight]) : SparkLiterals.double(1)
        let observed = SparkExpressions.call("array", [updatedMean, updatedWeight])
        let skipped = window.ignoreNA ? state : SparkExpressions.call("array", [mean, decayed])
        let started = SparkExpressions.when(present, observed, otherwise: skipped)
        let first = SparkExpressions.when(present, SparkExpressions.call("array", [x, weight]), otherwise: state)
        return SparkExpressions.when(SparkExpressions.call("isnan", [mean]), first, otherwise: started)
    }

    private func element(_ array: Spark_Connect_Expression, _ index: Int64) -> Spark_Connect_Expression {
        SparkExpressions.call("element_at", [array, SparkExpressions.cast(SparkLiterals.long(index), SparkLiterals.integerType)])
    }
}
#endif
