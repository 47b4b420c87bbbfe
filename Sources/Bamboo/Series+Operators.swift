import BambooCore
import BambooPlan

/// A value a Series can be combined with: another Series or a Swift scalar.
public protocol SeriesOperand: Sendable {
    /// The operand as an expression over `anchor`'s rows; throws when it belongs to other rows.
    func expression(alignedWith series: Series) throws -> Expr
}

extension Series: SeriesOperand {
    public func expression(alignedWith other: Series) throws -> Expr {
        guard anchor === other.anchor else {
            throw BambooError(
                .unsupportedOnBackend,
                "These Series come from different frames, which pandas aligns by index. Index alignment across frames is not available yet: compute both from the same DataFrame (e.g. df[\"a\"] + df[\"b\"]) or merge the frames first.")
        }
        return expr
    }
}

extension Scalar: SeriesOperand {
    public func expression(alignedWith series: Series) throws -> Expr { .literal(self) }
}
extension Int: SeriesOperand {
    public func expression(alignedWith series: Series) throws -> Expr { .literal(.int(Int64(self))) }
}
extension Double: SeriesOperand {
    public func expression(alignedWith series: Series) throws -> Expr { .literal(.float(self)) }
}
extension String: SeriesOperand {
    public func expression(alignedWith series: Series) throws -> Expr { .literal(.string(self)) }
}
extension Bool: SeriesOperand {
    public func expression(alignedWith series: Series) throws -> Expr { .literal(.bool(self)) }
}

extension Series {
    /// `self op other` as pandas computes it (dtype rules, NaN, overflow wrap, division by zero).
    public func binary(_ op: BinaryOperator, _ other: some SeriesOperand, reversed: Bool = false) throws -> Series {
        let rhs = try other.expression(alignedWith: self)
        let result = try derived(reversed ? .binary(op, rhs, expr) : .binary(op, expr, rhs), name: resultName(other))
        return result
    }

    /// pandas keeps the name when both sides share it (or the other side is a scalar).
    private func resultName(_ other: some SeriesOperand) -> Scalar {
        if let series = other as? Series { return series.name == name ? name : .none }
        return name
    }

    public static func + (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.add, r) }
    public static func - (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.subtract, r) }
    public static func * (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.multiply, r) }
    public static func / (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.divide, r) }
    public static func % (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.modulo, r) }
    public static func + (l: some SeriesOperand & ScalarLiteralOperand, r: Series) throws -> Series { try r.binary(.add, l, reversed: true) }
    public static func - (l: some SeriesOperand & ScalarLiteralOperand, r: Series) throws -> Series { try r.binary(.subtract, l, reversed: true) }
    public static func * (l: some SeriesOperand & ScalarLiteralOperand, r: Series) throws -> Series { try r.binary(.multiply, l, reversed: true) }
    public static func / (l: some SeriesOperand & ScalarLiteralOperand, r: Series) throws -> Series { try r.binary(.divide, l, reversed: true) }

    /// Floor division (pandas `//`); Swift has no `//` operator.
    public func floorDiv(_ other: some SeriesOperand) throws -> Series { try binary(.floorDivide, other) }
    /// Exponentiation (pandas `**`).
    public func pow(_ other: some SeriesOperand) throws -> Series { try binary(.power, other) }

    public static func == (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.equal, r) }
    public static func != (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.notEqual, r) }
    public static func < (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.less, r) }
    public static func <= (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.lessEqual, r) }
    public static func > (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.greater, r) }
    public static func >= (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.greaterEqual, r) }

    /// Element-wise and (pandas `&`).
    public static func & (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.and, r) }
    /// Element-wise or (pandas `|`).
    public static func | (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.or, r) }
    /// Element-wise exclusive or (pandas `^`).
    public static func ^ (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.xor, r) }
    /// Logical not (pandas `~`).
    public static prefix func ! (s: Series) throws -> Series { try s.derived(.unary(.not, s.expr)) }
    /// Logical not or bitwise inversion (pandas `~`).
    public static prefix func ~ (s: Series) throws -> Series { try s.derived(.unary(.not, s.expr)) }
    /// Negation (pandas unary `-`).
    public static prefix func - (s: Series) throws -> Series { try s.derived(.unary(.negate, s.expr)) }

    /// Absolute values (pandas `s.abs()`).
    public func abs() throws -> Series { try derived(.unary(.absolute, expr)) }
}

/// Swift scalars usable on the left of an operator (`1 - s`).
public protocol ScalarLiteralOperand {}
extension Int: ScalarLiteralOperand {}
extension Double: ScalarLiteralOperand {}
extension Scalar: ScalarLiteralOperand {}
extension String: ScalarLiteralOperand {}
