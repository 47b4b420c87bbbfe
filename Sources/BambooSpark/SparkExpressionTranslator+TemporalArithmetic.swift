#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// numpy's datetime64/timedelta64 arithmetic (``TemporalArithmetic``) on Spark timestamps and
/// `interval day to second` values, which are exact microseconds as Bamboo's are.
///
/// Datetimes subtract to intervals and move by intervals with Spark's own operators. Scaling a
/// timedelta goes through its microseconds as a double and truncates toward zero, as numpy does
/// (Spark's `interval * double` rounds half up instead); a product outside int64 or a division by
/// zero is NaT. Comparisons answer False (True for `!=`) where either side is NaT, and a naive
/// datetime against a zoned one is pandas' error for `<` and friends, all False for `==`.
extension SparkExpressionTranslator {
    /// The translation of `a op b` when either side is a datetime or timedelta, else nil.
    func temporalBinary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, left: DType, right: DType) throws -> Spark_Connect_Expression? {
        guard left.isTemporalValue || right.isTemporalValue else { return nil }
        let unsupported = SparkTranslationUnsupported(hint: "\(left.name) \(op.rawValue) \(right.name) has no Spark translation yet.")
        switch (left, right, op) {
        case (.datetime(_, let zl), .datetime(_, let zr), _) where op.isComparison:
            if (zl == nil) != (zr == nil) {
                guard op == .equal || op == .notEqual else {
                    throw BambooError(.typeMismatch, "Invalid comparison between dtype=\(left.name) and \(right.name)")
                }
                return SparkLiterals.boolean(op == .notEqual)
            }
            return try compared(op, a, b)
        case (.timedelta, .timedelta, _) where op.isComparison:
            return try compared(op, a, b)
        case (.datetime(_, let zl), .datetime(_, let zr), .subtract):
            guard (zl == nil) == (zr == nil) else {
                throw BambooError(.typeMismatch, "Cannot subtract tz-naive and tz-aware datetime-like objects.")
            }
            return call("-", [try translate(a), try translate(b)])
        case (.datetime, .timedelta, .add), (.datetime, .timedelta, .subtract), (.timedelta, .timedelta, .add), (.timedelta, .timedelta, .subtract):
            return call(op == .add ? "+" : "-", [try translate(a), try translate(b)])
        case (.timedelta, .datetime, .add):
            return call("+", [try translate(b), try translate(a)])
        case (.timedelta, .timedelta, .divide):
            let x = micros(try translate(a)), y = micros(try translate(b))
            let (dx, dy) = (SparkExpressions.cast(x, SparkLiterals.doubleType), SparkExpressions.cast(y, SparkLiterals.doubleType))
            // Spark's `/` gives null for a zero divisor; numpy gives ±inf, or NaN for 0 / 0.
            let byZero = SparkExpressions.when(call(">", [x, long(0)]), SparkLiterals.double(.infinity),
                                               otherwise: SparkExpressions.when(call("<", [x, long(0)]), SparkLiterals.double(-.infinity),
                                                                                otherwise: SparkLiterals.double(.nan)))
            return SparkExpressions.when(call("==", [y, long(0)]), byZero, otherwise: call("/", [dx, dy]))
        case (.timedelta(let unit), _, .multiply) where Self.isPlainNumber(right),
             (.timedelta(let unit), _, .divide) where Self.isPlainNumber(right):
            guard unit == .us else { throw unsupported }
            return scaled(try translate(a), by: try translate(b), divide: op == .divide)
        case (_, .timedelta(let unit), .multiply) where Self.isPlainNumber(left):
            guard unit == .us else { throw unsupported }
            return scaled(try translate(b), by: try translate(a), divide: false)
        default:
            throw unsupported
        }
    }

    /// False (True for `!=`) where either side is NaT, as numpy compares.
    private func compared(_ op: BinaryOperator, _ a: Expr, _ b: Expr) throws -> Spark_Connect_Expression {
        let x = try translate(a), y = try translate(b)
        let name: String
        switch op {
        case .less: name = "<"
        case .lessEqual: name = "<="
        case .greater: name = ">"
        case .greaterEqual: name = ">="
        default: name = "=="
        }
        let result = op == .notEqual ? SparkExpressions.not(call("==", [x, y])) : call(name, [x, y])
        let anyMissing = SparkExpressions.or(call("isnull", [x]), call("isnull", [y]))
        return SparkExpressions.when(anyMissing, SparkLiterals.boolean(op == .notEqual), otherwise: result)
    }

    /// `delta * k` (or `/ k`) computed on microseconds in double precision and truncated toward
    /// zero, NaT when the number is missing or the result is not finite or outside int64.
    private func scaled(_ delta: Spark_Connect_Expression, by number: Spark_Connect_Expression, divide: Bool) -> Spark_Connect_Expression {
        let x = SparkExpressions.cast(micros(delta), SparkLiterals.doubleType)
        let k = SparkExpressions.cast(number, SparkLiterals.doubleType)
        let value = call(divide ? "/" : "*", [x, k])
        let outOfRange = SparkExpressions.or(call("isnan", [value]), call(">=", [call("abs", [value]), SparkLiterals.double(9.2e18)]))
        let ticks = SparkExpressions.when(call("coalesce", [outOfRange, SparkLiterals.boolean(true)]), SparkLiterals.null(SparkLiterals.longType),
                                          otherwise: SparkExpressions.cast(value, SparkLiterals.longType))
        return interval(micros: ticks)
    }

    /// The microseconds of an interval, as a `bigint` (the instant that far from the epoch).
    func micros(_ interval: Spark_Connect_Expression) -> Spark_Connect_Expression {
        call("unix_micros", [call("+", [call("timestamp_micros", [long(0)]), interval])])
    }

    /// An interval of `micros` (a `bigint`) microseconds; null stays null.
    func interval(micros: Spark_Connect_Expression) -> Spark_Connect_Expression {
        call("*", [SparkLiterals.interval(micros: 1), micros])
    }

    private static func isPlainNumber(_ dtype: DType) -> Bool { [.int64, .float64].contains(dtype) }

    private func call(_ name: String, _ arguments: [Spark_Connect_Expression]) -> Spark_Connect_Expression { SparkExpressions.call(name, arguments) }
    private func long(_ value: Int64) -> Spark_Connect_Expression { SparkLiterals.long(value) }
}

extension DType {
    var isTemporalValue: Bool {
        switch self {
        case .datetime, .timedelta: return true
        default: return false
        }
    }

    var isTimedelta: Bool {
        if case .timedelta = self { return true }
        return false
    }
}

#endif
