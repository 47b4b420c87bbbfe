import BambooCore
import BambooPlan

extension DataFrame {
    /// `df op scalar` column by column (pandas: `df * 2`, `df > 1`).
    public func binary(_ op: BinaryOperator, _ value: Scalar, reversed: Bool = false) throws -> DataFrame {
        try mapColumns { reversed ? .binary(op, .literal(value), $0) : .binary(op, $0, .literal(value)) }
    }

    public static func + (l: DataFrame, r: Scalar) throws -> DataFrame { try l.binary(.add, r) }
    public static func - (l: DataFrame, r: Scalar) throws -> DataFrame { try l.binary(.subtract, r) }
    public static func * (l: DataFrame, r: Scalar) throws -> DataFrame { try l.binary(.multiply, r) }
    public static func / (l: DataFrame, r: Scalar) throws -> DataFrame { try l.binary(.divide, r) }
    public static func % (l: DataFrame, r: Scalar) throws -> DataFrame { try l.binary(.modulo, r) }
    public static func == (l: DataFrame, r: Scalar) throws -> DataFrame { try l.binary(.equal, r) }
    public static func != (l: DataFrame, r: Scalar) throws -> DataFrame { try l.binary(.notEqual, r) }
    public static func < (l: DataFrame, r: Scalar) throws -> DataFrame { try l.binary(.less, r) }
    public static func <= (l: DataFrame, r: Scalar) throws -> DataFrame { try l.binary(.lessEqual, r) }
    public static func > (l: DataFrame, r: Scalar) throws -> DataFrame { try l.binary(.greater, r) }
    public static func >= (l: DataFrame, r: Scalar) throws -> DataFrame { try l.binary(.greaterEqual, r) }
    public static prefix func - (f: DataFrame) throws -> DataFrame { try f.mapColumns { .unary(.negate, $0) } }
    public static prefix func ~ (f: DataFrame) throws -> DataFrame { try f.mapColumns { .unary(.not, $0) } }
}
