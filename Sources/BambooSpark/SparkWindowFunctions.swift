#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// One window column translated: `value` for each row, computed once `helpers` (columns that a
/// later window reads, e.g. dense ranks before their maximum) were added under their names, one
/// after another (a helper may read the ones before it).
struct SparkWindowValue {
    var helpers: [(String, Spark_Connect_Expression)] = []
    var value: Spark_Connect_Expression
}

/// pandas' per-group window functions (``GroupWindowFunction``) as Spark window expressions over
/// one ``SparkWindowSpec``, with the eager backend's semantics: each group sees only its rows,
/// in pandas' order; missing values (NaN or null) stay missing in place.
///
/// Refused (``SparkTranslationUnsupported``), since no window function computes them exactly:
/// Swift closures, rolling aggregations other than sum, mean, min, max, std, var, count and
/// median, and `ewm` with an alpha too small to fold (``SparkWindowExponential``).
struct SparkWindowFunctions {
    let expressions: SparkExpressionTranslator
    let spec: SparkWindowSpec
    /// The input's row order as one orderable value, for `transform("first")`; nil when a key
    /// sorts descending.
    let ordering: Spark_Connect_Expression?

    static func refusal(_ what: String, _ why: String) -> SparkTranslationUnsupported {
        SparkTranslationUnsupported(hint: "\(what) is not translated to Spark (\(why)); run it on the eager backend (Session.eager()).")
    }

    /// `column` as a value per row; `helperPrefix` names any helper columns it needs.
    func translate(_ column: WindowColumn, helperPrefix: String) throws -> SparkWindowValue {
        let input = column.input
        switch column.function {
        case .passthrough:
            return SparkWindowValue(value: try expressions.translate(input))
        case .transform(let function, let ddof) where [.std, .var, .median].contains(function):
            // Spread measures have no grouped Spark translation; over the whole group they are
            // an expanding window's last value, for every row (missing for no values, or n <= ddof).
            guard [.int64, .float64, .nullableInt64, .nullableFloat64].contains(try expressions.dtype(input)) else {
                throw Self.refusal("transform(\"\(function.rawValue)\") of \(try expressions.dtype(input).name) values", "only numbers are")
            }
            let whole = RollingWindow(window: Int.max, minPeriods: 0, center: false, function: function, ddof: ddof)
            return SparkWindowValue(value: try SparkWindowRolling(expressions: expressions, spec: spec).aggregate(whole, input, over: .partition))
        case .transform(let function, let ddof):
            let aggregates = SparkAggregateTranslator(expressions: expressions, ordering: ordering)
            let aggregate = try aggregates.aggregate(function, input, options: AggregateOptions(ddof: ddof))
            return SparkWindowValue(value: spec.windowingAggregates(aggregate, .partition))
        case .cumulative(let operation, let skipna):
            return SparkWindowValue(value: try cumulative(operation, skipna: skipna, input))
        case .cumcount(let ascending):
            let position = spec.ranked(SparkExpressions.call("row_number", []))
            let value = ascending ? SparkExpressions.call("-", [position, SparkLiterals.long(1)])
                : SparkExpressions.call("-", [spec.aggregate(SparkExpressions.call("count", [SparkLiterals.long(1)]), .partition), position])
            return SparkWindowValue(value: value)
        case .shift(let periods, let fill):
            return SparkWindowValue(value: try shifted(try expressions.translate(input), periods, fill: try fillLiteral(fill, input)))
        case .diff(let periods):
            return SparkWindowValue(value: try difference(input, periods))
        case .pctChange(let periods):
            let value = SparkExpressions.cast(try expressions.translate(input), SparkLiterals.doubleType)
            let earlier = try shifted(value, periods, fill: nil)
            return SparkWindowValue(value: SparkExpressions.call("-", [Self.divided(value, earlier), SparkLiterals.double(1)]))
        case .rank(let method, let ascending, let naOption, let pct):
            return try SparkWindowRank(expressions: expressions, spec: spec)
                .translate(input, method: method, ascending: ascending, naOption: naOption, pct: pct, helperPrefix: helperPrefix)
        case .rolling(let window):
            return SparkWindowValue(value: try SparkWindowRolling(expressions: expressions, spec: spec).translate(window, input))
        case .timeRolling(let window, let span, let timesName):
            return try SparkWindowTimeSpan(expressions: expressions, spec: spec)
                .translate(window, span: span, timesName: timesName, input: input, times: column.times, helperPrefix: helperPrefix)
        case .ewmMean(let window):
            return try SparkWindowExponential(expressions: expressions, spec: spec).translate(window, input, helperPrefix: helperPrefix)
        case .custom(let function):
            throw Self.refusal("The Swift closure \(function.name)", "Spark cannot run Swift code")
        case .groupNumber:
            throw BambooError.invariant("group numbers are computed by the GroupWindow translation")
        }
    }

