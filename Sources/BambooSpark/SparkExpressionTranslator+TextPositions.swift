#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// `.str` methods that work on code-point positions: slices with negative bounds or a step,
/// `find` from a start, and `pad(side="both")` (Python's `center`). Python and Spark both count
/// code points (`char_length`, `substring`), so the positions carry over once Python's rules for
/// negative and out-of-range bounds are written out.
extension SparkExpressionTranslator {
    /// `s[start:stop:step]` for a step of 1 or more, or the whole value reversed (`s[::-1]`).
    func sliced(_ x: Spark_Connect_Expression, start: Int?, stop: Int?, step: Int, _ refused: SparkTranslationUnsupported) throws -> Spark_Connect_Expression {
        if step == -1, start == nil, stop == nil { return call("reverse", [x]) }
        guard step >= 1 else { throw refused }
        let length = call("char_length", [x])
        // Python's bounds: negative counts from the end, then both are clamped to 0...length.
        func bound(_ value: Int?, default missing: Spark_Connect_Expression) -> Spark_Connect_Expression {
            guard let value else { return missing }
            return value < 0 ? call("greatest", [call("+", [length, long(Int64(value))]), long(0)]) : call("least", [long(Int64(value)), length])
        }
        let from = bound(start, default: long(0)), to = bound(stop, default: length)
        let span = call("substring", [x, call("+", [from, long(1)]), call("greatest", [call("-", [to, from]), long(0)])])
        guard step > 1 else { return span }
        // Every step-th code point: each run of up to `step` code points keeps its first.
        return call("regexp_replace", [span, string("(?s)(.).{0,\(step - 1)}"), string("$1")])
    }

    /// Python's `find(sub, start)`: the first position at or after `start` (negative counts from
    /// the end), -1 when absent or when `start` is past the end.
    func found(_ x: Spark_Connect_Expression, _ substring: String, start: Int64) -> Spark_Connect_Expression {
        let length = call("char_length", [x])
        let from = start < 0 ? call("greatest", [call("+", [length, long(start)]), long(0)]) : call("least", [long(start), length])
        let position: Spark_Connect_Expression
        if substring.isEmpty {
            position = from
        } else {
            let at = call("locate", [string(substring), x, SparkExpressions.cast(call("+", [from, long(1)]), SparkLiterals.integerType)])
            position = SparkExpressions.when(call("==", [at, long(0)]), long(-1), otherwise: call("-", [at, long(1)]))
        }
        // `least`/`greatest` skip nulls: a missing value must stay missing.
        let checked = start > 0 ? SparkExpressions.when(call(">", [long(start), length]), long(-1), otherwise: position) : position
        return SparkExpressions.when(call("isnull", [x]), SparkLiterals.null(SparkLiterals.longType), otherwise: checked)
    }

    /// Python's `center(width, fill)`: the odd fill character goes left when both the margin
    /// and the width are odd, right otherwise.
    func centered(_ x: Spark_Connect_Expression, width: Int64, fill: String) -> Spark_Connect_Expression {
        let margin = call("-", [long(width), call("char_length", [x])])
        let left = call("+", [call("div", [margin, long(2)]), call("&", [call("&", [margin, long(width)]), long(1)])])
        func repeated(_ count: Spark_Connect_Expression) -> Spark_Connect_Expression {
            call("repeat", [string(fill), SparkExpressions.cast(count, SparkLiterals.integerType)])
        }
        let padded = call("concat", [repeated(left), x, repeated(call("-", [margin, left]))])
        return SparkExpressions.when(call("<=", [margin, long(0)]), x, otherwise: padded)
    }

    private func call(_ name: String, _ arguments: [Spark_Connect_Expression]) -> Spark_Connect_Expression { SparkExpressions.call(name, arguments) }
    private func long(_ value: Int64) -> Spark_Connect_Expression { SparkLiterals.long(value) }
    private func string(_ value: String) -> Spark_Connect_Expression { SparkLiterals.string(value) }
}
#endif
