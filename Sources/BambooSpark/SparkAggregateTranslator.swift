#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// Aggregate functions (`groupby(...).agg`, `df.sum()`) as Spark aggregate expressions with
/// pandas' missing-value rules: NaN and null are skipped (NaN is turned into null first, since
/// Spark's `sum`/`avg`/`max` would take NaN as a value), the `sum` of nothing is 0, the `mean`,
/// `min`, `max` of nothing are missing, `count` counts present values and `size` rows.
struct SparkAggregateTranslator {
    let expressions: SparkExpressionTranslator
    /// The input's row order as one orderable value (see `orderingStruct`), for `first`/`last`;
    /// nil when it cannot be expressed.
    let ordering: Spark_Connect_Expression?

    func aggregate(_ function: AggregateFunction, _ input: Expr, options: AggregateOptions) throws -> Spark_Connect_Expression {
        if function == .std || function == .var, options == AggregateOptions(ddof: options.ddof) {
            return try spread(function == .std, input, ddof: options.ddof)
        }
        if function == .quantile, options == AggregateOptions(q: options.q, interpolation: options.interpolation) {
            return try quantile(input, q: options.q, interpolation: options.interpolation)
        }
        guard options == AggregateOptions() else {
            throw SparkTranslationUnsupported(hint: "groupby \(function.rawValue) with non-default options (min_count, skipna, ddof) has no Spark translation yet.")
        }
        let type = try expressions.dtype(input)
        switch function {
        case .sum: return try sum(input, type)
        case .mean: return try mean(input, type)
        case .min, .max: return try extreme(function == .min, input, type)
        case .count: return SparkExpressions.call("count", [try expressions.cleaned(input)])
        case .size: return SparkExpressions.call("count", [SparkLiterals.long(1)])
        case .median: return try median(input, type)
        case .nunique: return try distinctCount(input, type)
        case .any, .all: return try truth(function == .any, input, type)
        case .first, .last:
            guard let ordering else {
                throw SparkTranslationUnsupported(hint: "groupby first/last after a descending sort has no Spark translation yet.")
            }
            // pandas' first/last skip missing values: rows with a missing value get no ordering,
            // and min_by/max_by ignore rows whose ordering is null.
            let ordered = SparkExpressions.when(try expressions.isMissing(input), SparkLiterals.null(SparkLiterals.nullType), otherwise: ordering)
            return SparkExpressions.call(function == .first ? "min_by" : "max_by", [try expressions.translate(input), ordered])
        default:
            throw SparkTranslationUnsupported(hint: "groupby \(function.rawValue) has no Spark translation yet (sum, mean, min, max, count, size, first, last do).")
        }
    }

    func reduce(_ reduction: Reduction, _ input: Expr, skipna: Bool) throws -> Spark_Connect_Expression {
        let type = try expressions.dtype(input)
        guard skipna || !type.canHoldMissing else {
            throw SparkTranslationUnsupported(hint: "\(reduction.rawValue)(skipna=False) on \(type.name) values has no Spark translation yet.")
        }
        switch reduction {
        case .sum: return try sum(input, type)
        case .mean: return try mean(input, type)
        case .min, .max: return try extreme(reduction == .min, input, type)
        case .count: return SparkExpressions.call("count", [try expressions.cleaned(input)])
        case .nunique: return try distinctCount(input, type)
        default:
            throw SparkTranslationUnsupported(hint: "\(reduction.rawValue)() has no Spark translation yet (sum, mean, min, max, count, nunique do).")
        }
    }

    private func sum(_ input: Expr, _ type: DType) throws -> Spark_Connect_Expression {
        var value = try expressions.cleaned(input)
        switch type {
        case .int64, .nullableInt64: break
        case .float64, .nullableFloat64:
            return SparkExpressions.call("coalesce", [Self.floatSum(value), SparkLiterals.double(0)])
        case .bool, .nullableBool: value = SparkExpressions.cast(value, SparkLiterals.longType)
        default: throw SparkTranslationUnsupported(hint: "sum of \(type.name) values has no Spark translation yet.")
        }
        // int64 sums wrap on overflow as numpy's do (the session runs with ANSI mode off).
        return SparkExpressions.call("coalesce", [SparkExpressions.call("sum", [value]), SparkLiterals.long(0)])
    }

    private func mean(_ input: Expr, _ type: DType) throws -> Spark_Connect_Expression {
        guard type.isNumeric else { throw SparkTranslationUnsupported(hint: "mean of \(type.name) values has no Spark translation yet.") }
        let value = try expressions.cleaned(input)
        let total: Spark_Connect_Expression
        if SparkLiterals.isFloat(type) {
            total = Self.floatSum(value)
        } else {
            // Integers sum exactly in decimal(38, 0) (no overflow below 10^38), then divide as pandas does in float64.
            let exact = SparkExpressions.call("sum", [SparkExpressions.cast(value, SparkLiterals.decimalType(precision: 38, scale: 0))])
            total = SparkExpressions.cast(exact, SparkLiterals.doubleType)
        }
        // No values: 0 / 0 is null with ANSI off, which decodes as NaN / <NA> as pandas gives.
        return SparkExpressions.call("/", [total, SparkExpressions.cast(SparkExpressions.call("count", [value]), SparkLiterals.doubleType)])
    }