    /// The running sum, product, max or min: missing values stay missing in place and are skipped
    /// (`skipna`), or make the rest of their group missing.
    private func cumulative(_ operation: CumulativeOperation, skipna: Bool, _ input: Expr) throws -> Spark_Connect_Expression {
        let type = try expressions.dtype(input)
        let value = try expressions.cleaned(input)
        let running: Spark_Connect_Expression
        switch operation {
        case .cumsum:
            let isBool = type == .bool || type == .nullableBool
            running = spec.aggregate(SparkExpressions.call("sum", [isBool ? SparkExpressions.cast(value, SparkLiterals.longType) : value]), .running)
        case .cumprod:
            // Spark's only product is of doubles, multiplied in row order as numpy does.
            let product = spec.aggregate(SparkExpressions.call("product", [SparkExpressions.cast(value, SparkLiterals.doubleType)]), .running)
            switch type {
            case .float64, .nullableFloat64: running = product
            case .bool, .nullableBool: running = SparkExpressions.cast(product, SparkLiterals.longType)
            default:
                // Exact while |product| <= 2^53 (every earlier running product is then exact too);
                // beyond, int64 would differ from numpy's wrapping product: fail, never answer wrongly.
                let tooLarge = SparkExpressions.call(">", [SparkExpressions.call("abs", [product]), SparkLiterals.double(9_007_199_254_740_992)])
                let failure = SparkExpressions.call("raise_error", [SparkLiterals.string(
                    "cumprod of int64 values beyond 2**53 is not computed exactly on the Spark backend; run it on the eager backend (Session.eager()).")])
                running = SparkExpressions.when(tooLarge, failure, otherwise: SparkExpressions.cast(product, SparkLiterals.longType))
            }
        case .cummax, .cummin:
            running = spec.aggregate(SparkExpressions.call(operation == .cummax ? "max" : "min", [value]), .running)
        }
        guard type.canHoldMissing else { return running }
        let missing = try expressions.isMissing(input)
        // skipna=False: any missing value so far (max of booleans is "any").
        let hidden = skipna ? missing : spec.aggregate(SparkExpressions.call("max", [missing]), .running)
        return SparkExpressions.when(hidden, SparkLiterals.null(SparkLiterals.nullType), otherwise: running)
    }

    /// The value `periods` rows earlier in the group (later when negative), else `fill`.
    private func shifted(_ value: Spark_Connect_Expression, _ periods: Int, fill: Spark_Connect_Expression?) throws -> Spark_Connect_Expression {
        let offset = SparkWindowSpec.integer(periods.magnitude > UInt(SparkWindowSpec.unboundedBeyond) ? SparkWindowSpec.unboundedBeyond : abs(periods))
        var arguments = [value, offset]
        if let fill { arguments.append(fill) }
        return spec.ranked(SparkExpressions.call(periods >= 0 ? "lag" : "lead", arguments))
    }

    /// `fill_value` as a literal of the column's dtype; values pandas would upcast the column
    /// for (a float into int64, a number into str) are refused.
    private func fillLiteral(_ fill: Scalar?, _ input: Expr) throws -> Spark_Connect_Expression? {
        guard let fill, !fill.isMissing else { return nil }
        let type = try expressions.dtype(input)
        let fits: Bool
        switch (fill, type) {
        case (.int, .int64), (.int, .nullableInt64), (.int, .float64), (.int, .nullableFloat64),
             (.float, .float64), (.float, .nullableFloat64), (.bool, .bool), (.bool, .nullableBool), (.string, .string):
            fits = true
        default:
            fits = false
        }
        guard fits, let literal = SparkLiterals.literal(fill, as: type) else {
            throw Self.refusal("shift(fill_value=\(fill.pythonRepr)) on \(type.name) values", "pandas changes the column's dtype for it")
        }
        return literal
    }

    /// The difference with the value `periods` rows earlier: int64 wraps as numpy's and becomes
    /// float64, bool subtracts as 0 and 1.
    private func difference(_ input: Expr, _ periods: Int) throws -> Spark_Connect_Expression {
        let type = try expressions.dtype(input)
        var value = try expressions.translate(input)
        if type == .bool || type == .nullableBool { value = SparkExpressions.cast(value, SparkLiterals.longType) }
        let change = SparkExpressions.call("-", [value, try shifted(value, periods, fill: nil)])
        switch type {
        case .int64: return SparkExpressions.cast(change, SparkLiterals.doubleType)
        case .float64, .nullableFloat64, .nullableInt64, .bool, .nullableBool: return change
        case .datetime, .timedelta: return change  // an interval: pandas' timedelta64
        default: throw Self.refusal("diff of \(type.name) values", "no Spark subtraction matches it")
        }
    }

    /// `x / y` with IEEE results for a zero divisor (Spark gives null): ±inf by the operands'
    /// signs (a `-0.0` divisor flips it), NaN for 0 / 0 and NaN / 0; missing when either is.
    static func divided(_ x: Spark_Connect_Expression, _ y: Spark_Connect_Expression) -> Spark_Connect_Expression {
        let zero = SparkLiterals.double(0)
        // Spark compares -0.0 equal to 0.0; only its text tells them apart.
        let negativeZero = SparkExpressions.call("==", [SparkExpressions.cast(y, stringType), SparkLiterals.string("-0.0")])
        let positive = SparkExpressions.not(SparkExpressions.call("==", [SparkExpressions.call(">", [x, zero]), negativeZero]))
        let byZero = SparkExpressions.when(
            SparkExpressions.or(SparkExpressions.call("isnan", [x]), SparkExpressions.call("==", [x, zero])), SparkLiterals.double(.nan),
            otherwise: SparkExpressions.when(positive, SparkLiterals.double(.infinity), otherwise: SparkLiterals.double(-.infinity)))
        let anyNull = SparkExpressions.or(SparkExpressions.call("isnull", [x]), SparkExpressions.call("isnull", [y]))
        return SparkExpressions.when(anyNull, SparkLiterals.null(SparkLiterals.doubleType),
                                     otherwise: SparkExpressions.when(SparkExpressions.call("==", [y, zero]), byZero,
                                                                      otherwise: SparkExpressions.call("/", [x, y])))
    }

    private static let stringType: Spark_Connect_DataType = {
        var type = Spark_Connect_DataType()
        type.kind = .string(Spark_Connect_DataType.StringMessage())
        return type
    }()
}
#endif
