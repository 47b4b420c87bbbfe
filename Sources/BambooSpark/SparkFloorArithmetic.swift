#if Spark
import SparkConnectProtocol

/// numpy's `floor_divide` and `remainder` for doubles, from Spark's `%` (Java's remainder, which is
/// C's `fmod`) the way numpy derives them: the remainder takes the divisor's sign, and the
/// quotient is `(a - fmod(a, b)) / b` corrected and rounded, so `1 // 0.1` is 9.0 as in pandas
/// (not `floor(1 / 0.1)`, 10.0). Spark's `floor` returns a bigint, so flooring is done in doubles.
enum SparkFloorArithmetic {
    typealias E = Spark_Connect_Expression
    static func call(_ name: String, _ arguments: [E]) -> E { SparkExpressions.call(name, arguments) }
    static func double(_ value: Double) -> E { SparkLiterals.double(value) }

    /// Whether the remainder needs the divisor's sign: it is non-zero and of the other sign.
    static func signsDiffer(_ fmod: E, _ y: E) -> E {
        SparkExpressions.and(SparkExpressions.not(call("==", [fmod, double(0)])),
                             SparkExpressions.not(call("==", [call("<", [y, double(0)]), call("<", [fmod, double(0)])])))
    }

    static func isNaN(_ x: E) -> E { call("isnan", [x]) }

    /// `x % y` with numpy's rules: NaN for a zero divisor, an infinite or NaN operand; a zero
    /// remainder takes the divisor's sign.
    static func modulo(_ x: E, _ y: E) -> E {
        let fmod = call("%", [x, y])
        let undefined = [call("==", [y, double(0)]), call("==", [call("abs", [x]), double(.infinity)]), isNaN(x), isNaN(y)]
            .dropFirst().reduce(call("==", [y, double(0)]), SparkExpressions.or)
        let signed = SparkExpressions.when(signsDiffer(fmod, y), call("+", [fmod, y]), otherwise: fmod)
        let zero = SparkExpressions.when(call("<", [y, double(0)]), double(-0.0), otherwise: double(0))
        return SparkExpressions.when(undefined, double(.nan),
                                     otherwise: SparkExpressions.when(call("==", [fmod, double(0)]), zero, otherwise: signed))
    }

    /// `x // y` with numpy's rules; `byZero` is true division's translation (±inf or NaN for a zero divisor).
    static func floorDivide(_ x: E, _ y: E, byZero: E) -> E {
        let fmod = call("%", [x, y])
        let raw = call("/", [call("-", [x, fmod]), y])
        let div = SparkExpressions.when(signsDiffer(fmod, y), call("-", [raw, double(1)]), otherwise: raw)
        // floor(div) in doubles: div minus its remainder by 1, one less for negative non-integers.
        let fraction = call("%", [div, double(1)])
        let truncated = call("-", [div, fraction])
        let floored = SparkExpressions.when(SparkExpressions.and(call("<", [div, double(0)]), SparkExpressions.not(call("==", [fraction, double(0)]))),
                                            call("-", [truncated, double(1)]), otherwise: truncated)
        let rounded = SparkExpressions.when(call(">", [call("-", [div, floored]), double(0.5)]), call("+", [floored, double(1)]), otherwise: floored)
        let signedZero = SparkExpressions.when(call("<", [call("/", [x, y]), double(0)]), double(-0.0), otherwise: double(0))
        let value = SparkExpressions.when(call("==", [div, double(0)]), signedZero, otherwise: rounded)
        return SparkExpressions.when(call("==", [y, double(0)]), byZero,
                                     otherwise: SparkExpressions.when(SparkExpressions.or(isNaN(x), isNaN(y)), double(.nan), otherwise: value))
    }
}
#endif