    /// The sum of doubles without depending on how Spark partitions them.
    ///
    /// pandas sums float64 with pairwise (and groupby with compensated) summation, which is close
    /// to exact; Spark adds doubles in partition order, so its last bits vary (1654372.4999999944
    /// for pandas' 1654372.5). Values between 1e-6 and 1e18 in magnitude are summed exactly in
    /// `decimal(38, 18)` and rounded once; outside that range, with infinities, or when the decimal
    /// sum overflows, Spark's double sum is used.
    static func floatSum(_ value: Spark_Connect_Expression) -> Spark_Connect_Expression {
        let magnitude = SparkExpressions.call("abs", [value])
        let largest = SparkExpressions.call("max", [magnitude])
        let smallestNonZero = SparkExpressions.call("min", [
            SparkExpressions.when(SparkExpressions.call("==", [value, SparkLiterals.double(0)]), SparkLiterals.null(SparkLiterals.doubleType),
                                  otherwise: magnitude)])
        let inRange = SparkExpressions.and(
            SparkExpressions.call("<", [largest, SparkLiterals.double(1e18)]),
            SparkExpressions.call("coalesce", [SparkExpressions.call(">=", [smallestNonZero, SparkLiterals.double(1e-6)]), SparkLiterals.boolean(true)]))
        let doubleSum = SparkExpressions.call("sum", [value])
        let decimalSum = SparkExpressions.call("sum", [SparkExpressions.cast(value, SparkLiterals.decimalType(precision: 38, scale: 18))])
        let exact = SparkExpressions.call("coalesce", [SparkExpressions.cast(decimalSum, SparkLiterals.doubleType), doubleSum])
        return SparkExpressions.when(inRange, exact, otherwise: doubleSum)
    }

    /// `std`/`var` with `ddof`: Spark's `var_pop` (Welford's algorithm, as pandas uses) rescaled;
    /// missing for no values or n <= ddof.
    private func spread(_ isStd: Bool, _ input: Expr, ddof: Int) throws -> Spark_Connect_Expression {
        let type = try expressions.dtype(input)
        guard [.int64, .float64, .nullableInt64, .nullableFloat64].contains(type) else {
            throw SparkTranslationUnsupported(hint: "\(isStd ? "std" : "var") of \(type.name) values has no Spark translation yet.")
        }
        let value = SparkExpressions.cast(try expressions.cleaned(input), SparkLiterals.doubleType)
        let count = SparkExpressions.cast(SparkExpressions.call("count", [value]), SparkLiterals.doubleType)
        let d = SparkLiterals.double(Double(ddof))
        let variance = SparkExpressions.call("/", [SparkExpressions.call("*", [SparkExpressions.call("var_pop", [value]), count]),
                                                   SparkExpressions.call("-", [count, d])])
        let result = isStd ? SparkExpressions.call("sqrt", [variance]) : variance
        return SparkExpressions.when(SparkExpressions.call(">", [count, d]), result, otherwise: SparkLiterals.null(SparkLiterals.doubleType))
    }

    /// The exact median (Spark's `percentile`, linear interpolation as pandas); missing for no values.
    private func median(_ input: Expr, _ type: DType) throws -> Spark_Connect_Expression {
        guard [.int64, .float64, .nullableInt64, .nullableFloat64, .bool].contains(type) else {
            throw SparkTranslationUnsupported(hint: "median of \(type.name) values has no Spark translation yet.")
        }
        let value = SparkExpressions.cast(try expressions.cleaned(input), SparkLiterals.doubleType)
        return SparkExpressions.call("percentile", [value, SparkLiterals.double(0.5)])
    }

