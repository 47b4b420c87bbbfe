#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// pandas' `rank(method=, ascending=, na_option=, pct=)` within each group, from Spark's ranking
/// windows, as ``Ranking`` computes it.
///
/// Values are ordered with missing values (NaN and null alike) last in either direction, so
/// Spark's `rank`, `dense_rank` and `row_number` rank the present values among themselves:
/// - `min` is `rank()`; `max` is `present + 1 - rank()` in the opposite direction; `average` their
///   mean; `first` is `row_number()` with ties in row order; `dense` is `dense_rank()`.
/// - `na_option="top"` shifts present ranks past the missing ones, which tie at the top;
///   `"bottom"` puts them after the present ones; `"keep"` leaves them missing.
/// - `pct` divides by the number of ranked rows (distinct ranks for `dense`).
struct SparkWindowRank {
    let expressions: SparkExpressionTranslator
    let spec: SparkWindowSpec

    func translate(_ input: Expr, method: RankMethod, ascending: Bool, naOption: RankNAOption, pct: Bool,
                   helperPrefix: String) throws -> SparkWindowValue {
        let value = try expressions.cleaned(input)
        let missing = try expressions.isMissing(input)
        let byValue = [SparkExpressions.sortOrder(value, ascending: ascending, nullsFirst: false)]
        let present = spec.aggregate(SparkExpressions.call("count", [value]), .partition)
        let rows = spec.aggregate(SparkExpressions.call("count", [SparkLiterals.long(1)]), .partition)
        let absent = SparkExpressions.call("-", [rows, present])
        let anyAbsent = SparkExpressions.when(SparkExpressions.call(">", [absent, SparkLiterals.long(0)]), SparkLiterals.long(1),
                                              otherwise: SparkLiterals.long(0))
        func plus(_ a: Spark_Connect_Expression, _ b: Spark_Connect_Expression) -> Spark_Connect_Expression { SparkExpressions.call("+", [a, b]) }
        func minus(_ a: Spark_Connect_Expression, _ b: Spark_Connect_Expression) -> Spark_Connect_Expression { SparkExpressions.call("-", [a, b]) }
        func half(_ a: Spark_Connect_Expression) -> Spark_Connect_Expression {
            SparkExpressions.call("/", [SparkExpressions.cast(a, SparkLiterals.doubleType), SparkLiterals.double(2)])
        }

        var helpers: [(String, Spark_Connect_Expression)] = []
        // Dense ranks are a helper column when pct needs their maximum (a window over a window).
        var denseRank = spec.ranked(SparkExpressions.call("dense_rank", []), order: byValue)
        if method == .dense && pct {
            let name = helperPrefix + "d"
            helpers.append((name, denseRank))
            denseRank = SparkExpressions.column(name)
        }
        let rowNumber = spec.ranked(SparkExpressions.call("row_number", []), order: byValue + spec.order)

        // Ranks of present values among present values.
        let lowest = spec.ranked(SparkExpressions.call("rank", []), order: byValue)
        let highest = minus(plus(present, SparkLiterals.long(1)),
                            spec.ranked(SparkExpressions.call("rank", []),
                                        order: [SparkExpressions.sortOrder(value, ascending: !ascending, nullsFirst: false)]))
        var ranked: Spark_Connect_Expression
        switch method {
        case .average: ranked = half(plus(lowest, highest))
        case .min: ranked = lowest
        case .max: ranked = highest
        case .first: ranked = rowNumber
        case .dense: ranked = denseRank
        }
        if naOption == .top { ranked = plus(ranked, method == .dense ? anyAbsent : absent) }

        // Ranks of missing values, tied with each other at the top or the bottom.
        let missingRank: Spark_Connect_Expression
        switch (naOption, method) {
        case (.keep, _): missingRank = SparkLiterals.null(SparkLiterals.doubleType)
        case (.top, .average): missingRank = half(plus(absent, SparkLiterals.long(1)))
        case (.top, .min), (.top, .dense): missingRank = SparkLiterals.long(1)
        case (.top, .max): missingRank = absent
        case (.top, .first): missingRank = minus(rowNumber, present)  // missing rows come after the present ones
        case (.bottom, .average): missingRank = plus(SparkExpressions.cast(present, SparkLiterals.doubleType), half(plus(absent, SparkLiterals.long(1))))
        case (.bottom, .min): missingRank = plus(present, SparkLiterals.long(1))
        case (.bottom, .max): missingRank = rows
        case (.bottom, .first): missingRank = rowNumber
        case (.bottom, .dense): missingRank = denseRank  // missing values are the last dense rank
        }
        var result = SparkExpressions.when(missing, SparkExpressions.cast(missingRank, SparkLiterals.doubleType),
                                           otherwise: SparkExpressions.cast(ranked, SparkLiterals.doubleType))
        if pct {
            let total: Spark_Connect_Expression
            switch (method, naOption) {
            case (.dense, .keep):
                total = spec.aggregate(SparkExpressions.call("max", [
                    SparkExpressions.when(missing, SparkLiterals.null(SparkLiterals.longType), otherwise: SparkExpressions.cast(denseRank, SparkLiterals.longType))]), .partition)
            case (.dense, _):
                // With missing values last, the largest dense rank counts them as one more rank.
                total = spec.aggregate(SparkExpressions.call("max", [denseRank]), .partition)
            case (_, .keep): total = present
            default: total = rows
            }
            result = SparkExpressions.call("/", [result, SparkExpressions.cast(total, SparkLiterals.doubleType)])
        }
        return SparkWindowValue(helpers: helpers, value: result)
    }
}
#endif
