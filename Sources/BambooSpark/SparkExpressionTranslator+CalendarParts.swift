#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// pandas' `.dt.date` and `.dt.time` (object columns of Python `datetime.date` and
/// `datetime.time` values) on Spark, and their comparison with a `datetime.date`.
///
/// The date is a Spark `date` (Arrow `date32`); the time of day travels as the interval since
/// midnight (Arrow `duration[us]`). Both are read from the wall time in the column's own zone.
/// ``SparkResultDecoder`` turns these two Arrow types, in an object column, back into
/// ``Scalar/date(_:)`` and ``Scalar/time(_:)``, and a missing one into NaT, as pandas keeps it.
extension SparkExpressionTranslator {
    /// The calendar day (`time: false`) or time of day of `wall`, a wall time.
    func calendarPart(ofWall wall: Spark_Connect_Expression, zoned: Bool, time: Bool) -> Spark_Connect_Expression {
        let micros = SparkExpressions.call("unix_micros", [zoned ? wall : SparkExpressions.cast(wall, SparkLiterals.timestampType)])
        let perDay = SparkLiterals.long(86_400_000_000)
        if time {
            return interval(micros: SparkExpressions.call("pmod", [micros, perDay]))
        }
        let days = SparkExpressions.call("floor", [SparkExpressions.call("/", [micros, perDay])])
        return SparkExpressions.call("date_from_unix_date", [SparkExpressions.cast(days, SparkLiterals.integerType)])
    }

    /// `x == date` or `x != date` where `x` holds `.dt.date` values: NaT equals nothing, as in pandas.
    func dateComparison(_ op: BinaryOperator, _ a: Expr, _ b: Expr) throws -> Spark_Connect_Expression? {
        guard op == .equal || op == .notEqual else { return nil }
        let (other, day): (Expr, Int64)
        switch (a, b) {
        case (_, .literal(.date(let d))): (other, day) = (a, d)
        case (.literal(.date(let d)), _): (other, day) = (b, d)
        default: return nil
        }
        guard try dtype(other) == .object, let days = Int32(exactly: day) else { return nil }
        let value = try translate(other)
        let literal = SparkExpressions.call("date_from_unix_date", [SparkExpressions.cast(SparkLiterals.long(Int64(days)), SparkLiterals.integerType)])
        let equal = SparkExpressions.call("==", [value, literal])
        let result = op == .equal ? equal : SparkExpressions.not(equal)
        return SparkExpressions.when(SparkExpressions.call("isnull", [value]), SparkLiterals.boolean(op == .notEqual), otherwise: result)
    }
}
#endif