    /// numpy's exact quantile of each group's present values: the sorted values are collected
    /// (`array_sort(collect_list(...))`, so a group must fit in one executor's memory) and picked
    /// or interpolated at position `q * (n - 1)`, as ``Quantile/of(_:q:interpolation:)`` does.
    /// Integers picked by lower/higher/nearest stay integers; a group without values is missing.
    private func quantile(_ input: Expr, q: Double, interpolation: QuantileInterpolation) throws -> Spark_Connect_Expression {
        let type = try expressions.dtype(input)
        guard [.int64, .float64, .nullableInt64, .nullableFloat64, .bool].contains(type) else {
            throw SparkTranslationUnsupported(hint: "groupby quantile of \(type.name) values has no Spark translation yet.")
        }
        typealias E = Spark_Connect_Expression
        func call(_ name: String, _ arguments: [E]) -> E { SparkExpressions.call(name, arguments) }
        let picksIntegers = [.lower, .higher, .nearest].contains(interpolation) && (type == .int64 || type == .nullableInt64)
        let element = picksIntegers ? SparkLiterals.longType : SparkLiterals.doubleType
        let values = call("array_sort", [call("collect_list", [SparkExpressions.cast(try expressions.cleaned(input), element)])])
        let last = call("-", [call("size", [values]), SparkLiterals.long(1)])
        let position = call("*", [SparkLiterals.double(q), SparkExpressions.cast(last, SparkLiterals.doubleType)])
        let low = call("floor", [position])
        let high = call("least", [call("+", [low, SparkLiterals.long(1)]), last])
        let fraction = call("-", [position, SparkExpressions.cast(low, SparkLiterals.doubleType)])
        func at(_ index: E) -> E {
            call("element_at", [values, SparkExpressions.cast(call("+", [index, SparkLiterals.long(1)]), SparkLiterals.integerType)])
        }
        let exact = call("==", [fraction, SparkLiterals.double(0)])
        let picked: E
        switch interpolation {
        case .linear:
            picked = SparkExpressions.when(exact, at(low), otherwise: call("+", [at(low), call("*", [call("-", [at(high), at(low)]), fraction])]))
        case .lower: picked = at(low)
        case .higher: picked = SparkExpressions.when(exact, at(low), otherwise: at(high))
        case .midpoint:
            picked = SparkExpressions.when(exact, at(low), otherwise: call("/", [call("+", [at(low), at(high)]), SparkLiterals.double(2)]))
        case .nearest: picked = at(SparkExpressions.cast(call("rint", [position]), SparkLiterals.longType))
        }
        return SparkExpressions.when(call("<", [last, SparkLiterals.long(0)]), SparkLiterals.null(element), otherwise: picked)
    }

    /// Distinct present values (`nunique()` with dropna=True).
    private func distinctCount(_ input: Expr, _ type: DType) throws -> Spark_Connect_Expression {
        guard SparkLiterals.isSupported(type) else {
            throw SparkTranslationUnsupported(hint: "nunique of \(type.name) values has no Spark translation yet.")
        }
        return SparkExpressions.call("count", [try expressions.cleaned(input)], distinct: true)
    }

    /// `any`/`all` of bool values, missing ones skipped (all of nothing is True, any of nothing False).
    private func truth(_ isAny: Bool, _ input: Expr, _ type: DType) throws -> Spark_Connect_Expression {
        guard type == .bool || type == .nullableBool else {
            throw SparkTranslationUnsupported(hint: "\(isAny ? "any" : "all") of \(type.name) values has no Spark translation yet (bool values do).")
        }
        let value = try expressions.translate(input)
        return SparkExpressions.call("coalesce", [SparkExpressions.call(isAny ? "bool_or" : "bool_and", [value]), SparkLiterals.boolean(!isAny)])
    }

    private func extreme(_ isMin: Bool, _ input: Expr, _ type: DType) throws -> Spark_Connect_Expression {
        if case .category(let categories) = type { return try categoryExtreme(isMin, input, categories) }
        guard SparkLiterals.isSupported(type) else {
            throw SparkTranslationUnsupported(hint: "\(isMin ? "min" : "max") of \(type.name) values has no Spark translation yet.")
        }
        return SparkExpressions.call(isMin ? "min" : "max", [try expressions.cleaned(input)])
    }

    /// The lowest or highest value of an ordered category in category order (pandas raises for
    /// an unordered one): the extreme position among the known categories, then its value.
    private func categoryExtreme(_ isMin: Bool, _ input: Expr, _ categories: CategoryType) throws -> Spark_Connect_Expression {
        guard categories.ordered else {
            throw BambooError(.typeMismatch, "Categorical is not ordered for operation \(isMin ? "min" : "max")\nyou can use .as_ordered() to change the Categorical to an ordered one\n")
        }
        guard let value = SparkCategories.valueType(.category(categories)), let known = categories.categories,
              case let literals = known.compactMap({ SparkLiterals.literal($0, as: value) }), literals.count == known.count else {
            throw SparkTranslationUnsupported(hint: "\(isMin ? "min" : "max") of a category whose categories are not known to the plan has no Spark translation; \(SparkCategories.eagerHint)")
        }
        let ordered = SparkExpressions.call("array", literals)
        let position = SparkExpressions.call("array_position", [ordered, try expressions.cleaned(input)])
        let extreme = SparkExpressions.call(isMin ? "min" : "max", [position])
        return SparkExpressions.call("element_at", [ordered, SparkExpressions.cast(extreme, SparkLiterals.integerType)])
    }
}
#endif
